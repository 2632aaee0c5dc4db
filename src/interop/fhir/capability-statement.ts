// The CapabilityStatement at /fhir/R4/metadata, built from the resource registry: exactly the
// resource types, interactions and search parameters the routes serve.
import { resources } from './registry';

/** The paging parameters every search takes. */
export const pagingParams = [
  { name: '_count', type: 'number', documentation: 'Results per page: 1 to 100 (default 20)' },
  { name: '_cursor', type: 'string', documentation: 'The next page, as given out in the Bundle’s link "next"' },
] as const;

const started = new Date().toISOString();

export function capabilityStatement(baseUrl: string): Record<string, unknown> {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: started,
    publisher: 'Kith',
    kind: 'instance',
    software: { name: 'Kith' },
    implementation: { description: 'Kith: the people a complex-care program serves', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          description:
            'Sign in for a session cookie (and send its CSRF token in x-csrf-token on writes), or send an API token as Authorization: Bearer. A person the caller may not see is answered 404 and is absent from searches.',
        },
        resource: resources.map((resource) => ({
          type: resource.type,
          documentation: resource.shapedAfter
            ? `${resource.documentation} Shaped after ${resource.shapedAfter}.`
            : resource.documentation,
          interaction: [
            ...(resource.read ? [{ code: 'read' }] : []),
            ...(resource.search ? [{ code: 'search-type' }] : []),
            ...(resource.create ? [{ code: 'create' }] : []),
          ],
          ...(resource.search && {
            searchParam: [
              ...resource.search.params.map(({ name, type, documentation }) => ({ name, type, documentation })),
              ...pagingParams.map((param) => ({ ...param })),
            ],
          }),
        })),
      },
    ],
  };
}
