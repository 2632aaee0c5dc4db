// Runs the real `kith` command in a child process, as an operator would.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface KithRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runKith(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 90_000): Promise<KithRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/kith.mjs'), ...args], {
      cwd: repositoryRoot,
      env: { ...process.env, KITH_DEMO: 'false', LOG_LEVEL: 'silent', PORT: '0', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface KithTarget {
  engine: 'pglite' | 'postgres';
  /** Skipped: no PostgreSQL server on a user's machine (never under CI=true). */
  skip: boolean;
  /** A fresh database for one test: the environment that points `kith` at it, and its clean-up. */
  open: () => Promise<{ env: Record<string, string>; done: () => Promise<void> }>;
}

/** Both engines for CLI tests: a fresh data folder under `scratch`, or a fresh server database. */
export async function kithTargets(scratch: string): Promise<KithTarget[]> {
  const { createServerTestDatabase, serverUnavailableReason, testDatabaseUrl } = await import('./engines');
  const reason = await serverUnavailableReason();
  if (reason && process.env.CI === 'true')
    throw new Error(`CI=true but no PostgreSQL server answers at ${testDatabaseUrl} (${reason}).`);
  if (reason) console.warn(`CLI tests on the PostgreSQL server skipped: nothing answers at ${testDatabaseUrl} (${reason}).`);
  let folders = 0;
  return [
    {
      engine: 'pglite',
      skip: false,
      open: async () => ({ env: { KITH_DATA_DIR: path.join(scratch, `data-${++folders}`) }, done: async () => {} }),
    },
    {
      engine: 'postgres',
      skip: Boolean(reason),
      open: async () => {
        const created = await createServerTestDatabase();
        return { env: { DATABASE_URL: created.url }, done: created.drop };
      },
    },
  ];
}
