// What every FHIR test asks of a resource Kith serves: it passes the FHIR R4 JSON Schema and
// @medplum/core's validator (for a Bundle, its entries too). Without ../shared/standards (a user's
// clone) there is no schema to hold it to, and the check is skipped as fhirSchemaAvailable says.
import { expect } from 'vitest';
import { fhirSchemaAvailable, medplumErrors, schemaErrors } from '../../src/interop/fhir/fhir-validator';

type Resource = Record<string, unknown>;

export async function expectValidFhir(resource: Resource): Promise<void> {
  if (!fhirSchemaAvailable()) return;
  const entries =
    resource.resourceType === 'Bundle' ? ((resource.entry ?? []) as { resource: Resource }[]).map((entry) => entry.resource) : [];
  for (const each of [resource, ...entries]) {
    expect(schemaErrors(each as { resourceType: string }), JSON.stringify(each)).toEqual([]);
    expect(await medplumErrors(each), JSON.stringify(each)).toEqual([]);
  }
}
