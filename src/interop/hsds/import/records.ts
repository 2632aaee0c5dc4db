// The records of one import on their way to the database: HSDS 3.0 rows keyed by HSDS field
// names, each remembering where it came from (file:line or file#/json/pointer) so that a
// rejection can name it. Records are deduplicated by id as they arrive: the same record may
// legitimately appear many times (JSON nests a phone under its service, location and contact),
// and only a clash of values means two different records claim one id.
import type { HsdsObjectName } from '../../../domains/directory/index';

/** A scalar as read: text from CSV, text or number from JSON. Missing values are absent keys. */
export type Value = string | number;
export type Fields = Record<string, Value>;

export interface Draft {
  type: HsdsObjectName;
  /** The HSDS 3 id (a UUID) once ids are rewritten. */
  id: string;
  fields: Fields;
  path: string;
  /** The source's own id when it was not a UUID and a v5 id was minted for it. */
  source?: { objectType: string; id: string };
  /** Why this record is rejected; set records never reach the database. */
  rejected?: string;
  /** Made by the import for a record the source names and does not have (see repairs.ts). */
  placeholder?: boolean;
  /** Coordinates the import estimated (the centre of the location's postal code). */
  estimate?: { latitude: number; longitude: number; postalCode: string };
}

export interface Rejection {
  path: string;
  object: string;
  id?: string;
  reason: string;
}

/** A record kept after a named repair (see repairs.ts for the rules). */
export interface Repair {
  path: string;
  object: string;
  id?: string;
  rule: string;
  message: string;
}

export interface Warning {
  path: string;
  object: string;
  id?: string;
  message: string;
}

/** Which record disagrees with which, in words: `name: "A" ≠ "B"`. */
function firstDifference(a: Fields, b: Fields): string | undefined {
  for (const key of Object.keys(b)) {
    const left = a[key];
    const right = b[key];
    if (left === undefined || right === undefined) continue;
    if (String(left) !== String(right)) return `${key}: ${clip(left)} ≠ ${clip(right)}`;
  }
  return undefined;
}

const clip = (value: Value) => {
  const text = String(value);
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
};

export class RecordSet {
  readonly byType = new Map<HsdsObjectName, Map<string, Draft>>();
  readonly rejections: Rejection[] = [];
  readonly warnings: Warning[] = [];
  /** Repairs as they are made; a record rejected later takes its repairs with it (see keptRepairs). */
  private readonly repairsMade: { draft: Draft; rule: string; message: string }[] = [];
  /** Rows of tables Kith does not store (metadata…), by table, so the report can say so. */
  readonly skipped = new Map<string, number>();
  /** CSV rows or top-level JSON objects read, for the report. */
  rowsRead = 0;

  of(type: HsdsObjectName): Map<string, Draft> {
    let map = this.byType.get(type);
    if (!map) this.byType.set(type, (map = new Map()));
    return map;
  }

  /**
   * Adds a record, merging it with an earlier one of the same id: fields that only one of them
   * says are united; a field both say differently rejects both, since we cannot know which is
   * right (and so cannot silently keep either).
   */
  add(draft: Draft): void {
    const map = this.of(draft.type);
    const earlier = map.get(draft.id);
    if (!earlier) {
      map.set(draft.id, draft);
      return;
    }
    const clash = firstDifference(earlier.fields, draft.fields);
    if (clash) {
      const shown = draft.source?.id ?? draft.id;
      if (!earlier.rejected) earlier.rejected = `id ${shown} is used again at ${draft.path} with different content (${clash})`;
      this.rejections.push({
        path: draft.path,
        object: draft.type,
        id: shown,
        reason: `id ${shown} was already used at ${earlier.path} with different content (${clash})`,
      });
      return;
    }
    for (const [key, value] of Object.entries(draft.fields)) {
      if (earlier.fields[key] === undefined) earlier.fields[key] = value;
    }
  }

  /** A source row that could not even become a record (no id, unreadable row). */
  reject(rejection: Rejection): void {
    this.rejections.push(rejection);
  }

  warn(warning: Warning): void {
    this.warnings.push(warning);
  }

  repair(draft: Draft, repair: { rule: string; message: string }): void {
    this.repairsMade.push({ draft, ...repair });
  }

  /** The repairs of the records that go in. */
  keptRepairs(): Repair[] {
    return this.repairsMade
      .filter(({ draft }) => !draft.rejected)
      .map(({ draft, rule, message }) => ({
        path: draft.path,
        object: draft.type,
        id: draft.source?.id ?? draft.id,
        rule,
        message,
      }));
  }

  skip(table: string, rows = 1): void {
    this.skipped.set(table, (this.skipped.get(table) ?? 0) + rows);
  }

  *all(): Iterable<Draft> {
    for (const map of this.byType.values()) yield* map.values();
  }
}
