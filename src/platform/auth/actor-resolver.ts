// Who an actor is, asked of the domain that keeps the users. The platform knows no table of a
// domain: it turns a session cookie or an API token into an Actor, and user ids into the names an
// audit page shows, through the resolver the identity domain registers when it is loaded (the way
// each domain registers its policy rules). Building the app without one fails at once.
import type { Queryable } from '../db/database';
import type { Actor } from './actor';

/** How long a session lasts: it ends after `idleMinutes` unused, and `maxHours` after sign-in whatever happens. */
export interface SessionTiming {
  idleMinutes: number;
  maxHours: number;
}

export interface ActorResolver {
  /** The actor of a live session (with its CSRF token and token digest), or undefined. */
  fromSession(q: Queryable, token: string, timing: SessionTiming): Promise<Actor | undefined>;
  /** The actor of a live API token (with the token's id), or undefined. */
  fromApiToken(q: Queryable, token: string): Promise<Actor | undefined>;
  /** The display names of the users among `userIds` that exist, in one query however many. */
  displayNames(q: Queryable, userIds: readonly string[]): Promise<Map<string, string>>;
}

let registered: ActorResolver | undefined;

export function registerActorResolver(resolver: ActorResolver): void {
  if (registered) throw new Error('an actor resolver is registered twice');
  registered = resolver;
}

/** The registered resolver; throws when no domain registered one (nobody could ever sign in). */
export function actorResolver(): ActorResolver {
  if (!registered) {
    throw new Error('No actor resolver is registered: the identity domain registers one when its index.ts is imported.');
  }
  return registered;
}
