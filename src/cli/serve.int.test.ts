// `kith serve` as a newcomer meets it: a port already taken is one plain sentence before anything
// is written, and the demo logins are printed on every start of a demo network, not just the first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { repositoryRoot, runKith } from '../../test/support/run-kith';
import { requestLogging } from '../serve';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'kith-serve-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function listen(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

it('says in one line that the port is taken, and writes nothing', async () => {
  const busy = await listen();
  try {
    const port = (busy.address() as net.AddressInfo).port;
    const dataDir = path.join(scratch, 'busy');
    const run = await runKith(['serve'], { PORT: String(port), HOST: '127.0.0.1', KITH_DEMO: 'true', KITH_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`Port ${port} is already in use`)]);
    expect(run.stdout).not.toContain('demo network');
    expect(fs.existsSync(dataDir)).toBe(false);
  } finally {
    await new Promise((resolve) => busy.close(resolve));
  }
});

/** Starts `kith serve`, waits until it says it is running, stops it, and gives what it printed. */
async function startAndStop(env: Record<string, string>): Promise<string> {
  // The embedded database: what a newcomer's `npm start` opens.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/kith.mjs'), 'serve'], {
    cwd: repositoryRoot,
    env: { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 120_000;
  // The logins are printed right after the "running" line.
  while (!/Kith is running[\s\S]*\n\n/.test(output) && child.exitCode === null && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGTERM');
  await exited;
  if (!output.includes('Kith is running')) throw new Error(`kith serve did not start:\n${output}`);
  return output;
}

it('prints the demo logins on every start of a demo network', { timeout: 240_000 }, async () => {
  const env = { KITH_DEMO: 'true', KITH_DATA_DIR: path.join(scratch, 'demo') };
  const first = await startAndStop(env);
  expect(first).toContain('Filling the empty database with the demo network');
  expect(first).toContain('admin@kith.demo');
  const second = await startAndStop(env);
  expect(second).not.toContain('Filling the empty database');
  for (const email of ['admin@kith.demo', 'coordinator@kith.demo', 'partner@kith.demo']) expect(second).toContain(email);
});

it('keeps a line per request for log files and debugging, not for a terminal at the default level', () => {
  expect(requestLogging('info', true)).toBe(false);
  expect(requestLogging('debug', true)).toBe(true);
  expect(requestLogging('info', false)).toBe(true);
});
