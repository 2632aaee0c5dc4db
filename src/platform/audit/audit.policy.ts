// Who may read the audit log: admins. How far they read is the query's business
// (read-audit-log.ts): a network admin reads every row, an organisation's admin their own.
import { hasRole } from '../auth/actor';
import { registerRules, type Guarded } from '../policy/policy';

declare module '../policy/policy' {
  interface PolicyActions {
    /** The record is the reader's own organisation. */
    'audit.read': Guarded;
  }
}

registerRules({
  'audit.read': (actor) => hasRole(actor, 'admin'),
});
