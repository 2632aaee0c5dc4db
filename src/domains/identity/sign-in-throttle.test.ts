// The rules of sign-in throttling, without a clock or a database.
import { describe, expect, it } from 'vitest';
import {
  addressKey,
  afterFailure,
  delayAfter,
  failuresAt,
  FORGET_AFTER_SECONDS,
  THROTTLE_RULES,
  throttleKeys,
  waitAt,
  type ThrottleScope,
  type ThrottleState,
} from './sign-in-throttle';
import { tooManyTriesMessage } from '../../platform/http/too-many-tries';

const HOUR = 3600_000;

describe('the wait after failures', () => {
  it('gives five free failures per email and address, then doubles the wait up to 15 minutes', () => {
    const waits = Array.from({ length: 14 }, (_, i) => delayAfter(THROTTLE_RULES.address, i + 1));
    expect(waits).toEqual([0, 0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900, 900]);
    expect(delayAfter(THROTTLE_RULES.address, 10_000)).toBe(900);
  });

  it('gives ten free failures per email from anywhere, then waits of at most a minute', () => {
    const waits = Array.from({ length: 17 }, (_, i) => delayAfter(THROTTLE_RULES.email, i + 1));
    expect(waits).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('throttles a device by its own failures like an address', () => {
    expect(THROTTLE_RULES.device).toEqual(THROTTLE_RULES.address);
  });

  it('forgets failures an hour after the last one, and no sooner', () => {
    const start = new Date('2026-12-02T10:00:00Z');
    let state: ThrottleState | undefined;
    for (let i = 0; i < 8; i++) state = afterFailure('address', state, start);
    expect(state!.failures).toBe(8);
    expect(waitAt(state, start)).toBe(120_000);
    expect(failuresAt(state, new Date(start.getTime() + FORGET_AFTER_SECONDS * 1000 - 1))).toBe(8);
    const later = new Date(start.getTime() + FORGET_AFTER_SECONDS * 1000);
    expect(failuresAt(state, later)).toBe(0);
    expect(afterFailure('address', state, later)).toEqual({ failures: 1, lastFailureAt: later, nextAllowedAt: later });
  });
});

/**
 * A stranger who tries one account as fast as the rules let them, from a new address every time
 * (so only the email's count holds them back), pausing `pauses(n)` ms before attempt n. Returns
 * the times of the failures.
 */
function attack(hours: number, pauses: (n: number) => number = () => 0): number[] {
  let state: ThrottleState | undefined;
  const times: number[] = [];
  let now = 0;
  for (let n = 0; ; n++) {
    now += pauses(n);
    const wait = waitAt(state, new Date(now));
    now += wait;
    if (now >= hours * HOUR) return times;
    state = afterFailure('email', state, new Date(now));
    times.push(now);
  }
}

/** The most failures that fall into any one hour. */
function mostInAnHour(times: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= HOUR) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe('an account under attack from many addresses (ASVS 2.2.1)', () => {
  it('takes at most 100 failed attempts in any hour', () => {
    const steady = attack(6);
    expect(mostInAnHour(steady)).toBeLessThanOrEqual(100);
    // …and at least some, so the rules stay usable: about 75 in the first hour, 60 later.
    expect(mostInAnHour(steady)).toBeGreaterThan(60);
    expect(steady.filter((t) => t >= 5 * HOUR).length).toBeLessThanOrEqual(60);
  });

  it('gives no fresh free failures to a stranger who pauses just long enough to be forgotten', () => {
    // Bursts of free failures, each after a pause that just lets the count be forgotten.
    const pauses = (n: number) => (n > 0 && n % 16 === 0 ? FORGET_AFTER_SECONDS * 1000 : 0);
    expect(mostInAnHour(attack(12, pauses))).toBeLessThanOrEqual(100);
  });

  it('holds for pauses of every length', () => {
    // A fixed pseudo-random sequence of pauses from nothing to an hour and a bit.
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pauses = () => (random() < 0.9 ? 0 : random() * 1.2 * HOUR);
    expect(mostInAnHour(attack(48, pauses))).toBeLessThanOrEqual(100);
  });
});

describe('the words of a refusal', () => {
  it('says how many whole minutes to wait, rounded up', () => {
    expect(tooManyTriesMessage(1)).toBe('Too many tries. Wait 1 minute, then try again.');
    expect(tooManyTriesMessage(60)).toBe('Too many tries. Wait 1 minute, then try again.');
    expect(tooManyTriesMessage(61)).toBe('Too many tries. Wait 2 minutes, then try again.');
    expect(tooManyTriesMessage(900)).toBe('Too many tries. Wait 15 minutes, then try again.');
  });
});

describe('the keys an attempt counts under', () => {
  it('counts an IPv6 client by its /64 and an IPv4-mapped client as IPv4', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });

  it('uses the same keys for any email, and none of them holds the email', () => {
    const scopes = (keys: { scope: ThrottleScope }[]) => keys.map((k) => k.scope);
    const known = throttleKeys({ email: 'ada@example.org', ip: '203.0.113.7' });
    const unknown = throttleKeys({ email: 'nobody@example.org', ip: '203.0.113.7' });
    expect(scopes(known)).toEqual(['address', 'email']);
    expect(scopes(unknown)).toEqual(['address', 'email']);
    for (const key of [...known, ...unknown]) expect(key.key).toMatch(/^[0-9a-f]{64}$/);
    expect(throttleKeys({ email: 'ada@example.org', ip: '198.51.100.1' })[1]).toEqual(known[1]);
    expect(throttleKeys({ email: 'ada@example.org', ip: '198.51.100.1' })[0]).not.toEqual(known[0]);
    expect(scopes(throttleKeys({ email: 'ada@example.org', ip: '203.0.113.7', trustedDeviceHash: 'ab' }))).toEqual(['device']);
  });
});
