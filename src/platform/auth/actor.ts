// Who is making a request. Built by the authentication hook from a session cookie or an API token.

export const roles = ['admin', 'program_manager', 'care_coordinator', 'partner_staff', 'leader'] as const;
export type Role = (typeof roles)[number];

export interface Actor {
  via: 'session' | 'token';
  userId: string;
  email: string;
  displayName: string;
  organizationId: string;
  organizationName: string;
  /** The actor's organisation hosts the network (its admins administer the whole network). */
  organizationIsHost: boolean;
  roles: Role[];
  unitIds: string[];
  /** Present for cookie sessions: the token the web app echoes in `x-csrf-token`. */
  csrfToken?: string;
  sessionTokenHash?: string;
  apiTokenId?: string;
}

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}

/** An admin of the host organisation administers every organisation of the network. */
export function isNetworkAdmin(actor: Actor): boolean {
  return actor.organizationIsHost && actor.roles.includes('admin');
}
