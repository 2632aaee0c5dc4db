// How long a session lasts, as KITH_SESSION_IDLE_MINUTES and KITH_SESSION_MAX_HOURS say: the app
// is built from the configuration the way `kith serve` builds it. Time passes by moving the
// session's clock into the past with SQL, not by sleeping.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { parseConfig } from '../../config';
import { appOptionsOf } from '../../serve';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { Client } from '../../../test/support/http-client';

const IDLE_MINUTES = 30;
const MAX_HOURS = 2;

describeEachEngine('session timing from the configuration', (ctx) => {
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    const config = parseConfig({
      KITH_SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
      KITH_SESSION_MAX_HOURS: String(MAX_HOURS),
      LOG_LEVEL: 'silent',
    });
    app = await buildApp({ ...appOptionsOf(config, ctx().db), serveWeb: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function signedInUser() {
    const organization = await buildOrganization(ctx().db);
    const user = await buildUser(ctx().db, { organizationId: organization.id });
    const client = new Client(baseUrl);
    const answer = await client.signIn(user.email, user.password);
    expect(answer.status).toBe(200);
    return { user, client, answer };
  }

  /** Moves the user's session `minutes` into the past: its start, its last use and its expiry. */
  async function age(userId: string, minutes: number) {
    await ctx().db.query(
      `UPDATE sessions SET created_at = created_at - make_interval(mins => $2),
              last_seen_at = last_seen_at - make_interval(mins => $2),
              expires_at = expires_at - make_interval(mins => $2)
        WHERE user_id = $1`,
      [userId, minutes],
    );
  }

  /** Minutes from now until the user's session expires. */
  async function minutesLeft(userId: string): Promise<number> {
    const rows = await ctx().db.query<{ minutes: number }>(
      `SELECT extract(epoch FROM expires_at - now())::float / 60 AS minutes FROM sessions WHERE user_id = $1`,
      [userId],
    );
    expect(rows).toHaveLength(1);
    return rows[0]!.minutes;
  }

  it('ends a session left unused for the configured minutes, and keeps one that is used', async () => {
    const { user, client } = await signedInUser();
    expect(await minutesLeft(user.id)).toBeCloseTo(IDLE_MINUTES, 0);

    // Unused for a little less than the idle time: still signed in, and the use slides the expiry.
    await age(user.id, IDLE_MINUTES - 2);
    expect((await client.get('/api/me')).status).toBe(200);
    expect(await minutesLeft(user.id)).toBeCloseTo(IDLE_MINUTES, 0);

    // Then unused for a little more than the idle time: signed out.
    await age(user.id, IDLE_MINUTES + 1);
    const expired = await client.get('/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthenticated');
  });

  it('ends a session the configured hours after sign-in, however often it is used', async () => {
    const { user, client, answer } = await signedInUser();
    // The cookie itself lasts no longer than the session can.
    const sessionCookie = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('kith_session='));
    expect(sessionCookie).toMatch(new RegExp(`Max-Age=${MAX_HOURS * 3600}(;|$)`));

    // Used every few minutes for almost the whole time allowed: each use keeps it alive…
    const stepMinutes = 10;
    for (let elapsed = stepMinutes; elapsed < MAX_HOURS * 60 - 5; elapsed += stepMinutes) {
      await age(user.id, stepMinutes);
      const me = await client.get('/api/me');
      expect(me.status).toBe(200);
    }
    // …but the expiry never reaches past the end of the allowed hours, less than the idle time away.
    const left = await minutesLeft(user.id);
    expect(left).toBeLessThan(IDLE_MINUTES - 5);
    expect(left).toBeGreaterThan(0);

    // Used again just after the allowed hours: signed out, though it was used minutes ago.
    await age(user.id, Math.ceil(left) + 1);
    expect((await client.get('/api/me')).status).toBe(401);
  });
});
