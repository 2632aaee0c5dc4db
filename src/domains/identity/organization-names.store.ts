// The SQL of the network's organisations as a directory search reads them: their names' words
// (a word of one is never taken for a typo) and the ones whose name holds a search's words.
import type { Queryable } from '../../platform/db/database';
import type { OrganizationRow } from './identity.store';

export type NamedOrganizationRow = Pick<OrganizationRow, 'id' | 'name' | 'kind'>;

/** Every organisation's name (a network has tens or hundreds of organisations). */
export async function listOrganizationNames(q: Queryable): Promise<string[]> {
  const rows = await q.query<{ name: string }>('SELECT name FROM organizations ORDER BY lower(name)');
  return rows.map((row) => row.name);
}

/**
 * The organisations whose name holds every word of the tsquery text (English stems): a name that
 * is the typed text itself first, then the shortest.
 */
export async function findOrganizationsNamed(
  q: Queryable,
  search: { tsquery: string; typed: string; limit: number },
): Promise<NamedOrganizationRow[]> {
  return q.query<NamedOrganizationRow>(
    `SELECT id, name, kind FROM organizations
      WHERE to_tsvector('english', name) @@ to_tsquery('english', $1)
      ORDER BY lower(name) = lower($2) DESC, length(name), lower(name), id
      LIMIT $3`,
    [search.tsquery, search.typed, search.limit],
  );
}
