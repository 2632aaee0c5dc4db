// Table of contents of the directory's Kith API: search, details, need domains, intake updates.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/authenticate';
import type { UseCaseContext } from '../../platform/context';
import type { Database } from '../../platform/db/database';
import * as schema from './directory.schema';
import { listNeedDomains } from './directory.store';
import { presentIntake, readDirectoryOrganization, readService } from './read-directory';
import { searchDirectory } from './search';
import { updateIntake } from './update-intake';

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

  api.get('/api/directory/need-domains', {
    schema: { tags, summary: 'The social-need domains a search can filter by', response: { 200: z.object({ items: z.array(schema.NeedDomain) }) } },
    handler: async () => ({ items: await listNeedDomains(db) }),
  });

  api.get('/api/directory/search', {
    schema: { tags, summary: 'Search services: words (typos tolerated), need, distance, hours, language, intake, capacity', querystring: schema.SearchQuery, response: { 200: schema.SearchAnswer } },
    handler: async (request) => searchDirectory(db, request.query, { timeZone: options.timeZone }),
  });

  api.get('/api/directory/search.csv', {
    schema: { tags, summary: 'The same search as CSV, for spreadsheets', querystring: schema.SearchQuery },
    handler: async (request, reply) => {
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

  api.get('/api/directory/organizations/:organizationId', {
    schema: { tags, summary: 'A directory organisation with its services', params: schema.OrganizationIdParams, response: { 200: schema.OrganizationDetail } },
    handler: async (request) => readDirectoryOrganization(context(request), request.params.organizationId),
  });
}
