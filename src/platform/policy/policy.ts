// The ONE permission module. Each domain registers the rules for its record types; every route
// asks `authorize(actor, action, record)` before it reads or changes anything.
import type { Actor } from '../auth/actor';
import { AppError } from '../http/app-error';

/** Any record a rule can judge: its organisation decides most questions. */
export interface Guarded {
  id?: string;
  organizationId?: string;
  /** The user a record belongs to, for records owned by one person (API tokens). */
  userId?: string;
}

type Rule<R> = (actor: Actor, record: R) => boolean;

const rules = new Map<string, Rule<never>>();

/** Registers rules named `type.verb`, e.g. `{ 'user.read': …, 'user.update': … }`. */
export function registerRules<R extends Guarded>(table: Record<string, Rule<R>>): void {
  for (const [action, rule] of Object.entries(table)) {
    if (rules.has(action)) throw new Error(`policy rule ${action} registered twice`);
    rules.set(action, rule as Rule<never>);
  }
}

export function can<R extends Guarded>(actor: Actor, action: string, record: R): boolean {
  const rule = rules.get(action) as Rule<R> | undefined;
  if (!rule) throw new Error(`no policy rule for ${action}`);
  return rule(actor, record);
}

/**
 * Throws unless the actor may do `action` to `record`. A record of another organisation is
 * refused as 404 (its existence is not revealed); the refusal is written to the audit log.
 */
export function authorize<R extends Guarded>(
  actor: Actor,
  action: string,
  record: R,
  options: { recordType: string; refuseAs?: 'not_found' | 'forbidden' },
): void {
  if (can(actor, action, record)) return;
  const foreign = record.organizationId !== undefined && record.organizationId !== actor.organizationId;
  const code = options.refuseAs ?? (foreign ? 'not_found' : 'forbidden');
  throw new AppError(code, code === 'not_found' ? `No ${options.recordType} with this id.` : undefined, {
    denied: {
      action,
      recordType: options.recordType,
      recordId: record.id,
      recordOrganizationId: record.organizationId,
    },
  });
}
