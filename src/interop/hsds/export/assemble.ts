// The HSDS 3.0.1 shapes Kith publishes, as trees of branches (see tree.ts), and the functions that
// assemble a batch of records by id. What each shape nests follows the compiled schemas and the
// official *_full.json examples (standards/hsds/GUIDE.md §2).
import type { Queryable } from '../../../platform/db/database';
import { attachAttributes, build, inOrder, many, one, rowsWhere, taxonomyTerms, type Branch, type BuildContext } from './tree';
import type { HsdsJson } from './hsds-values';
import { capacitiesOf } from './capacity';

const languages = (column: string) => many('languages', 'language', column);
const phones = (column: string) => many('phones', 'phone', column, [languages('phone_id')]);
const contacts = (column: string) => many('contacts', 'contact', column, [phones('contact_id')]);
const schedules = (column: string) => many('schedules', 'schedule', column);

/** A full location: everything HSDS hangs off a location. */
const fullLocation: Branch[] = [
  languages('location_id'),
  many('addresses', 'address', 'location_id'),
  contacts('location_id'),
  many('accessibility', 'accessibility', 'location_id'),
  phones('location_id'),
  schedules('location_id'),
];

/** A full organization, without services[] (those are added per shape). */
const fullOrganization: Branch[] = [
  many('funding', 'funding', 'organization_id'),
  contacts('organization_id'),
  phones('organization_id'),
  many('locations', 'location', 'organization_id', fullLocation),
  many('programs', 'program', 'organization_id'),
  many('organization_identifiers', 'organization_identifier', 'organization_id'),
];

const serviceAtLocations = many('service_at_locations', 'service_at_location', 'service_id', [
  contacts('service_at_location_id'),
  phones('service_at_location_id'),
  schedules('service_at_location_id'),
  one('location', 'location', 'location_id', fullLocation),
]);

/** How deep a full service goes: its organization{} full or scalars only, its places or not. */
export interface FullServiceOptions {
  /** 'full' for the API's by-id shape; 'scalars' in exports, where organizations.json holds the rest. */
  organization: 'full' | 'scalars' | 'none';
  serviceAtLocations: boolean;
  /** Kith's capacity as HSDS 3.1 capacities[] (an extension field 3.0.1 accepts). */
  capacity: boolean;
}

function fullServiceBranches(options: FullServiceOptions): Branch[] {
  const branches: Branch[] = [phones('service_id'), schedules('service_id'), many('service_areas', 'service_area', 'service_id')];
  if (options.serviceAtLocations) branches.push(serviceAtLocations);
  branches.push(languages('service_id'));
  if (options.organization !== 'none') {
    branches.push(
      one('organization', 'organization', 'organization_id', options.organization === 'full' ? fullOrganization : []),
    );
  }
  branches.push(
    many('funding', 'funding', 'service_id'),
    many('cost_options', 'cost_option', 'service_id'),
    one('program', 'program', 'program_id'),
    many('required_documents', 'required_document', 'service_id'),
    contacts('service_id'),
  );
  return branches;
}

/** service_list items: scalars, plus organization{} and program{} with scalars only. */
const serviceListBranches: Branch[] = [
  one('organization', 'organization', 'organization_id'),
  one('program', 'program', 'program_id'),
];

/** Builds the roots and their branches, then attributes (when asked), in the order of `ids`. */
async function assemble(
  q: Queryable,
  object: 'service' | 'organization' | 'service_at_location' | 'location',
  ids: readonly string[],
  branches: Branch[],
  withAttributes: boolean,
): Promise<HsdsJson[]> {
  const context: BuildContext = withAttributes ? { attributable: [] } : {};
  const rows = await rowsWhere(q, object, 'id', ids);
  const jsons = await build(q, object, rows, branches, context);
  if (context.attributable) await attachAttributes(q, context.attributable);
  return inOrder(ids, jsons);
}

/** Fully nested services (GET /services/{id}, ?full=true, and the export). */
export async function fullServices(q: Queryable, ids: readonly string[], options: FullServiceOptions): Promise<HsdsJson[]> {
  const services = await assemble(q, 'service', ids, fullServiceBranches(options), true);
  if (options.capacity) {
    const capacities = await capacitiesOf(q, ids);
    for (const service of services) {
      const capacity = capacities.get(String(service.id));
      if (capacity) service.capacities = [capacity];
    }
  }
  return services;
}

export const serviceListItems = (q: Queryable, ids: readonly string[]) => assemble(q, 'service', ids, serviceListBranches, false);

/** `minimal=true`: just each service's id and modification stamp. */
export async function minimalServices(q: Queryable, ids: readonly string[]): Promise<HsdsJson[]> {
  const services = await assemble(q, 'service', ids, [], false);
  return services.map((service) => {
    const minimal: HsdsJson = { id: service.id! };
    if (service.last_modified !== undefined) minimal.last_modified = service.last_modified;
    return minimal;
  });
}

export interface FullOrganizationOptions {
  /** 'stubs': services[] of scalars; 'full': full services; 'none': no services[] (exports). */
  services: 'none' | 'stubs' | 'full';
}

/** Fully nested organizations (GET /organizations/{id}, ?full=true, and the export). */
export async function fullOrganizations(
  q: Queryable,
  ids: readonly string[],
  options: FullOrganizationOptions,
): Promise<HsdsJson[]> {
  const branches = [...fullOrganization];
  if (options.services === 'stubs') branches.push(many('services', 'service', 'organization_id'));
  if (options.services === 'full') {
    branches.push(
      many(
        'services',
        'service',
        'organization_id',
        fullServiceBranches({ organization: 'none', serviceAtLocations: true, capacity: false }),
      ),
    );
  }
  return assemble(q, 'organization', ids, branches, true);
}

export const organizationListItems = (q: Queryable, ids: readonly string[]) => assemble(q, 'organization', ids, [], false);

/**
 * Fully nested service_at_locations: own fields, contacts, phones, schedules, a full location{},
 * and service{}, a full service with its organization{} and program{} but no service_at_locations[].
 */
export function fullServiceAtLocations(q: Queryable, ids: readonly string[]): Promise<HsdsJson[]> {
  return assemble(
    q,
    'service_at_location',
    ids,
    [
      contacts('service_at_location_id'),
      phones('service_at_location_id'),
      schedules('service_at_location_id'),
      one('location', 'location', 'location_id', fullLocation),
      one(
        'service',
        'service',
        'service_id',
        fullServiceBranches({ organization: 'full', serviceAtLocations: false, capacity: false }),
      ),
    ],
    true,
  );
}

/** service_at_location_list items: own fields, location{} scalars, service{} as a service_list item. */
export function serviceAtLocationListItems(q: Queryable, ids: readonly string[]): Promise<HsdsJson[]> {
  return assemble(
    q,
    'service_at_location',
    ids,
    [one('location', 'location', 'location_id'), one('service', 'service', 'service_id', serviceListBranches)],
    false,
  );
}

/** Taxonomies, plain. */
export async function taxonomies(q: Queryable, ids: readonly string[]): Promise<HsdsJson[]> {
  const rows = await rowsWhere(q, 'taxonomy', 'id', ids);
  return inOrder(ids, await build(q, 'taxonomy', rows, [], {}));
}

/** Taxonomy terms, each with its taxonomy_detail{}. */
export async function taxonomyTermItems(q: Queryable, ids: readonly string[]): Promise<HsdsJson[]> {
  const terms = await taxonomyTerms(q, ids);
  return ids.map((id) => terms.get(id)).filter((term): term is HsdsJson => term !== undefined);
}
