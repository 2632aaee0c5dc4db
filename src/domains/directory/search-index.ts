// What to rebuild of the search index after a change: the entries of the services it touched, or
// every entry when that is most of the directory (one full rebuild, with its indexes built once,
// is then cheaper). Decided here only, for capacity updates, rule changes and imports alike.
import type { Queryable } from '../../platform/db/database';
import type { HsdsObjectName } from './hsds-model';
import type { WrittenRecords, WrittenRow } from './hsds.store';
import {
  countServices,
  rebuildAllEntries,
  rebuildEntriesOf,
  servicesAround,
  servicesReachedByRule,
  type StepCounter,
} from './search-index.store';

export interface RebuildScope {
  /** Only these services (after a capacity update, a rule change, a small import); all when omitted. */
  serviceIds?: string[];
  /** After a scoped rebuild, also the words, postal codes and facet counts (a full one always does). */
  statistics?: boolean;
  /** Called after each step (on a large directory a full rebuild takes a minute or more). */
  onStep?: StepCounter;
}

/** Fewer services than this are always rebuilt in place, however small the directory. */
const FEW_SERVICES = 1_000;

/** Whether `services` services are most of the directory: a full rebuild is then cheaper. */
async function isMostOfDirectory(q: Queryable, services: number): Promise<boolean> {
  if (services < FEW_SERVICES) return false;
  return services * 2 >= (await countServices(q));
}

export async function rebuildSearchEntries(q: Queryable, scope: RebuildScope = {}): Promise<void> {
  if (scope.serviceIds && !(await isMostOfDirectory(q, scope.serviceIds.length))) {
    if (scope.serviceIds.length === 0) return;
    return rebuildEntriesOf(q, scope.serviceIds, { statistics: scope.statistics, onStep: scope.onStep });
  }
  return rebuildAllEntries(q, scope.onStep);
}

/** Rebuilds the entries of the services a need-domain rule reaches, and the counts of services per need. */
export async function rebuildEntriesReachedByRule(
  q: Queryable,
  rule: { taxonomyTermId: string | null; keyword: string | null },
): Promise<void> {
  await rebuildSearchEntries(q, { serviceIds: await servicesReachedByRule(q, rule), statistics: true });
}

/**
 * After an import: the entries of the services it really inserted or changed (rows it sent that
 * equal what the directory held do not count) or retired, of the services their rows belong to
 * (a schedule, a language, an address…), and of the services at the organisations, locations and
 * taxonomy terms it changed (their names and addresses are in those entries). When the import's
 * own services are most of the directory, everything is rebuilt without listing the rest.
 */
export async function rebuildSearchEntriesAfterImport(
  q: Queryable,
  changed: { written: WrittenRecords; retiredServiceIds: string[]; placedLocationIds: string[]; onStep?: StepCounter },
): Promise<void> {
  const { written } = changed;
  if (written.everything) return rebuildAllEntries(q, changed.onStep);
  const ids = (object: HsdsObjectName, column: keyof WrittenRow = 'id') =>
    written.of(object).flatMap((row) => (row[column] ? [row[column]] : []));
  const serviceIds = [
    ...ids('service'),
    ...changed.retiredServiceIds,
    ...(['service_at_location', 'schedule', 'language', 'service_area'] as const).flatMap((object) => ids(object, 'service_id')),
    // An attribute's link is the service it classifies (attributes of other records are not searched).
    ...ids('attribute', 'link_id'),
  ];
  if (await isMostOfDirectory(q, new Set(serviceIds).size)) return rebuildAllEntries(q, changed.onStep);
  const around = await servicesAround(q, {
    organizationIds: ids('organization'),
    locationIds: [
      ...ids('location'),
      ...changed.placedLocationIds,
      ...(['address', 'schedule', 'language'] as const).flatMap((object) => ids(object, 'location_id')),
    ],
    placeIds: ids('schedule', 'service_at_location_id'),
    termIds: ids('taxonomy_term'),
  });
  await rebuildSearchEntries(q, {
    serviceIds: [...new Set([...serviceIds, ...around])],
    statistics: true,
    onStep: changed.onStep,
  });
}
