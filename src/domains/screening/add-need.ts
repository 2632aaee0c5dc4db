// A need recorded by hand (not from a screening). If the person has an open need of the domain
// already, that one is answered with a conflict rather than a second one made.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { findOrganization } from '../identity';
import { actorUserId, guardNeeds } from './guard';
import { insertNeed, insertNeedChanges, openNeedsOf, type NeedRow } from './needs.store';
import type { AddNeedBody } from './screening.schema';

export async function addNeed(context: UseCaseContext, props: { personId: string; body: AddNeedBody }): Promise<NeedRow> {
  const { body } = props;
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId } = await guardNeeds(q, context, props.personId, 'need.create');
    if (!(await listNeedDomainRows(q)).some((domain) => domain.code === body.needDomain))
      throw AppError.field('needDomain', 'is not a need-domain code');
    if (body.addressedByOrganizationId && !(await findOrganization(q, body.addressedByOrganizationId)))
      throw AppError.field('addressedByOrganizationId', 'is not an organisation of the network');
    const [open] = await openNeedsOf(q, personId, [body.needDomain]);
    if (open && body.status !== 'met' && body.status !== 'declined' && body.status !== 'not_applicable')
      throw AppError.field('needDomain', 'the person has an open need of this domain already: change that one', 'conflict');
    const need = await insertNeed(q, {
      personId,
      needDomain: body.needDomain,
      severity: body.severity,
      status: body.status,
      priority: body.priority ?? null,
      addressedBy: body.addressedByOrganizationId ?? null,
      source: 'manual',
      screeningId: null,
      sensitive: body.sensitive ?? null,
      note: body.note?.trim() || null,
      createdBy: actorUserId(context),
    });
    await insertNeedChanges(q, [
      { needId: need.id, field: 'created', from: null, to: need.status, screeningId: null, by: actorUserId(context) },
    ]);
    await audit(q, auditContextOf(context), {
      action: 'need.create',
      recordType: 'need',
      recordId: need.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { source: 'manual' },
    });
    return need;
  });
}
