// The ONE permission module. Each domain registers the rules for its record types; every use case
// asks `authorizeFor(context, action, record, recordType)` (or a route `authorize(…)`) before it
// reads or changes anything.
//
// Action names are checked by the compiler: each domain's policy file declares its actions, and
// the record each rule judges, by augmenting `PolicyActions`:
//
//   declare module '../../platform/policy/policy' {
//     interface PolicyActions { 'user.read': Guarded; 'api_token.revoke': OwnedRecord }
//   }
//
// so `authorize(actor, 'user.raed', …)` or a rule registered under a misspelt name is a type error.
import type { Actor } from '../auth/actor';
import { AppError } from '../http/app-error';

/** Any record a rule can judge: its organisation decides most questions. */
export interface Guarded {
  id?: string;
  organizationId?: string;
  /** The user a record belongs to, for records owned by one person (API tokens). */
  userId?: string;
}

/** A record that belongs to one user: a rule about it must know whose it is. */
export interface OwnedRecord extends Guarded {
  userId: string;
}

/** Every action a rule is registered for, with the record its rule judges; augmented by each domain. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by `declare module` in the policy files
export interface PolicyActions {}

export type PolicyAction = keyof PolicyActions;

/** The record an action's rule judges: what its policy file declared, and always a Guarded. */
export type RecordOf<A extends PolicyAction> = PolicyActions[A] & Guarded;

/** Who asks: a signed-in actor, or someone who is not signed in (a public route, signing in). */
export type Asker = Actor | 'anonymous';

type Rule<R> = (actor: Actor, record: R) => boolean;

/**
 * The rule of an action that anyone may do, signed in or not (signing in, reading the public
 * directory). Every other rule is asked only for a signed-in actor: to someone who is not signed
 * in, it says no.
 */
export const anyone: Rule<Guarded> = () => true;

const rules = new Map<string, Rule<never>>();

/** Registers rules named `type.verb`, e.g. `{ 'user.read': …, 'user.update': … }`. */
export function registerRules<K extends PolicyAction>(table: { [A in K]: Rule<PolicyActions[A]> }): void {
  for (const [action, rule] of Object.entries(table) as [string, Rule<never>][]) {
    if (rules.has(action)) throw new Error(`policy rule ${action} registered twice`);
    rules.set(action, rule);
  }
}

export function can<A extends PolicyAction>(asker: Asker, action: A, record: RecordOf<A>): boolean {
  const rule = rules.get(action) as Rule<RecordOf<A>> | undefined;
  if (!rule) throw new Error(`no policy rule for ${action}`);
  if (asker === 'anonymous') return (rule as unknown) === anyone;
  return rule(asker, record);
}

/**
 * Throws unless the asker may do `action` to `record`. A record of another organisation is
 * refused as 404 (its existence is not revealed); the refusal is written to the audit log.
 */
export function authorize<A extends PolicyAction>(
  asker: Asker,
  action: A,
  record: RecordOf<A>,
  options: { recordType: string; refuseAs?: 'not_found' | 'forbidden' },
): void {
  if (can(asker, action, record)) return;
  // Someone who is not signed in has no organisation: no record is "theirs" to be told apart.
  const foreign = asker !== 'anonymous' && record.organizationId !== undefined && record.organizationId !== asker.organizationId;
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
