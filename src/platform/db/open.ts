// Opens the database named by the configuration: a PostgreSQL server when DATABASE_URL is set,
// otherwise the embedded PGlite kept in KITH_DATA_DIR (or in memory, for tests).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { Database } from './database';

/** A problem the operator must fix before Kith can start; printed as one line, exit code 1. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function openServerDatabase(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    // No JIT compilation: Kith's queries are short, and compiling one costs more than running it
    // (measured: 488 of 606 ms of a population page). A DATABASE_URL naming `options` wins.
    options: '-c jit=off',
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  const database = new Database('postgres', pool, redactUrl(url));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = (error as { code?: string; message: string }).code ?? (error as Error).message;
    throw new DatabaseStartError(
      `Kith cannot reach the PostgreSQL server named by DATABASE_URL (${redactUrl(url)}): ${reason}. Start the server or correct DATABASE_URL.`,
    );
  }
  return database;
}

/** What a data directory holds: nothing yet, a PostgreSQL data directory, or something else. */
export function inspectDataDir(dataDir: string): 'absent' | 'empty' | 'database' | 'foreign' {
  if (!fs.existsSync(dataDir)) return 'absent';
  if (!fs.statSync(dataDir).isDirectory()) return 'foreign';
  const entries = fs.readdirSync(dataDir);
  if (entries.length === 0) return 'empty';
  return entries.includes('PG_VERSION') && entries.includes('base') ? 'database' : 'foreign';
}

interface EmbeddedOptions {
  /** Folder of the data; omitted for an in-memory database. */
  dataDir?: string;
  /** A tarball made by `dumpDataDir`, to start from (tests start from a migrated template). */
  loadDataDir?: ArrayBuffer;
}

export async function openEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<Database> {
  const { dataDir } = options;
  let releaseLock = () => {};
  if (dataDir) {
    const state = inspectDataDir(dataDir);
    if (state === 'foreign') {
      throw new DatabaseStartError(
        `KITH_DATA_DIR (${dataDir}) holds files that are not a Kith database; Kith leaves them untouched. Point KITH_DATA_DIR at an empty or new folder.`,
      );
    }
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = takeDataDirLock(dataDir);
  }
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-pg-'));
  const socketPort = 5432;
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: {
      dataDir,
      socketPath: path.join(socketDir, `.s.PGSQL.${socketPort}`),
      loadDataDir: options.loadDataDir,
    },
  });
  const cleanup = async () => {
    releaseLock();
    fs.rmSync(socketDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the embedded database stopped (exit code ${code})`)));
      worker.on('message', (message: { type: string; message?: string }) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'error') reject(new Error(message.message));
      });
    });
  } catch (error) {
    await worker.terminate();
    await cleanup();
    throw new DatabaseStartError(
      dataDir
        ? `Kith cannot open the embedded database in KITH_DATA_DIR (${dataDir}): ${(error as Error).message}. The folder may be damaged or from another program; it was left untouched.`
        : `Kith cannot start the embedded database: ${(error as Error).message}`,
    );
  }
  worker.removeAllListeners('exit');
  worker.removeAllListeners('error');
  // PGlite is one session: one connection serialises every statement, which is what it does anyway.
  const pool = new pg.Pool({ host: socketDir, port: socketPort, user: 'postgres', database: 'postgres', max: 1 });
  // The session outlives each connection to it (one closes after 10 s idle): a new connection
  // starts without the named statements the last one prepared, as a server's new session would.
  pool.on('connect', (client) => void client.query('DEALLOCATE ALL').catch(() => {}));
  const close = async () => {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 10_000);
      worker.on('message', (message: { type: string }) => {
        if (message.type === 'closed') {
          clearTimeout(timer);
          resolve();
        }
      });
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    await cleanup();
  };
  const database = new Database('pglite', pool, dataDir ?? '(in memory)', close);
  (database as Database & { dump?: () => Promise<ArrayBuffer> }).dump = () =>
    new Promise((resolve) => {
      const listener = (message: { type: string; data?: ArrayBuffer }) => {
        if (message.type === 'dump' && message.data) {
          worker.off('message', listener);
          resolve(message.data);
        }
      };
      worker.on('message', listener);
      worker.postMessage({ type: 'dump' });
    });
  return database;
}

/** One process per data directory: a second one would corrupt it. */
function takeDataDirLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  if (fs.existsSync(lockFile)) {
    const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(pid) && pid !== process.pid && processIsAlive(pid)) {
      throw new DatabaseStartError(
        `Another Kith process (pid ${pid}) is using KITH_DATA_DIR (${dataDir}); stop it first or choose another folder.`,
      );
    }
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function openDatabase(settings: { DATABASE_URL?: string; KITH_DATA_DIR: string }): Promise<Database> {
  return settings.DATABASE_URL
    ? openServerDatabase(settings.DATABASE_URL)
    : openEmbeddedDatabase({ dataDir: settings.KITH_DATA_DIR });
}
