// The frame every change around a person shares (enrol, primary care, care team, consent): the
// holder's staff only; one transaction with its audit row; the answer is the person's page as the
// actor now sees it.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { accessOf, viewerOf } from './access';
import { guardPerson } from './guard';
import { findVisiblePerson } from './people.store';
import { loadRecord, type PersonRecord } from './read-person';

export type CareAction =
  | 'person.enrol'
  | 'person.disenrol'
  | 'person.set_primary_care'
  | 'person.add_care_team_member'
  | 'person.end_care_team_member'
  | 'person.record_consent'
  | 'person.revoke_consent';

/** Guards, changes, audits and answers: the frame every change here shares. */
export async function changeAround(
  context: UseCaseContext,
  personId: string,
  action: CareAction,
  change: (q: Queryable, holder: string) => Promise<Record<string, unknown>>,
): Promise<PersonRecord> {
  return context.db.tx(async (q) => {
    const { row } = await guardPerson(q, context, personId, action);
    const details = await change(q, row.holder_organization_id);
    await audit(q, auditContextOf(context), {
      action,
      recordType: 'person',
      recordId: row.id,
      recordOrganizationId: row.holder_organization_id,
      personId: row.id,
      details,
    });
    const visible = (await findVisiblePerson(q, viewerOf(context), row.id))!;
    return loadRecord(q, visible, accessOf(visible), signedInActor(context)?.organizationId);
  });
}

export const by = (context: UseCaseContext) => signedInActor(context)?.userId ?? null;
