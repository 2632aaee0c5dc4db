// The audit log: append-only in the database itself, readable by admins within their reach.
import { expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';

describeEachEngine('the audit log', (ctx) => {
  it('cannot be changed or emptied, even by SQL from the application', async () => {
    const { db } = ctx();
    const organization = await buildOrganization(db);
    const rows = await db.query<{ id: number }>('SELECT id FROM audit_log WHERE record_id = $1', [organization.id]);
    expect(rows).toHaveLength(1);
    await expect(db.query(`UPDATE audit_log SET action = 'nothing' WHERE id = $1`, [rows[0]!.id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE id = $1', [rows[0]!.id])).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect(await db.query('SELECT 1 FROM audit_log WHERE id = $1', [rows[0]!.id])).toHaveLength(1);
  });

  it("shows a network admin everything and an organisation's admin only their organisation", async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const pantry = await buildOrganization(db);
    const pantryAdmin = await buildUser(db, { organizationId: pantry.id, roles: ['admin'] });
    const clinic = await buildOrganization(db, { kind: 'primary_care_practice' });
    const clinicUser = await buildUser(db, { organizationId: clinic.id });
    await signedIn(baseUrl, clinicUser.email, clinicUser.password);

    const network = await signedIn(baseUrl, networkAdmin.email, networkAdmin.password);
    const all = await network.get(`/api/audit?action=session.sign_in&actorUserId=${clinicUser.id}`);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0]).toMatchObject({ action: 'session.sign_in', outcome: 'success', actorUserId: clinicUser.id });

    const local = await signedIn(baseUrl, pantryAdmin.email, pantryAdmin.password);
    const mine = await local.get('/api/audit?limit=200');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const item of mine.body.items) {
      expect([item.actorOrganizationId, item.recordOrganizationId]).toContain(pantry.id);
    }
    expect((await local.get(`/api/audit?actorUserId=${clinicUser.id}`)).body.items).toHaveLength(0);
    expect((await local.get('/api/audit?from=yesterday')).status).toBe(400);
  });
});
