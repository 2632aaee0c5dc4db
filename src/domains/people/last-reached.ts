// The population list shows when each person was last reached, and can be filtered by it; the
// outreach domain keeps the contacts. So that people never imports outreach (outreach imports
// people: its reads go through this domain's access rule), outreach gives its SQL here when it is
// loaded, as text the list query includes. Without it, the column is empty and the filter is
// refused as a bad query rather than ignored.
import type { UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import type { PeopleQuery } from './people.schema';

export type LastReachedFilter = NonNullable<PeopleQuery['lastReached']>;

export interface LastReached {
  /** A timestamptz expression: when person `personId` was last reached, null when never or when `categories` lack 'care_plan'. */
  lastReachedAt(props: { personId: string; categories: string }): string;
  /** A boolean SQL expression: person `personId` matches the filter value, seen by `categories` (with 'care_plan'). */
  filter(props: { personId: string; categories: string; value: LastReachedFilter }): string;
  /** SQL selecting the ids of the people the value names (a superset of `filter`'s), or null when the value names people by an absence. */
  candidates(value: LastReachedFilter): string | null;
  /** Moves a person's contacts onto another record of them (a merge, in the caller's transaction): their ids. */
  move(context: UseCaseContext, props: { fromPersonId: string; toPersonId: string }): Promise<string[]>;
}

let provided: LastReached | undefined;

export function provideLastReached(lastReached: LastReached): void {
  provided = lastReached;
}

/** The SQL of the list's "last reached" column: null for everyone when no installation keeps contacts. */
export function lastReachedAtSql(props: { personId: string; categories: string }): string {
  return provided ? provided.lastReachedAt(props) : 'NULL::timestamptz';
}

/** The move of contacts for a merge: nothing to move where no installation keeps contacts. */
export function contactsMover(): LastReached['move'] {
  return provided ? provided.move : async () => [];
}

export function lastReached(): LastReached {
  if (!provided) throw AppError.field('query.lastReached', 'contacts are not kept by this installation');
  return provided;
}
