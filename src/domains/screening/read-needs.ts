// A person's needs, as far as the access rule lets the actor see them (the 'needs' category;
// 'sud' for needs flagged so); one audit row in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { organizationNames } from '../identity';
import { accessAuditDetails, type PersonAccess } from '../people';
import { guardNeeds } from './guard';
import { listNeedRows, type NeedRow } from './needs.store';

export interface NeedsRecord {
  needs: NeedRow[];
  access: PersonAccess;
  organizationNames: Map<string, string>;
}

export async function readNeeds(context: UseCaseContext, props: { personId: string; openOnly?: boolean }): Promise<NeedsRecord> {
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardNeeds(q, context, props.personId, 'need.list');
    const needs = await listNeedRows(q, personId, access.categories, { openOnly: props.openOnly });
    const names = await organizationNames(
      q,
      needs.flatMap((need) => (need.addressed_by_organization_id ? [need.addressed_by_organization_id] : [])),
    );
    await audit(q, auditContextOf(context), {
      action: 'need.list',
      recordType: 'person',
      recordId: personId,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access), count: needs.length },
    });
    return { needs, access, organizationNames: names };
  });
}
