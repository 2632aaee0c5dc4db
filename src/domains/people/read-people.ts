// The population list, a search, and its CSV: only the people the access rule lets the actor see,
// filtered in SQL before the page is cut. One audit row per page read, naming the count and the
// filter (never the search words: they may be a name or a date of birth).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { accessOf, viewerOf, type PersonAccess } from './access';
import type { PeopleQuery } from './people.schema';
import { needsFilter } from './needs-hooks';
import { listVisiblePeople, type ListedPersonRow } from './people.store';

export interface PeoplePage {
  items: { row: ListedPersonRow; access: PersonAccess }[];
  nextCursor: string | null;
}

export async function readPeople(
  context: UseCaseContext,
  props: { query: PeopleQuery; purpose?: 'list' | 'export' },
): Promise<PeoplePage> {
  const purpose = props.purpose ?? 'list';
  const action = purpose === 'export' ? 'person.export' : 'person.list';
  const viewer = viewerOf(context);
  await authorizeFor(context, action, {}, 'person');
  const { query } = props;
  const careTeamUserId =
    query.careTeamUserId === 'me' ? (viewer.kind === 'organization' ? viewer.userId : undefined) : query.careTeamUserId;
  if (query.careTeamUserId === 'me' && !careTeamUserId) throw AppError.field('query.careTeamUserId', 'needs a signed-in user');
  return context.db.tx(async (q) => {
    const page = await listVisiblePeople(q, viewer, {
      q: query.q,
      programId: query.programId,
      careTeamUserId,
      needs:
        query.needDomain !== undefined || query.needStatus !== undefined
          ? { needDomain: query.needDomain ?? null, statuses: needsFilter().statuses(query.needStatus) }
          : undefined,
      lastReached: query.lastReached,
      sort: query.sort,
      limit: query.limit,
      cursor: query.cursor,
    });
    await audit(q, auditContextOf(context), {
      action,
      recordType: 'person',
      details: {
        count: page.items.length,
        filter: {
          search: query.q !== undefined && query.q !== '',
          programId: query.programId ?? null,
          careTeamUserId: careTeamUserId ?? null,
          needDomain: query.needDomain ?? null,
          needStatus: query.needStatus ?? null,
          lastReached: query.lastReached ?? null,
          sort: query.sort,
          page: query.cursor ? 'next' : 'first',
        },
      },
    });
    return { items: page.items.map((row) => ({ row, access: accessOf(row) })), nextCursor: page.nextCursor };
  });
}
