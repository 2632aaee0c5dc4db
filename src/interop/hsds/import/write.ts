// Writes accepted records through the directory's generic upsert (batched, by id, counting what
// changed), then the crosswalk of source ids that were not UUIDs.
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
    }
    if (rows.length) accepted.set(type, rows);
    total += rows.length;
  }
  total += sources.length;
  let done = 0;
  const counts = await upsertHsdsRecords(q, Object.fromEntries(accepted), (_object, rows) => progress?.((done += rows), total));
  for (let start = 0; start < sources.length; start += BATCH * 5) {
    const batch = sources.slice(start, start + BATCH * 5);
    await q.query(crosswalkSql, [JSON.stringify(batch), dataset]);
    progress?.((done += batch.length), total);
  }
  return counts;
}
