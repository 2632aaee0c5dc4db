// Writes accepted records through the directory's generic upsert (batched, by id, counting what
// changed), then the crosswalk of source ids that were not UUIDs (and of every service, so a data
// set's services are known).
import { upsertHsdsRecords, type HsdsObjectName, type WriteCounts } from '../../../domains/directory/index';

export type { WriteCounts };
import type { Queryable } from '../../../platform/db/database';
import type { RecordSet } from './records';
import { linkOrder } from './validate';

const BATCH = 2_000;

const crosswalkSql = `
  INSERT INTO directory_source_record (dataset, object_type, source_id, id)
  SELECT $2, r.object_type, r.source_id, r.id FROM json_to_recordset($1::json) AS r(object_type text, source_id text, id uuid)
  ON CONFLICT (dataset, object_type, source_id) DO UPDATE SET id = EXCLUDED.id
  WHERE directory_source_record.id IS DISTINCT FROM EXCLUDED.id`;

export interface WriteProgress {
  (done: number, total: number): void;
}

/** Upserts every accepted record and its source id; returns counts per object type. */
export async function writeRecords(
  q: Queryable,
  set: RecordSet,
  dataset: string,
  progress?: WriteProgress,
  /** The directory was empty (withBulkLoad): the rows are copied in. */
  intoEmpty = false,
): Promise<Partial<Record<HsdsObjectName, WriteCounts>>> {
  const accepted = new Map<HsdsObjectName, Record<string, unknown>[]>();
  const sources: { object_type: string; source_id: string; id: string }[] = [];
  let total = 0;
  for (const type of linkOrder) {
    const rows: Record<string, unknown>[] = [];
    for (const draft of set.of(type).values()) {
      if (draft.rejected) continue;
      rows.push(draft.fields);
      if (draft.source) sources.push({ object_type: draft.source.objectType, source_id: draft.source.id, id: draft.id });
      // A service whose source id was a UUID already is recorded under itself: the data set's
      // services are then all known, and the ones a later import no longer has can be retired.
      else if (type === 'service') sources.push({ object_type: 'service', source_id: draft.id, id: draft.id });
    }
    if (rows.length) accepted.set(type, rows);
    total += rows.length;
  }
  total += sources.length;
  let done = 0;
  const counts = await upsertHsdsRecords(q, Object.fromEntries(accepted), (_object, rows) => progress?.((done += rows), total), {
    intoEmpty,
  });
  for (let start = 0; start < sources.length; start += BATCH * 5) {
    const batch = sources.slice(start, start + BATCH * 5);
    await q.query(crosswalkSql, [JSON.stringify(batch), dataset]);
    progress?.((done += batch.length), total);
  }
  return counts;
}

export interface RetiredService {
  id: string;
  name: string;
}

/**
 * Marks defunct (HSDS status) the services of the data set that this import no longer has: the
 * publisher has dropped them. They leave search at once; importing them again revives them.
 */
export async function retireMissingServices(q: Queryable, set: RecordSet, dataset: string): Promise<RetiredService[]> {
  const present = [...set.of('service').values()].filter((draft) => !draft.rejected).map((draft) => draft.id);
  return q.query<RetiredService>(
    `UPDATE hsds_service s SET status = 'defunct'
       FROM directory_source_record r
      WHERE r.dataset = $1 AND r.object_type = 'service' AND r.id = s.id
        AND s.status IS DISTINCT FROM 'defunct' AND NOT (s.id = ANY ($2::uuid[]))
     RETURNING s.id::text AS id, s.name`,
    [dataset, present],
  );
}
