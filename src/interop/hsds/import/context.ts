// What every format's mapper shares: cleaning source values, and turning HSDS 3 shaped rows that
// still hold source ids into records with UUIDs (`emit`). Mappers only decide field names and
// values; ids, links and deduplication are handled here the same way for every format.
import { hsdsModel, hsdsObjectNames, type HsdsObjectName } from '../../../domains/directory/index';
import { IdMinter, isUuid } from './ids';
import { idFromContent, mintsMissingId } from './repairs';
import { RecordSet, type Fields, type Value } from './records';

/** One source row: column name → cleaned text (missing values are undefined). */
export type Row = Record<string, string | undefined>;

/**
 * A value, or undefined when it is missing. Publishers write "missing" as an absent key, null,
 * "", "null" or "NULL" (HSDS's own field guidance does the last), so all of them are missing.
 * Text is trimmed: real files pad cells with spaces ("James Reeder        ").
 */
export function clean(value: unknown): Value | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  // PostgreSQL text cannot hold NUL; exports from old systems sometimes carry one.
  const text = (value.includes('\u0000') ? value.replaceAll('\u0000', '') : value).trim();
  if (text === '' || text === 'null' || text === 'NULL' || text === 'Null') return undefined;
  return text;
}

export const cleanText = (value: unknown): string | undefined => {
  const cleaned = clean(value);
  return cleaned === undefined ? undefined : String(cleaned);
};

/** The first of `columns` that the row fills. */
export function pick(row: Row, ...columns: string[]): string | undefined {
  for (const column of columns) {
    const value = row[column];
    if (value !== undefined) return value;
  }
  return undefined;
}

const objectNames = new Set<string>(hsdsObjectNames);
export const isHsdsObject = (name: string): name is HsdsObjectName => objectNames.has(name);

/** link_entity as HSDS names it ("service"), also when a publisher writes a table name ("services", "hsds_service"). */
function entityName(entity: string): string {
  const name = entity
    .trim()
    .toLowerCase()
    .replace(/^hsds_/, '');
  if (isHsdsObject(name)) return name;
  for (const singular of [name.replace(/ies$/, 'y'), name.replace(/es$/, ''), name.replace(/s$/, '')]) {
    if (isHsdsObject(singular)) return singular;
  }
  return entity;
}

export interface EmitOptions {
  /** The type the source names this record's id under, when it is not the HSDS object name. */
  idType?: string;
  /** Per link column, the type the source names the target's id under (physical_address…). */
  linkTypes?: Record<string, string>;
}

/** Per object, its fields and link columns as arrays: `emit` runs for every record. */
const shapes = new Map(
  hsdsObjectNames.map((type) => [
    type,
    { fields: hsdsModel[type].fields as Record<string, string | undefined>, links: Object.entries(hsdsModel[type].links) },
  ]),
);

export class MapContext {
  readonly ids: IdMinter;

  constructor(
    dataset: string,
    readonly out: RecordSet = new RecordSet(),
  ) {
    this.ids = new IdMinter(dataset);
  }

  /**
   * Adds one HSDS 3 record whose `id` and link columns still hold source ids; returns its HSDS id
   * (undefined when it has no id and is not a child row whose id can be made from its content,
   * and was rejected). Fields outside the HSDS model are ignored.
   */
  emit(
    type: HsdsObjectName,
    values: Record<string, Value | undefined>,
    path: string,
    options: EmitOptions = {},
  ): string | undefined {
    const shape = shapes.get(type)!;
    const idType = options.idType ?? type;
    let rawId = values.id;
    let minted = false;
    if (rawId === undefined) {
      if (!mintsMissingId(type)) {
        this.out.reject({ path, object: type, reason: 'missing required field "id"' });
        return undefined;
      }
      // A child row without an id (see repairs.ts): its id follows from what it says.
      rawId = idFromContent(this.ids, idType, values);
      minted = true;
    }
    const sourceId = String(rawId);
    const id = this.ids.id(idType, sourceId);
    const fields: Fields = { id };
    for (const name in values) {
      const value = values[name];
      if (value !== undefined && name !== 'id' && shape.fields[name] !== undefined) fields[name] = value;
    }
    for (const [column, target] of shape.links) {
      const value = fields[column];
      if (value !== undefined) fields[column] = this.ids.id(options.linkTypes?.[column] ?? target, String(value));
    }
    if (type === 'attribute' && fields.link_id !== undefined) {
      // link_id is polymorphic: its type is named by link_entity (an unknown entity is left for
      // validation to reject, with the source value intact).
      const entity = fields.link_entity === undefined ? undefined : entityName(String(fields.link_entity));
      if (entity !== undefined) fields.link_entity = entity;
      const linkType = options.linkTypes?.link_id ?? (entity !== undefined && isHsdsObject(entity) ? entity : undefined);
      if (linkType) fields.link_id = this.ids.id(linkType, String(fields.link_id));
    }
    const isNew = minted && !this.out.of(type).has(id);
    this.out.add({
      type,
      id,
      fields,
      path,
      source: id === sourceId || isUuid(sourceId) ? undefined : { objectType: idType, id: sourceId },
    });
    // The same row twice is one record (its id is made from its content): it is repaired once.
    if (isNew)
      this.out.repair(this.out.of(type).get(id)!, { rule: 'id-from-content', message: 'no id; one was made from the row' });
    return id;
  }
}
