// A person's page: the record, identifiers, primary care, care team, enrolments and consents, as
// the access rule lets the actor see them; one audit row in the same transaction. A record merged
// into another answers with the id of the record it lives on as.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { organizationNames } from '../identity';
import { accessAuditDetails, sees, type PersonAccess } from './access';
import {
  findPrimaryCare,
  listCareTeam,
  listConsents,
  listEnrolments,
  type CareTeamRow,
  type ConsentRow,
  type EnrolmentRow,
  type PrimaryCareRow,
} from './care.store';
import { guardPerson } from './guard';
import { findSurvivorOf } from './merge.store';
import { listIdentifiers, type IdentifierRow, type VisiblePersonRow } from './people.store';

export interface PersonRecord {
  row: VisiblePersonRow;
  access: PersonAccess;
  identifiers: IdentifierRow[];
  primaryCare: PrimaryCareRow | undefined;
  careTeam: CareTeamRow[];
  enrolments: EnrolmentRow[];
  consents: ConsentRow[];
  /** Names of the organisations the record points at (practice, care team, grantees). */
  organizationNames: Map<string, string>;
}

/**
 * A record merged into another is not read: the answer is a 404 whose `mergedInto` names the record
 * it lives on as, for an actor who may see that record (anyone else gets the plain 404).
 */
export async function readPerson(context: UseCaseContext, props: { personId: string }): Promise<PersonRecord> {
  const answer = await context.db.tx(async (q): Promise<PersonRecord | { mergedInto: string }> => {
    // The live record first (one query on the common path); only a record not found is looked up
    // among the merged ones.
    let guarded: Awaited<ReturnType<typeof guardPerson>>;
    try {
      guarded = await guardPerson(q, context, props.personId, 'person.read');
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      const survivorId = await findSurvivorOf(q, props.personId);
      if (!survivorId) throw error;
      const survivor = await guardPerson(q, context, survivorId, 'person.read');
      await audit(q, auditContextOf(context), {
        action: 'person.read',
        recordType: 'person',
        recordId: props.personId,
        recordOrganizationId: survivor.row.holder_organization_id,
        personId: props.personId,
        details: { mergedInto: survivor.row.id },
      });
      return { mergedInto: survivor.row.id };
    }
    const { row, access } = guarded;
    const record = await loadRecord(q, row, access, typeof context.actor === 'string' ? undefined : context.actor.organizationId);
    await audit(q, auditContextOf(context), {
      action: 'person.read',
      recordType: 'person',
      recordId: row.id,
      recordOrganizationId: row.holder_organization_id,
      personId: row.id,
      details: accessAuditDetails(access),
    });
    return record;
  });
  if ('mergedInto' in answer) {
    throw new AppError('not_found', 'This record was merged into another record of the same person; read that one.', {
      mergedInto: answer.mergedInto,
    });
  }
  return answer;
}

/** The parts of a person's page the access allows; the rest are not even read. */
export async function loadRecord(
  q: Parameters<typeof listIdentifiers>[0],
  row: VisiblePersonRow,
  access: PersonAccess,
  viewerOrganizationId: string | undefined,
): Promise<PersonRecord> {
  const carePlan = sees(access, 'care_plan');
  const identifiers = sees(access, 'demographics') ? await listIdentifiers(q, row.id) : [];
  const primaryCare = carePlan ? await findPrimaryCare(q, row.id) : undefined;
  const careTeam = carePlan ? await listCareTeam(q, row.id) : [];
  const enrolments = carePlan ? await listEnrolments(q, row.id) : [];
  // The holder sees every consent; an organisation that sees the person by consent sees its own.
  const consents = await listConsents(q, row.id, access.basis === 'holder' ? undefined : viewerOrganizationId);
  const names = await organizationNames(q, [
    ...(primaryCare ? [primaryCare.practice_organization_id] : []),
    ...careTeam.map((member) => member.organization_id),
    ...consents.map((consent) => consent.grantee_organization_id),
  ]);
  return { row, access, identifiers, primaryCare, careTeam, enrolments, consents, organizationNames: names };
}
