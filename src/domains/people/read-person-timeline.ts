// A record's own history: when it was made, and the records of the same person merged into it
// (and into those before them), each with who merged, when, which fields took the duplicate's
// value and what moved. The merges are shown to the holder's staff only: an organisation that
// sees the person through a consent sees when the record was made. Audited in the transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { userDisplayNames } from '../identity';
import { accessAuditDetails } from './access';
import { guardPerson } from './guard';
import { listMergesInto, type MergeRow } from './merge.store';

export interface PersonTimelineRecord {
  personId: string;
  createdAt: Date;
  merges: (MergeRow & { duplicate_created_at: Date })[];
  userNames: Map<string, string>;
}

export async function readPersonTimeline(context: UseCaseContext, props: { personId: string }): Promise<PersonTimelineRecord> {
  return context.db.tx(async (q) => {
    const { row, access } = await guardPerson(q, context, props.personId, 'person.read_timeline');
    const merges = access.basis === 'holder' ? await listMergesInto(q, row.id) : [];
    const userNames = await userDisplayNames(
      q,
      merges.flatMap((merge) => (merge.merged_by ? [merge.merged_by] : [])),
    );
    await audit(q, auditContextOf(context), {
      action: 'person.read_timeline',
      recordType: 'person',
      recordId: row.id,
      recordOrganizationId: row.holder_organization_id,
      personId: row.id,
      details: { ...accessAuditDetails(access), merges: merges.length },
    });
    return { personId: row.id, createdAt: row.created_at, merges, userNames };
  });
}
