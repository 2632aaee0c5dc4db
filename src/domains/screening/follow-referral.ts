// A need follows a referral for it: the referrals domain calls this inside its own transaction,
// after its policy let the referral's move through, so that the need's history says who changed
// it and when, as any other change of a need. Accepting takes an open need on (being addressed,
// by the organisation the referral went to); completing with the need met meets it; a referral
// that ends otherwise puts back what accepting changed, if the need is still as accepting left
// it. A need that has been closed (met, declined, not applicable) is never reopened here.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { actorUserId } from './guard';
import { insertNeedChanges, lockNeed, updateNeed } from './needs.store';
import { openNeedStatuses, type NeedStatus } from './screening.schema';

/** Where a need stands: its status and who addresses it. */
export interface NeedStanding {
  status: NeedStatus;
  addressedByOrganizationId: string | null;
}

export type ReferralNeedChange =
  /** Accepted: an open need is being addressed by the recipient. */
  | { kind: 'taken_on' }
  /** Completed with the need met: an open need is met. */
  | { kind: 'met' }
  /** Ended otherwise: back to where it stood before accepting, if accepting's change is still there. */
  | { kind: 'put_back'; before: NeedStanding };

export async function followReferral(
  context: UseCaseContext,
  props: {
    needId: string;
    referral: { id: string; senderOrganizationId: string; recipientOrganizationId: string };
    change: ReferralNeedChange;
  },
): Promise<{ before: NeedStanding; after: NeedStanding } | null> {
  const { referral, change } = props;
  return context.db.tx(async (q) => {
    const need = await lockNeed(q, props.needId);
    if (!need) throw new AppError('not_found', 'No need with this id.');
    await authorizeFor(
      context,
      'need.follow_referral',
      {
        id: need.id,
        organizationId: referral.senderOrganizationId,
        partyOrganizationIds: [referral.senderOrganizationId, referral.recipientOrganizationId],
      },
      'need',
    );
    const before: NeedStanding = { status: need.status, addressedByOrganizationId: need.addressed_by_organization_id };
    const open = openNeedStatuses.includes(need.status);
    let after: NeedStanding | undefined;
    if (change.kind === 'taken_on' && open)
      after = { status: 'being_addressed', addressedByOrganizationId: referral.recipientOrganizationId };
    else if (change.kind === 'met' && open)
      after = { status: 'met', addressedByOrganizationId: need.addressed_by_organization_id ?? referral.recipientOrganizationId };
    else if (
      change.kind === 'put_back' &&
      need.status === 'being_addressed' &&
      need.addressed_by_organization_id === referral.recipientOrganizationId
    )
      after = change.before;
    if (!after || (after.status === before.status && after.addressedByOrganizationId === before.addressedByOrganizationId))
      return null;
    const by = actorUserId(context);
    const changes = [
      { field: 'status', from: before.status, to: after.status },
      { field: 'addressed_by', from: before.addressedByOrganizationId, to: after.addressedByOrganizationId },
    ]
      .filter((entry) => entry.from !== entry.to)
      .map((entry) => ({ ...entry, needId: need.id, screeningId: null, by }));
    await updateNeed(q, need.id, {
      status: after.status,
      severity: need.severity,
      priority: need.priority,
      addressedBy: after.addressedByOrganizationId,
      sensitive: need.sensitive,
    });
    await insertNeedChanges(q, changes);
    await audit(q, auditContextOf(context), {
      action: 'need.follow_referral',
      recordType: 'need',
      recordId: need.id,
      recordOrganizationId: referral.senderOrganizationId,
      personId: need.person_id,
      details: { referralId: referral.id, change: change.kind, fields: changes.map((entry) => entry.field) },
    });
    return { before, after };
  });
}
