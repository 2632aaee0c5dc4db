// The referral codes the server sends (states, reasons, outcomes) have words in every catalogue
// that words them; the lists are the API's (types.ts checks them against the generated types).
import { expect, it } from 'vitest';
import en from '../i18n/en.json';
import es from '../i18n/es.json';
import { needOutcomes, referralReasonCodes, referralStatuses } from '../api/types';

it('has words for every referral state, reason and need outcome, in English and Spanish', () => {
  for (const catalogue of [en, es]) {
    expect(Object.keys(catalogue.referrals.statuses).sort()).toEqual([...referralStatuses].sort());
    expect(Object.keys(catalogue.referrals.reasons).sort()).toEqual([...referralReasonCodes].sort());
    expect(Object.keys(catalogue.referrals.needOutcomes).sort()).toEqual([...needOutcomes].sort());
  }
  // English also words the moves (every state but draft is a move's end) and why a person is withheld.
  expect(Object.keys(en.referrals.moves).sort()).toEqual(referralStatuses.filter((status) => status !== 'draft').sort());
  expect(Object.keys(en.referrals.personWithheld).sort()).toEqual(['consent_ended', 'consent_revoked', 'entered_in_error']);
});
