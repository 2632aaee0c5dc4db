// The log keeps a record's type and id; an admin reading it wants the record's name beside them.
// The platform knows no domain's tables, so each domain registers, per record type it writes to
// the log, a function that names a page's records of that type at once (the way policy rules and
// the actor resolver are registered). A reader sees only rows whose record their organisation
// could see (audit.store.ts), so a name says no more than the row; a type whose name would be a
// person's data (a patient's name) must not be named here without its own policy check.
import type { Queryable } from '../db/database';

export type RecordNamer = (q: Queryable, ids: string[]) => Promise<Map<string, string>>;

const namers = new Map<string, RecordNamer>();

export function registerRecordNames(recordType: string, namer: RecordNamer): void {
  namers.set(recordType, namer);
}

// Every record type named so far has uuid ids; ids in the log are text, and may be anything.
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const key = (recordType: string, recordId: string) => `${recordType}\u0000${recordId}`;

/** The names of the records rows point at, one query per record type; a record since deleted has none. */
export async function recordNames(
  q: Queryable,
  rows: readonly { record_type: string | null; record_id: string | null }[],
): Promise<(recordType: string | null, recordId: string | null) => string | null> {
  const idsByType = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!row.record_type || !row.record_id || !namers.has(row.record_type)) continue;
    const ids = idsByType.get(row.record_type) ?? new Set<string>();
    ids.add(row.record_id);
    idsByType.set(row.record_type, ids);
  }
  const names = new Map<string, string>();
  for (const [recordType, ids] of idsByType) {
    const found = await namers.get(recordType)!(
      q,
      [...ids].filter((id) => uuid.test(id)),
    );
    for (const [id, name] of found) names.set(key(recordType, id), name);
  }
  return (recordType, recordId) => (recordType && recordId ? (names.get(key(recordType, recordId)) ?? null) : null);
}
