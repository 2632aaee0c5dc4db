// What leaves the server about organisations, units, users and tokens: an explicit allowlist.
// Password hashes, lockout counters and token digests never appear here.
import { isNetworkAdmin, type Actor } from '../../platform/auth/actor';
import type { ApiTokenRow } from './api-tokens.store';
import type { ApiToken, CreatedApiToken, Me, NetworkSettings, Organization, Unit, User } from './identity.schema';
import type { OrganizationRow, UnitRow, UserRow } from './identity.store';
import type { NetworkSettingsRecord } from './network-settings';
import type { SignedIn } from './sign-in';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A page of rows as a page of the items `present` makes of them. */
export function presentPage<Row, Item>(page: { items: Row[]; nextCursor: string | null }, present: (row: Row) => Item) {
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** The signed-in user as their session or token stands for them (GET /api/me). */
export function presentMe(actor: Actor, demoMode: boolean): Me {
  return {
    user: { id: actor.userId, email: actor.email, displayName: actor.displayName, roles: actor.roles, unitIds: actor.unitIds },
    organization: { id: actor.organizationId, name: actor.organizationName, isHost: actor.organizationIsHost },
    networkAdmin: isNetworkAdmin(actor),
    csrfToken: actor.csrfToken ?? null,
    demoMode,
  };
}

/** The user who has just signed in: what GET /api/me will answer for their new session. */
export function presentSignedIn(signedIn: SignedIn, demoMode: boolean): Me {
  const { user, organization } = signedIn;
  return {
    user: { id: user.id, email: user.email, displayName: user.display_name, roles: user.roles, unitIds: user.unit_ids },
    organization: { id: organization.id, name: organization.name, isHost: organization.is_host },
    networkAdmin: organization.is_host && user.roles.includes('admin'),
    csrfToken: signedIn.csrfToken,
    demoMode,
  };
}

export function presentOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    isHost: row.is_host,
    description: row.description,
    website: row.website,
    phone: row.phone,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    organizationId: row.organization_id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    unitIds: row.unit_ids,
    disabled: row.disabled_at !== null,
    lastSignInAt: iso(row.last_sign_in_at),
    createdAt: row.created_at.toISOString(),
  };
}

export function presentApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}

/** A token just made: the only answer that ever holds its secret. */
export function presentCreatedApiToken(created: { token: string; row: ApiTokenRow }): CreatedApiToken {
  return { ...presentApiToken(created.row), token: created.token };
}

export function presentNetworkSettings(settings: NetworkSettingsRecord): NetworkSettings {
  return {
    country: settings.country,
    distanceUnit: settings.distanceUnit,
    usualDistanceUnit: settings.usualDistanceUnit,
    mapTiles: settings.mapTiles
      ? { urlTemplate: settings.mapTiles.urlTemplate, attribution: settings.mapTiles.attribution }
      : null,
  };
}
