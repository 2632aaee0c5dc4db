// Writes accepted records through the directory's generic upsert (batched, by id, counting what
// changed), then the crosswalk of source ids that were not UUIDs (and of every service, so a data
// set's services are known); and retires the services a data set no longer has.
import {
  recordLocationEstimates,
  recordPlaceholderOrganizations,
  recordSourceIds,
  retireServicesMissingFrom,
  upsertHsdsRecords,
  type HsdsObjectName,
  type RetiredService,
  type SourceRecord,
  type WriteCounts,
  type WrittenRecords,
} from '../../../domains/directory/index';
import type { Queryable } from '../../../platform/db/database';
import type { RecordSet } from './records';
import { linkOrder } from './validate';

export type { RetiredService, WriteCounts };

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
  /** Collects the rows really inserted or changed. */
  written?: WrittenRecords,
): Promise<Partial<Record<HsdsObjectName, WriteCounts>>> {
  const accepted = new Map<HsdsObjectName, Record<string, unknown>[]>();
  const sources: SourceRecord[] = [];
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
    written,
  });
  await recordSourceIds(q, dataset, sources, (rows) => progress?.((done += rows), total));
  return counts;
}

/**
 * Marks defunct (HSDS status) the services of the data set that this import no longer has: the
 * publisher has dropped them. They leave search at once; importing them again revives them.
 */
export async function retireMissingServices(
  q: Queryable,
  set: RecordSet,
  dataset: string,
  /** Services the source still has that were skipped as unchanged since the last import. */
  alsoPresent: readonly string[] = [],
): Promise<RetiredService[]> {
  const present = [...set.of('service').values()].filter((draft) => !draft.rejected).map((draft) => draft.id);
  return retireServicesMissingFrom(q, dataset, [...present, ...alsoPresent]);
}

/**
 * Writes what the import repaired beside the HSDS records: which organisations are stand-ins (and
 * which are not any more), and the estimated places of locations without coordinates. Returns the
 * locations whose estimated place changed, for the search index.
 */
export async function writeRepairs(q: Queryable, set: RecordSet, dataset: string): Promise<string[]> {
  const placeholders: { id: string; sourceId: string }[] = [];
  const real: string[] = [];
  for (const draft of set.of('organization').values()) {
    if (draft.rejected) continue;
    if (draft.placeholder) placeholders.push({ id: draft.id, sourceId: draft.source?.id ?? draft.id });
    else real.push(draft.id);
  }
  await recordPlaceholderOrganizations(q, dataset, placeholders, real);
  const estimates: { locationId: string; latitude: number; longitude: number; postalCode: string }[] = [];
  const cleared: string[] = [];
  for (const draft of set.of('location').values()) {
    if (draft.rejected) continue;
    if (draft.estimate) estimates.push({ locationId: draft.id, ...draft.estimate });
    else cleared.push(draft.id);
  }
  return recordLocationEstimates(q, estimates, cleared);
}
