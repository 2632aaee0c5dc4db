// The audit log, for admins: network admins read every row; an organisation's admin reads the
// rows of their own organisation's users and of their organisation's records.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/authenticate';
import { audit } from './audit';
import { hasRole, isNetworkAdmin } from '../auth/actor';
import type { Database } from '../db/database';
import { AppError } from '../http/app-error';
import { isoDateTime } from '../http/dates';
import { decodeCursor, encodeCursor, PageQuery } from '../http/pagination';
import { oneLineText } from '../http/text';
import { authorize, registerRules } from '../policy/policy';

registerRules({
  'audit.read': (actor) => hasRole(actor, 'admin'),
});

export const AuditQuery = PageQuery.extend({
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]+$/, 'may hold only a-z, _ and .')
    .optional(),
  outcome: z.enum(['success', 'denied', 'failure']).optional(),
  actorUserId: z.uuid('must be a UUID').optional(),
  recordType: oneLineText().max(50).optional(),
  recordId: oneLineText().max(100).optional(),
  personId: z.uuid('must be a UUID').optional(),
  from: isoDateTime().optional(),
  to: isoDateTime().optional(),
}).strict();

export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.enum(['user', 'token', 'system', 'anonymous']),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrganizationId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['success', 'denied', 'failure']),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  recordOrganizationId: z.string().nullable(),
  personId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
}).meta({ id: 'AuditEntry' });

interface AuditRow {
  id: number;
  at: Date;
  actor_kind: 'user' | 'token' | 'system' | 'anonymous';
  actor_user_id: string | null;
  actor_name: string | null;
  actor_organization_id: string | null;
  ip: string | null;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  record_type: string | null;
  record_id: string | null;
  record_organization_id: string | null;
  person_id: string | null;
  details: Record<string, unknown>;
}

export function auditRoutes(app: FastifyInstance, db: Database): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Query the audit log (admins), newest first',
      querystring: AuditQuery,
      response: { 200: z.object({ items: z.array(AuditEntry), nextCursor: z.string().nullable() }) },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      authorize(
        actor,
        'audit.read',
        { organizationId: actor.organizationId },
        { recordType: 'audit_log', refuseAs: 'forbidden' },
      );
      const query = request.query;
      const before = decodeCursor(query.cursor, ['id'])?.[0];
      if (query.from && query.to && query.from > query.to) throw AppError.field('query.to', 'must not be before from');
      const { limit: _limit, cursor: _cursor, ...filters } = query;
      // The actor's display name comes from users: the log keeps ids, the page wants names.
      // Reading the log is itself written to it, in the same transaction (after the read, so a
      // page does not list its own reading).
      const rows = await db.tx(async (q) => {
        const found = await q.query<AuditRow>(
          `SELECT a.*, u.display_name AS actor_name
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
          WHERE ($1::bigint IS NULL OR a.id < $1)
            AND ($2::uuid IS NULL OR a.record_organization_id = $2
                 OR (a.actor_organization_id = $2 AND NOT a.hidden_from_actor_organization))
            AND ($3::text IS NULL OR a.action = $3)
            AND ($4::text IS NULL OR a.outcome = $4)
            AND ($5::uuid IS NULL OR a.actor_user_id = $5)
            AND ($6::text IS NULL OR a.record_type = $6)
            AND ($7::text IS NULL OR a.record_id = $7)
            AND ($8::uuid IS NULL OR a.person_id = $8)
            AND ($9::timestamptz IS NULL OR a.at >= $9)
            AND ($10::timestamptz IS NULL OR a.at < $10)
          ORDER BY a.id DESC LIMIT $11`,
          [
            before ?? null,
            isNetworkAdmin(actor) ? null : actor.organizationId,
            query.action ?? null,
            query.outcome ?? null,
            query.actorUserId ?? null,
            query.recordType ?? null,
            query.recordId ?? null,
            query.personId ?? null,
            query.from ?? null,
            query.to ?? null,
            query.limit + 1,
          ],
        );
        await audit(
          q,
          { actor, ip: request.ip },
          {
            action: 'audit.read',
            recordType: 'audit_log',
            recordOrganizationId: actor.organizationId,
            personId: query.personId,
            details: { filters: Object.keys(filters).sort(), page: query.cursor ? 'next' : 'first' },
          },
        );
        return found;
      });
      const items = rows.slice(0, query.limit);
      const last = items[items.length - 1];
      return {
        items: items.map((row) => ({
          id: row.id,
          at: row.at.toISOString(),
          actorKind: row.actor_kind,
          actorUserId: row.actor_user_id,
          actorName: row.actor_name,
          actorOrganizationId: row.actor_organization_id,
          ip: row.ip,
          action: row.action,
          outcome: row.outcome,
          recordType: row.record_type,
          recordId: row.record_id,
          recordOrganizationId: row.record_organization_id,
          personId: row.person_id,
          details: row.details,
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
      };
    },
  });
}
