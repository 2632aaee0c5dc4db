// The schema checks of the export and API tests are only as good as the validator: it must accept
// the official examples, reject an object that breaks the schema, and never let a wrong standards
// folder pass as "nothing to check" under CI.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hsdsExamples } from '../import/standards-kit';
import { HsdsValidator, hsdsSchemasAvailable } from './hsds-validator';

const example = (name: string) => JSON.parse(fs.readFileSync(path.join(hsdsExamples, name), 'utf8')) as Record<string, unknown>;

describe.skipIf(!hsdsSchemasAvailable())('the HSDS validator', () => {
  const validator = new HsdsValidator();

  it('accepts the official examples', () => {
    expect(validator.errors('service', example('service_full.json'))).toEqual([]);
    expect(validator.errors('organization', example('organization_full.json'))).toEqual([]);
    expect(validator.errors('taxonomy_term', example('taxonomy_term.json'))).toEqual([]);
  });

  it('rejects a service that breaks the schema, naming each field', () => {
    const service: Record<string, unknown> = { ...example('service_full.json'), id: 'not-a-uuid', status: 'open-ish' };
    delete service.name;
    const errors = validator.errors('service', service);
    expect(errors).toContain("service must have required property 'name'");
    expect(errors).toContain('service/id must match format "uuid"');
    expect(errors.some((error) => error.startsWith('service/status '))).toBe(true);
  });

  it('rejects a taxonomy term from the per-object schemas too', () => {
    const errors = validator.errors('taxonomy_term', { ...example('taxonomy_term.json'), id: 42 });
    expect(errors).toContain('taxonomy_term/id must be string');
  });
});

describe('a missing standards folder', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function validatorWith(env: Record<string, string>) {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    vi.resetModules();
    return import('./hsds-validator');
  }

  it('fails under CI=true, naming KITH_STANDARDS_DIR', async () => {
    const { hsdsSchemasAvailable } = await validatorWith({ KITH_STANDARDS_DIR: '/nowhere/standards', CI: 'true' });
    expect(() => hsdsSchemasAvailable()).toThrow(
      'CI=true but The official HSDS schema is missing at /nowhere/standards/hsds/3.0.1/schema/compiled/service.json (set KITH_STANDARDS_DIR)',
    );
  });

  it('skips outside CI, saying so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { hsdsSchemasAvailable } = await validatorWith({ KITH_STANDARDS_DIR: '/nowhere/standards', CI: 'false' });
    expect(hsdsSchemasAvailable()).toBe(false);
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('The official HSDS schema tests skipped: /nowhere/standards/hsds/'),
    ]);
    warn.mockRestore();
  });

  it('refuses the old variable name instead of passing over its folder', async () => {
    await expect(validatorWith({ HSDS_STANDARDS_DIR: '/somewhere/hsds' })).rejects.toThrow('set KITH_STANDARDS_DIR');
  });
});
