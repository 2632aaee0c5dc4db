// Goals of the people the actor may see (a FHIR Goal search): by person, lifecycle status and
// category, filtered by the access rule in SQL before they are paged ('care_plan'; 'sud' too for a
// goal that addresses a need flagged so). One audit row per page in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import { listNeedDomainRows } from '../directory';
import { organizationNames } from '../identity';
import { viewerOf, visiblePeopleSql } from '../people';
import { searchGoalRows, type GoalRow } from './goals.store';
import type { GoalLifecycleStatus } from './screening.schema';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface GoalsPage {
  items: { goal: GoalRow; holderOrganizationId: string }[];
  nextCursor: string | null;
  organizationNames: Map<string, string>;
  needDomainNames: Map<string, string>;
}

export async function searchGoals(
  context: UseCaseContext,
  props: {
    filter: {
      personId?: string;
      lifecycleStatuses?: GoalLifecycleStatus[];
      needDomain?: string;
      limit: number;
      cursor?: string;
    };
    via?: string;
  },
): Promise<GoalsPage> {
  await authorizeFor(context, 'goal.search', {}, 'person');
  const { filter } = props;
  const after = decodeCursor(filter.cursor, ['text'] as const)?.[0];
  if (after !== undefined && !uuid.test(after)) throw AppError.field('query.cursor', 'is not a cursor this list gave out');
  const visible = visiblePeopleSql(viewerOf(context), 1);
  return context.db.tx(async (q) => {
    const rows = await searchGoalRows(q, visible, { ...filter, after });
    const page = pageOf(rows, filter.limit, (row) => [row.id]);
    await audit(q, auditContextOf(context), {
      action: 'goal.search',
      recordType: 'person',
      ...(filter.personId && page.items.length > 0 && { personId: filter.personId }),
      details: {
        count: page.items.length,
        ...(props.via && { via: props.via }),
        filter: {
          person: filter.personId !== undefined,
          lifecycleStatus: filter.lifecycleStatuses ?? null,
          category: filter.needDomain !== undefined,
          page: after ? 'next' : 'first',
        },
      },
    });
    return {
      items: page.items.map(({ holder_organization_id, ...goal }) => ({ goal, holderOrganizationId: holder_organization_id })),
      nextCursor: page.nextCursor,
      organizationNames: await organizationNames(q, [...new Set(page.items.map((row) => row.holder_organization_id))]),
      needDomainNames: new Map((await listNeedDomainRows(q)).map((domain) => [domain.code, domain.name])),
    };
  });
}
