// One need by its own id (a FHIR Condition read): under the 'needs' category of its person ('sud'
// for a need flagged so), with the screenings and items that found it. A need that does not exist
// and one the actor may not see are the same 404. Audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { listNeedDomainRows } from '../directory';
import { accessAuditDetails, sees } from '../people';
import { guardRecordOf } from './guard';
import type { NeedRow } from './needs.store';
import { needEvidence, type NeedEvidence } from './screening-records';
import { findNeedPerson, findVisibleNeed } from './screening-search.store';

export interface NeedRecord {
  need: NeedRow;
  evidence: NeedEvidence[];
  /** The need domains' names, by code. */
  needDomainNames: Map<string, string>;
}

export async function readNeed(context: UseCaseContext, props: { needId: string }): Promise<NeedRecord> {
  const missing = 'No need with this id.';
  return context.db.tx(async (q) => {
    const { personId, holderOrganizationId, access } = await guardRecordOf(
      q,
      context,
      await findNeedPerson(q, props.needId),
      'need.read',
      missing,
    );
    const need = await findVisibleNeed(q, personId, props.needId, access.categories);
    if (!need) throw new AppError('not_found', missing);
    const evidence = await needEvidence(q, [{ id: need.id, needDomain: need.need_domain, seesSud: sees(access, 'sud') }]);
    await audit(q, auditContextOf(context), {
      action: 'need.read',
      recordType: 'need',
      recordId: need.id,
      recordOrganizationId: holderOrganizationId,
      personId,
      details: { ...accessAuditDetails(access) },
    });
    const names = new Map((await listNeedDomainRows(q)).map((domain) => [domain.code, domain.name]));
    return { need, evidence: evidence.get(need.id) ?? [], needDomainNames: names };
  });
}
