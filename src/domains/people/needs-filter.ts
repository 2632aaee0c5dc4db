// The population list can be filtered by a person's needs, which the screening domain holds, and
// "my people" shows each one's open needs. So
// that people never imports screening (screening imports people: its reads go through this
// domain's access rule), screening gives the filter here when it is loaded, as SQL text the list
// query includes. Without it, a needs filter is refused as a bad query rather than ignored.
import { AppError } from '../../platform/http/app-error';
import type { PeopleQuery } from './people.schema';

export interface NeedsFilter {
  /** A boolean SQL expression: person `personId` has a need of the domain in one of the statuses, seen by `categories`. */
  sql(props: { personId: string; categories: string; needDomainParam: string; statusesParam: string }): string;
  /** SQL selecting the ids of the people with such a need, whoever may see it (a superset of `sql`'s). */
  candidates(props: { needDomainParam: string; statusesParam: string }): string;
  /**
   * For "my people": a person's open needs the viewer may see (jsonb list of { needDomain,
   * severity }, most urgent first) and the rank of the most urgent (1 urgent … 4 low, 5 none).
   */
  openNeeds(props: { personId: string; categories: string }): { list: string; urgency: string };
  /** The statuses a filter value names. */
  statuses(status: PeopleQuery['needStatus']): string[];
}

let provided: NeedsFilter | undefined;

export function provideNeedsFilter(filter: NeedsFilter): void {
  provided = filter;
}

/** The filter, when the screening domain gave one. */
export function providedNeedsFilter(): NeedsFilter | undefined {
  return provided;
}

export function needsFilter(): NeedsFilter {
  if (!provided) throw AppError.field('query.needDomain', 'needs are not kept by this installation');
  return provided;
}
