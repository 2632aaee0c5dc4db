// The audit log: append-only in the database itself, readable by admins within their reach.
import { expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUnit, buildUser } from '../../../test/support/factories';
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

  it("does not tell a prober's organisation whether another organisation's record exists", async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const prober = await buildOrganization(db);
    const proberStaff = await buildUser(db, { organizationId: prober.id, roles: ['admin'] });
    const owner = await buildOrganization(db);
    const ownerAdmin = await buildUser(db, { organizationId: owner.id, roles: ['admin'] });
    const unit = await buildUnit(db, owner.id);
    const unknownId = '00000000-0000-4000-8000-000000000001';

    const probing = await signedIn(baseUrl, proberStaff.email, proberStaff.password);
    const foreign = await probing.patch(`/api/units/${unit.id}`, { name: 'Mine now' });
    const unknown = await probing.patch(`/api/units/${unknownId}`, { name: 'Mine now' });
    expect(foreign.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(foreign.body.detail).toBe(unknown.body.detail);

    // The prober's own admin (here the prober) sees neither attempt: the log says no more than the 404.
    const seenByProber = await probing.get(`/api/audit?outcome=denied&limit=200`);
    expect(seenByProber.status).toBe(200);
    expect(seenByProber.body.items.filter((item: { recordId: string }) => [unit.id, unknownId].includes(item.recordId))).toEqual(
      [],
    );

    // The owner of the record and the network's administrators see the probe.
    const seenByOwner = await (
      await signedIn(baseUrl, ownerAdmin.email, ownerAdmin.password)
    ).get(`/api/audit?outcome=denied&recordId=${unit.id}`);
    expect(seenByOwner.body.items).toEqual([
      expect.objectContaining({ outcome: 'denied', actorUserId: proberStaff.id, recordOrganizationId: owner.id }),
    ]);
    const seenByNetwork = await (
      await signedIn(baseUrl, networkAdmin.email, networkAdmin.password)
    ).get(`/api/audit?outcome=denied&recordId=${unit.id}`);
    expect(seenByNetwork.body.items).toHaveLength(1);
  });

  it("names each row's record beside its id, in the record's name of today", async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const unit = await client.post(`/api/organizations/${host.id}/units`, { name: 'Home visiting', kind: 'program' });
    expect(unit.status).toBe(201);
    await client.patch(`/api/units/${unit.body.id}`, { name: 'Home visiting team' });
    const log = await client.get(`/api/audit?recordId=${unit.body.id}`);
    expect(log.body.items.map((item: { action: string; recordName: string | null }) => [item.action, item.recordName])).toEqual([
      ['unit.update', 'Home visiting team'],
      ['unit.create', 'Home visiting team'],
    ]);
    const signIns = await client.get(`/api/audit?action=session.sign_in&limit=1`);
    expect(signIns.body.items[0]).toMatchObject({ recordType: 'user', recordName: expect.any(String) });
  });

  it('records every reading of the audit log, with the filters used', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const admin = await buildUser(db, { organizationId: organization.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const first = await client.get('/api/audit?action=session.sign_in&limit=5');
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { action: string }) => item.action)).not.toContain('audit.read');
    const reads = await client.get(`/api/audit?action=audit.read&actorUserId=${admin.id}`);
    expect(reads.body.items).toEqual([
      expect.objectContaining({ action: 'audit.read', actorUserId: admin.id, details: { filters: ['action'], page: 'first' } }),
    ]);
  });

  it('records a refused CSRF check, and which roles a role change granted and removed', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const admin = await buildUser(db, { organizationId: organization.id, roles: ['admin'] });
    const staff = await buildUser(db, { organizationId: organization.id, roles: ['care_coordinator'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);

    const forged = await client.request('PATCH', `/api/users/${staff.id}`, { roles: ['admin'] }, { 'x-csrf-token': 'forged' });
    expect(forged.status).toBe(403);
    const changed = await client.patch(`/api/users/${staff.id}`, { roles: ['program_manager', 'leader'] });
    expect(changed.status).toBe(200);

    const csrf = await client.get(`/api/audit?action=request.csrf_refused&actorUserId=${admin.id}`);
    expect(csrf.body.items).toEqual([
      expect.objectContaining({
        outcome: 'denied',
        details: expect.objectContaining({ method: 'PATCH', route: '/api/users/:userId' }),
      }),
    ]);
    const update = await client.get(`/api/audit?action=user.update&recordId=${staff.id}`);
    expect(update.body.items).toEqual([
      expect.objectContaining({
        details: { fields: ['roles'], rolesGranted: ['program_manager', 'leader'], rolesRemoved: ['care_coordinator'] },
      }),
    ]);
  });
});
