// The audit log, for admins, newest first: network admins read every row; an organisation's admin
// reads the rows of their own organisation's users and of their organisation's records. Reading
// the log is itself written to it, in the same transaction (after the read, so a page does not
// list its own reading).
import './audit.policy';
import { isNetworkAdmin } from '../auth/actor';
import { actorResolver } from '../auth/actor-resolver';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../context';
import { AppError } from '../http/app-error';
import { decodeCursor, pageOf } from '../http/pagination';
import { audit } from './audit';
import type { AuditQuery } from './audit.schema';
import { queryAuditLog, type AuditRow } from './audit.store';
import { recordNames } from './record-names';

export async function readAuditLog(
  context: UseCaseContext,
  props: { query: AuditQuery },
): Promise<{
  items: AuditRow[];
  nextCursor: string | null;
  actorNames: Map<string, string>;
  recordName: (recordType: string | null, recordId: string | null) => string | null;
}> {
  const { query } = props;
  const actor = signedInActor(context);
  await authorizeFor(context, 'audit.read', { organizationId: actor?.organizationId }, 'audit_log');
  const before = decodeCursor(query.cursor, ['id'])?.[0];
  if (query.from && query.to && query.from > query.to) throw AppError.field('query.to', 'must not be before from');
  const { limit, cursor, ...filters } = query;
  return context.db.tx(async (q) => {
    const rows = await queryAuditLog(q, {
      ...filters,
      beforeId: before,
      // The operator at the CLI, like a network admin, reads every row.
      organizationId: actor && !isNetworkAdmin(actor) ? actor.organizationId : undefined,
      limit,
    });
    const page = pageOf(rows, limit, (row) => [row.id]);
    // The log keeps ids; the page wants names: asked of the domain that keeps the users, once per page.
    const userIds = page.items.flatMap((row) => (row.actor_user_id ? [row.actor_user_id] : []));
    const actorNames = await actorResolver().displayNames(q, userIds);
    const recordName = await recordNames(q, page.items);
    await audit(q, auditContextOf(context), {
      action: 'audit.read',
      recordType: 'audit_log',
      recordOrganizationId: actor?.organizationId,
      personId: query.personId,
      details: { filters: Object.keys(filters).sort(), page: cursor ? 'next' : 'first' },
    });
    return { ...page, actorNames, recordName };
  });
}
