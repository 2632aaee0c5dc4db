// Decides which records go in, under the rule written in repairs.ts: a record is rejected only
// when nothing usable is left of it (no name, a phone without a number, a schedule of nothing, a
// link record without both ends, two records of one id that disagree). Everything else is
// repaired by a named rule and kept: an empty required field with a safe default is filled, a
// value beyond repair (a number that is not one, coordinates off the globe, an address that is not
// an email) is left out with a warning, an organisation the records name and the source lacks gets
// a stand-in, a location without coordinates is placed at its ZIP code's centre.
// A link to a record neither in the import nor in the database is dropped with a warning when it
// only describes (a parent organisation, a program) or when the record still belongs to something
// else (a phone of a missing location that is also its service's); a record left belonging to
// nothing is rejected. Rejection cascades: a phone of a rejected service is rejected too ("its
// service was rejected"), since a half-imported service would look complete and is not. Types are
// checked in link order (targets before the records pointing at them), so one pass settles every
// cascade.
import { existingHsdsIds, hsdsModel, hsdsObjectNames, type HsdsObjectName } from '../../../domains/directory/index';
import type { Queryable } from '../../../platform/db/database';
import { isHsdsObject, type MapContext } from './context';
import { isUuid } from './ids';
import type { Draft } from './records';
import { addPlaceholderOrganizations, applyFieldDefaults, estimateCoordinates } from './repairs';
import { conformFormat, formats } from '../export/hsds-values';

/** Every object, each after the objects its strict links point at. */
export const linkOrder: HsdsObjectName[] = [
  'taxonomy',
  'taxonomy_term',
  'organization',
  'program',
  'service',
  'location',
  'service_at_location',
  'contact',
  'phone',
  'schedule',
  'address',
  'language',
  'service_area',
  'cost_option',
  'funding',
  'required_document',
  'accessibility',
  'organization_identifier',
  'url',
  'attribute',
];

/**
 * Links that describe rather than own: a parent organization or parent term the data does not
 * include is dropped with a warning instead of rejecting the record (HSDS declares neither as a
 * foreign key, and the official examples point both at nothing).
 */
const softLinks: Partial<Record<HsdsObjectName, string[]>> = {
  organization: ['parent_organization_id'],
  taxonomy_term: ['parent_id', 'taxonomy_id'],
  // A service is offered by its organisation; the program it belongs to only groups it.
  service: ['program_id'],
};

/**
 * Records that may belong to several parents (a phone of a service, a location and a contact): a
 * link to a parent that is not there is dropped with a warning as long as another link holds.
 */
const detachable = new Set<HsdsObjectName>(['contact', 'phone', 'schedule', 'language', 'funding', 'url']);

/** A schedule says something when one of these is filled: days, times, dates or words. */
const scheduleContent = [
  'byday',
  'bymonthday',
  'byweekno',
  'byyearday',
  'opens_at',
  'closes_at',
  'dtstart',
  'valid_from',
  'valid_to',
  'until',
  'description',
  'notes',
  'schedule_link',
];

/**
 * Required descriptions that real directories often leave empty: HSDS requires the field, but an
 * organisation without a description is still worth finding, so it is kept with "" (what the
 * exporter writes back) instead of being rejected with all its services.
 */
const emptyAllowed: Partial<Record<HsdsObjectName, string[]>> = {
  organization: ['description'],
  program: ['description'],
  taxonomy: ['description'],
  taxonomy_term: ['description'],
};

/** Link columns a record is meaningless without, beyond the JSON Schema's required list. */
const alsoRequired: Partial<Record<HsdsObjectName, string[]>> = {
  service_at_location: ['service_id', 'location_id'],
  attribute: ['link_id', 'link_entity'],
};

const enumerations: Partial<Record<HsdsObjectName, Record<string, { values: string[]; normalize: (value: string) => string }>>> =
  {
    service: {
      status: {
        values: ['active', 'inactive', 'defunct', 'temporarily closed'],
        normalize: (v) => v.toLowerCase().replace(/[_-]/g, ' '),
      },
    },
    location: { location_type: { values: ['physical', 'postal', 'virtual'], normalize: (v) => v.toLowerCase() } },
    address: { address_type: { values: ['physical', 'postal', 'virtual'], normalize: (v) => v.toLowerCase() } },
    schedule: {
      freq: { values: ['WEEKLY', 'MONTHLY'], normalize: (v) => v.toUpperCase() },
      wkst: { values: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], normalize: (v) => v.toUpperCase() },
    },
  };

const ranges: Record<string, [number, number]> = { latitude: [-90, 90], longitude: [-180, 180] };

const quote = (value: unknown) => JSON.stringify(String(value).length > 60 ? `${String(value).slice(0, 57)}...` : String(value));

/** Per object, what checkFields needs, worked out once: it runs for every record. */
const checks = new Map(
  hsdsObjectNames.map((type) => [
    type,
    {
      required: [...hsdsModel[type].required, ...(alsoRequired[type] ?? [])].filter(
        (field) => !(emptyAllowed[type] ?? []).includes(field),
      ),
      emptyAllowed: emptyAllowed[type] ?? [],
      types: hsdsModel[type].fields as Record<string, string | undefined>,
      enums: Object.entries(enumerations[type] ?? {}),
    },
  ]),
);

/**
 * The record's own problem, if any: one that leaves nothing usable. Converts number fields to
 * numbers in place, and brings formatted fields (web addresses, emails, time stamps) into their
 * HSDS format with the exporter's own repairs, so what is stored is what an export writes back. A
 * value beyond repair is left out and returned in `dropped` for the report.
 */
export function checkFields(draft: Draft, dropped: string[] = []): string | undefined {
  const check = checks.get(draft.type)!;
  const fields = draft.fields;
  for (const field of check.emptyAllowed) fields[field] ??= '';
  for (const field of check.required) {
    if (fields[field] === undefined) return `missing required field "${field}"`;
  }
  for (const field in fields) {
    const value = fields[field]!;
    if (check.types[field] === 'number') {
      const number = typeof value === 'number' ? value : Number(value);
      if (typeof value === 'string' && (value.trim() === '' || !Number.isFinite(number))) {
        delete fields[field];
        dropped.push(`field "${field}" is not a number: ${quote(value)}`);
        continue;
      }
      const range = ranges[field];
      if (range && (number < range[0] || number > range[1])) {
        // A point off the globe says nowhere: both of its coordinates go.
        delete fields.latitude;
        delete fields.longitude;
        dropped.push(`${field} ${number} is out of range (${range[0]} to ${range[1]}), so the coordinates were`);
        continue;
      }
      fields[field] = number;
    } else if (typeof value !== 'string') fields[field] = String(value);
  }
  for (const [field, format] of Object.entries(formats[draft.type] ?? {})) {
    const value = fields[field];
    if (typeof value !== 'string') continue;
    const conformed = conformFormat(format, value.trim());
    if (conformed === undefined) {
      delete fields[field];
      dropped.push(`${field} ${quote(value)} is not a valid ${format}`);
    } else fields[field] = conformed;
  }
  for (const [field, rule] of check.enums) {
    const value = fields[field];
    if (value === undefined) continue;
    const normalized = rule.normalize(String(value));
    if (!rule.values.includes(normalized)) return `${field} ${quote(value)} is not one of ${rule.values.join(', ')}`;
    fields[field] = normalized;
  }
  if (draft.type === 'attribute' && fields.taxonomy_term_id === undefined && fields.value === undefined) {
    return 'an attribute needs a taxonomy_term_id or a value';
  }
  if (draft.type === 'schedule' && !scheduleContent.some((field) => fields[field] !== undefined)) {
    return 'a schedule of nothing: no days, times, dates or words';
  }
  return undefined;
}

/** Link targets that are not in the import, looked up in the directory (one query per table and 10,000 ids). */
async function existingIds(q: Queryable, wanted: Map<HsdsObjectName, Set<string>>): Promise<Map<HsdsObjectName, Set<string>>> {
  const found = new Map<HsdsObjectName, Set<string>>();
  for (const [type, ids] of wanted) found.set(type, await existingHsdsIds(q, type, [...ids].filter(isUuid)));
  return found;
}

/** The links of a record: [column, target object] pairs, with attribute.link_id resolved through link_entity. */
function linksOf(draft: Draft): [string, string][] {
  const links: [string, string][] = Object.entries(hsdsModel[draft.type].links);
  if (draft.type === 'attribute' && draft.fields.link_entity !== undefined)
    links.push(['link_id', String(draft.fields.link_entity)]);
  return links;
}

export async function validate(cx: MapContext, q: Queryable): Promise<void> {
  const set = cx.out;
  for (const draft of set.all()) {
    if (draft.rejected) continue;
    for (const repair of applyFieldDefaults(draft)) set.repair(draft, repair);
    const dropped: string[] = [];
    draft.rejected = checkFields(draft, dropped);
    for (const message of dropped) {
      set.warn({
        path: draft.path,
        object: draft.type,
        id: draft.source?.id ?? draft.id,
        message: `${message}; imported without it`,
      });
    }
  }

  const wanted = new Map<HsdsObjectName, Set<string>>();
  for (const draft of set.all()) {
    for (const [column, target] of linksOf(draft)) {
      const value = draft.fields[column];
      if (value === undefined || !isHsdsObject(target) || set.of(target).has(String(value))) continue;
      if (!wanted.has(target)) wanted.set(target, new Set());
      wanted.get(target)!.add(String(value));
    }
  }
  const inDatabase = await existingIds(q, wanted);
  await addPlaceholderOrganizations(set, cx.ids, q, (type, id) => inDatabase.get(type)?.has(id) ?? false);

  /** Why a link does not hold (and whether its target was rejected), or undefined when it does. */
  const broken = (column: string, target: string, value: string): { reason: string; rejected: boolean } | undefined => {
    if (!isHsdsObject(target)) return { reason: `link_entity ${quote(target)} is not an HSDS object`, rejected: false };
    const found = set.of(target).get(value);
    if (found) {
      return found.rejected
        ? { reason: `its ${target} was rejected (${column} ${cx.ids.describe(value)})`, rejected: true }
        : undefined;
    }
    if (inDatabase.get(target)?.has(value)) return undefined;
    return { reason: `${column} ${cx.ids.describe(value)} points at no ${target} in the data or the database`, rejected: false };
  };

  const dropLink = (draft: Draft, column: string, reason: string) => {
    delete draft.fields[column];
    set.warn({
      path: draft.path,
      object: draft.type,
      id: draft.source?.id ?? draft.id,
      message: `${reason}; imported without this link`,
    });
  };

  for (const type of linkOrder) {
    const soft = new Set(softLinks[type] ?? []);
    for (const draft of set.of(type).values()) {
      if (draft.rejected) continue;
      const missing: [string, string][] = [];
      let holding = 0;
      for (const [column, target] of linksOf(draft)) {
        const value = draft.fields[column];
        if (value === undefined || soft.has(column)) continue;
        const problem = broken(column, target, String(value));
        if (!problem) holding++;
        else if (problem.rejected || !detachable.has(type)) {
          draft.rejected = problem.reason;
          break;
        } else missing.push([column, problem.reason]);
      }
      if (draft.rejected || missing.length === 0) continue;
      if (holding === 0) draft.rejected = missing[0]![1];
      else for (const [column, reason] of missing) dropLink(draft, column, reason);
    }
  }

  // Soft links last: their targets' fate is settled by now.
  for (const [type, columns] of Object.entries(softLinks) as [HsdsObjectName, string[]][]) {
    for (const draft of set.of(type).values()) {
      if (draft.rejected) continue;
      for (const column of columns) {
        const value = draft.fields[column];
        const target = hsdsModel[type].links[column]!;
        if (value === undefined || value === draft.id) continue;
        const problem = broken(column, target, String(value));
        if (problem) dropLink(draft, column, problem.reason);
      }
    }
  }

  await estimateCoordinates(set, q);

  for (const draft of set.all()) {
    if (draft.rejected)
      set.reject({ path: draft.path, object: draft.type, id: draft.source?.id ?? draft.id, reason: draft.rejected });
  }
  // In file and line order ("services.csv:9" before "services.csv:10"), the order people read them in.
  set.rejections.sort(byPath);
  set.warnings.sort(byPath);
}

const collator = new Intl.Collator('en', { numeric: true });
/** File and line order ("services.csv:9" before "services.csv:10"). */
export const byPath = (a: { path: string }, b: { path: string }): number => collator.compare(a.path, b.path);
