// The inbox (referrals sent to the actor's organisation) or the outbox (those it made, of the
// people the actor may see), one page at a time: overdue first, then those waiting for an
// answer, oldest first (referrals.store.ts has the whole order). Each with the person as far as
// the viewer may see them: the sender's staff by the access rule, the recipient's under the
// consent the referral went under; the outbox also of one person alone (their page's referrals). Audited in the
// same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { organizationNames } from '../identity';
import {
  accessOf,
  consentCategories,
  findConsentsByIds,
  presentSharedPeople,
  viewerOf,
  visiblePeopleSql,
  type Person,
  type PersonAccess,
} from '../people';
import { recipientAccess } from './guard';
import type { PersonWithheld, ReferralsQuery } from './referrals.schema';
import { listReferralRows, type ListedReferralRow } from './referrals.store';

export interface ListedReferral {
  row: ListedReferralRow;
  access: PersonAccess | null;
  withheld: PersonWithheld | null;
  person: Person | null;
}

export interface ReferralsPage {
  items: ListedReferral[];
  nextCursor: string | null;
  organizationNames: Map<string, string>;
}

export async function readReferrals(
  context: UseCaseContext,
  props: { query: ReferralsQuery; timeZone: string },
): Promise<ReferralsPage> {
  const { query } = props;
  await authorizeFor(context, 'referral.list', {}, 'referral');
  // The inbox is not searched by person: it would tell whose a referral is that hides its person.
  if (query.personId !== undefined && query.box !== 'outbox')
    throw AppError.field('query.personId', 'filters the outbox only (box=outbox)');
  const viewer = viewerOf(context);
  const actor = signedInActor(context);
  return context.db.tx(async (q) => {
    const page = await listReferralRows(q, {
      box: query.box,
      organizationId: actor?.organizationId ?? null,
      visiblePeople: (firstParam) => visiblePeopleSql(viewer, firstParam),
      statuses: query.status,
      personId: query.personId,
      overdue: query.overdue,
      limit: query.limit,
      cursor: query.cursor,
      timeZone: props.timeZone,
    });
    const consents = await findConsentsByIds(
      q,
      page.items.flatMap((row) => (row.consent_id ? [row.consent_id] : [])),
    );
    const everything: PersonAccess = { basis: 'holder', categories: [...consentCategories], careTeamRoles: [] };
    const shares = page.items.map((row) => {
      if (!actor) return { row, access: everything, withheld: null };
      // The outbox's rows carry the access rule's answer; the inbox's are seen under the referral's consent.
      if (query.box === 'outbox')
        return {
          row,
          access: accessOf({
            access_basis: row.access_basis ?? 'consent',
            access_categories: row.access_categories ?? [],
            access_roles: [],
          }),
          withheld: null,
        };
      return { row, ...recipientAccess(row, row.consent_id ? consents.get(row.consent_id) : undefined) };
    });
    const people = await presentSharedPeople(
      q,
      shares.flatMap((share) => (share.access ? [{ personId: share.row.person_id, access: share.access }] : [])),
    );
    const names = await organizationNames(
      q,
      page.items.flatMap((row) => [row.sender_organization_id, row.recipient_organization_id]),
    );
    await audit(q, auditContextOf(context), {
      action: 'referral.list',
      recordType: 'referral',
      personId: query.personId,
      details: {
        box: query.box,
        count: page.items.length,
        page: query.cursor ? 'next' : 'first',
        statuses: query.status ?? [],
        overdue: query.overdue ?? null,
      },
    });
    return {
      items: shares.map((share) => ({
        row: share.row,
        access: share.access,
        withheld: share.withheld,
        person: share.access ? (people.get(share.row.person_id) ?? null) : null,
      })),
      nextCursor: page.nextCursor,
      organizationNames: names,
    };
  });
}
