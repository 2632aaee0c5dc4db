// Table of contents of the directory's Kith API: search, details, need domains, intake updates.
// Each route builds the context of its signed-in actor, calls one use case (which asks the
// policy), and hands the answer to the presenter.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/authenticate';
import type { UseCaseContext } from '../../platform/context';
import type { Database } from '../../platform/db/database';
import { addNeedDomainRule } from './add-need-domain-rule';
import * as present from './directory.presenter';
import * as schema from './directory.schema';
import { linkDirectoryOrganization } from './link-directory-organization';
import { listNeedDomainRules } from './list-need-domain-rules';
import { listNeedDomains } from './list-need-domains';
import { listPlaceholderOrganizations } from './list-placeholder-organizations';
import { readDirectoryOrganization } from './read-directory-organization';
import { readKeptOrganizations } from './read-kept-organizations';
import { readService } from './read-service';
import { removeNeedDomainRule } from './remove-need-domain-rule';
import { searchDirectory } from './search-directory';
import { updateIntake } from './update-intake';
import { updateOrganizationDetails } from './update-organization-details';
import { updateServiceDetails } from './update-service-details';

export interface DirectoryRouteOptions {
  db: Database;
  /** The network's time zone: opening hours are local times. */
  timeZone: string;
}

export function directoryRoutes(app: FastifyInstance, options: DirectoryRouteOptions): void {
  const { db, timeZone } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  // The directory is for signed-in users of the network: no actor, no answer (fails closed).
  const context = (request: FastifyRequest): UseCaseContext => ({ db, actor: actorOf(request), ip: request.ip });
  const tags = ['directory'];

  api.get('/api/directory/need-domains', {
    schema: {
      tags,
      summary: 'The social-need domains a search can filter by',
      response: { 200: z.object({ items: z.array(schema.NeedDomain) }) },
    },
    handler: async (request) => ({ items: await listNeedDomains(context(request)) }),
  });

  api.get('/api/directory/search', {
    schema: {
      tags,
      summary: 'Search services: words (typos tolerated), need, distance, hours, language, intake, capacity',
      querystring: schema.SearchQuery,
      response: { 200: schema.SearchAnswer },
    },
    handler: async (request) =>
      present.presentSearchAnswer(await searchDirectory(context(request), { query: request.query, timeZone })),
  });

  api.get('/api/directory/search.csv', {
    schema: { tags, summary: 'The same search as CSV, for spreadsheets', querystring: schema.SearchQuery },
    handler: async (request, reply) => {
      const search = await searchDirectory(context(request), { query: { ...request.query, limit: 100 }, timeZone });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kith-directory-search.csv"')
        .send(present.presentSearchCsv(search, { timeZone }));
    },
  });

  api.get('/api/directory/services/:serviceId', {
    schema: {
      tags,
      summary: 'A service with its locations, hours, intake and capacity history',
      params: schema.ServiceIdParams,
      response: { 200: schema.ServiceDetail },
    },
    handler: async (request) =>
      present.presentService(await readService(context(request), { serviceId: request.params.serviceId })),
  });

  api.patch('/api/directory/services/:serviceId/intake', {
    schema: {
      tags,
      summary: "Update a service's room (capacity), whether it takes referrals, and how to refer",
      params: schema.ServiceIdParams,
      body: schema.UpdateIntakeBody,
      response: { 200: schema.Intake },
    },
    handler: async (request) =>
      present.presentIntake(await updateIntake(context(request), { serviceId: request.params.serviceId, body: request.body })),
  });

  api.patch('/api/directory/services/:serviceId/details', {
    schema: {
      tags,
      summary: "Change a service's details in Kith (its partner's staff): kept over the source's values through later imports",
      params: schema.ServiceIdParams,
      body: schema.UpdateServiceDetailsBody,
      response: { 200: schema.ServiceDetail },
    },
    handler: async (request) =>
      present.presentService(
        await updateServiceDetails(context(request), { serviceId: request.params.serviceId, body: request.body }),
      ),
  });

  api.get('/api/directory/need-domain-rules', {
    schema: {
      tags,
      summary: 'How taxonomy terms map onto need domains (network admins)',
      response: { 200: z.object({ items: z.array(schema.NeedDomainRule) }) },
    },
    handler: async (request) => ({ items: (await listNeedDomainRules(context(request))).map(present.presentNeedDomainRule) }),
  });

  api.post('/api/directory/need-domain-rules', {
    schema: {
      tags,
      summary: 'Map a taxonomy term, or every term containing a keyword, onto a need domain',
      body: schema.NeedDomainRuleBody,
      response: { 201: schema.NeedDomainRule },
    },
    handler: async (request, reply) =>
      reply.code(201).send(present.presentNeedDomainRule(await addNeedDomainRule(context(request), { body: request.body }))),
  });

  api.delete('/api/directory/need-domain-rules/:ruleId', {
    schema: { tags, summary: 'Remove a need-domain rule', params: schema.RuleIdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await removeNeedDomainRule(context(request), { ruleId: request.params.ruleId });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/directory/placeholder-organizations', {
    schema: {
      tags,
      summary: 'Organisations imported data named and did not have, kept as stand-ins to fix (network admins)',
      response: { 200: z.object({ items: z.array(schema.PlaceholderOrganization) }) },
    },
    handler: async (request) => ({
      items: (await listPlaceholderOrganizations(context(request))).map(present.presentPlaceholderOrganization),
    }),
  });

  api.put('/api/directory/organizations/:organizationId/link', {
    schema: {
      tags,
      summary: 'Link a directory organisation to the network organisation that keeps its capacity (null unlinks)',
      params: schema.OrganizationIdParams,
      body: schema.LinkOrganizationBody,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await linkDirectoryOrganization(context(request), {
        hsdsOrganizationId: request.params.organizationId,
        organizationId: request.body.organizationId,
      });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/directory/kept-organizations', {
    schema: {
      tags,
      summary: "The directory organisations the signed-in user's organisation keeps, with each service's room",
      response: { 200: schema.KeptOrganizations },
    },
    handler: async (request) => present.presentKeptOrganizations(await readKeptOrganizations(context(request))),
  });

  api.patch('/api/directory/organizations/:organizationId/details', {
    schema: {
      tags,
      summary: "Change a directory organisation's description, web site or email in Kith (its partner's staff)",
      params: schema.OrganizationIdParams,
      body: schema.UpdateOrganizationDetailsBody,
      response: { 200: schema.OrganizationDetail },
    },
    handler: async (request) =>
      present.presentDirectoryOrganization(
        await updateOrganizationDetails(context(request), { organizationId: request.params.organizationId, body: request.body }),
      ),
  });

  api.get('/api/directory/organizations/:organizationId', {
    schema: {
      tags,
      summary: 'A directory organisation with its services',
      params: schema.OrganizationIdParams,
      response: { 200: schema.OrganizationDetail },
    },
    handler: async (request) =>
      present.presentDirectoryOrganization(
        await readDirectoryOrganization(context(request), { organizationId: request.params.organizationId }),
      ),
  });
}
