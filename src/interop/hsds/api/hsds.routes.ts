// Table of contents of the HSDS 3.0.1 read API (standards/hsds/3.0.1/schema/openapi.json), under
// /hsds. Public: no sign-in (every route here says `config.public`), and only the public directory is
// read: the hsds_* tables and a service's open-slot count, never users, people or the audit log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { organizationsFilter, serviceAtLocationsFilter, servicesFilter, taxonomiesFilter, taxonomyTermsFilter } from './hsds-queries';
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
  const caller = (request: FastifyRequest) => ({ signedIn: request.actor !== undefined, url: request.url });

  for (const url of ['/hsds', '/hsds/']) {
    api.get(url, {
      schema: { ...common, summary: 'HSDS API meta information', hide: url === '/hsds', querystring: schema.NoQuery },
      config,
      handler: async () => hsdsMeta,
    });
  }

  api.get('/hsds/services', {
    schema: { ...common, summary: 'Services, paginated (service_list items, or full / minimal)', querystring: schema.ServicesQuery },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      const assemble: Assemble = query.minimal
        ? (ids) => minimalServices(db, ids)
        : query.full
          ? (ids) => fullServices(db, ids, fullServiceShape)
          : (ids) => serviceListItems(db, ids);
      return listResponse(db, reply, servicesFilter(query), query, assemble, caller(request));
    },
  });

  api.get('/hsds/services/:id', {
    schema: { ...common, summary: 'One fully nested service', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) => byId(request.params.id, 'service', (ids) => fullServices(db, ids, fullServiceShape)),
  });

  api.get('/hsds/organizations', {
    schema: { ...common, summary: 'Organizations, paginated (organization_list items, or full)', querystring: schema.OrganizationsQuery },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      // full_service asks for full services inside each organization, so it implies full.
      const assemble: Assemble =
        query.full || query.full_service
          ? (ids) => fullOrganizations(db, ids, { services: query.full_service ? 'full' : 'stubs' })
          : (ids) => organizationListItems(db, ids);
      return listResponse(db, reply, organizationsFilter(query), query, assemble, caller(request));
    },
  });

  api.get('/hsds/organizations/:id', {
    schema: { ...common, summary: 'One fully nested organization', params: schema.IdParams, querystring: schema.OrganizationQuery },
    config,
    handler: async (request) =>
      byId(request.params.id, 'organization', (ids) =>
        fullOrganizations(db, ids, { services: request.query.full_service ? 'full' : 'stubs' }),
      ),
  });

  api.get('/hsds/service_at_locations', {
    schema: { ...common, summary: 'Services at locations, paginated', querystring: schema.ServiceAtLocationsQuery },
    config,
    handler: async (request, reply) => {
      const { query } = request;
      const assemble: Assemble = query.full ? (ids) => fullServiceAtLocations(db, ids) : (ids) => serviceAtLocationListItems(db, ids);
      return listResponse(db, reply, await serviceAtLocationsFilter(db, query), query, assemble, caller(request));
    },
  });

  api.get('/hsds/service_at_locations/:id', {
    schema: { ...common, summary: 'One fully nested service at a location', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) => byId(request.params.id, 'service_at_location', (ids) => fullServiceAtLocations(db, ids)),
  });

  api.get('/hsds/taxonomies', {
    schema: { ...common, summary: 'Taxonomies, paginated', querystring: schema.TaxonomiesQuery },
    config,
    handler: async (request, reply) =>
      listResponse(db, reply, taxonomiesFilter(request.query), request.query, (ids) => taxonomies(db, ids), caller(request)),
  });

  api.get('/hsds/taxonomies/:id', {
    schema: { ...common, summary: 'One taxonomy', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) => byId(request.params.id, 'taxonomy', (ids) => taxonomies(db, ids)),
  });

  api.get('/hsds/taxonomy_terms', {
    schema: { ...common, summary: 'Taxonomy terms, paginated (top_only=true: terms without a parent)', querystring: schema.TaxonomyTermsQuery },
    config,
    handler: async (request, reply) =>
      listResponse(db, reply, taxonomyTermsFilter(request.query), request.query, (ids) => taxonomyTermItems(db, ids), caller(request)),
  });

  api.get('/hsds/taxonomy_terms/:id', {
    schema: { ...common, summary: 'One taxonomy term, with its taxonomy_detail', params: schema.IdParams, querystring: schema.NoQuery },
    config,
    handler: async (request) => byId(request.params.id, 'taxonomy term', (ids) => taxonomyTermItems(db, ids)),
  });

  // Anything else under /hsds is a problem+json 404, not the web app's index page.
  app.get('/hsds/*', { schema: { hide: true }, config }, async (request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(reply, request, new AppError('not_found', `Nothing at GET ${request.url.split('?')[0]}; see GET /hsds/ for this API.`)),
  );
}

/** A full service as GET /services/{id} gives it: full organization{}, its places, its capacity. */
const fullServiceShape = { organization: 'full', serviceAtLocations: true, capacity: true } as const;
