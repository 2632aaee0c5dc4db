// What the screening domain gives the people domain when it loads: the population list's needs
// filter, "my people"'s open needs (SQL text the people queries include), and the move of a
// person's screenings, needs and goals when two records of one person are merged. Screening
// imports people (its reads go through this domain's access rule), so people never imports
// screening: it calls what was given here. Without the filter, a needs filter is refused as a bad
// query rather than ignored.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { PeopleQuery } from './people.schema';

export interface NeedsFilter {
  /** A boolean SQL expression: person `personId` has a need of the domain in one of the statuses, seen by `categories`. */
  sql(props: { personId: string; categories: string; needDomainParam: string; statusesParam: string }): string;
  /** SQL selecting the ids of the people with such a need, whoever may see it (a superset of `sql`'s). */
  candidates(props: { needDomainParam: string; statusesParam: string }): string;
  /**
   * For "my people": a person's open needs the viewer may see (jsonb list of { needDomain,
   * severity }, most urgent first) and a text key to order people by (the most urgent need's rank
   * and the day the oldest of that rank was identified; '5' for none).
   */
  openNeeds(props: { personId: string; categories: string }): { list: string; urgency: string };
  /** SQL of the first open needs of everyone in `urgency`'s order: rows of `person_id` and `urgency_key`. */
  mostUrgent(limitParam: string): string;
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

/** What a merge moved of the screening domain's records (ids by kind). */
export interface MovedNeeds {
  screenings: string[];
  needs: string[];
  /** Open needs of one domain combined: the kept record's need, and the duplicate's whose history joined it. */
  combined: { needId: string; fromNeedId: string; needDomain: string }[];
  goals: string[];
}

/** Moves a person's screenings, needs and goals onto another record of them, in the caller's transaction. */
export type NeedsMover = (context: UseCaseContext, props: { fromPersonId: string; toPersonId: string }) => Promise<MovedNeeds>;

let mover: NeedsMover | undefined;

/** The screening domain gives the merge of two records the move of its own records about the person. */
export function provideNeedsMover(given: NeedsMover): void {
  mover = given;
}

export function needsMover(): NeedsMover {
  // A merge without it would leave the duplicate's needs behind: a fault of the composition, not of the request.
  if (!mover) throw new Error('the screening domain is not loaded: a merge cannot move needs');
  return mover;
}
