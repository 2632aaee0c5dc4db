// Re-importing costs what changed, not what is there: each top-level record of a JSON source (a
// full service of a feed or of services.json, an organization, a taxonomy or term) is hashed as
// it is read, and one whose hash is the one recorded at the last import of the data set is not
// mapped, validated or written again; nor are its search entries rebuilt. A nightly feed of
// 100,000 services that changed a few hundred costs reading the JSON and hashing it.
//
// Only what went in whole gets a hash: a record with a rejected or repaired part is read again
// every time, so its problems are reported every time. A service retired for being absent loses
// its hash (retireServicesMissingFrom), so that it is read, and revived, when it comes back.
// `--reread` ignores the hashes (after a change to the importer itself, also bump PIPELINE).
import { createHash } from 'node:crypto';
import { sourceHashesOf, type HsdsObjectName, type SourceRecordHash } from '../../../domains/directory/index';
import type { Queryable } from '../../../platform/db/database';
import { clean, type MapContext } from './context';

/** What a source record becomes depends on the importer too: a new version reads everything once. */
const PIPELINE = 'kith-hsds-import/2';

/** Top-level objects that may be skipped: an organization only without services[] (their fate is retirement's). */
const skippable = new Set<HsdsObjectName>(['service', 'organization', 'taxonomy', 'taxonomy_term']);

interface Read {
  objectType: HsdsObjectName;
  sourceId: string;
  hash: string | null;
  pointer: string;
}

const keyOf = (objectType: string, sourceId: string) => `${objectType}\u0000${sourceId}`;

export class UnchangedSources {
  /** Per skipped object type, the HSDS ids of the records left as they were. */
  readonly skipped = new Map<HsdsObjectName, string[]>();
  private readonly read = new Map<string, Read>();
  private readonly skippedKeys = new Set<string>();

  private constructor(private readonly stored: Map<string, { id: string; hash: string }>) {}

  /** The hashes recorded for the data set; none when `reread` (every record is then read again). */
  static async load(q: Queryable, dataset: string, reread = false): Promise<UnchangedSources> {
    const stored = new Map<string, { id: string; hash: string }>();
    if (!reread) {
      for (const row of await sourceHashesOf(q, dataset)) {
        if (row.content_hash) stored.set(keyOf(row.object_type, row.source_id), { id: row.id, hash: row.content_hash });
      }
    }
    return new UnchangedSources(stored);
  }

  /** Whether this top-level object says what it said last time: it is then not read again. */
  skip(kind: HsdsObjectName, json: Record<string, unknown>, pointer: string): boolean {
    if (!skippable.has(kind)) return false;
    if (kind === 'organization' && Array.isArray(json.services) && json.services.length > 0) return false;
    const rawId = clean(json.id);
    if (rawId === undefined) return false;
    const sourceId = String(rawId);
    const key = keyOf(kind, sourceId);
    const hash = createHash('sha1').update(PIPELINE).update(kind).update(JSON.stringify(json)).digest('base64url');
    const before = this.stored.get(key);
    if (before?.hash === hash && !this.read.has(key)) {
      if (!this.skippedKeys.has(key)) {
        this.skippedKeys.add(key);
        let ids = this.skipped.get(kind);
        if (!ids) this.skipped.set(kind, (ids = []));
        ids.push(before.id);
      }
      return true;
    }
    const earlier = this.read.get(key);
    // The same id twice with different content: neither is recorded as clean.
    this.read.set(key, { objectType: kind, sourceId, hash: earlier && earlier.hash !== hash ? null : hash, pointer });
    return false;
  }

  get skippedCount(): number {
    let count = 0;
    for (const ids of this.skipped.values()) count += ids.length;
    return count;
  }

  /**
   * After validation: the hash of each top-level object read this time, or null for one with a
   * rejected or repaired part (a rejection or warning at or below its place), to be read again.
   */
  toRecord(cx: MapContext): SourceRecordHash[] {
    const byPointer = new Map<string, Read>();
    for (const entry of this.read.values()) byPointer.set(entry.pointer, entry);
    const troubled = new Set<Read>();
    // A record read with a problem or a repair is read again next time, so the report says so again.
    for (const problem of [...cx.out.rejections, ...cx.out.warnings, ...cx.out.keptRepairs()]) {
      for (let place = problem.path; ;) {
        const entry = byPointer.get(place);
        if (entry) {
          troubled.add(entry);
          break;
        }
        const cut = place.lastIndexOf('/');
        if (cut < 0) break;
        place = place.slice(0, cut);
      }
    }
    const records: SourceRecordHash[] = [];
    for (const entry of this.read.values()) {
      const hash = troubled.has(entry) ? null : entry.hash;
      // A troubled record is written only to forget a hash it had; a new one is not kept at all.
      if (hash === null && !this.stored.has(keyOf(entry.objectType, entry.sourceId))) continue;
      records.push({
        object_type: entry.objectType,
        source_id: entry.sourceId,
        id: cx.ids.id(entry.objectType, entry.sourceId),
        content_hash: hash,
      });
    }
    return records;
  }
}
