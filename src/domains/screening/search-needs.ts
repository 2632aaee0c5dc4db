// Needs across the people the actor may see (a FHIR Condition search): filtered in SQL by the
// people domain's access rule, the 'needs' category and 'sud' for needs flagged so, before the
// page is cut; each with the screenings and items that found it. One audit row per page, naming
// the count and which filters were used (never their values).
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, type UseCaseContext } from '../../platform/context';
import { pageOf } from '../../platform/http/pagination';
import { listNeedDomainRows } from '../directory';
import { visiblePeopleSql, viewerOf } from '../people';
import { decodeIdCursor } from './cursors';
import type { NeedRow } from './needs.store';
import type { NeedStatus } from './screening.schema';
import { needEvidence, type NeedEvidence } from './screening-records';
import { listVisibleNeeds } from './screening-search.store';

export interface NeedSearch {
  personId?: string;
  needDomains?: string[];
  statuses?: NeedStatus[];
  limit: number;
  cursor?: string;
}

export interface NeedsPage {
  items: { need: NeedRow; evidence: NeedEvidence[] }[];
  needDomainNames: Map<string, string>;
  nextCursor: string | null;
}

export async function searchNeeds(context: UseCaseContext, props: { filter: NeedSearch; via?: string }): Promise<NeedsPage> {
  const viewer = viewerOf(context);
  await authorizeFor(context, 'need.search', {}, 'need');
  const { filter } = props;
  const after = decodeIdCursor(filter.cursor);
  return context.db.tx(async (q) => {
    const rows = await listVisibleNeeds(q, visiblePeopleSql(viewer, 1), {
      personId: filter.personId,
      needDomains: filter.needDomains,
      statuses: filter.statuses,
      after,
      limit: filter.limit,
    });
    const page = pageOf(rows, filter.limit, (row) => [row.id]);
    const evidence = await needEvidence(
      q,
      page.items.map((row) => ({ id: row.id, needDomain: row.need_domain, seesSud: row.access_categories.includes('sud') })),
    );
    await audit(q, auditContextOf(context), {
      action: 'need.search',
      recordType: 'person',
      ...(filter.personId && page.items.length > 0 && { personId: filter.personId }),
      details: {
        count: page.items.length,
        ...(props.via && { via: props.via }),
        filter: {
          person: filter.personId !== undefined,
          needDomain: filter.needDomains !== undefined,
          status: filter.statuses !== undefined,
          page: after ? 'next' : 'first',
        },
      },
    });
    const names = new Map((await listNeedDomainRows(q)).map((domain) => [domain.code, domain.name]));
    return {
      items: page.items.map(({ access_categories: _categories, holder_organization_id: _holder, ...need }) => ({
        need,
        evidence: evidence.get(need.id) ?? [],
      })),
      needDomainNames: names,
      nextCursor: page.nextCursor,
    };
  });
}
