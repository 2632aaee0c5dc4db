// The resource registry: every FHIR resource type Kith serves, with its interactions and search
// parameters. The routes (fhir.routes.ts) and the CapabilityStatement are both built from this one
// list, so the statement lists exactly what is served. A new resource type is one more entry in
// `resources` below, made from use cases its domain exports through its index.ts.
import type { z } from 'zod';
import type { UseCaseContext } from '../../platform/context';
import { conditionResource } from './condition.resource';
import { consentResource } from './consent.resource';
import { observationResource } from './observation.resource';
import { goalResource } from './goal.resource';
import { patientResource } from './patient.resource';
import { questionnaireResource } from './questionnaire.resource';
import { questionnaireResponseResource } from './questionnaire-response.resource';

export type FhirResource = Record<string, unknown> & { resourceType: string; id: string };

export interface SearchParam {
  name: string;
  type: 'string' | 'date' | 'token' | 'reference' | 'number' | 'uri';
  documentation: string;
  /** The query's schema for this parameter (strings as sent; the handler reads them). */
  schema: z.ZodType;
  /** The parameter may be given more than once (a date range: `authored=ge…&authored=le…`). */
  repeats?: boolean;
}

export interface SearchPage {
  resources: FhirResource[];
  nextCursor: string | null;
}

export interface FhirResourceType {
  type: string;
  /** The path parameter of a read: named as the id it is elsewhere (`personId`), so the consent matrix and the fuzzer know it. */
  idParam: string;
  /** The ids a read accepts (default: a UUID, as Kith gives out); any other id names nothing. */
  readId?: RegExp;
  /** The profile the resources are shaped after (told in the CapabilityStatement's documentation). */
  shapedAfter?: string;
  documentation: string;
  read?: (context: UseCaseContext, id: string) => Promise<FhirResource>;
  search?: {
    params: SearchParam[];
    run: (
      context: UseCaseContext,
      /** Each parameter's value (the first, for one that repeats). */
      query: Record<string, string | undefined>,
      page: { count: number; cursor?: string },
      /** Every value of each parameter, as sent (empty when absent). */
      all: Record<string, string[]>,
    ) => Promise<SearchPage>;
  };
  create?: (context: UseCaseContext, body: unknown) => Promise<FhirResource>;
  /** What the create does, for the API document. */
  createSummary?: string;
}

/** The resource types served, in the order the CapabilityStatement lists them. */
export const resources: FhirResourceType[] = [
  patientResource,
  consentResource,
  questionnaireResource,
  questionnaireResponseResource,
  observationResource,
  conditionResource,
  goalResource,
];
