// Table of contents of the directory's Kith API: search, details, need domains, intake updates.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/authenticate';
import type { UseCaseContext } from '../../platform/context';
import { authorize } from '../../platform/policy/policy';
import type { Database } from '../../platform/db/database';
import * as schema from './directory.schema';
import { listNeedDomains } from './directory.store';
import { presentIntake, readDirectoryOrganization, readService } from './read-directory';
import { searchDirectory } from './search';
import { updateIntake } from './update-intake';
import { addNeedDomainRule, linkOrganization, listNeedDomainRules, removeNeedDomainRule, type NeedDomainRuleRow } from './manage-directory';

function presentRule(row: NeedDomainRuleRow) {
  return {
    id: row.id,
    needDomain: row.need_domain,
    taxonomyTermId: row.taxonomy_term_id,
    taxonomyTermName: row.taxonomy_term_name,
    keyword: row.keyword,
    createdAt: row.created_at.toISOString(),
  };
}

export interface DirectoryRouteOptions {
  db: Database;
  timeZone: string;
}

const csvColumns = [
  'service',
  'organization',
  'address',
  'distance_km',
  'open_now',
  'need_domains',
  'languages',
  'accepting_referrals',
  'capacity',
  'capacity_updated_at',
  'how_to_refer',
  'referral_phone',
  'referral_email',
];

export function directoryRoutes(app: FastifyInstance, options: DirectoryRouteOptions): void {
  const { db } = options;
  const api = app.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest): UseCaseContext => ({ db, actor: actorOf(request), ip: request.ip });
  const tags = ['directory'];
  // The directory is for signed-in users of the network: no actor, no answer (fails closed).
  const readable = (request: FastifyRequest) =>
    authorize(actorOf(request), 'directory.read', {}, { recordType: 'directory', refuseAs: 'forbidden' });

  api.get('/api/directory/need-domains', {
    schema: { tags, summary: 'The social-need domains a search can filter by', response: { 200: z.object({ items: z.array(schema.NeedDomain) }) } },
    handler: async (request) => {
      readable(request);
      return { items: await listNeedDomains(db) };
    },
  });

  api.get('/api/directory/search', {
    schema: { tags, summary: 'Search services: words (typos tolerated), need, distance, hours, language, intake, capacity', querystring: schema.SearchQuery, response: { 200: schema.SearchAnswer } },
    handler: async (request) => {
      readable(request);
      return searchDirectory(db, request.query, { timeZone: options.timeZone });
    },
  });

  api.get('/api/directory/search.csv', {
    schema: { tags, summary: 'The same search as CSV, for spreadsheets', querystring: schema.SearchQuery },
    handler: async (request, reply) => {
      readable(request);
      const answer = await searchDirectory(db, { ...request.query, limit: 100 }, { timeZone: options.timeZone });
      const rows = answer.items.map((item) => [
        item.serviceName,
        item.organizationName,
        item.address,
        item.distanceKm,
        item.openNow === null ? 'unknown' : item.openNow ? 'yes' : 'no',
        item.needDomains.map((domain) => domain.name).join('; '),
        item.languages.join('; '),
        item.acceptingReferrals ? 'yes' : 'no',
        item.capacity?.status ?? '',
        item.capacity?.updatedAt ?? '',
        item.howToRefer.join('; '),
        item.referralContact.phone,
        item.referralContact.email,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kith-directory-search.csv"')
        .send(stringify(rows, { header: true, columns: csvColumns, cast: { boolean: (value) => (value ? 'yes' : 'no') } }));
    },
  });

  api.get('/api/directory/services/:serviceId', {
    schema: { tags, summary: 'A service with its locations, hours, intake and capacity history', params: schema.ServiceIdParams, response: { 200: schema.ServiceDetail } },
    handler: async (request) => readService(context(request), request.params.serviceId),
  });

  api.patch('/api/directory/services/:serviceId/intake', {
    schema: { tags, summary: "Update a service's room (capacity), whether it takes referrals, and how to refer", params: schema.ServiceIdParams, body: schema.UpdateIntakeBody, response: { 200: schema.Intake } },
    handler: async (request) => presentIntake(await updateIntake(context(request), { serviceId: request.params.serviceId, body: request.body })),
  });

  api.get('/api/directory/need-domain-rules', {
    schema: { tags, summary: 'How taxonomy terms map onto need domains (network admins)', response: { 200: z.object({ items: z.array(schema.NeedDomainRule) }) } },
    handler: async (request) => ({ items: (await listNeedDomainRules(context(request))).map(presentRule) }),
  });

  api.post('/api/directory/need-domain-rules', {
    schema: { tags, summary: 'Map a taxonomy term, or every term containing a keyword, onto a need domain', body: schema.NeedDomainRuleBody, response: { 201: schema.NeedDomainRule } },
    handler: async (request, reply) => reply.code(201).send(presentRule(await addNeedDomainRule(context(request), request.body))),
  });

  api.delete('/api/directory/need-domain-rules/:ruleId', {
    schema: { tags, summary: 'Remove a need-domain rule', params: schema.RuleIdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await removeNeedDomainRule(context(request), { ruleId: request.params.ruleId });
      return reply.code(204).send(null);
    },
  });

  api.put('/api/directory/organizations/:organizationId/link', {
    schema: { tags, summary: 'Link a directory organisation to the network organisation that keeps its capacity (null unlinks)', params: schema.OrganizationIdParams, body: schema.LinkOrganizationBody, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await linkOrganization(context(request), { hsdsOrganizationId: request.params.organizationId, organizationId: request.body.organizationId });
      return reply.code(204).send(null);
    },
  });

  api.get('/api/directory/organizations/:organizationId', {
    schema: { tags, summary: 'A directory organisation with its services', params: schema.OrganizationIdParams, response: { 200: schema.OrganizationDetail } },
    handler: async (request) => readDirectoryOrganization(context(request), request.params.organizationId),
  });
}
