// The history of a person's needs (every change: who, when, from, to), newest first, as far as
// the actor may see the needs; audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { userDisplayNames } from '../identity';
import { guardNeeds } from './guard';
import { listNeedChanges, type NeedChangeRow } from './needs.store';

export async function readNeedHistory(
  context: UseCaseContext,
  props: { personId: string; needId?: string },
): Promise<{ changes: NeedChangeRow[]; userNames: Map<string, string> }> {
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'need.list');
    const changes = await listNeedChanges(q, personId, access.categories, props.needId);
    const userNames = await userDisplayNames(
      q,
      changes.flatMap((change) => (change.changed_by ? [change.changed_by] : [])),
    );
    await audit(q, auditContextOf(context), {
      action: 'need.read_history',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { count: changes.length },
    });
    return { changes, userNames };
  });
}
