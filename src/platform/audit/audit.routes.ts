// Table of contents of the audit query API (admins).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../auth/authenticate';
import type { Database } from '../db/database';
import { presentAuditEntry } from './audit.presenter';
import * as schema from './audit.schema';
import { readAuditLog } from './read-audit-log';

export function auditRoutes(app: FastifyInstance, db: Database): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Query the audit log (admins), newest first',
      querystring: schema.AuditQuery,
      response: { 200: schema.AuditPage },
    },
    handler: async (request) => {
      const page = await readAuditLog(contextOf(request, db), { query: request.query });
      return {
        items: page.items.map((row) => presentAuditEntry(row, page.actorNames, page.recordName)),
        nextCursor: page.nextCursor,
      };
    },
  });
}
