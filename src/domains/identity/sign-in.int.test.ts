// Sign-in, sessions, CSRF, throttling and the rate limit, and sign-out, through HTTP against a
// real database (throttling in depth: sign-in-throttle.int.test.ts).
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

  it('refuses a wrong password and audits it; past five in a row from one address, attempts wait instead of a lock', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const client = new Client(baseUrl, '127.0.0.2');

    // Five free failures and a sixth: each only the plain "not right" answer, never a lock.
    for (let attempt = 1; attempt <= 6; attempt++) {
      const answer = await client.signIn(user.email, 'not-the-password-at-all');
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(answer.body.code).toBe('sign_in_failed');
    }
    // Then a short wait, which the right password waits out too, in plain words.
    const waiting = await client.signIn(user.email, user.password);
    expect(waiting.status).toBe(429);
    expect(waiting.body.code).toBe('sign_in_throttled');
    expect(waiting.body.detail).toBe('Too many tries. Wait 1 minute, then try again.');
    expect(Number(waiting.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(waiting.headers.get('retry-after'))).toBeLessThanOrEqual(30);

    // From another address the user signs in at once.
    expect((await new Client(baseUrl, '127.0.0.3').signIn(user.email, user.password)).status).toBe(200);

    const failures = await db.query<{ reason: string }>(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'session.sign_in' AND outcome = 'failure' AND record_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(failures.map((row) => row.reason)).toEqual([...Array(6).fill('wrong_password'), 'throttled']);
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
    const answer = await client.request(
      'POST',
      `/api/organizations/${host.id}/units`,
      { name: 'Cardiology', kind: 'department' },
      {
        'x-csrf-token': 'forged',
      },
    );
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
  it('slows down one address that tries too many sign-ins in a minute, in plain words, and audits the refusals once a minute', async () => {
    const { buildApp } = await import('../../app');
    const { db } = ctx();
    const app = await buildApp({ db, serveWeb: false, signInAttemptsPerMinute: 3 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as AddressInfo;
      const client = new Client(`http://127.0.0.1:${address.port}`, '127.0.0.4');
      const answers = [];
      for (let attempt = 0; attempt < 5; attempt++)
        answers.push(await client.signIn(`guess-${attempt}@example.org`, 'guessing-passwords'));
      expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 429, 429]);
      const refused = answers[3]!;
      expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(refused.body.code).toBe('too_many_requests');
      expect(refused.body.detail).toBe('Too many tries. Wait 1 minute, then try again.');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);

      const rows = await db.query<{ outcome: string; reason: string; record_id: string | null }>(
        `SELECT outcome, details->>'reason' AS reason, record_id FROM audit_log
          WHERE action = 'session.sign_in' AND ip = '127.0.0.4' ORDER BY id`,
      );
      expect(rows).toEqual([
        ...Array(3).fill({ outcome: 'failure', reason: 'unknown_email', record_id: null }),
        // Two refusals, one row: refusals anyone can cause are written once per address a minute.
        { outcome: 'failure', reason: 'rate_limited', record_id: null },
      ]);
    } finally {
      await app.close();
    }
  });
});
