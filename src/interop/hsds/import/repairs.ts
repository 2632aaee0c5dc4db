// The import keeps what a person could use, and rejects only what can mean nothing. A record is
// rejected when nothing usable is left of it: no name (an organisation, service or taxonomy term
// nobody could pick), a phone without a number, a schedule of nothing (no days, times, dates or
// words), a link record without both ends (service_at_location), or a record that contradicts
// another of the same id. Everything else that falls short of HSDS is repaired by one of the named
// rules below, kept, and reported with its place (file:line or JSON pointer) and rule, so that a
// publisher can fix the source and an admin can see what Kith guessed. The rules are general: none
// is written for one publisher.
import { placeholderOrganizationIds, postalCodeCentres, type HsdsObjectName } from '../../../domains/directory/index';
import type { Queryable } from '../../../platform/db/database';
import type { IdMinter } from './ids';
import type { Draft, RecordSet, Value } from './records';

/** Every repair the import makes, by the name the report counts it under. */
export const repairRules = {
  'status-default': 'a service without a status is active (HSDS requires one; a published service is offered)',
  'location-type-default':
    'a location without a location_type is physical (HSDS requires one; a listed place is one you can go to)',
  'id-from-content':
    'a row of a child table (phone, schedule, address, language, service_at_location, attribute…) without an id gets one made from the data set, the table and the row itself, so the same file always gives the same id',
  'organization-placeholder':
    'a record naming an organisation the source does not have is kept under a stand-in organisation named for that id, listed for admins to fix',
  'coordinates-from-postal-code':
    "a location without coordinates is placed at the centre of its address's US ZIP code, marked approximate",
} as const;
export type RepairRule = keyof typeof repairRules;

/**
 * Required fields with one safe value when empty. Only where the default cannot mislead: a service
 * a directory lists is offered, a place it lists is one to go to.
 */
const fieldDefaults: Partial<Record<HsdsObjectName, Record<string, [Value, RepairRule]>>> = {
  service: { status: ['active', 'status-default'] },
  location: { location_type: ['physical', 'location-type-default'] },
};

/** Fills the empty required fields that have a safe default; returns the rules applied. */
export function applyFieldDefaults(draft: Draft): { rule: RepairRule; message: string }[] {
  const applied: { rule: RepairRule; message: string }[] = [];
  for (const [field, [value, rule]] of Object.entries(fieldDefaults[draft.type] ?? {})) {
    if (draft.fields[field] !== undefined) continue;
    draft.fields[field] = value;
    applied.push({ rule, message: `${field} was empty; imported as "${value}"` });
  }
  return applied;
}

/**
 * Objects that stand on their own: without an id, nothing else could ever point at them, and a
 * second import could not tell them apart from a new one. Every other object is a child of one of
 * these (a phone, a schedule…), and its id can be made from what it says.
 */
const ownIdRequired = new Set<HsdsObjectName>(['organization', 'program', 'service', 'location', 'taxonomy', 'taxonomy_term']);

export const mintsMissingId = (type: HsdsObjectName): boolean => !ownIdRequired.has(type);

/**
 * The id of a child row without one: a v5 UUID of the data set (the minter's namespace), the table
 * the source names it under, and the row's values (its parent's id among them), in a fixed order.
 * Two identical rows are the same record; a changed row is a new one.
 */
export function idFromContent(ids: IdMinter, table: string, values: Record<string, Value | undefined>): string {
  const content = Object.keys(values)
    .filter((key) => key !== 'id' && values[key] !== undefined)
    .sort()
    .map((key) => [key, String(values[key])]);
  return ids.derived(table, `row:${JSON.stringify(content)}`);
}

/**
 * Records whose organisation gets a stand-in when the source lacks it: the ones a person looks
 * for (services, their places and programs). Other records naming it then link to the stand-in.
 */
const keptUnderStandIn: Partial<Record<HsdsObjectName, string[]>> = {
  service: ['organization_id'],
  location: ['organization_id'],
  program: ['organization_id'],
};
const organizationLinks = (type: HsdsObjectName): string[] => keptUnderStandIn[type] ?? [];

/**
 * Stand-ins for the organisations the records name and neither the import nor the directory has
 * (or has only as a stand-in already, so that a re-import reports them again and changes nothing).
 * Each record kept under one is reported. Runs after the records' own fields are checked.
 */
export async function addPlaceholderOrganizations(
  set: RecordSet,
  ids: IdMinter,
  q: Queryable,
  inDatabase: (type: HsdsObjectName, id: string) => boolean,
): Promise<Draft[]> {
  const organizations = set.of('organization');
  const missing = new Map<string, Draft[]>();
  for (const [type, map] of set.byType) {
    const columns = organizationLinks(type);
    if (columns.length === 0) continue;
    for (const draft of map.values()) {
      if (draft.rejected) continue;
      for (const column of columns) {
        const value = draft.fields[column];
        if (value === undefined) continue;
        const id = String(value);
        const found = organizations.get(id);
        if (found && !found.placeholder) continue;
        if (!missing.has(id)) missing.set(id, []);
        missing.get(id)!.push(draft);
      }
    }
  }
  const inDirectory = [...missing.keys()].filter((id) => inDatabase('organization', id));
  const standIns = await placeholderOrganizationIds(q, inDirectory);
  const made: Draft[] = [];
  for (const [id, drafts] of missing) {
    if (inDatabase('organization', id) && !standIns.has(id)) continue;
    const sourceId = ids.describe(id);
    const first = drafts[0]!;
    const placeholder: Draft = {
      type: 'organization',
      id,
      fields: { id, name: sourceId, description: '' },
      path: first.path,
      placeholder: true,
      source: sourceId === id ? undefined : { objectType: 'organization', id: sourceId },
    };
    organizations.set(id, placeholder);
    made.push(placeholder);
    for (const draft of drafts) {
      set.repair(draft, {
        rule: 'organization-placeholder',
        message: `organization ${sourceId} is not in the source; kept under a stand-in organisation named "${sourceId}"`,
      });
    }
  }
  return made;
}

/**
 * Places each accepted location without coordinates at the centre of its address's US ZIP code
 * (a physical address before a postal one), as an estimate kept apart from the HSDS record.
 */
export async function estimateCoordinates(set: RecordSet, q: Queryable): Promise<void> {
  const unplaced = new Map<string, Draft>();
  for (const draft of set.of('location').values()) {
    if (!draft.rejected && (draft.fields.latitude === undefined || draft.fields.longitude === undefined)) {
      unplaced.set(draft.id, draft);
    }
  }
  if (unplaced.size === 0) return;
  const codeOf = new Map<string, { code: string; physical: boolean }>();
  for (const address of set.of('address').values()) {
    const locationId = address.fields.location_id;
    const code = address.fields.postal_code;
    if (address.rejected || locationId === undefined || code === undefined || !unplaced.has(String(locationId))) continue;
    const physical = address.fields.address_type !== 'postal';
    const earlier = codeOf.get(String(locationId));
    if (!earlier || (physical && !earlier.physical)) codeOf.set(String(locationId), { code: String(code), physical });
  }
  const centres = await postalCodeCentres(
    q,
    [...codeOf.values()].map((found) => found.code),
  );
  for (const [locationId, { code }] of codeOf) {
    const centre = centres.get(code);
    if (!centre) continue;
    const draft = unplaced.get(locationId)!;
    draft.estimate = { latitude: centre.latitude, longitude: centre.longitude, postalCode: centre.postalCode };
    set.repair(draft, {
      rule: 'coordinates-from-postal-code',
      message: `no coordinates; placed at the centre of ZIP code ${centre.postalCode} (approximate)`,
    });
  }
}
