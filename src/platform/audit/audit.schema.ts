// Request and response schemas of the audit query API.
import { z } from 'zod';
import { isoDateTime } from '../http/dates';
import { PageQuery, pageSchema } from '../http/pagination';
import { oneLineText } from '../http/text';

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
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z
  .object({
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
    /** The record's name now (null when it has none or no longer exists). */
    recordName: z.string().nullable(),
    recordOrganizationId: z.string().nullable(),
    personId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageSchema(AuditEntry);
