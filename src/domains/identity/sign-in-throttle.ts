// How sign-in attempts are slowed down (OWASP ASVS V2.2): growing waits, never a hard lock that
// the right password cannot lift. Pure rules, no clock and no database, so they can be tested.
//
// Every attempt counts under keys that hold no email in clear (SHA-256 digests):
//  - `address`: this email from this client address (IPv6 by its /64): a few free failures,
//    then a wait that doubles up to 15 minutes;
//  - `email`: this email from anywhere: more free failures, then waits capped at one minute, so
//    that however many addresses a stranger uses, one account takes at most about 75 failed
//    attempts an hour (ASVS 2.2.1 asks for at most 100);
//  - `device`: instead of both, when the attempt brings the device cookie that an earlier
//    successful sign-in of this very account set: a stranger's failures never slow it down.
// Known and unknown emails go through the same keys and rules, so the answers cannot tell them apart.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

export type ThrottleScope = 'address' | 'email' | 'device';

export interface ThrottleRule {
  /** Failures in a row that cost no wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
}

export const THROTTLE_RULES: Readonly<Record<ThrottleScope, ThrottleRule>> = {
  address: { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
  email: { freeFailures: 10, firstDelaySeconds: 2, maxDelaySeconds: 60 },
  device: { freeFailures: 5, firstDelaySeconds: 30, maxDelaySeconds: 15 * 60 },
};

/**
 * Failures are forgotten this long after the last one. It must be at least an hour: a count that
 * starts again from nought must not let a burst of free failures fall into an hour that already
 * held the previous ones.
 */
export const FORGET_AFTER_SECONDS = 60 * 60;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  nextAllowedAt: Date;
}

/** The wait, in seconds, before the next attempt once `failures` failures in a row are counted. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const past = failures - rule.freeFailures;
  if (past <= 0) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(past - 1, 30));
}

/** The failures still counted at `now`: none once the last is FORGET_AFTER_SECONDS old. */
export function failuresAt(state: ThrottleState | undefined, now: Date): number {
  if (!state) return 0;
  return now.getTime() - state.lastFailureAt.getTime() >= FORGET_AFTER_SECONDS * 1000 ? 0 : state.failures;
}

/** Milliseconds the next attempt must still wait at `now` (0: it may go ahead). */
export function waitAt(state: ThrottleState | undefined, now: Date): number {
  return state ? Math.max(0, state.nextAllowedAt.getTime() - now.getTime()) : 0;
}

/**
 * The state once one more failure is counted at `now`. An attempt is counted as a failure before
 * its password is checked (a right password gives it back), so that attempts sent side by side
 * cannot all pass the check at once.
 */
export function afterFailure(scope: ThrottleScope, state: ThrottleState | undefined, now: Date): ThrottleState {
  const failures = failuresAt(state, now) + 1;
  return {
    failures,
    lastFailureAt: now,
    nextAllowedAt: new Date(now.getTime() + delayAfter(THROTTLE_RULES[scope], failures) * 1000),
  };
}

/**
 * The client address a throttle counts under: an IPv4 address as it is (also when IPv4-mapped),
 * an IPv6 address by its /64 network, which one subscriber usually holds whole.
 */
export function addressKey(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(ip)) return ip;
  const bare = ip.split('%')[0]!;
  if (!isIPv6(bare)) return ip;
  return `${expandIPv6(bare).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::');
  const part = (text: string) => (text ? text.split(':') : []);
  // An embedded IPv4 tail (::ffff:1.2.3.4 forms other than the mapped one) takes two groups.
  const groups = (text: string) =>
    part(text).flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
}

export interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
}

const sha256 = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex');

/**
 * The keys an attempt is counted under: its device's alone when it brings a device cookie of this
 * account, else the email's and the email-and-address's.
 */
export function throttleKeys(input: { email: string; ip?: string; trustedDeviceHash?: string }): ThrottleKey[] {
  if (input.trustedDeviceHash) return [{ key: sha256('device', input.trustedDeviceHash), scope: 'device' }];
  return [
    { key: sha256('address', input.email, addressKey(input.ip)), scope: 'address' },
    { key: sha256('email', input.email), scope: 'email' },
  ];
}
