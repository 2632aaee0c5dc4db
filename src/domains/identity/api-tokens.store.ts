// The SQL of API tokens (api_tokens). Only the SHA-256 of a token is stored, with its first
// characters to tell tokens apart in a list. Reading a token's actor: actors.store.ts.
import { digest, randomToken } from '../../platform/auth/secrets';
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';

export const API_TOKEN_PREFIX = 'kith_';

/** A token as listed: everything but the hash of its secret. */
export type ApiTokenRow = Omit<TableRow<'api_tokens'>, 'token_hash'>;

const tokenColumns = 'id, user_id, organization_id, name, prefix, created_at, last_used_at, revoked_at';

/** Makes a token; its secret is returned once, here, and never stored. */
export async function insertApiToken(
  q: Queryable,
  input: { userId: string; organizationId: string; name: string },
): Promise<{ token: string; row: ApiTokenRow }> {
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  const rows = await q.query<ApiTokenRow>(
    `INSERT INTO api_tokens (user_id, organization_id, name, token_hash, prefix)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${tokenColumns}`,
    [input.userId, input.organizationId, input.name, digest(token), token.slice(0, 9)],
  );
  return { token, row: rows[0]! };
}

export async function listApiTokens(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
  return q.query<ApiTokenRow>(`SELECT ${tokenColumns} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC LIMIT 200`, [
    userId,
  ]);
}

export async function findApiToken(q: Queryable, id: string): Promise<ApiTokenRow | undefined> {
  return (await q.query<ApiTokenRow>(`SELECT ${tokenColumns} FROM api_tokens WHERE id = $1`, [id]))[0];
}

/** Revokes every live token of a user (disabled, or their password reset); returns how many. */
export async function revokeApiTokensOfUser(q: Queryable, userId: string): Promise<number> {
  const rows = await q.query('UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id', [
    userId,
  ]);
  return rows.length;
}

/** Revokes one token (a token revoked already keeps its first revocation's time). */
export async function revokeApiTokenRow(q: Queryable, id: string): Promise<ApiTokenRow | undefined> {
  return (
    await q.query<ApiTokenRow>(
      `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${tokenColumns}`,
      [id],
    )
  )[0];
}

export async function apiTokenNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.query<{ id: string; name: string }>('SELECT id, name FROM api_tokens WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((row) => [row.id, row.name]));
}
