// The SQL of the identity domain's organisations, units, users and network settings
// (organizations, units, users, user_units, network_settings). Sessions, API tokens and the actor
// they stand for are in sessions.store.ts, api-tokens.store.ts and actors.store.ts; sign-in
// throttling in sign-in-throttle.store.ts.
import type { Queryable } from '../../platform/db/database';
import type { Role } from '../../platform/auth/actor';
import { decodeCursor } from '../../platform/http/pagination';
import type { OrganizationKind, UnitKind } from './identity.schema';
import type { TableRow } from '../../platform/db/tables.generated';

export type OrganizationRow = TableRow<'organizations'>;

export type UnitRow = TableRow<'units'>;

/** A user with the units they belong to (user_units); roles narrowed to the names the code knows. */
export type UserRow = Omit<TableRow<'users'>, 'roles'> & { roles: Role[]; unit_ids: string[] };

const userColumns = `u.*, COALESCE((SELECT array_agg(uu.unit_id ORDER BY uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id), '{}') AS unit_ids`;

export async function findOrganization(q: Queryable, id: string): Promise<OrganizationRow | undefined> {
  return (await q.query<OrganizationRow>('SELECT * FROM organizations WHERE id = $1', [id]))[0];
}

export async function findHostOrganization(q: Queryable): Promise<OrganizationRow | undefined> {
  return (await q.query<OrganizationRow>('SELECT * FROM organizations WHERE is_host'))[0];
}

/** The organisation of this name, whatever its letters' case (names are unique that way). */
export async function findOrganizationByName(q: Queryable, name: string): Promise<OrganizationRow | undefined> {
  return (await q.query<OrganizationRow>('SELECT * FROM organizations WHERE lower(name) = lower($1)', [name]))[0];
}

/** Another organisation than `exceptId` already has this name, whatever its letters' case. */
export async function organizationNameTaken(q: Queryable, name: string, exceptId?: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM organizations WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2', [
    name,
    exceptId ?? null,
  ]);
  return rows.length > 0;
}

/** The network holds at least one organisation (an empty one is filled with the demo). */
export async function hasOrganizations(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM organizations) AS any');
  return rows[0]!.any;
}

export async function listOrganizations(
  q: Queryable,
  page: { limit: number; cursor?: string; q?: string; onlyId?: string },
): Promise<OrganizationRow[]> {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  return q.query<OrganizationRow>(
    `SELECT * FROM organizations
      WHERE ($1::text IS NULL OR (lower(name), id::text) > ($1, $2))
        AND ($3::text IS NULL OR name ILIKE '%' || $3 || '%')
        AND ($4::uuid IS NULL OR id = $4)
      ORDER BY lower(name), id::text
      LIMIT $5`,
    [after?.[0] ?? null, after?.[1] ?? null, page.q ?? null, page.onlyId ?? null, page.limit + 1],
  );
}

export async function insertOrganization(
  q: Queryable,
  input: {
    name: string;
    kind: OrganizationKind;
    isHost?: boolean;
    description?: string;
    website?: string | null;
    phone?: string | null;
  },
): Promise<OrganizationRow> {
  const rows = await q.query<OrganizationRow>(
    `INSERT INTO organizations (name, kind, is_host, description, website, phone)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [input.name, input.kind, input.isHost ?? false, input.description ?? '', input.website ?? null, input.phone ?? null],
  );
  return rows[0]!;
}

export async function updateOrganizationRow(
  q: Queryable,
  id: string,
  changes: { name?: string; kind?: OrganizationKind; description?: string; website?: string | null; phone?: string | null },
): Promise<OrganizationRow> {
  const rows = await q.query<OrganizationRow>(
    `UPDATE organizations SET
        name = COALESCE($2, name), kind = COALESCE($3, kind), description = COALESCE($4, description),
        website = CASE WHEN $5 THEN $6 ELSE website END,
        phone = CASE WHEN $7 THEN $8 ELSE phone END,
        updated_at = now()
      WHERE id = $1 RETURNING *`,
    [
      id,
      changes.name ?? null,
      changes.kind ?? null,
      changes.description ?? null,
      changes.website !== undefined,
      changes.website ?? null,
      changes.phone !== undefined,
      changes.phone ?? null,
    ],
  );
  return rows[0]!;
}

export async function findUnit(q: Queryable, id: string): Promise<UnitRow | undefined> {
  return (await q.query<UnitRow>('SELECT * FROM units WHERE id = $1', [id]))[0];
}

export async function listUnits(
  q: Queryable,
  organizationId: string,
  page: { limit: number; cursor?: string; q?: string },
): Promise<UnitRow[]> {
  const after = decodeCursor(page.cursor, ['text', 'text']);
  return q.query<UnitRow>(
    `SELECT * FROM units
      WHERE organization_id = $1
        AND ($2::text IS NULL OR (lower(name), id::text) > ($2, $3))
        AND ($4::text IS NULL OR name ILIKE '%' || $4 || '%')
      ORDER BY lower(name), id::text LIMIT $5`,
    [organizationId, after?.[0] ?? null, after?.[1] ?? null, page.q ?? null, page.limit + 1],
  );
}

export async function insertUnit(
  q: Queryable,
  input: { organizationId: string; name: string; kind: UnitKind; description?: string },
): Promise<UnitRow> {
  const rows = await q.query<UnitRow>(
    `INSERT INTO units (organization_id, name, kind, description) VALUES ($1, $2, $3, $4) RETURNING *`,
    [input.organizationId, input.name, input.kind, input.description ?? ''],
  );
  return rows[0]!;
}

export async function updateUnitRow(
  q: Queryable,
  id: string,
  changes: { name?: string; kind?: UnitKind; description?: string },
): Promise<UnitRow> {
  const rows = await q.query<UnitRow>(
    `UPDATE units SET name = COALESCE($2, name), kind = COALESCE($3, kind),
        description = COALESCE($4, description), updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, changes.name ?? null, changes.kind ?? null, changes.description ?? null],
  );
  return rows[0]!;
}

/** Another unit of the organisation than `exceptId` already has this name, whatever its letters' case. */
export async function unitNameTaken(q: Queryable, organizationId: string, name: string, exceptId?: string): Promise<boolean> {
  const rows = await q.query(
    'SELECT 1 FROM units WHERE organization_id = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3',
    [organizationId, name, exceptId ?? null],
  );
  return rows.length > 0;
}

/** Ids among `unitIds` that are not units of the organisation. */
export async function unitsOutsideOrganization(q: Queryable, organizationId: string, unitIds: string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const rows = await q.query<{ id: string }>(
    `SELECT given.id FROM unnest($2::uuid[]) AS given(id)
      WHERE NOT EXISTS (SELECT 1 FROM units WHERE units.id = given.id AND units.organization_id = $1)`,
    [organizationId, unitIds],
  );
  return rows.map((row) => row.id);
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | undefined> {
  return (await q.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.id = $1`, [id]))[0];
}

/** The display names of the users among `ids` (a missing id has no entry): one query for a page. */
export async function userDisplayNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await q.query<{ id: string; display_name: string }>(
    'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
    [wanted],
  );
  return new Map(rows.map((row) => [row.id, row.display_name]));
}

export async function findUserByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
  return (await q.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE u.email = $1`, [email]))[0];
}

export async function emailTaken(q: Queryable, email: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM users WHERE email = $1', [email])).length > 0;
}

export async function listUsers(
  q: Queryable,
  filter: { organizationId?: string; limit: number; cursor?: string; q?: string },
): Promise<UserRow[]> {
  const after = decodeCursor(filter.cursor, ['text', 'text']);
  return q.query<UserRow>(
    `SELECT ${userColumns} FROM users u
      WHERE ($1::uuid IS NULL OR u.organization_id = $1)
        AND ($2::text IS NULL OR (lower(u.display_name), u.id::text) > ($2, $3))
        AND ($4::text IS NULL OR u.display_name ILIKE '%' || $4 || '%' OR u.email ILIKE '%' || $4 || '%')
      ORDER BY lower(u.display_name), u.id::text LIMIT $5`,
    [filter.organizationId ?? null, after?.[0] ?? null, after?.[1] ?? null, filter.q ?? null, filter.limit + 1],
  );
}

export async function insertUser(
  q: Queryable,
  input: { organizationId: string; email: string; displayName: string; roles: Role[]; passwordHash: string },
): Promise<string> {
  const rows = await q.query<{ id: string }>(
    `INSERT INTO users (organization_id, email, display_name, roles, password_hash)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [input.organizationId, input.email, input.displayName, input.roles, input.passwordHash],
  );
  return rows[0]!.id;
}

export async function setUserUnits(q: Queryable, userId: string, unitIds: string[]): Promise<void> {
  await q.query('DELETE FROM user_units WHERE user_id = $1', [userId]);
  if (unitIds.length > 0) {
    await q.query('INSERT INTO user_units (user_id, unit_id) SELECT $1, unnest($2::uuid[])', [userId, unitIds]);
  }
}

export async function updateUserRow(
  q: Queryable,
  id: string,
  changes: { displayName?: string; roles?: Role[]; disabled?: boolean; passwordHash?: string },
): Promise<void> {
  await q.query(
    `UPDATE users SET
        display_name = COALESCE($2, display_name),
        roles = COALESCE($3, roles),
        disabled_at = CASE WHEN $4::boolean IS NULL THEN disabled_at
                           WHEN $4 THEN COALESCE(disabled_at, now()) ELSE NULL END,
        password_hash = COALESCE($5, password_hash),
        updated_at = now()
      WHERE id = $1`,
    [id, changes.displayName ?? null, changes.roles ?? null, changes.disabled ?? null, changes.passwordHash ?? null],
  );
}

export async function recordSuccessfulSignIn(q: Queryable, userId: string): Promise<void> {
  await q.query('UPDATE users SET last_sign_in_at = now() WHERE id = $1', [userId]);
}

export async function isDemoMode(q: Queryable): Promise<boolean> {
  const rows = await q.query<{ value: unknown }>(`SELECT value FROM network_settings WHERE key = 'demo_mode'`);
  return rows[0]?.value === true;
}

export async function setDemoMode(q: Queryable, on: boolean): Promise<void> {
  await q.query(
    `INSERT INTO network_settings (key, value) VALUES ('demo_mode', $1::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [JSON.stringify(on)],
  );
}

/** Names of organisations, units and users by id, for the audit log's page (ids that are not there are left out). */
export async function namesOf(
  q: Queryable,
  table: 'organizations' | 'units',
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The network's own settings (key → JSON value); a key never set is absent. */
export async function readNetworkSettingValues(q: Queryable, keys: string[]): Promise<Record<string, unknown>> {
  const rows = await q.query<Pick<TableRow<'network_settings'>, 'key' | 'value'>>(
    'SELECT key, value FROM network_settings WHERE key = ANY ($1::text[])',
    [keys],
  );
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export async function writeNetworkSetting(q: Queryable, key: string, value: unknown): Promise<void> {
  await q.query(
    `INSERT INTO network_settings (key, value) VALUES ($1, $2::jsonb)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
    [key, JSON.stringify(value)],
  );
}

export async function deleteNetworkSetting(q: Queryable, key: string): Promise<void> {
  await q.query('DELETE FROM network_settings WHERE key = $1', [key]);
}

/** The names of the organisations among `ids` (a missing id has no entry). */
export async function organizationNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  return namesOf(q, 'organizations', [...new Set(ids)]);
}
