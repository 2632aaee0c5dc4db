// Sign-in, sessions, CSRF, lockout and sign-out, through HTTP against a real database.
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUser, TEST_PASSWORD } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';

describeEachEngine('signing in', (ctx) => {
  it('signs in with the right password, answers /api/me, and signs out', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const user = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });

    // The coordinator signs in: the cookie is HttpOnly and SameSite=Lax.
    const client = new Client(baseUrl);
    const answer = await client.signIn(user.email, user.password);
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(answer.body.user.email).toBe(user.email);

    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.organization.id).toBe(host.id);
    expect(me.body.networkAdmin).toBe(false);

    // Signing out ends the session on the server: the old cookie no longer works.
    const oldCookie = client.cookie;
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    const replay = new Client(baseUrl);
    replay.cookie = oldCookie;
    expect((await replay.get('/api/me')).status).toBe(401);

    const actions = await db.query<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM audit_log WHERE actor_user_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(actions).toEqual([
      { action: 'session.sign_in', outcome: 'success' },
      { action: 'session.sign_out', outcome: 'success' },
    ]);
  });

  it('refuses a wrong password, audits it, and locks the account after five in a row', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const client = new Client(baseUrl);

    for (let attempt = 1; attempt <= 4; attempt++) {
      const answer = await client.signIn(user.email, 'not-the-password-at-all');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
    }
    const fifth = await client.signIn(user.email, 'not-the-password-at-all');
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get('retry-after'))).toBeGreaterThan(0);

    // Even the right password waits out the lock.
    expect((await client.signIn(user.email, user.password)).status).toBe(429);

    const failures = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'session.sign_in' AND outcome = 'failure' AND record_id = $1`,
      [user.id],
    );
    expect(failures[0]!.n).toBe(6);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    const { baseUrl } = ctx();
    const answer = await new Client(baseUrl).signIn('nobody-here@example.org', TEST_PASSWORD);
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('sign_in_failed');
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const client = await signedIn(baseUrl, admin.email, admin.password);
    const answer = await client.request('POST', `/api/organizations/${host.id}/units`, { name: 'Cardiology', kind: 'department' }, {
      'x-csrf-token': 'forged',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('csrf_failed');
    const units = await db.query(`SELECT 1 FROM units WHERE organization_id = $1 AND name = 'Cardiology'`, [host.id]);
    expect(units).toHaveLength(0);
  });

  it('ends the sessions of a user who is disabled, and refuses their sign-in', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const worker = await buildUser(db, { organizationId: host.id });
    const workerClient = await signedIn(baseUrl, worker.email, worker.password);
    const adminClient = await signedIn(baseUrl, admin.email, admin.password);

    expect((await adminClient.patch(`/api/users/${worker.id}`, { disabled: true })).status).toBe(200);
    expect((await workerClient.get('/api/me')).status).toBe(401);
    expect((await new Client(baseUrl).signIn(worker.email, worker.password)).status).toBe(401);
  });
});

describeEachEngine('the sign-in rate limit', (ctx) => {
  it('slows down one address that tries too many sign-ins in a minute', async () => {
    const { buildApp } = await import('../../app');
    const app = await buildApp({ db: ctx().db, serveWeb: false, signInAttemptsPerMinute: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as AddressInfo;
      const client = new Client(`http://127.0.0.1:${address.port}`);
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push((await client.signIn(`guess-${attempt}@example.org`, 'guessing-passwords')).status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});
