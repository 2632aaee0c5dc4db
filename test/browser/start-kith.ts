// Starts the real Kith server (`kith serve`) as a child process on a free port, with a fresh
// embedded database, for browser tests. The embedded database admits one process at a time, so
// CLI commands (the first organisation and admin) run in `setup`, before the server starts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot, runKith } from '../support/run-kith';

export type KithCli = (args: string[]) => Promise<string>;

export interface RunningKith {
  baseUrl: string;
  dataDir: string;
  /** The server's output so far, for a failing test's message. */
  output: () => string;
  stop: () => Promise<void>;
}

const readyTimeoutMs = 60_000;
const webDir = path.join(repositoryRoot, 'web');

export async function startKith(
  options: {
    setup?: (cli: KithCli) => Promise<void>;
    /** Start as `npm start` does: an empty database filled with the demo. */ demo?: boolean;
  } = {},
): Promise<RunningKith> {
  buildWebIfMissingOrStale();
  const root = await mkdtemp(path.join(os.tmpdir(), 'kith-browser-'));
  const dataDir = path.join(root, 'data');
  const env = { KITH_DATA_DIR: dataDir, KITH_DEMO: options.demo ? 'true' : 'false', DATABASE_URL: undefined };

  const cli: KithCli = async (args) => {
    const run = await runKith(args, env);
    if (run.code !== 0) throw new Error(`kith ${args.join(' ')} failed (exit ${run.code}):\n${run.stderr}${run.stdout}`);
    return run.stdout;
  };
  try {
    await options.setup?.(cli);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/kith.mjs'), 'serve'], {
    cwd: repositoryRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output: () => output, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`kith serve exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`kith serve was not ready within ${readyTimeoutMs / 1000} s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The server serves web/dist; build it when it is missing or older than its sources. */
function buildWebIfMissingOrStale(): void {
  const built = path.join(webDir, 'dist/index.html');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestFile(webDir)) return;
  const result = spawnSync('npm', ['run', 'build:web'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:web failed (exit ${result.status ?? result.signal})`);
}

function newestFile(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestFile(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
