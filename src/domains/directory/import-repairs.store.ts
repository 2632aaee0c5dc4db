// The SQL of what an import repaired (directory_placeholder_organization, directory_location_estimate):
// the stand-ins for organisations a source names and lacks, and the estimated places of locations
// without coordinates. Both are written in the import's transaction, after its HSDS records.
import type { Queryable } from '../../platform/db/database';

export interface PlaceholderOrganization {
  id: string;
  /** The organisation's id as the source wrote it. */
  sourceId: string;
}

export interface LocationEstimate {
  locationId: string;
  latitude: number;
  longitude: number;
  postalCode: string;
}

/**
 * Marks the import's stand-in organisations, and unmarks those the import now has for real (their
 * details were just written over the stand-in's).
 */
export async function recordPlaceholderOrganizations(
  q: Queryable,
  dataset: string,
  placeholders: readonly PlaceholderOrganization[],
  realOrganizationIds: readonly string[],
): Promise<void> {
  if (realOrganizationIds.length) {
    await q.query('DELETE FROM directory_placeholder_organization WHERE organization_id = ANY ($1::uuid[])', [
      realOrganizationIds,
    ]);
  }
  if (placeholders.length) {
    await q.query(
      `INSERT INTO directory_placeholder_organization (organization_id, dataset, source_id)
       SELECT p.id, $2, p.source_id FROM json_to_recordset($1::json) AS p (id uuid, source_id text)
       ON CONFLICT (organization_id) DO NOTHING`,
      [JSON.stringify(placeholders.map((placeholder) => ({ id: placeholder.id, source_id: placeholder.sourceId }))), dataset],
    );
  }
}

/** Which of `ids` are stand-in organisations. */
export async function placeholderOrganizationIds(q: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await q.query<{ id: string }>(
    'SELECT organization_id::text AS id FROM directory_placeholder_organization WHERE organization_id = ANY ($1::uuid[])',
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Keeps the estimated places of the import's locations: `estimates` are written (a row whose values
 * did not change is left as it is), and the estimates of `clearedLocationIds` (the source now gives
 * their coordinates, or no postal code we know) are removed. Returns the ids of the locations
 * whose place changed, for the search index.
 */
export async function recordLocationEstimates(
  q: Queryable,
  estimates: readonly LocationEstimate[],
  clearedLocationIds: readonly string[],
): Promise<string[]> {
  const changed: string[] = [];
  if (clearedLocationIds.length) {
    const rows = await q.query<{ id: string }>(
      'DELETE FROM directory_location_estimate WHERE location_id = ANY ($1::uuid[]) RETURNING location_id::text AS id',
      [clearedLocationIds],
    );
    changed.push(...rows.map((row) => row.id));
  }
  if (estimates.length) {
    const rows = await q.query<{ id: string }>(
      `INSERT INTO directory_location_estimate (location_id, latitude, longitude, postal_code)
       SELECT e.location_id, e.latitude, e.longitude, e.postal_code
         FROM json_to_recordset($1::json) AS e (location_id uuid, latitude double precision, longitude double precision, postal_code text)
       ON CONFLICT (location_id) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, postal_code = EXCLUDED.postal_code
       WHERE (directory_location_estimate.latitude, directory_location_estimate.longitude, directory_location_estimate.postal_code)
             IS DISTINCT FROM (EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.postal_code)
       RETURNING location_id::text AS id`,
      [
        JSON.stringify(
          estimates.map((estimate) => ({
            location_id: estimate.locationId,
            latitude: estimate.latitude,
            longitude: estimate.longitude,
            postal_code: estimate.postalCode,
          })),
        ),
      ],
    );
    changed.push(...rows.map((row) => row.id));
  }
  return changed;
}

export interface PlaceholderOrganizationRow {
  id: string;
  name: string;
  dataset: string;
  source_id: string;
  services: number;
  locations: number;
  created_at: Date;
}

/** The stand-in organisations, with how many services and locations wait under each, most waiting first. */
export async function listPlaceholderOrganizationRows(q: Queryable, limit: number): Promise<PlaceholderOrganizationRow[]> {
  return q.query<PlaceholderOrganizationRow>(
    `SELECT o.id::text AS id, o.name, p.dataset, p.source_id, p.created_at,
            (SELECT count(*)::int FROM hsds_service s WHERE s.organization_id = o.id) AS services,
            (SELECT count(*)::int FROM hsds_location l WHERE l.organization_id = o.id) AS locations
       FROM directory_placeholder_organization p JOIN hsds_organization o ON o.id = p.organization_id
      ORDER BY services DESC, locations DESC, p.dataset, p.source_id
      LIMIT $1`,
    [limit],
  );
}
