// One referral, as the actor's side of it may see it, with its events. The recipient's first read
// of a sent referral marks it opened (once: who and when; a flag, not a state) and writes its own
// audit row. Audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import { guardReferral } from './guard';
import { loadReferralRecord, type ReferralRecord } from './referral-record';
import { findReferral, markOpened } from './referrals.store';

export async function readReferral(
  context: UseCaseContext,
  props: { referralId: string; timeZone: string },
): Promise<ReferralRecord> {
  return context.db.tx(async (q) => {
    let guarded = await guardReferral(q, context, props.referralId, { timeZone: props.timeZone });
    const { row } = guarded;
    const actor = signedInActor(context);
    const entry = {
      recordType: 'referral',
      recordId: row.id,
      recordOrganizationId: row.sender_organization_id,
      personId: row.person_id,
    };
    if (actor && guarded.side === 'recipient' && !row.opened_at && (await markOpened(q, row.id, actor.userId))) {
      await audit(q, auditContextOf(context), { action: 'referral.open', ...entry, details: { status: row.status } });
      guarded = { ...guarded, row: (await findReferral(q, row.id, { timeZone: props.timeZone }))! };
    }
    await audit(q, auditContextOf(context), {
      action: 'referral.read',
      ...entry,
      details: {
        side: guarded.side,
        basis: guarded.access?.basis ?? null,
        categories: guarded.access?.categories ?? [],
        withheld: guarded.withheld,
      },
    });
    return loadReferralRecord(q, context, guarded);
  });
}
