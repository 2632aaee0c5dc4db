// The kith command line, run as a child process against each engine, the way an operator
// sets up a network without the demo.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { kithTargets, runKith } from '../../test/support/run-kith';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-cli-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const targets = await kithTargets(scratch);

describe.each(targets)('the kith command on $engine', ({ skip, open }) => {
  it.skipIf(skip)(
    'sets up a host, an admin and a token, lists them, and disables a user',
    async () => {
      const target = await open();
      const run = (...args: string[]) => runKith(args, target.env);
      try {
        const host = await run('org', 'add', '--name', 'Valley Health', '--kind', 'health_system', '--host');
        expect(host.stderr).toBe('');
        expect(host.code).toBe(0);
        expect(host.stdout).toMatch(/Added Valley Health \(health_system, host\)/);

        // A weak first password is refused with the field named, and nothing is added.
        const weak = await run(
          'user',
          'add',
          '--email',
          'ops@valley.example',
          '--name',
          'Ops',
          '--org',
          'Valley Health',
          '--role',
          'admin',
          '--password',
          'short',
        );
        expect(weak.code).toBe(2);
        expect(weak.stderr).toContain('password');

        const admin = await runKith(
          [
            'user',
            'add',
            '--email',
            'Ops@Valley.example',
            '--name',
            'Ops',
            '--org',
            'Valley Health',
            '--role',
            'admin',
            'leader',
          ],
          { ...target.env, KITH_PASSWORD: 'a-long-operator-password' },
        );
        expect(admin.code).toBe(0);
        expect(admin.stdout).toContain('ops@valley.example');

        const list = await run('user', 'list');
        expect(list.stdout).toMatch(/ops@valley\.example\s+admin,leader\s+active/);
        expect((await run('org', 'list')).stdout).toMatch(/health_system\s+Valley Health\s+\(host\)/);

        const token = await run('token', 'create', '--user', 'ops@valley.example', '--name', 'nightly export');
        expect(token.code).toBe(0);
        expect(token.stdout.trim()).toMatch(/^kith_[A-Za-z0-9_-]{40,}$/);

        expect((await run('user', 'disable', 'ops@valley.example')).code).toBe(0);
        expect((await run('user', 'list')).stdout).toMatch(/ops@valley\.example\s+admin,leader\s+disabled/);

        // A name that would rewrite a terminal is refused, naming the field.
        const escape = await run('org', 'add', '--name', '\u001b[2J\u001b[31mValley', '--kind', 'community_organization');
        expect(escape.code).toBe(2);
        expect(escape.stderr).toContain('name: must not hold control characters');

        const unknownKind = await run('org', 'add', '--name', 'X', '--kind', 'castle');
        expect(unknownKind.code).not.toBe(0);
        expect(unknownKind.stderr).toContain('castle');
      } finally {
        await target.done();
      }
    },
    120_000,
  );
});

describe.each(targets.filter((target) => target.engine === 'postgres'))('the kith command on $engine', ({ skip, open }) => {
  it.skipIf(skip)('prints stored names with their control characters made visible', async () => {
    const target = await open();
    try {
      // Written straight into the database, as an older Kith or a hand-made import could have.
      const client = new pg.Client({ connectionString: target.env.DATABASE_URL });
      await client.connect();
      await client.query(`INSERT INTO organizations (name, kind) VALUES ($1, 'community_organization')`, [
        '\u001b[2JPwned\rPantry',
      ]);
      await client.end();
      const list = await runKith(['org', 'list'], target.env);
      expect(list.code).toBe(0);
      expect(list.stdout).toContain('\\x1b[2JPwned\\x0dPantry');
      expect(list.stdout).not.toContain('\u001b');
      expect(list.stdout).not.toContain('\r');
    } finally {
      await target.done();
    }
  });
});

it('explains every command with --help', async () => {
  const help = await runKith(['--help']);
  expect(help.code).toBe(0);
  for (const command of ['serve', 'migrate', 'seed', 'org', 'user', 'token', 'backup', 'restore']) {
    expect(help.stdout).toContain(command);
  }
  const userAdd = await runKith(['user', 'add', '--help']);
  expect(userAdd.stdout).toContain('--role');
});
