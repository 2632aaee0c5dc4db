// Organisations, units and users administered through HTTP: who may do what, and bad input.
import { expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUnit, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';

describeEachEngine('administering the network', (ctx) => {
  it('lets a network admin add a partner organisation and a user in it', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);

    const created = await client.post('/api/organizations', { name: 'Northside Food Bank', kind: 'community_organization' });
    expect(created.status).toBe(201);
    const unit = await client.post(`/api/organizations/${created.body.id}/units`, { name: 'Pantry', kind: 'program' });
    expect(unit.status).toBe(201);
    const user = await client.post('/api/users', {
      organizationId: created.body.id,
      email: 'Rosa.Diaz@Northside.example',
      displayName: 'Rosa Diaz',
      roles: ['partner_staff'],
      unitIds: [unit.body.id],
      password: 'pantry-shelves-are-full',
    });
    expect(user.status).toBe(201);
    expect(user.body).toMatchObject({ email: 'rosa.diaz@northside.example', roles: ['partner_staff'], unitIds: [unit.body.id] });
    expect(user.body).not.toHaveProperty('passwordHash');

    const listed = await client.get(`/api/organizations/${created.body.id}/users`);
    expect(listed.body.items.map((item: { email: string }) => item.email)).toEqual(['rosa.diaz@northside.example']);
    const audited = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE actor_user_id = $1 AND outcome = 'success' ORDER BY id`,
      [admin.id],
    );
    expect(audited.map((row) => row.action)).toEqual([
      'session.sign_in',
      'organization.create',
      'unit.create',
      'user.create',
      'user.list',
    ]);
  });

  it("refuses a user of one organisation anything of another's, as 404, and audits the refusal", async () => {
    const { db, baseUrl } = ctx();
    const clinic = await buildOrganization(db, { kind: 'primary_care_practice' });
    const pantry = await buildOrganization(db);
    const clinicUnit = await buildUnit(db, clinic.id);
    const clinicNurse = await buildUser(db, { organizationId: clinic.id });
    // An admin of the pantry is an admin of the pantry only.
    const pantryAdmin = await buildUser(db, { organizationId: pantry.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, pantryAdmin.email, pantryAdmin.password);

    const attempts = [
      await client.get(`/api/users/${clinicNurse.id}`),
      await client.patch(`/api/users/${clinicNurse.id}`, { displayName: 'Changed' }),
      await client.get(`/api/organizations/${clinic.id}/users`),
      await client.get(`/api/organizations/${clinic.id}/units`),
      await client.post(`/api/organizations/${clinic.id}/units`, { name: 'Sneaky', kind: 'team' }),
      await client.patch(`/api/units/${clinicUnit.id}`, { name: 'Renamed' }),
      await client.patch(`/api/organizations/${clinic.id}`, { description: 'Changed' }),
      await client.post('/api/users', {
        organizationId: clinic.id,
        email: 'intruder@example.org',
        displayName: 'Intruder',
        roles: ['admin'],
        password: 'a-long-enough-password',
      }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.body.code).toBe('not_found');
    }
    const nurse = await db.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [clinicNurse.id]);
    expect(nurse[0]!.display_name).not.toBe('Changed');
    expect(await db.query(`SELECT 1 FROM users WHERE email = 'intruder@example.org'`)).toHaveLength(0);
    const denials = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE actor_user_id = $1 AND outcome = 'denied' AND record_organization_id = $2`,
      [pantryAdmin.id, clinic.id],
    );
    expect(denials[0]!.n).toBe(attempts.length);

    // Within their own organisation the same admin may act.
    const own = await client.post(`/api/organizations/${pantry.id}/units`, { name: 'Delivery', kind: 'program' });
    expect(own.status).toBe(201);
  });

  it('keeps non-admins out of administration and out of the audit log', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const coordinator = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });
    const client = await signedIn(baseUrl, coordinator.email, coordinator.password);
    expect((await client.post('/api/organizations', { name: 'Mine', kind: 'payer' })).status).toBe(403);
    expect((await client.patch(`/api/organizations/${host.id}`, { description: 'x' })).status).toBe(403);
    expect((await client.get('/api/audit')).status).toBe(403);
    // Colleagues of the same organisation are visible to each other.
    expect((await client.get(`/api/organizations/${host.id}/users`)).status).toBe(200);
  });

  it('answers bad input with problem+json naming the field, and writes nothing', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const before = await db.query<{ users: number; organizations: number }>(
      'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM organizations) AS organizations',
    );
    const valid = {
      organizationId: host.id,
      email: 'new.person@example.org',
      displayName: 'New Person',
      roles: ['leader'],
      password: 'long-enough-password',
    };
    const cases: { body: unknown; field: string; status?: number }[] = [
      { body: '{"email": ', field: 'body' },
      { body: { ...valid, email: 'not-an-email' }, field: 'email' },
      { body: { ...valid, roles: 'leader' }, field: 'roles' },
      { body: { ...valid, roles: ['emperor'] }, field: 'roles.0' },
      { body: { ...valid, displayName: 'x'.repeat(201) }, field: 'displayName' },
      { body: { ...valid, password: 'short' }, field: 'password' },
      { body: { ...valid, password: 'kith-demo-password' }, field: 'password' },
      { body: { ...valid, isAdmin: true }, field: 'isAdmin' },
      { body: { email: valid.email }, field: 'organizationId' },
      { body: { ...valid, organizationId: 'not-a-uuid' }, field: 'organizationId' },
      { body: { ...valid, unitIds: ['00000000-0000-4000-8000-000000000000'] }, field: 'unitIds' },
    ];
    for (const testCase of cases) {
      const answer = await client.post('/api/users', testCase.body);
      expect(answer.status, JSON.stringify(testCase.body)).toBe(testCase.status ?? 400);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(testCase.field);
    }
    // Everything wrong at once: the form hears of every field in one answer, the password too.
    const allWrong = await client.post('/api/users', { ...valid, email: 'nope', displayName: '', roles: [], password: 'short' });
    expect(allWrong.status).toBe(400);
    expect(allWrong.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'displayName',
      'email',
      'password',
      'roles',
    ]);
    const badOrganization = await client.post('/api/organizations', { name: '', kind: 'spaceship' });
    expect(badOrganization.status).toBe(400);
    expect(badOrganization.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['kind', 'name']);
    const badQuery = await client.get('/api/organizations?limit=1000000000');
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors[0].field).toBe('query.limit');
    const badPath = await client.get('/api/users/42');
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors[0].field).toBe('path.userId');

    const after = await db.query(
      'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM organizations) AS organizations',
    );
    expect(after).toEqual(before);
  });

  it('refuses a second user with the same email, whatever its case', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const answer = await client.post('/api/users', {
      organizationId: host.id,
      email: admin.email.toUpperCase(),
      displayName: 'Twin',
      roles: ['leader'],
      password: 'long-enough-password',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.errors[0].field).toBe('email');
  });

  it('pages through organisations with a cursor', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    for (let index = 0; index < 5; index++) await buildOrganization(db, { name: `Paging Pantry ${index}` });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const first = await client.get('/api/organizations?q=Paging&limit=2');
    const second = await client.get(`/api/organizations?q=Paging&limit=2&cursor=${first.body.nextCursor}`);
    const third = await client.get(`/api/organizations?q=Paging&limit=2&cursor=${second.body.nextCursor}`);
    const names = [...first.body.items, ...second.body.items, ...third.body.items].map((item: { name: string }) => item.name);
    expect(names).toEqual([0, 1, 2, 3, 4].map((index) => `Paging Pantry ${index}`));
    expect(third.body.nextCursor).toBeNull();
    expect((await client.get('/api/organizations?cursor=garbage')).status).toBe(400);
  });
});
