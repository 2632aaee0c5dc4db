// What every use case receives: the database and who is acting. `system` is the operator at the
// CLI (or a job), who already holds the database's keys and is not subject to the policy.
// `anonymous` is someone who is not signed in (signing in, a public route): the policy lets them
// do only what a rule says anyone may do.
import type { Actor } from './auth/actor';
import type { AuditContext } from './audit/audit';
import type { Db } from './db/database';
import { authorize, type PolicyAction, type RecordOf } from './policy/policy';

export interface UseCaseContext {
  db: Db;
  actor: Actor | 'system' | 'anonymous';
  ip?: string;
}

/** The props of a use case that needs nothing but its context (signing out). */
export type NoProps = Record<string, never>;

/** The signed-in actor of a context; undefined for the operator at the CLI and for anonymous callers. */
export function signedInActor(context: UseCaseContext): Actor | undefined {
  return typeof context.actor === 'string' ? undefined : context.actor;
}

export function auditContextOf(context: UseCaseContext): AuditContext {
  return typeof context.actor === 'string'
    ? { fallbackKind: context.actor, ip: context.ip }
    : { actor: context.actor, ip: context.ip };
}

/** The policy check of a use case; the `system` actor (the operator at the CLI) passes. */
export async function authorizeFor<A extends PolicyAction>(
  context: UseCaseContext,
  action: A,
  record: RecordOf<A>,
  recordType: string,
): Promise<void> {
  if (context.actor === 'system') return;
  authorize(context.actor, action, record, { recordType });
}
