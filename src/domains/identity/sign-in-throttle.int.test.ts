// Sign-in throttling through HTTP against a real database: known and unknown emails answered
// alike, growing waits that a stranger cannot turn into a lock-out, and the device cookie. Each
// test sends from its own loopback addresses (127.0.0.x), so that the per-address limits of one
// test do not reach another. Waits are ended by moving next_allowed_at into the past, not by sleeping.
import { expect, it, vi } from 'vitest';
import type * as Passwords from '../../platform/auth/passwords';
import { digest } from '../../platform/auth/secrets';
import type { Database } from '../../platform/db/database';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, type Answer } from '../../../test/support/http-client';
import { throttleKeys } from './sign-in-throttle';

// Watching the password check proves that a throttled attempt never reaches it.
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../platform/auth/passwords', async (importOriginal) => {
  const original = await importOriginal<typeof Passwords>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      passwordChecks.count++;
      return original.verifyPassword(hash, password);
    },
    verifyAgainstDecoy: async (password: string) => {
      passwordChecks.count++;
      return original.verifyAgainstDecoy(password);
    },
  };
});

const WRONG = 'not-the-password-at-all';
let lastAddress = 10;
/** A client at a loopback address no other test uses. */
const newAddress = () => `127.0.0.${++lastAddress}`;

function keysOf(email: string, ip: string): string[] {
  return throttleKeys({ email, ip }).map((k) => k.key);
}

function deviceKeyOf(email: string, client: Client): string {
  const token = client.deviceCookie!.slice('kith_device='.length);
  return throttleKeys({ email, trustedDeviceHash: digest(token) })[0]!.key;
}

/** Ends the waits of these keys now, as time would. */
async function endWaits(db: Database, keys: string[]): Promise<void> {
  await db.query(`UPDATE sign_in_throttle SET next_allowed_at = now() - interval '1 second' WHERE key = ANY($1::text[])`, [keys]);
}

/** What a client can see of an answer, minus the clock's Date header. */
function visible(answer: Answer) {
  return {
    status: answer.status,
    contentType: answer.headers.get('content-type'),
    body: answer.body,
    retryAfter: answer.headers.has('retry-after'),
    setCookie: answer.headers.get('set-cookie'),
  };
}

function expectAlike(known: Answer, unknown: Answer): void {
  expect(visible(known)).toEqual(visible(unknown));
  // The seconds left may straddle a second between the two answers.
  expect(
    Math.abs(Number(known.headers.get('retry-after') ?? 0) - Number(unknown.headers.get('retry-after') ?? 0)),
  ).toBeLessThanOrEqual(1);
}

describeEachEngine('sign-in throttling', (ctx) => {
  it('answers a known and an unknown email byte for byte alike, through 20 wrong passwords', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const nobody = `nobody-${user.id.slice(0, 8)}@example.org`;
    const [knownIp, unknownIp] = [newAddress(), newAddress()];
    const knownClient = new Client(baseUrl, knownIp);
    const unknownClient = new Client(baseUrl, unknownIp);
    const both = async () => {
      const known = await knownClient.signIn(user.email, WRONG);
      const unknown = await unknownClient.signIn(nobody, WRONG);
      expectAlike(known, unknown);
      return known;
    };

    const refusals: Record<number, { retryAfter: number; detail: string }> = {};
    for (let failures = 1; failures <= 20; failures++) {
      const answer = await both();
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('sign_in_failed');
      if (failures === 6 || failures === 10 || failures === 20) {
        // Straight after: the next attempt waits, for both emails alike.
        const refused = await both();
        expect(refused.status).toBe(429);
        expect(refused.body.code).toBe('sign_in_throttled');
        refusals[failures] = { retryAfter: Number(refused.headers.get('retry-after')), detail: refused.body.detail };
      }
      await endWaits(db, [...keysOf(user.email, knownIp), ...keysOf(nobody, unknownIp)]);
    }
    // The waits grow: 30 s after the sixth failure, 8 minutes after the tenth, 15 after the twentieth.
    expect(refusals[6]!.retryAfter).toBeGreaterThanOrEqual(29);
    expect(refusals[6]!.retryAfter).toBeLessThanOrEqual(30);
    expect(refusals[6]!.detail).toBe('Too many tries. Wait 1 minute, then try again.');
    expect(refusals[10]!.retryAfter).toBeGreaterThanOrEqual(479);
    expect(refusals[10]!.detail).toBe('Too many tries. Wait 8 minutes, then try again.');
    expect(refusals[20]!.retryAfter).toBeGreaterThanOrEqual(899);
    expect(refusals[20]!.detail).toBe('Too many tries. Wait 15 minutes, then try again.');

    // The audit log names the known user, and holds nothing of the unknown email.
    const rows = await db.query<{ ip: string; record_id: string | null; actor_user_id: string | null; reason: string }>(
      `SELECT ip, record_id, actor_user_id, details->>'reason' AS reason, details::text AS details
         FROM audit_log WHERE action = 'session.sign_in' AND outcome = 'failure' AND ip = ANY($1::text[]) ORDER BY id`,
      [[knownIp, unknownIp]],
    );
    const reasons = (ip: string) =>
      rows
        .filter((row) => row.ip === ip)
        .reduce<Record<string, number>>((all, row) => ({ ...all, [row.reason]: (all[row.reason] ?? 0) + 1 }), {});
    expect(reasons(knownIp)).toEqual({ wrong_password: 20, throttled: 3 });
    expect(reasons(unknownIp)).toEqual({ unknown_email: 20, throttled: 3 });
    for (const row of rows) {
      expect(row.actor_user_id).toBeNull();
      expect(row.record_id).toBe(row.ip === knownIp ? user.id : null);
      expect(JSON.stringify(row)).not.toContain('nobody');
    }
  });

  it('refuses a waiting attempt without checking its password, even the right one, and lets it in once the wait is over', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const ip = newAddress();
    const client = new Client(baseUrl, ip);
    for (let attempt = 1; attempt <= 6; attempt++) expect((await client.signIn(user.email, WRONG)).status).toBe(401);

    const [addressKey] = keysOf(user.email, ip);
    const before = await db.query<{ next_allowed_at: Date }>(`SELECT next_allowed_at FROM sign_in_throttle WHERE key = $1`, [
      addressKey,
    ]);
    const checksBefore = passwordChecks.count;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const refused = await client.signIn(user.email, user.password);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('sign_in_throttled');
      expect(refused.headers.get('set-cookie')).toBeNull();
    }
    expect(passwordChecks.count).toBe(checksBefore);
    // Waiting attempts do not make the wait longer (else a stranger could keep it running).
    const after = await db.query<{ next_allowed_at: Date }>(`SELECT next_allowed_at FROM sign_in_throttle WHERE key = $1`, [
      addressKey,
    ]);
    expect(after[0]!.next_allowed_at.getTime()).toBe(before[0]!.next_allowed_at.getTime());

    await endWaits(db, keysOf(user.email, ip));
    const answer = await client.signIn(user.email, user.password);
    expect(answer.status).toBe(200);
    expect(passwordChecks.count).toBe(checksBefore + 1);
    // Signing in clears this address's count; the email's count gives back only this attempt.
    const left = await db.query<{ key: string; failures: number }>(
      `SELECT key, failures FROM sign_in_throttle WHERE key = ANY($1::text[])`,
      [keysOf(user.email, ip)],
    );
    expect(left).toEqual([{ key: keysOf(user.email, ip)[1], failures: 6 }]);

    const reasons = await db.query<{ reason: string | null; outcome: string }>(
      `SELECT details->>'reason' AS reason, outcome FROM audit_log WHERE action = 'session.sign_in' AND record_id = $1 ORDER BY id`,
      [user.id],
    );
    expect(reasons.map((row) => row.reason ?? row.outcome)).toEqual([
      ...Array(6).fill('wrong_password'),
      'throttled',
      'throttled',
      'throttled',
      'success',
    ]);
  });

  it("does not let a stranger's failures from one address keep the user out from another", async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const stranger = new Client(baseUrl, newAddress());
    for (let attempt = 1; attempt <= 6; attempt++) expect((await stranger.signIn(user.email, WRONG)).status).toBe(401);
    expect((await stranger.signIn(user.email, WRONG)).status).toBe(429);

    expect((await new Client(baseUrl, newAddress()).signIn(user.email, user.password)).status).toBe(200);
  });

  it('lets in a browser with the device cookie of an earlier sign-in, whatever strangers did from its address and others', async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const other = await buildUser(db, { organizationId: organization.id });
    const home = newAddress();

    // The user signed in from this browser before: it holds a device cookie.
    const browser = new Client(baseUrl, home);
    const first = await browser.signIn(user.email, user.password);
    expect(first.status).toBe(200);
    const deviceCookie = first.headers.getSetCookie().find((cookie) => cookie.startsWith('kith_device='))!;
    expect(deviceCookie).toMatch(/HttpOnly/i);
    expect(deviceCookie).toMatch(/SameSite=Lax/i);
    expect(deviceCookie).toMatch(/Path=\/api\/auth\/sign-in/);
    expect(deviceCookie).toMatch(/Max-Age=31536000/);
    expect(deviceCookie).not.toMatch(/Secure/i);
    const stored = await db.query<{ user_id: string }>('SELECT user_id FROM sign_in_devices WHERE token_hash = $1', [
      digest(browser.deviceCookie!.slice('kith_device='.length)),
    ]);
    expect(stored).toEqual([{ user_id: user.id }]);
    browser.cookie = undefined;

    // Strangers try the account from the same address (behind the same router) and from others,
    // until both the address's and the email's counts make attempts wait.
    const sameAddress = new Client(baseUrl, home);
    for (let attempt = 1; attempt <= 6; attempt++) expect((await sameAddress.signIn(user.email, WRONG)).status).toBe(401);
    const emailKey = keysOf(user.email, home)[1]!;
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Time passes between them: the email's growing wait (up to a minute) is over each time.
      await endWaits(db, [emailKey]);
      expect((await new Client(baseUrl, newAddress()).signIn(user.email, WRONG)).status).toBe(401);
    }
    expect((await sameAddress.signIn(user.email, user.password)).status).toBe(429);
    expect((await new Client(baseUrl, newAddress()).signIn(user.email, user.password)).status).toBe(429);

    // A device cookie of another account does not help…
    const otherBrowser = new Client(baseUrl, home);
    expect((await otherBrowser.signIn(other.email, other.password)).status).toBe(200);
    otherBrowser.cookie = undefined;
    expect((await otherBrowser.signIn(user.email, user.password)).status).toBe(429);

    // …the user's own does, and it keeps its token.
    const again = await browser.signIn(user.email, user.password);
    expect(again.status).toBe(200);
    expect(
      again.headers
        .getSetCookie()
        .find((cookie) => cookie.startsWith('kith_device='))!
        .split(';')[0],
    ).toBe(deviceCookie.split(';')[0]);
  });

  it("throttles a browser with the device cookie by that device's own failures", async () => {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const user = await buildUser(db, { organizationId: organization.id });
    const ip = newAddress();
    const browser = new Client(baseUrl, ip);
    expect((await browser.signIn(user.email, user.password)).status).toBe(200);
    browser.cookie = undefined;

    for (let attempt = 1; attempt <= 6; attempt++) expect((await browser.signIn(user.email, WRONG)).status).toBe(401);
    const refused = await browser.signIn(user.email, user.password);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('sign_in_throttled');
    // The device's failures are its own: other browsers and the email's count are untouched.
    const counted = await db.query<{ scope: string; failures: number }>(
      `SELECT scope, failures FROM sign_in_throttle WHERE key = ANY($1::text[]) ORDER BY scope`,
      [[deviceKeyOf(user.email, browser), ...keysOf(user.email, ip)]],
    );
    expect(counted).toEqual([
      { scope: 'device', failures: 6 },
      { scope: 'email', failures: 0 },
    ]);

    await endWaits(db, [deviceKeyOf(user.email, browser)]);
    expect((await browser.signIn(user.email, user.password)).status).toBe(200);
    expect(await db.query(`SELECT 1 FROM sign_in_throttle WHERE key = $1`, [deviceKeyOf(user.email, browser)])).toEqual([]);
  });
});
