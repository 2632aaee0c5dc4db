// The one way Kith talks to PostgreSQL: a `pg` pool, whether the engine is a PostgreSQL server
// (DATABASE_URL) or the embedded PGlite (served from a worker thread over a Unix socket).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

// COUNT(*) and bigserial ids arrive as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number.parseFloat(value));
// A date column is a calendar day ('1961-04-09'): kept as that text, never turned into a midnight
// in the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export type Engine = 'pglite' | 'postgres';

export interface QueryOptions {
  /**
   * Prepares the statement once per connection under this name and afterwards only runs it: for
   * the few fixed statements run on every request (reading the session), where parsing and
   * planning cost as much as running. One name per statement text. Honoured by `Database.query`
   * only: inside a transaction a clash of names would abort the transaction, outside it the
   * statement is simply run again unnamed.
   */
  name?: string;
}

/** The session already holds a statement of that name, or lost one it had (a pooler in between). */
function isNamedStatementClash(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '42P05' || code === '26000';
}

export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /**
   * Streams rows into a table with `COPY … FROM STDIN` (PostgreSQL's text format, one chunk of
   * whole lines at a time), far cheaper per row than INSERT for bulk loads. Present on connections
   * to a PostgreSQL server only: the embedded engine's socket does not speak the COPY protocol, so
   * callers fall back to INSERT when it is absent.
   */
  copyFrom?(statement: string, chunks: Iterable<string>): Promise<void>;
}

/** What a use case needs of the database: statements, and transactions. */
export interface Db extends Queryable {
  readonly engine: Engine;
  tx<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
}

/** A connection-level failure (server down, socket closed): the request should answer 503. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'ENOENT',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: string }).code;
  if (code && connectionErrorCodes.has(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(error.message);
}

function statement(text: string, values: readonly unknown[] | undefined, name?: string): pg.QueryConfig {
  return { text, values: values as unknown[] | undefined, ...(name && { name }) };
}

function queryable(client: pg.PoolClient, engine: Engine): Queryable {
  return {
    ...(engine === 'postgres' && {
      async copyFrom(statement: string, chunks: Iterable<string>) {
        try {
          await pipeline(Readable.from(chunks), client.query(copyFromStdin(statement)));
        } catch (error) {
          if (isConnectionError(error)) throw new DatabaseUnavailableError((error as Error).message, { cause: error });
          throw error;
        }
      },
    }),
    async query<Row>(text: string, values?: readonly unknown[]) {
      try {
        const result = await client.query(statement(text, values));
        return result.rows as Row[];
      } catch (error) {
        if (isConnectionError(error)) {
          throw new DatabaseUnavailableError((error as Error).message, { cause: error });
        }
        throw error;
      }
    },
  };
}

export class Database implements Db {
  constructor(
    readonly engine: Engine,
    readonly pool: pg.Pool,
    /** Where the data lives, for messages (never includes a password). */
    readonly location: string,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    // An idle client whose server went away emits here; without a listener the process would die.
    pool.on('error', () => {});
  }

  /** Off once a named statement clashed: something between us and the server breaks them. */
  private namedStatements = true;

  /**
   * One statement on a pooled connection. Unlike `pool.query`, an SQL error (a constraint, a
   * trigger) returns the connection to the pool instead of closing it; only a broken connection
   * is discarded. Reconnecting after every refused insert would be slow on a server and, on the
   * one-connection embedded engine, races the old connection's close.
   */
  async query<Row = Record<string, unknown>>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new DatabaseUnavailableError((error as Error).message, { cause: error });
    }
    let broken: Error | undefined;
    try {
      const name = this.namedStatements ? options?.name : undefined;
      if (name) {
        try {
          return (await client.query(statement(text, values, name))).rows as Row[];
        } catch (error) {
          if (!isNamedStatementClash(error)) throw error;
          // A pooler in transaction mode gives each statement whichever session is free, so a
          // name prepared on one is unknown or taken on another: run such statements unnamed.
          this.namedStatements = false;
        }
      }
      return (await client.query(statement(text, values))).rows as Row[];
    } catch (error) {
      if (isConnectionError(error)) {
        broken = error as Error;
        throw new DatabaseUnavailableError((error as Error).message, { cause: error });
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Runs `work` in one transaction: commits if it resolves, rolls back if it throws. */
  async tx<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new DatabaseUnavailableError((error as Error).message, { cause: error });
    }
    let broken: Error | undefined;
    try {
      const q = queryable(client, this.engine);
      await q.query('BEGIN');
      const result = await work(q);
      await q.query('COMMIT');
      return result;
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) broken = error;
      else {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /**
   * Runs several use cases as one: every `tx` inside becomes a savepoint of one outer
   * transaction, so the whole commits or none of it does (seeding the demo, imports).
   */
  async unitOfWork<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.tx(async (q) => {
      let depth = 0;
      const scoped: Db = {
        engine: this.engine,
        query: (text, values) => q.query(text, values),
        ...(q.copyFrom && { copyFrom: q.copyFrom }),
        async tx(inner) {
          const savepoint = `unit_of_work_${++depth}`;
          await q.query(`SAVEPOINT ${savepoint}`);
          try {
            const result = await inner(q);
            await q.query(`RELEASE SAVEPOINT ${savepoint}`);
            return result;
          } catch (error) {
            await q.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
            throw error;
          }
        },
      };
      return work(scoped);
    });
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await this.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => {});
    await this.onClose();
  }
}
