// The layout rule (lint/domain-boundaries.js) on small sources: every path form that reaches a
// domain's inside is refused, the index.ts and a domain's own files are not.
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import kith from '../../lint/domain-boundaries.js';

const root = '/repo';

function problems(file: string, code: string, temporarilyAllowed: { from: string; to: string }[] = []): string[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.mjs'],
        languageOptions: file.endsWith('.ts') ? { parser: tseslint.parser } : {},
        plugins: { kith },
        rules: { 'kith/domain-boundaries': ['error', { root, temporarilyAllowed }] },
      },
    ],
    { filename: path.join(root, file) },
  );
  return messages.map((message) => message.message);
}

describe('a domain is reached only through its index.ts', () => {
  it('refuses a domain inside in every path form, from every kind of importer', () => {
    expect(problems('src/main.ts', `import { A } from './domains/identity/identity.schema';`)).toEqual([
      'Reach the identity domain only through src/domains/identity/index.ts, not src/domains/identity/identity.schema.',
    ]);
    expect(problems('src/interop/hsds/api/x.ts', `import { a } from '../../../domains/directory/internal/z';`)).toEqual([
      'Reach the directory domain only through src/domains/directory/index.ts, not src/domains/directory/internal/z.',
    ]);
    expect(problems('bench/directory.ts', `import { a } from '../src/domains/directory/directory.schema.ts';`)).toHaveLength(1);
    expect(
      problems('test/support/fuzz/world.ts', `import { a } from '../../../src/domains/directory/manage-directory';`),
    ).toHaveLength(1);
    expect(problems('src/domains/identity/x.ts', `import { a } from '../directory/search';`)).toHaveLength(1);
    expect(problems('src/demo/seed.ts', `import { a } from '../domains/directory/../directory/search';`)).toHaveLength(1);
  });

  it('sees type imports, re-exports, dynamic imports, import types and vi.mock', () => {
    const file = 'src/cli/x.test.ts';
    expect(problems(file, `import type { Row } from '../domains/identity/identity.store';`)).toHaveLength(1);
    expect(problems(file, `export { signIn } from '../domains/identity/sign-in';`)).toHaveLength(1);
    expect(problems(file, `export * from '../domains/identity/sign-in';`)).toHaveLength(1);
    expect(problems(file, `const m = await import('../domains/identity/sign-in');`)).toHaveLength(1);
    expect(problems(file, `type T = import('../domains/directory/hsds-model').HsdsRow;`)).toHaveLength(1);
    expect(problems(file, `vi.mock('../domains/identity/sign-in');`)).toHaveLength(1);
    expect(problems('scripts/x.mjs', `await import('../src/domains/identity/sign-in.ts');`)).toHaveLength(1);
  });

  it('lets anyone import the index.ts, and a domain (and its tests) its own files', () => {
    const ok = [
      ['src/main.ts', `import { a } from './domains/identity';`],
      ['src/main.ts', `import { a } from './domains/identity/index';`],
      ['src/app.ts', `import { a } from './domains/identity/index.ts';`],
      ['test/support/factories.ts', `import { a } from '../../src/domains/identity';`],
      ['src/domains/identity/sign-in.int.test.ts', `import { a } from './identity.store';`],
      ['src/domains/identity/sign-in.ts', `import { a } from '../directory';`],
      ['src/domains/identity/sign-in.ts', `import { a } from '../../platform/db/database';`],
      ['src/domains/identity/sign-in.ts', `import fs from 'node:fs'; import { z } from 'zod';`],
    ];
    expect(ok.map(([file, code]) => problems(file!, code!))).toEqual(ok.map(() => []));
  });
});

describe('dependencies point inwards', () => {
  it('keeps a domain off interop, the CLI, the demo, the composition root and test support', () => {
    const file = 'src/domains/directory/search.ts';
    const refused = [
      '../../interop/hsds/import',
      '../../cli/backup',
      '../../demo',
      '../../app',
      '../../config',
      '../../../test/support/harness',
    ];
    expect(refused.map((target) => problems(file, `import { a } from '${target}';`).length)).toEqual(refused.map(() => 1));
    expect(problems(file, `import { a } from '../../interop/hsds/import';`)).toEqual([
      'the directory domain does not import interop (src/interop/hsds/import): a domain depends only on the platform and other domains.',
    ]);
  });

  it("lets a domain's tests use the whole app, the demo and test support", () => {
    const file = 'src/domains/directory/search.int.test.ts';
    const code = `import { buildApp } from '../../app'; import { seedDemo } from '../../demo'; import { h } from '../../../test/support/harness';`;
    expect(problems(file, code)).toEqual([]);
  });

  it('keeps the platform off every domain, also through its index.ts', () => {
    expect(problems('src/platform/policy/policy.ts', `import { a } from '../../domains/identity';`)).toEqual([
      'platform does not import the identity domain (src/domains/identity): the platform knows no domain and nothing built on it.',
    ]);
    expect(problems('src/platform/db/app-role.int.test.ts', `import { a } from '../../domains/directory/index';`)).toEqual([]);
  });

  it('keeps the web app inside web/', () => {
    expect(problems('web/src/api/x.ts', `import type { A } from '../../../src/domains/identity';`)).toEqual([
      'The web app imports only from web/ (Vite builds it from there), not src/domains/identity.',
    ]);
    expect(problems('web/src/api/x.ts', `import { a } from '../ui/page';`)).toEqual([]);
  });
});

describe('the temporary list of known violations', () => {
  it('excuses exactly the listed import and no other in the same file', () => {
    const allowed = [{ from: 'src/main.ts', to: 'src/domains/identity/identity.schema' }];
    const code = `import { A } from './domains/identity/identity.schema'; import { B } from './domains/identity/sign-in';`;
    expect(problems('src/main.ts', code, allowed)).toEqual([
      'Reach the identity domain only through src/domains/identity/index.ts, not src/domains/identity/sign-in.',
    ]);
  });
});

describe("the repository's lint configuration", () => {
  const repository = path.resolve(import.meta.dirname, '../..');

  it('applies the rule to TypeScript and to the plain JavaScript of scripts/ and bin/', async () => {
    const eslint = new ESLint({ cwd: repository });
    for (const file of ['src/main.ts', 'web/src/app.tsx', 'scripts/start.mjs', 'bin/kith.mjs']) {
      const config = (await eslint.calculateConfigForFile(path.join(repository, file))) as Linter.Config;
      const [severity] = config.rules?.['kith/domain-boundaries'] as [number, ...unknown[]];
      expect([file, severity]).toEqual([file, 2]);
    }
    const [result] = await eslint.lintText(
      `import { a } from '../src/domains/identity/sign-in.ts';\nconsole.log(a, undefinedName);\n`,
      {
        filePath: path.join(repository, 'scripts/probe.mjs'),
      },
    );
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['kith/domain-boundaries', 'no-undef']);
  });
});
