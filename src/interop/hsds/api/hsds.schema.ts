// Query parameters of the HSDS read API, as the HSDS 3.0.1 OpenAPI document lists them per path,
// with bounds the spec leaves open: a parameter the path does not list, or a value out of bounds,
// is a 400 problem+json naming the field, never a slow query or a 5xx.
import { z } from 'zod';
import { isRealInstant } from '../../../platform/http/dates';
import { oneLineText } from '../../../platform/http/text';

const flag = z.enum(['true', 'false'], 'must be true or false').transform((value) => value === 'true');
// Any 8-4-4-4-12 hex id, as HSDS's format: uuid allows (z.uuid() would insist on an RFC version digit).
const uuid = z.guid('must be a UUID');

const search = oneLineText().max(200, 'must be at most 200 characters').optional();
const page = z.coerce
  .number('must be a whole number')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100_000, 'must be at most 100000')
  .default(1);
const perPage = z.coerce
  .number('must be a whole number')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(500, 'must be at most 500')
  .default(50);
const format = z.enum(['json', 'ndjson'], 'must be json or ndjson').default('json');

/** RFC 3339 / ISO 8601, with or without an offset, or a bare date; passed on as UTC. */
const modifiedAfter = z
  .string()
  .max(40, 'must be at most 40 characters')
  .regex(
    /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/i,
    'must be an ISO 8601 date or date-time',
  )
  .refine(isRealInstant, 'must be an ISO 8601 date or date-time')
  .transform((value) => new Date(Date.parse(value)).toISOString());

const paged = { search, page, per_page: perPage, format };
const recordFilters = {
  taxonomy_term_id: uuid.optional(),
  taxonomy_id: uuid.optional(),
  organization_id: uuid.optional(),
  modified_after: modifiedAfter.optional(),
};

export const ServicesQuery = z
  .strictObject({ ...paged, ...recordFilters, minimal: flag.optional(), full: flag.optional() })
  .refine((query) => !(query.minimal && query.full), { message: 'cannot be combined with full', path: ['minimal'] });
export type ServicesQuery = z.output<typeof ServicesQuery>;

export const OrganizationsQuery = z.strictObject({ ...paged, full: flag.optional(), full_service: flag.optional() });
export type OrganizationsQuery = z.output<typeof OrganizationsQuery>;

export const OrganizationQuery = z.strictObject({ full_service: flag.optional() });

export const ServiceAtLocationsQuery = z
  .strictObject({
    ...paged,
    ...recordFilters,
    full: flag.optional(),
    postcode: oneLineText().min(1, 'must not be empty').max(20, 'must be at most 20 characters').optional(),
    // Metres from the postcode's centroid: up to 500 km, which covers any one region.
    proximity: z.coerce
      .number('must be a number of metres')
      .min(0, 'must be at least 0')
      .max(500_000, 'must be at most 500000')
      .optional(),
  })
  .refine((query) => query.proximity === undefined || query.postcode !== undefined, {
    message: 'needs a postcode to measure from',
    path: ['proximity'],
  });
export type ServiceAtLocationsQuery = z.output<typeof ServiceAtLocationsQuery>;

export const TaxonomiesQuery = z.strictObject(paged);
export type TaxonomiesQuery = z.output<typeof TaxonomiesQuery>;

export const TaxonomyTermsQuery = z.strictObject({
  ...paged,
  taxonomy_id: uuid.optional(),
  // Kith reads top_only by its name: terms with no parent_id (the roots of each taxonomy).
  top_only: flag.optional(),
  parent_id: uuid.optional(),
});
export type TaxonomyTermsQuery = z.output<typeof TaxonomyTermsQuery>;

/** By-id paths take no query parameters (except full_service on organizations). */
export const NoQuery = z.strictObject({});

/** Any string is accepted here; one that is not a UUID names no HSDS record, so it is a 404. */
export const IdParams = z.strictObject({ id: oneLineText().max(200) });
