// A first load into an empty directory, done the way PostgreSQL's own restore does it: the HSDS
// tables' secondary indexes and foreign keys are set aside, the rows written, then each index is
// built once from sorted data and each foreign key checked once by a join, instead of both being
// kept up row by row. All in the caller's transaction: if anything fails, the indexes and
// constraints come back with the rollback; if a row points at nothing, re-adding its foreign key
// fails and nothing is written. Setting them aside locks the HSDS tables until the commit: readers
// wait for the first import, before which there was nothing to read.
import type { Queryable } from '../../platform/db/database';
import { hsdsModel } from './hsds-model';

const hsdsTables = Object.values(hsdsModel).map((model) => model.table);

interface SetAside {
  indexes: { name: string; definition: string }[];
  constraints: { table: string; name: string; definition: string }[];
}

/**
 * Runs `write` with the HSDS tables' secondary indexes and foreign keys set aside when every HSDS
 * table is empty (a first import); otherwise runs it as it is, since rebuilding indexes over rows
 * already there would cost more than it saves. `write` is told which (`intoEmpty`), so that it can
 * copy rows in rather than upsert them. Must run inside a transaction.
 */
export async function withBulkLoad<T>(q: Queryable, write: (intoEmpty: boolean) => Promise<T>): Promise<T> {
  const [state] = await q.query<{ empty: boolean }>(
    `SELECT ${hsdsTables.map((table) => `NOT EXISTS (SELECT 1 FROM ${table})`).join(' AND ')} AS empty`,
  );
  if (!state?.empty) return write(false);
  const setAside = await setAsideIndexesAndConstraints(q);
  const result = await write(true);
  // Building indexes and checking keys over a whole directory is sorting; give it room, for this
  // transaction only.
  await q.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  await q.query(`SET LOCAL work_mem = '64MB'`);
  for (const index of setAside.indexes) await q.query(index.definition);
  for (const constraint of setAside.constraints) {
    await q.query(`ALTER TABLE ${constraint.table} ADD CONSTRAINT ${constraint.name} ${constraint.definition}`);
  }
  await q.query(`ANALYZE ${hsdsTables.join(', ')}`);
  return result;
}

async function setAsideIndexesAndConstraints(q: Queryable): Promise<SetAside> {
  const constraints = await q.query<{ table: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [hsdsTables],
  );
  const indexes = await q.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY ($1::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique
      ORDER BY 1`,
    [hsdsTables],
  );
  for (const constraint of constraints) await q.query(`ALTER TABLE ${constraint.table} DROP CONSTRAINT ${constraint.name}`);
  for (const index of indexes) await q.query(`DROP INDEX ${index.name}`);
  return { indexes, constraints };
}
