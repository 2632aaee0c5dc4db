// Table of contents of the HSDS 3.0.1 read API (standards/hsds/3.0.1/schema/openapi.json), under
// /hsds. Public: no sign-in (every route here says `config.public`), and only the public directory is
// read: the hsds_* tables and a service's open-slot count, never users, people or the audit log.
// Each route builds the caller's context (anonymous without an API token); the directory lists the
// matches and asks the policy, the assembler (../export) nests them into HSDS JSON.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  hsdsOrganizationsFilter,
  hsdsServiceAtLocationsFilter,
  hsdsServicesFilter,
  hsdsTaxonomiesFilter,
  hsdsTaxonomyTermsFilter,
  type HsdsRecordFilters,
} from '../../../domains/directory/index';
import type { UseCaseContext } from '../../../platform/context';
import type { Database } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import { sendProblem } from '../../../platform/http/problem';
import {
  fullOrganizations,
  fullServiceAtLocations,
  fullServices,
  minimalServices,
  organizationListItems,
  serviceAtLocationListItems,
  serviceListItems,
  taxonomies,
  taxonomyTermItems,
} from '../export/assemble';
import * as schema from './hsds.schema';
import { byId, listResponse, type Assemble } from './hsds-responses';

/** The commit of openreferral/specification that Kith implements (3.0.1; standards/SOURCES.md). */
const specCommit = '279fd2eb3552c349bf698c07c00cc25f5fc8249b';
export const hsdsMeta = {
  version: '3.0.1',
  profile: `https://github.com/openreferral/specification/tree/${specCommit}`,
  openapi_url: `https://raw.githubusercontent.com/openreferral/specification/${specCommit}/schema/openapi.json`,
};

export function hsdsRoutes(app: FastifyInstance, db: Database): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Public and read-only: no security scheme, and a per-address ceiling since nobody signs in.
  const common = { tags: ['hsds'], security: [] };
  // optionalActor: an API token, when sent, lets ndjson stream the whole directory at once.
  const config = { public: true, optionalActor: true, rateLimit: { max: 600, timeWindow: '1 minute' } };
  // Anyone may call: a caller without an API token is anonymous to the policy.
  const context = (request: FastifyRequest): UseCaseContext => ({ db, actor: request.actor ?? 'anonymous', ip: request.ip });
  const caller = (request: FastifyRequest) => ({ url: request.url });

  for (const url of ['/hsds', '/hsds/']) {
    api.get(url, {
      schema: { ...common, summary: 'HSDS API meta information', hide: url === '/hsds', querystring: schema.NoQuery },
      config,
      handler: async () => hsdsMeta,
    });
  }

  api.get('/hsds/services', {
    schema: {
      ...common,
      summary: 'Services, paginated (service_list items, or full / minimal)',
      querystring: schema.ServicesQuery,
    },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      const assemble: Assemble = query.minimal
        ? (ids) => minimalServices(db, ids)
        : query.full
          ? (ids) => fullServices(db, ids, fullServiceShape)
          : (ids) => serviceListItems(db, ids);
      return listResponse(context(request), reply, hsdsServicesFilter(recordFilters(query)), query, assemble, caller(request));
    },
  });

  api.get('/hsds/services/:id', {
    schema: { ...common, summary: 'One fully nested service', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) =>
      byId(context(request), { object: 'service', id: request.params.id, label: 'service' }, (ids) =>
        fullServices(db, ids, fullServiceShape),
      ),
  });

  api.get('/hsds/organizations', {
    schema: {
      ...common,
      summary: 'Organizations, paginated (organization_list items, or full)',
      querystring: schema.OrganizationsQuery,
    },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      // full_service asks for full services inside each organization, so it implies full.
      const assemble: Assemble =
        query.full || query.full_service
          ? (ids) => fullOrganizations(db, ids, { services: query.full_service ? 'full' : 'stubs' })
          : (ids) => organizationListItems(db, ids);
      return listResponse(context(request), reply, hsdsOrganizationsFilter(query), query, assemble, caller(request));
    },
  });

  api.get('/hsds/organizations/:id', {
    schema: {
      ...common,
      summary: 'One fully nested organization',
      params: schema.IdParams,
      querystring: schema.OrganizationQuery,
    },
    config,
    handler: async (request) =>
      byId(context(request), { object: 'organization', id: request.params.id, label: 'organization' }, (ids) =>
        fullOrganizations(db, ids, { services: request.query.full_service ? 'full' : 'stubs' }),
      ),
  });

  api.get('/hsds/service_at_locations', {
    schema: { ...common, summary: 'Services at locations, paginated', querystring: schema.ServiceAtLocationsQuery },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      const assemble: Assemble = query.full
        ? (ids) => fullServiceAtLocations(db, ids)
        : (ids) => serviceAtLocationListItems(db, ids);
      const filter = await hsdsServiceAtLocationsFilter(db, {
        ...recordFilters(query),
        postcode: query.postcode,
        proximityMetres: query.proximity,
      });
      return listResponse(context(request), reply, filter, query, assemble, caller(request));
    },
  });

  api.get('/hsds/service_at_locations/:id', {
    schema: {
      ...common,
      summary: 'One fully nested service at a location',
      params: schema.IdParams,
      querystring: schema.NoQuery,
    },
    config,
    handler: async (request) =>
      byId(context(request), { object: 'service_at_location', id: request.params.id, label: 'service_at_location' }, (ids) =>
        fullServiceAtLocations(db, ids),
      ),
  });

  api.get('/hsds/taxonomies', {
    schema: { ...common, summary: 'Taxonomies, paginated', querystring: schema.TaxonomiesQuery },
    config,
    handler: async (request, reply) =>
      listResponse(
        context(request),
        reply,
        hsdsTaxonomiesFilter(request.query),
        request.query,
        (ids) => taxonomies(db, ids),
        caller(request),
      ),
  });

  api.get('/hsds/taxonomies/:id', {
    schema: { ...common, summary: 'One taxonomy', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) =>
      byId(context(request), { object: 'taxonomy', id: request.params.id, label: 'taxonomy' }, (ids) => taxonomies(db, ids)),
  });

  api.get('/hsds/taxonomy_terms', {
    schema: {
      ...common,
      summary: 'Taxonomy terms, paginated (top_only=true: terms without a parent)',
      querystring: schema.TaxonomyTermsQuery,
    },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      const filter = hsdsTaxonomyTermsFilter({
        search: query.search,
        taxonomyId: query.taxonomy_id,
        topOnly: query.top_only,
        parentId: query.parent_id,
      });
      return listResponse(context(request), reply, filter, query, (ids) => taxonomyTermItems(db, ids), caller(request));
    },
  });

  api.get('/hsds/taxonomy_terms/:id', {
    schema: {
      ...common,
      summary: 'One taxonomy term, with its taxonomy_detail',
      params: schema.IdParams,
      querystring: schema.NoQuery,
    },
    config,
    handler: async (request) =>
      byId(context(request), { object: 'taxonomy_term', id: request.params.id, label: 'taxonomy term' }, (ids) =>
        taxonomyTermItems(db, ids),
      ),
  });

  // Anything else under /hsds is a problem+json 404, not the web app's index page.
  app.get('/hsds/*', { schema: { hide: true }, config }, async (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(
      reply,
      request,
      new AppError('not_found', `Nothing at GET ${request.url.split('?')[0]}; see GET /hsds/ for this API.`),
    ),
  );
}

/** The HSDS API's record filters, as the directory names them. */
function recordFilters(query: schema.ServicesQuery | schema.ServiceAtLocationsQuery): HsdsRecordFilters {
  return {
    search: query.search,
    taxonomyTermId: query.taxonomy_term_id,
    taxonomyId: query.taxonomy_id,
    organizationId: query.organization_id,
    modifiedAfter: query.modified_after,
  };
}

/** A full service as GET /services/{id} gives it: full organization{}, its places, its capacity. */
const fullServiceShape = { organization: 'full', serviceAtLocations: true, capacity: true } as const;
