// The access rule as a query another domain can include: the people the actor may see, with the
// categories they see of each (`id`, `holder_organization_id`, `categories`), for a search over
// many people's records (a FHIR search of goals, say) that must be filtered before it is paged.
// Values are numbered from $1; the including query numbers its own after them.
import type { UseCaseContext } from '../../platform/context';
import { viewerOf } from './access';
import { accessSql } from './access.store';

export function visiblePeopleSql(context: UseCaseContext): { sql: string; values: unknown[] } {
  const access = accessSql(viewerOf(context), 1);
  return {
    sql: `SELECT p.id, p.holder_organization_id, ${access.categories} AS categories
            FROM people p WHERE p.merged_into IS NULL AND ${access.visible}`,
    values: access.values,
  };
}
