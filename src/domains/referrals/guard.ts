// The first step of every use case about one referral: find it, work out the actor's side of it
// (the organisation that sent it, or the one it was sent to) and ask the policy. Anyone else, and
// the recipient before it is sent, finds no referral: 404, audited as a refusal without telling
// the actor's organisation. Then what the actor sees of the person: the sender's staff as the
// people domain's access rule lets them (a referral of a person they may not see does not exist
// for them either); the recipient's staff in the categories of the consent the referral went
// under, while it is live and the referral was not entered in error.
import { signedInActor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { authorize } from '../../platform/policy/policy';
import { consentCategories, findConsentsByIds, guardPerson, type ConsentRow, type PersonAccess } from '../people';
import type { GuardedReferral } from './referrals.policy';
import type { PersonWithheld } from './referrals.schema';
import { findReferral, type ReferralRow } from './referrals.store';
import type { ReferralSide } from './referral-states';

export interface GuardedReferralRecord {
  row: ReferralRow;
  /** The actor's side; null for the operator at the CLI, who sees every referral. */
  side: ReferralSide | null;
  guarded: GuardedReferral;
  /** What the actor sees of the person; null: nothing. */
  access: PersonAccess | null;
  /** Why the person is not shown; null when they are. */
  withheld: PersonWithheld | null;
}

const missing = 'No referral with this id.';

/** The side of a referral an actor of `organizationId` is on, if any. */
export function sideOf(row: Pick<ReferralRow, 'sender_organization_id' | 'recipient_organization_id'>, organizationId: string) {
  if (organizationId === row.sender_organization_id) return 'sender' as const;
  if (organizationId === row.recipient_organization_id) return 'recipient' as const;
  return null;
}

/** What the recipient sees of the person under the consent the referral went under, or why nothing. */
export function recipientAccess(
  row: Pick<ReferralRow, 'status' | 'recipient_organization_id'>,
  consent: ConsentRow | undefined,
): { access: PersonAccess | null; withheld: PersonWithheld | null } {
  if (row.status === 'entered_in_error') return { access: null, withheld: 'entered_in_error' };
  if (!consent || consent.grantee_organization_id !== row.recipient_organization_id)
    return { access: null, withheld: 'consent_ended' };
  if (consent.revoked_at) return { access: null, withheld: 'consent_revoked' };
  if (!consent.active) return { access: null, withheld: 'consent_ended' };
  // 'sud' only where the consent names it: it is never implied by another category.
  const named = new Set<string>(consent.categories);
  return {
    access: { basis: 'referral', categories: consentCategories.filter((category) => named.has(category)), careTeamRoles: [] },
    withheld: null,
  };
}

export async function guardReferral(
  q: Queryable,
  context: UseCaseContext,
  referralId: string,
  options: { timeZone: string; lock?: boolean },
): Promise<GuardedReferralRecord> {
  if (context.actor === 'anonymous') throw new AppError('unauthenticated');
  const row = await findReferral(q, referralId, options);
  if (!row) throw new AppError('not_found', missing);
  const actor = signedInActor(context);
  const side = actor ? sideOf(row, actor.organizationId) : null;
  const guarded: GuardedReferral = {
    id: row.id,
    organizationId: side === 'recipient' ? row.recipient_organization_id : row.sender_organization_id,
    side,
    sent: row.sent_at !== null,
  };
  if (!actor)
    return {
      row,
      side,
      guarded,
      access: { basis: 'holder', categories: [...consentCategories], careTeamRoles: [] },
      withheld: null,
    };
  authorize(actor, 'referral.read', guarded, { recordType: 'referral', refuseAs: 'not_found' });
  if (side === 'sender') {
    try {
      const { access } = await guardPerson(q, context, row.person_id, 'person.read');
      return { row, side, guarded, access, withheld: null };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') throw new AppError('not_found', missing, error.extra);
      throw error;
    }
  }
  const consents = await findConsentsByIds(q, row.consent_id ? [row.consent_id] : []);
  return { row, side, guarded, ...recipientAccess(row, row.consent_id ? consents.get(row.consent_id) : undefined) };
}
