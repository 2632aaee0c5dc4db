// The audit writer. Rows are only ever inserted (a trigger refuses UPDATE, DELETE and TRUNCATE).
// Call it inside the use case's transaction so that the record and its audit row commit together.
import type { Queryable } from '../db/database';
import type { Actor } from '../auth/actor';
import { insertAuditRow, type AuditOutcome } from './audit.store';

export type { AuditOutcome } from './audit.store';

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
  /**
   * The row is not shown to the admins of the actor's organisation: a refusal answered as 404,
   * whose row would otherwise tell them that the other organisation's record exists.
   */
  hiddenFromActorOrganization?: boolean;
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
  await insertAuditRow(q, {
    actor_kind: actor ? (actor.via === 'token' ? 'token' : 'user') : user ? 'user' : (context.fallbackKind ?? 'anonymous'),
    actor_user_id: actor?.userId ?? user?.userId ?? null,
    actor_organization_id: actor?.organizationId ?? user?.organizationId ?? null,
    ip: context.ip ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'success',
    record_type: entry.recordType ?? null,
    record_id: entry.recordId ?? null,
    record_organization_id: entry.recordOrganizationId ?? null,
    person_id: entry.personId ?? null,
    details: entry.details ?? {},
    hidden_from_actor_organization: entry.hiddenFromActorOrganization ?? false,
  });
}

/**
 * Refusals that anyone can cause without an account (no credentials, a failed CSRF check, an
 * address over its rate limit) are written once per address, action and route per window: the
 * first refusal is on the log with `details.coalesced`, and the same refusals in the rest of the
 * window are not, so a flood of anonymous requests cannot fill the append-only log. Kept per
 * process: with two processes, each writes its first one.
 */
export function coalescedAudit(windowMs = 60_000, maxKeys = 10_000) {
  const lastWritten = new Map<string, number>();
  return async (q: Queryable, key: string, context: AuditContext, entry: AuditEntry): Promise<void> => {
    const now = Date.now();
    const previous = lastWritten.get(key);
    if (previous !== undefined && now - previous < windowMs) return;
    if (lastWritten.size >= maxKeys) {
      for (const [stale, at] of lastWritten) if (now - at >= windowMs) lastWritten.delete(stale);
      if (lastWritten.size >= maxKeys) lastWritten.clear();
    }
    lastWritten.set(key, now);
    await audit(q, context, {
      ...entry,
      details: { ...entry.details, coalesced: `one row per address per ${windowMs / 1000} s` },
    });
  };
}
