// What every use case receives: the database and who is acting. `system` is the operator at the
// CLI (or a job), who already holds the database's keys and is not subject to the policy.
// `anonymous` is a caller of a public route without credentials: the policy judges it as an actor
// without rights, so only a rule that lets anyone pass lets it pass.
import type { Actor } from './auth/actor';
import type { AuditContext } from './audit/audit';
import type { Db } from './db/database';
import { authorize, type Guarded } from './policy/policy';

export interface UseCaseContext {
  db: Db;
  actor: Actor | 'system' | 'anonymous';
  ip?: string;
}

export function auditContextOf(context: UseCaseContext): AuditContext {
  if (context.actor === 'system' || context.actor === 'anonymous') return { fallbackKind: context.actor, ip: context.ip };
  return { actor: context.actor, ip: context.ip };
}

/** Who the policy judges an anonymous caller to be: no user, no organisation, no role. */
const withoutRights: Actor = {
  via: 'session',
  userId: '',
  email: '',
  displayName: '',
  organizationId: '',
  organizationName: '',
  organizationIsHost: false,
  roles: [],
  unitIds: [],
};

/** The policy check of a use case; the `system` actor (the operator at the CLI) passes. */
export async function authorizeFor(
  context: UseCaseContext,
  action: string,
  record: Guarded,
  recordType: string,
): Promise<void> {
  if (context.actor === 'system') return;
  authorize(context.actor === 'anonymous' ? withoutRights : context.actor, action, record, { recordType });
}
