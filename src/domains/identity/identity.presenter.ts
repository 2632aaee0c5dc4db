// What leaves the server about organisations, units, users and tokens: an explicit allowlist.
// Password hashes, lockout counters and token digests never appear here.
import type { ApiTokenRow, OrganizationRow, UnitRow, UserRow } from './identity.store';
import type { Organization, Unit, User } from './identity.schema';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

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

export function presentApiToken(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
