// HSDS 3.x JSON flattened into records. A child's link to its parent follows from where it sits
// (a phone in service.phones[] has no service_id), so the parent's id is copied into the child's
// link column; an attribute takes its parent's id and table as link_id/link_entity, whatever
// placeholder it carries. The same record met in several places (a location under the service's
// service_at_locations and under its organization) is merged by id. The kind of a root object is
// read from its fields, since HSDS documents do not say what they are.
import path from 'node:path';
import { hsdsModel, hsdsObjectNames, type HsdsObjectName } from '../../../domains/directory/index';
import { AppError } from '../../../platform/http/app-error';
import { clean, type MapContext } from './context';
import { resourceKey } from './detect';
import { readJsonFile } from './json-read';
import { hsds3Mapping, runTabular, type TableSource } from './tabular';
import type { Value } from './records';
import type { UnchangedSources } from './unchanged';

type Json = Record<string, unknown>;
type Relation = [HsdsObjectName, string];

/** Child arrays: key → [object, the child's column that holds the parent's id]. */
const manyOf: Partial<Record<HsdsObjectName, Record<string, Relation>>> = {
  organization: {
    funding: ['funding', 'organization_id'],
    contacts: ['contact', 'organization_id'],
    phones: ['phone', 'organization_id'],
    locations: ['location', 'organization_id'],
    programs: ['program', 'organization_id'],
    services: ['service', 'organization_id'],
    organization_identifiers: ['organization_identifier', 'organization_id'],
    urls: ['url', 'organization_id'],
  },
  service: {
    phones: ['phone', 'service_id'],
    schedules: ['schedule', 'service_id'],
    service_areas: ['service_area', 'service_id'],
    service_at_locations: ['service_at_location', 'service_id'],
    languages: ['language', 'service_id'],
    funding: ['funding', 'service_id'],
    cost_options: ['cost_option', 'service_id'],
    required_documents: ['required_document', 'service_id'],
    contacts: ['contact', 'service_id'],
    urls: ['url', 'service_id'],
  },
  service_at_location: {
    contacts: ['contact', 'service_at_location_id'],
    phones: ['phone', 'service_at_location_id'],
    schedules: ['schedule', 'service_at_location_id'],
  },
  location: {
    languages: ['language', 'location_id'],
    addresses: ['address', 'location_id'],
    contacts: ['contact', 'location_id'],
    accessibility: ['accessibility', 'location_id'],
    phones: ['phone', 'location_id'],
    schedules: ['schedule', 'location_id'],
  },
  contact: { phones: ['phone', 'contact_id'] },
  phone: { languages: ['language', 'phone_id'] },
};

/** Embedded objects: key → [object, the parent's column that holds the embedded id]. */
const oneOf: Partial<Record<HsdsObjectName, Record<string, Relation>>> = {
  service: { organization: ['organization', 'organization_id'], program: ['program', 'program_id'] },
  service_at_location: { location: ['location', 'location_id'], service: ['service', 'service_id'] },
  attribute: { taxonomy_term: ['taxonomy_term', 'taxonomy_term_id'] },
  taxonomy_term: { taxonomy_detail: ['taxonomy', 'taxonomy_id'] },
};

const noAttributes = new Set<HsdsObjectName>(['taxonomy', 'taxonomy_term', 'attribute']);
/** Arrays HSDS has and Kith does not store (3.1's capacities are Kith's own intake data). */
const unstored: Record<string, string> = { metadata: 'metadata', capacities: 'service_capacity' };

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasAny = (json: Json, keys: string[]) => keys.some((key) => key in json);

// Files named after an HSDS list (what `kith export hsds` writes, and what API dumps are often
// called) say what their items are; the fields are read only when the name says nothing.
const fileKinds: Record<string, HsdsObjectName> = {
  services: 'service',
  organizations: 'organization',
  service_at_locations: 'service_at_location',
  locations: 'location',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy_term',
};

export function kindOfFileName(file: string): HsdsObjectName | undefined {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .toLowerCase()
    .replace(/\.(nd)?json$/, '');
  return fileKinds[base];
}

/** Which HSDS object a root JSON object is, from its fields. */
export function kindOf(json: Json): HsdsObjectName | undefined {
  if (isObject(json.service) || isObject(json.location) || ('service_id' in json && 'location_id' in json && !('status' in json)))
    return 'service_at_location';
  if (
    hasAny(json, [
      'status',
      'service_at_locations',
      'eligibility_description',
      'fees_description',
      'application_process',
      'cost_options',
    ]) ||
    isObject(json.organization)
  )
    return 'service';
  if (hasAny(json, ['location_type', 'addresses', 'latitude', 'longitude', 'accessibility', 'transportation'])) return 'location';
  if (
    hasAny(json, [
      'locations',
      'programs',
      'organization_identifiers',
      'services',
      'website',
      'year_incorporated',
      'legal_status',
      'logo',
      'parent_organization_id',
      'tax_status',
    ])
  )
    return 'organization';
  if (hasAny(json, ['taxonomy_detail', 'term_uri', 'parent_id', 'taxonomy_id', 'code'])) return 'taxonomy_term';
  if ('version' in json && !('openapi_url' in json)) return 'taxonomy';
  if ('name' in json && 'uri' in json && !('openapi_url' in json)) return 'taxonomy';
  return undefined;
}

/** Per object, its scalar fields and nested relations, worked out once: flatten runs for every object. */
const shapes = new Map(
  hsdsObjectNames.map((type) => [
    type,
    {
      fields: hsdsModel[type].fields as Record<string, string | undefined>,
      one: Object.entries(oneOf[type] ?? {}),
      many: Object.entries(manyOf[type] ?? {}),
    },
  ]),
);

export class JsonFlattener {
  constructor(
    private readonly cx: MapContext,
    /** Top-level objects unchanged since the last import are skipped (see unchanged.ts). */
    private readonly unchanged?: UnchangedSources,
  ) {}

  /** Adds one object and everything nested in it; returns its source id. */
  flatten(
    type: HsdsObjectName,
    json: Json,
    pointer: string,
    inherited: Record<string, string> = {},
    authoritative = false,
  ): string | undefined {
    const shape = shapes.get(type)!;
    const values: Record<string, Value | undefined> = {};
    for (const name in json) {
      if (shape.fields[name] === undefined) continue;
      const value = json[name];
      if (typeof value === 'object' && value !== null) {
        this.cx.out.reject({
          path: pointer,
          object: type,
          id: String(json.id ?? ''),
          reason: `field "${name}" must be a single value, not ${Array.isArray(value) ? 'a list' : 'an object'}`,
        });
        return undefined;
      }
      values[name] = clean(value);
    }
    for (const [column, id] of Object.entries(inherited)) {
      if (authoritative || values[column] === undefined) values[column] = id;
    }
    for (const [key, [object, column]] of shape.one) {
      const child = json[key];
      if (!isObject(child)) continue;
      const carried: Record<string, string> = {};
      if (object === 'program' && values.organization_id !== undefined) carried.organization_id = String(values.organization_id);
      const childId = this.flatten(object, child, `${pointer}/${key}`, carried);
      if (childId !== undefined && values[column] === undefined) values[column] = childId;
    }
    // A child without an id of its own gets one from its content (repairs.ts); its children name that.
    const emitted = this.cx.emit(type, values, pointer);
    if (emitted === undefined) return undefined;
    const id = values.id === undefined ? emitted : String(values.id);
    for (const [key, [object, column]] of shape.many) {
      this.each(json[key], `${pointer}/${key}`, (child, at) => this.flatten(object, child, at, { [column]: id }));
    }
    if (!noAttributes.has(type)) {
      // Position is the truth for a nested attribute: the examples carry "link_entity" placeholders.
      this.each(json.attributes, `${pointer}/attributes`, (child, at) =>
        this.flatten('attribute', child, at, { link_id: id, link_entity: type }, true),
      );
    }
    for (const [key, table] of Object.entries(unstored)) {
      if (Array.isArray(json[key]) && json[key].length) this.cx.out.skip(table, json[key].length);
    }
    return id;
  }

  private each(list: unknown, pointer: string, visit: (child: Json, at: string) => void) {
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      this.cx.out.reject({ path: pointer, object: 'list', reason: 'must be a list' });
      return;
    }
    list.forEach((child, index) => {
      if (isObject(child)) visit(child, `${pointer}/${index}`);
      else this.cx.out.reject({ path: `${pointer}/${index}`, object: 'item', reason: 'must be an object' });
    });
  }

  /** A root item of a document: its kind is the file's (when its name says) or read from its fields. */
  item(json: unknown, pointer: string, fileKind?: HsdsObjectName): HsdsObjectName | undefined {
    this.cx.out.rowsRead++;
    if (!isObject(json)) {
      this.cx.out.reject({ path: pointer, object: 'item', reason: 'must be an HSDS object, not a single value or list' });
      return undefined;
    }
    const kind = fileKind ?? kindOf(json);
    if (kind && this.unchanged?.skip(kind, json, pointer)) return kind;
    if (!kind) {
      const keys = Object.keys(json).slice(0, 8).join(', ');
      this.cx.out.reject({
        path: pointer,
        object: 'item',
        id: String(json.id ?? ''),
        reason: `cannot tell which HSDS object this is (fields: ${keys})`,
      });
      return undefined;
    }
    this.flatten(kind, json, pointer);
    return kind;
  }
}

const plural = (kind: string, count: number) => `${count} ${kind}${count === 1 ? '' : 's'}`;

function summarise(kinds: Map<string, number>): string {
  return [...kinds.entries()].map(([kind, count]) => plural(kind, count)).join(', ') || 'nothing recognisable';
}

/** Reads HSDS JSON files into the context; returns what each file turned out to be. */
export async function readJson(
  files: string[],
  cx: MapContext,
  progress?: (done: number, total: number) => void,
  unchanged?: UnchangedSources,
): Promise<string> {
  const flattener = new JsonFlattener(cx, unchanged);
  const shapes: string[] = [];
  let recognised = 0;
  for (const [fileIndex, file] of files.entries()) {
    const fileKind = kindOfFileName(file);
    const kinds = new Map<string, number>();
    const count = (kind: string | undefined) => kind && kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    let shape = 'HSDS 3.x JSON';
    for (const { value, pointer } of readJsonFile(file)) {
      if (Array.isArray(value)) {
        shape = 'an array of';
        value.forEach((item, index) => count(flattener.item(item, `${pointer}/${index}`, fileKind)));
      } else if (isObject(value) && Array.isArray(value.contents)) {
        shape = 'an API page of';
        value.contents.forEach((item, index) => count(flattener.item(item, `${pointer}/contents/${index}`, fileKind)));
      } else if (isObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.endsWith('.csv'))) {
        shape = 'the tabular form (CSV tables as JSON),';
        const tables = new Map<string, TableSource>();
        for (const [name, rows] of Object.entries(value)) {
          const key = resourceKey(name.slice(0, -4));
          if (key && Array.isArray(rows)) tables.set(key, { key, file, rows: rows as Record<string, unknown>[] });
        }
        await runTabular(tables, hsds3Mapping(cx), cx);
        kinds.set('table', (kinds.get('table') ?? 0) + tables.size);
      } else if (isObject(value) && 'openapi_url' in value && 'version' in value) {
        shape = 'meta';
        if (files.length === 1)
          throw new AppError(
            'bad_request',
            `${file} is the HSDS API's meta information ({version, profile, openapi_url}), not directory data`,
          );
      } else {
        shape = pointer.includes(':') ? 'NDJSON of' : 'a single';
        count(flattener.item(value, pointer, fileKind));
      }
      progress?.(fileIndex, files.length);
    }
    recognised += [...kinds.values()].reduce((sum, n) => sum + n, 0);
    const described =
      shape === 'meta'
        ? 'the HSDS API meta information (no directory data), skipped'
        : shape === 'a single' && kinds.size === 1
          ? `a single ${[...kinds.keys()][0]}`
          : `${shape} ${summarise(kinds)}`;
    shapes.push(`${files.length > 1 ? `${path.basename(file)}: ` : ''}${described}`);
  }
  if (recognised === 0 && cx.out.rejections.length > 0 && files.length === 1) {
    const first = cx.out.rejections[0]!;
    throw new AppError('bad_request', `${files[0]} holds no recognisable HSDS object (${first.path}: ${first.reason})`);
  }
  progress?.(files.length, files.length);
  return `HSDS 3.x JSON: ${shapes.join('; ')}`;
}
