// The audit writer. Rows are only ever inserted (a trigger refuses UPDATE, DELETE and TRUNCATE).
// Call it inside the use case's transaction so that the record and its audit row commit together.
import type { Queryable } from '../db/database';
import type { Actor } from '../auth/actor';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  /** What was done, as `record.verb`: `user.create`, `session.sign_in`, `person.read`. */
  action: string;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  recordOrganizationId?: string;
  /** Whose personal data this touched, when it is a person served by the program. */
  personId?: string;
  /** Non-personal context: field names changed, reasons, counts. Never values of personal data. */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  actor?: Actor;
  /** The user acting when there is no Actor yet (the moment of signing in). */
  user?: { userId: string; organizationId: string };
  ip?: string;
  /** Who acted when no user did: `system` (CLI, jobs) or `anonymous` (a failed sign-in). */
  fallbackKind?: 'system' | 'anonymous';
}

export async function audit(q: Queryable, context: AuditContext, entry: AuditEntry): Promise<void> {
  const { actor, user } = context;
  await q.query(
    `INSERT INTO audit_log (actor_kind, actor_user_id, actor_organization_id, ip, action, outcome,
                            record_type, record_id, record_organization_id, person_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      actor ? (actor.via === 'token' ? 'token' : 'user') : user ? 'user' : (context.fallbackKind ?? 'anonymous'),
      actor?.userId ?? user?.userId ?? null,
      actor?.organizationId ?? user?.organizationId ?? null,
      context.ip ?? null,
      entry.action,
      entry.outcome ?? 'success',
      entry.recordType ?? null,
      entry.recordId ?? null,
      entry.recordOrganizationId ?? null,
      entry.personId ?? null,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
