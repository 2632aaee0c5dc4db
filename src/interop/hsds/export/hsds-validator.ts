// Test support: validates JSON against the official HSDS JSON Schemas kept in the shared standards
// kit (its hsds/ folder; see standards-kit.ts for where the kit is), with Ajv as GUIDE.md §5 advises:
// draft 2020-12, strict:false (the schemas carry non-JSON-Schema keywords such as `name`), formats
// checked by ajv-formats (else a non-UUID id would pass), additionalProperties as the schemas have
// it. API bodies use the compiled schemas (relative $refs resolved upstream); taxonomy and
// taxonomy_term, which have no compiled form, and 3.1's service_capacity are loaded per object with
// a base URI so their relative $refs resolve.
import fs from 'node:fs';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { hsdsSchemas, standardsAvailable } from '../import/standards-kit';

/**
 * Whether the official schemas are here. In a clone without the shared standards folder the
 * schema tests are skipped with one line saying why; under CI=true they must run, so this throws.
 */
export function hsdsSchemasAvailable(): boolean {
  return standardsAvailable(path.join(hsdsSchemas, '3.0.1/schema/compiled/service.json'), 'The official HSDS schema');
}

export type HsdsSchemaName =
  | 'service'
  | 'organization'
  | 'service_at_location'
  | 'service_list'
  | 'organization_list'
  | 'service_at_location_list'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'service_capacity';

const compiled = new Set<HsdsSchemaName>([
  'service',
  'organization',
  'service_at_location',
  'service_list',
  'organization_list',
  'service_at_location_list',
]);

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as (
  ajv: Ajv2020,
) => void;

function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;

/** Every per-object schema of one version, under a base URI that resolves `"phone.json"`. */
function perObjectAjv(version: string): Ajv2020 {
  const ajv = newAjv();
  const folder = path.join(hsdsSchemas, version, 'schema');
  for (const file of fs.readdirSync(folder).filter((name) => name.endsWith('.json') && !name.startsWith('openapi'))) {
    ajv.addSchema({ ...read(path.join(folder, file)), $id: `https://hsds.invalid/${version}/${file}` });
  }
  return ajv;
}

export class HsdsValidator {
  private readonly validators = new Map<HsdsSchemaName, ValidateFunction>();
  private compiledAjv?: Ajv2020;
  private readonly perObject = new Map<string, Ajv2020>();

  private validatorFor(name: HsdsSchemaName): ValidateFunction {
    let validate = this.validators.get(name);
    if (validate) return validate;
    if (compiled.has(name)) {
      this.compiledAjv ??= newAjv();
      validate = this.compiledAjv.compile(read(path.join(hsdsSchemas, '3.0.1/schema/compiled', `${name}.json`)));
    } else {
      // service_capacity exists only in 3.1-dev; taxonomy and taxonomy_term are the 3.0.1 ones.
      const version = name === 'service_capacity' ? '3.1-dev' : '3.0.1';
      let ajv = this.perObject.get(version);
      if (!ajv) this.perObject.set(version, (ajv = perObjectAjv(version)));
      validate = ajv.getSchema(`https://hsds.invalid/${version}/${name}.json`)!;
    }
    this.validators.set(name, validate);
    return validate;
  }

  /** The schema errors of `value`, as "path message" lines; empty when it validates. */
  errors(name: HsdsSchemaName, value: unknown): string[] {
    const validate = this.validatorFor(name);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message ?? error.keyword}`);
  }
}
