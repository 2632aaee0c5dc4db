// How many referrals the actor's organisation has in its inbox and its outbox, by state, waiting
// for an answer and overdue: the navigation's badges. The outbox counts only the people the actor
// may see, as the outbox lists them. Not audited: counts name no one.
import { authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { viewerOf, visiblePeopleSql } from '../people';
import { referralStatuses, type ReferralStatus } from './referral-states';
import type { ReferralBox } from './referrals.schema';
import { countReferralRows } from './referrals.store';

export interface BoxCount {
  byStatus: Record<ReferralStatus, number>;
  waiting: number;
  overdue: number;
  total: number;
}

export async function readReferralCounts(
  context: UseCaseContext,
  props: { timeZone: string },
): Promise<Record<ReferralBox, BoxCount>> {
  await authorizeFor(context, 'referral.count', {}, 'referral');
  const viewer = viewerOf(context);
  const rows = await countReferralRows(context.db, {
    organizationId: signedInActor(context)?.organizationId ?? null,
    visiblePeople: (firstParam) => visiblePeopleSql(viewer, firstParam),
    timeZone: props.timeZone,
  });
  const empty = (): BoxCount => ({
    byStatus: Object.fromEntries(referralStatuses.map((status) => [status, 0])) as Record<ReferralStatus, number>,
    waiting: 0,
    overdue: 0,
    total: 0,
  });
  const counts = { inbox: empty(), outbox: empty() };
  for (const row of rows) {
    const box = counts[row.box];
    box.byStatus[row.status] += row.count;
    box.total += row.count;
    box.overdue += row.overdue;
    if (row.status === 'requested') box.waiting += row.count;
  }
  return counts;
}
