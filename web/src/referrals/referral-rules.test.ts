// The referral pages' own decisions: who may move what from where (as the server's state diagram
// has it), which moves ask for a reason or an outcome, what a 422 or a 412 says, and that every
// move offered, reason and outcome has words.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { referralStatuses, type Referral, type ReferralStatus } from '../api/types';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import {
  consentCategoriesFor,
  daysSince,
  inboxRowMoves,
  isOneClick,
  missingConsentOf,
  moveOrder,
  movesOffered,
  nextStatuses,
  reasonRule,
  staleReferralOf,
  stateFilters,
  takesOutcome,
} from './referral-rules';

describe('the moves each side may make', () => {
  it('lets the recipient answer a sent referral, work on it and end it; the sender send, cancel and correct', () => {
    expect(nextStatuses('requested', 'recipient')).toEqual(['accepted', 'rejected', 'cancelled']);
    expect(nextStatuses('requested', 'sender')).toEqual(['cancelled', 'entered_in_error']);
    expect(nextStatuses('draft', 'sender')).toEqual(['requested', 'cancelled', 'entered_in_error']);
    expect(nextStatuses('draft', 'recipient')).toEqual([]);
    expect(nextStatuses('accepted', 'recipient')).toEqual(['in_progress', 'on_hold', 'completed', 'failed', 'cancelled']);
    expect(nextStatuses('on_hold', 'recipient')).toEqual(['in_progress', 'completed', 'failed', 'cancelled']);
    expect(nextStatuses('completed', 'recipient')).toEqual([]);
    expect(nextStatuses('completed', 'sender')).toEqual(['entered_in_error']);
    expect(nextStatuses('entered_in_error', 'sender')).toEqual([]);
  });

  it('offers accept and decline on an inbox row only while it waits for an answer', () => {
    expect(inboxRowMoves({ status: 'requested' })).toEqual(['accepted', 'rejected']);
    for (const status of referralStatuses.filter((s) => s !== 'requested')) expect(inboxRowMoves({ status })).toEqual([]);
  });

  it('offers the API’s next states in the button order, and none to the operator', () => {
    const referral = { status: 'accepted', next: ['cancelled', 'completed', 'in_progress'], viewerSide: 'recipient' } as const;
    expect(movesOffered({ ...referral, next: [...referral.next] })).toEqual(['in_progress', 'completed', 'cancelled']);
    expect(movesOffered({ ...referral, next: [...referral.next], viewerSide: null })).toEqual([]);
    // Every state a move can reach has a place in the order.
    expect([...moveOrder].sort()).toEqual(referralStatuses.filter((s) => s !== 'draft').sort());
  });

  it('asks a reason of declining, failing and cancelling, maybe of a hold or a mistake, and an outcome of a completion', () => {
    const asks = Object.fromEntries(referralStatuses.map((to) => [to, [reasonRule(to), takesOutcome(to), isOneClick(to)]]));
    expect(asks).toEqual({
      draft: ['none', false, true],
      requested: ['none', false, true],
      accepted: ['none', false, true],
      rejected: ['required', false, false],
      in_progress: ['none', false, true],
      on_hold: ['optional', false, false],
      completed: ['none', true, false],
      failed: ['required', false, false],
      cancelled: ['required', false, false],
      entered_in_error: ['optional', false, false],
    });
  });

  it('filters by groups of states that together hold every state once', () => {
    const all = Object.values(stateFilters).flat();
    expect([...all].sort()).toEqual([...referralStatuses].sort());
  });
});

describe('what a refused request says', () => {
  const missing = {
    personId: 'p1',
    granteeOrganizationId: 'o1',
    granteeName: 'Chestnut Street Pantry',
    purpose: 'referral',
    categories: ['sud'],
  };
  const problem = (status: number, code: string, data?: Record<string, unknown>) =>
    new ApiError({ status, code: code as 'conflict', title: 'x', data });

  it('reads the consent missing from a 422, and nothing from other errors', () => {
    expect(missingConsentOf(problem(422, 'consent_required', { missingConsent: missing }))).toEqual(missing);
    expect(missingConsentOf(problem(422, 'unprocessable', { missingConsent: missing }))).toBeNull();
    expect(missingConsentOf(problem(422, 'consent_required'))).toBeNull();
    expect(missingConsentOf(new Error('boom'))).toBeNull();
    expect(consentCategoriesFor({ ...missing, purpose: 'referral', categories: ['sud'] })).toEqual(['contact', 'needs', 'sud']);
  });

  it('reads the referral as it is now from a 412', () => {
    const current = { id: 'r1', status: 'accepted', version: 3 } as Referral;
    expect(staleReferralOf(problem(412, 'precondition_failed', { current }))).toEqual(current);
    expect(staleReferralOf(problem(409, 'conflict', { current }))).toBeNull();
    expect(staleReferralOf(problem(412, 'precondition_failed'))).toBeNull();
  });

  it('counts whole days since a moment', () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    expect(daysSince('2026-12-04T01:00:00Z', now)).toBe(0);
    expect(daysSince('2026-12-01T11:00:00Z', now)).toBe(3);
    expect(daysSince('2026-12-05T01:00:00Z', now)).toBe(0);
  });
});

describe('words', () => {
  it('has a button word for every move offered and a filter word for every group, in English and Spanish', () => {
    const offered = new Set<ReferralStatus>(moveOrder);
    for (const catalogue of [en, es]) {
      expect(Object.keys(catalogue.referrals.moves).sort()).toEqual([...offered].sort());
      expect(Object.keys(catalogue.referrals.filters).sort()).toEqual(['all', ...Object.keys(stateFilters)].sort());
    }
  });
});
