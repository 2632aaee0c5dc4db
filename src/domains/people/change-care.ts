// The changes around a person that the holder's staff make: enrol and disenrol, set the primary
// care physician, add and end care team members, record and revoke consents. Each is one
// transaction with its audit row, and answers the person's page as the actor now sees it.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, signedInActor, type UseCaseContext } from '../../platform/context';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { findOrganization, findUnit, findUser } from '../identity';
import { accessOf, viewerOf } from './access';
import {
  endCareTeamMember as endMemberRow,
  endEnrolment,
  findCareTeamMember,
  findConsent,
  findEnrolment,
  findProgram,
  insertCareTeamMember,
  insertConsent,
  insertEnrolment,
  openEnrolmentExists,
  revokeConsentRow,
  upsertPrimaryCare,
} from './care.store';
import { guardPerson } from './guard';
import type {
  AddCareTeamMemberBody,
  DisenrolBody,
  EndCareTeamMemberBody,
  EnrolBody,
  PrimaryCareBody,
  RecordConsentBody,
  RevokeConsentBody,
} from './people.schema';
import { findVisiblePerson } from './people.store';
import { loadRecord, type PersonRecord } from './read-person';

type Action =
  | 'person.enrol'
  | 'person.disenrol'
  | 'person.set_primary_care'
  | 'person.add_care_team_member'
  | 'person.end_care_team_member'
  | 'person.record_consent'
  | 'person.revoke_consent';

/** Guards, changes, audits and answers: the frame every change here shares. */
async function changeAround(
  context: UseCaseContext,
  personId: string,
  action: Action,
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

const by = (context: UseCaseContext) => signedInActor(context)?.userId ?? null;

export async function enrolPerson(context: UseCaseContext, props: { personId: string; body: EnrolBody }): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.enrol', async (q, holder) => {
    const program = await findProgram(q, props.body.programId);
    if (!program || program.organization_id !== holder || !program.active) {
      throw AppError.field('programId', 'is not an active program of the organisation that holds this record');
    }
    if (await openEnrolmentExists(q, props.personId, program.id)) {
      throw AppError.field('programId', 'the person is already enrolled in this program', 'conflict');
    }
    const enrolmentId = await insertEnrolment(q, {
      personId: props.personId,
      programId: program.id,
      enrolledOn: props.body.enrolledOn ?? null,
      reason: props.body.reason ?? '',
      enrolledBy: by(context),
    });
    return { enrolmentId, programId: program.id };
  });
}

export async function disenrolPerson(
  context: UseCaseContext,
  props: { personId: string; enrolmentId: string; body: DisenrolBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.disenrol', async (q) => {
    const enrolment = await findEnrolment(q, props.personId, props.enrolmentId);
    if (!enrolment) throw new AppError('not_found', 'No enrolment with this id.');
    if (enrolment.disenrolled_on) throw AppError.field('enrolmentId', 'has already ended', 'conflict');
    if (props.body.disenrolledOn && props.body.disenrolledOn < enrolment.enrolled_on) {
      throw AppError.field('disenrolledOn', 'must not be before the day of enrolment');
    }
    await endEnrolment(q, enrolment.id, {
      disenrolledOn: props.body.disenrolledOn ?? null,
      reason: props.body.reason,
      disenrolledBy: by(context),
    });
    return { enrolmentId: enrolment.id, programId: enrolment.program_id };
  });
}

export async function setPrimaryCare(
  context: UseCaseContext,
  props: { personId: string; body: PrimaryCareBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.set_primary_care', async (q) => {
    const practice = await findOrganization(q, props.body.practiceOrganizationId);
    if (!practice) throw AppError.field('practiceOrganizationId', 'is not an organisation of the network');
    await upsertPrimaryCare(q, props.personId, props.body, by(context));
    return { practiceOrganizationId: practice.id, relationship: props.body.relationship };
  });
}

export async function addCareTeamMember(
  context: UseCaseContext,
  props: { personId: string; body: AddCareTeamMemberBody },
): Promise<PersonRecord> {
  const { body } = props;
  return changeAround(context, props.personId, 'person.add_care_team_member', async (q) => {
    const organization = await findOrganization(q, body.organizationId);
    if (!organization) throw AppError.field('organizationId', 'is not an organisation of the network');
    if (body.userId) {
      const user = await findUser(q, body.userId);
      if (!user || user.organization_id !== organization.id) throw AppError.field('userId', 'is not a user of this organisation');
    }
    if (body.unitId) {
      const unit = await findUnit(q, body.unitId);
      if (!unit || unit.organization_id !== organization.id) throw AppError.field('unitId', 'is not a unit of this organisation');
    }
    const memberId = await insertCareTeamMember(q, props.personId, body);
    return { memberId, organizationId: organization.id, role: body.role };
  });
}

export async function endCareTeamMember(
  context: UseCaseContext,
  props: { personId: string; memberId: string; body: EndCareTeamMemberBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.end_care_team_member', async (q) => {
    const member = await findCareTeamMember(q, props.personId, props.memberId);
    if (!member) throw new AppError('not_found', 'No care team member with this id.');
    if (member.ended_on) throw AppError.field('memberId', 'has already left the care team', 'conflict');
    if (props.body.endedOn && props.body.endedOn < member.started_on) {
      throw AppError.field('endedOn', 'must not be before the day they joined');
    }
    await endMemberRow(q, member.id, props.body.endedOn ?? null);
    return { memberId: member.id };
  });
}

export async function recordConsent(
  context: UseCaseContext,
  props: { personId: string; body: RecordConsentBody },
): Promise<PersonRecord> {
  const { body } = props;
  return changeAround(context, props.personId, 'person.record_consent', async (q, holder) => {
    const errors = [];
    if (body.endsOn && body.endsOn < body.startsOn) errors.push({ field: 'endsOn', message: 'must not be before startsOn' });
    if (body.method === 'verbal' && !body.witnessName) {
      errors.push({ field: 'witnessName', message: 'is needed when consent is given verbally' });
    }
    const grantee = await findOrganization(q, body.granteeOrganizationId);
    if (!grantee) errors.push({ field: 'granteeOrganizationId', message: 'is not an organisation of the network' });
    else if (grantee.id === holder) {
      errors.push({ field: 'granteeOrganizationId', message: 'holds the record already; a consent is for another organisation' });
    }
    if (errors.length > 0) {
      throw new AppError('validation_failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
    }
    const consentId = await insertConsent(q, props.personId, body, by(context));
    return { consentId, granteeOrganizationId: body.granteeOrganizationId, purpose: body.purpose, categories: body.categories };
  });
}

export async function revokeConsent(
  context: UseCaseContext,
  props: { personId: string; consentId: string; body: RevokeConsentBody },
): Promise<PersonRecord> {
  return changeAround(context, props.personId, 'person.revoke_consent', async (q) => {
    const consent = await findConsent(q, props.personId, props.consentId);
    if (!consent) throw new AppError('not_found', 'No consent with this id.');
    if (consent.revoked_at) throw AppError.field('consentId', 'has already been revoked', 'conflict');
    await revokeConsentRow(q, consent.id, { by: by(context), reason: props.body.reason ?? null });
    return { consentId: consent.id, granteeOrganizationId: consent.grantee_organization_id };
  });
}
