// Changes a need's status, severity, the person's priority or who addresses it; each field that
// changes writes a history row (who, when, from, to) in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findOrganization } from '../identity';
import { actorUserId, guardNeeds } from './guard';
import { findNeedRow, insertNeedChanges, openNeedsOf, updateNeed, type NeedRow } from './needs.store';
import { openNeedStatuses, type ChangeNeedBody } from './screening.schema';

const text = (value: number | string | null) => (value === null ? null : String(value));

export async function changeNeed(
  context: UseCaseContext,
  props: { personId: string; needId: string; body: ChangeNeedBody },
): Promise<NeedRow> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'need.update');
    const need = await findNeedRow(q, personId, props.needId, access.categories);
    if (!need) throw new AppError('not_found', 'No need with this id.');
    if (body.addressedByOrganizationId && !(await findOrganization(q, body.addressedByOrganizationId)))
      throw AppError.field('addressedByOrganizationId', 'is not an organisation of the network');
    const next = {
      status: body.status ?? need.status,
      severity: body.severity ?? need.severity,
      priority: body.priority === undefined ? need.priority : body.priority,
      addressedBy:
        body.addressedByOrganizationId === undefined ? need.addressed_by_organization_id : body.addressedByOrganizationId,
      sensitive: need.sensitive,
    };
    // Reopening a need when another open one of the domain exists would make two.
    if (!openNeedStatuses.includes(need.status) && openNeedStatuses.includes(next.status)) {
      const others = (await openNeedsOf(q, personId, [need.need_domain])).filter((other) => other.id !== need.id);
      if (others.length > 0) throw AppError.field('status', 'the person has another open need of this domain', 'conflict');
    }
    const by = actorUserId(context);
    const changes = [
      { field: 'status', from: need.status, to: next.status },
      { field: 'severity', from: need.severity, to: next.severity },
      { field: 'priority', from: text(need.priority), to: text(next.priority) },
      { field: 'addressed_by', from: need.addressed_by_organization_id, to: next.addressedBy },
    ]
      .filter((change) => change.from !== change.to)
      .map((change) => ({ ...change, needId: need.id, screeningId: null, by }));
    if (changes.length === 0) return need;
    const changed = await updateNeed(q, need.id, next);
    await insertNeedChanges(q, changes);
    await audit(q, auditContextOf(context), {
      action: 'need.update',
      recordType: 'need',
      recordId: need.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { fields: changes.map((change) => change.field) },
    });
    return changed;
  });
}
