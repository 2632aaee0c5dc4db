// What every use case receives: the database and who is acting. `system` is the operator at the
// CLI (or a job), who already holds the database's keys and is not subject to the policy.
import type { Actor } from './auth/actor';
import type { AuditContext } from './audit/audit';
import type { Db } from './db/database';
import { authorize, type Guarded } from './policy/policy';

export interface UseCaseContext {
  db: Db;
  actor: Actor | 'system';
  ip?: string;
}

export function auditContextOf(context: UseCaseContext): AuditContext {
  return context.actor === 'system'
    ? { fallbackKind: 'system', ip: context.ip }
    : { actor: context.actor, ip: context.ip };
}

/** The policy check of a use case; the `system` actor (the operator at the CLI) passes. */
export async function authorizeFor(
  context: UseCaseContext,
  action: string,
  record: Guarded,
  recordType: string,
): Promise<void> {
  if (context.actor === 'system') return;
  authorize(context.actor, action, record, { recordType });
}
