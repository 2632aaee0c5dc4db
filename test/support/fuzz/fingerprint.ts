// A fingerprint of the database's state: one md5 per table over all its rows, so the fuzzer can
// tell that a refused request changed nothing. The tables are read from information_schema at
// start, so a table a later migration adds is fingerprinted without anyone listing it.
import type { Queryable } from '../../../src/platform/db/database';

/** Rows that change on every request by design, and so say nothing about a refusal. */
const volatileColumns: Record<string, string[]> = {
  // A session slides its idle expiry as it is used; a token records when it was last used.
  sessions: ['last_seen_at', 'expires_at'],
  api_tokens: ['last_used_at'],
};

/**
 * Tables left out: the audit log (a refusal is audited, that is its job) and the counters of
 * sign-in throttles and rate limits (a refused sign-in counts by design), whatever their name.
 */
const ignoredTable = (name: string) => name === 'audit_log' || /throttle|rate_limit|sign_in_attempt|login_attempt/i.test(name);

export type Fingerprint = Record<string, string>;

export interface Fingerprinter {
  tables: string[];
  ignored: string[];
  take(): Promise<Fingerprint>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (name: string) => `'${name.replaceAll("'", "''")}'`;

export async function fingerprinter(db: Queryable): Promise<Fingerprinter> {
  const rows = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
      ORDER BY table_name`,
  );
  const all = rows.map((row) => row.table_name);
  const tables = all.filter((name) => !ignoredTable(name));
  // One statement for all tables: each row as jsonb without its volatile columns, sorted, hashed.
  const sql = tables
    .map((table) => {
      const row = `(to_jsonb(t.*) - ARRAY[${(volatileColumns[table] ?? []).map(quoteLiteral).join(', ')}]::text[])::text`;
      return `SELECT ${quoteLiteral(table)} AS name, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS hash FROM ${quoteIdent(table)} t`;
    })
    .join('\nUNION ALL\n');
  return {
    tables,
    ignored: all.filter(ignoredTable),
    async take() {
      const hashes = await db.query<{ name: string; hash: string }>(sql);
      return Object.fromEntries(hashes.map((entry) => [entry.name, entry.hash]));
    },
  };
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
