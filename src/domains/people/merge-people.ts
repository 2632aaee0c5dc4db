// Merge a duplicate record of a person into the record kept (the holder's coordinators, program
// managers and admins; never across holders, never a record merged already, never a record into
// itself). In one transaction: the kept record takes the duplicate's value of each field the
// request names; the duplicate's identifiers, enrolments, primary care physician (when the kept
// record has none), care team, consents, screenings and needs move to the kept record (the
// screening domain moves its own rows); the duplicate's row stays, marked as merged into the kept
// one, so what was recorded about it can still be read; a merge record says who merged, when,
// which fields came from where and what moved; and both records get an audit row.
import { contactsMover } from './last-reached';
import { needsMover } from './needs-hooks';
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import type { Db, Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { authorize } from '../../platform/policy/policy';
import { accessOf, viewerOf } from './access';
import { by } from './change-around';
import { guardPerson } from './guard';
import {
  insertMerge,
  lockPeopleForMerge,
  markMerged,
  moveCareTeam,
  moveConsents,
  moveEnrolments,
  moveIdentifiers,
  movePrimaryCare,
  type MergeMoved,
} from './merge.store';
import { mergeFields, type MergeField, type MergePeopleBody } from './people.schema';
import { findVisiblePerson, updatePersonRow, type PersonValues } from './people.store';
import { valuesOfRow } from './person-values';
import { loadRecord, type PersonRecord } from './read-person';

/** The values each merge field stands for. */
const valuesOfField: Record<MergeField, (keyof PersonValues)[]> = {
  givenName: ['givenName'],
  familyName: ['familyName'],
  usedName: ['usedName'],
  birthDate: ['birthDate'],
  sex: ['sex', 'sexCode'],
  genderIdentity: ['genderIdentity', 'genderIdentityCode'],
  pronouns: ['pronouns'],
  preferredLanguage: ['preferredLanguage'],
  interpreterNeeded: ['interpreterNeeded'],
  phone: ['phone'],
  email: ['email'],
  contactMethod: ['contactMethod'],
  contactTimes: ['contactTimes'],
  address: ['addressLine', 'city', 'state', 'postalCode', 'latitude', 'longitude', 'placedBy'],
  whatMatters: ['whatMatters'],
};

/** The merge's own transaction, for a use case of another domain called inside it. */
function inThisTransaction(db: Db, q: Queryable): Db {
  return {
    engine: db.engine,
    query: <Row>(text: string, values?: readonly unknown[]) => q.query<Row>(text, values),
    tx: <T>(work: (inner: Queryable) => Promise<T>) => work(q),
  };
}

export async function mergePeople(
  context: UseCaseContext,
  props: { personId: string; body: MergePeopleBody; ifMatchVersion?: number },
): Promise<PersonRecord> {
  const { body } = props;
  if (body.duplicateId === props.personId) throw AppError.field('duplicateId', 'must be another record than the one kept');
  return context.db.tx(async (q) => {
    await guardPerson(q, context, props.personId, 'person.merge');
    const locked = await lockPeopleForMerge(q, [props.personId, body.duplicateId]);
    const survivor = locked.find((row) => row.id === props.personId);
    if (!survivor || survivor.merged_into !== null) throw new AppError('not_found', 'No person with this id.');
    const duplicate = locked.find((row) => row.id === body.duplicateId);
    const notHeld = () =>
      new AppError('not_found', 'duplicateId: is not a record your organisation holds', {
        errors: [{ field: 'duplicateId', message: 'is not a record your organisation holds' }],
      });
    if (!duplicate) throw notHeld();
    if (duplicate.holder_organization_id !== survivor.holder_organization_id) {
      // Another holder's record: refused as if it did not exist, and the refusal is on the log.
      if (context.actor !== 'system') {
        try {
          authorize(
            context.actor,
            'person.merge',
            { id: duplicate.id, organizationId: duplicate.holder_organization_id, visible: false },
            { recordType: 'person', refuseAs: 'not_found' },
          );
        } catch (error) {
          throw new AppError('not_found', notHeld().message, {
            errors: notHeld().extra.errors,
            ...(error instanceof AppError && { denied: error.extra.denied }),
          });
        }
      }
      throw notHeld();
    }
    if (duplicate.merged_into !== null) {
      throw AppError.field('duplicateId', 'was merged into another record already', 'conflict');
    }
    await authorizeFor(
      context,
      'person.merge',
      { id: duplicate.id, organizationId: duplicate.holder_organization_id, visible: true },
      'person',
    );
    const survivorVersion = props.ifMatchVersion ?? body.survivorVersion;
    if (props.ifMatchVersion !== undefined && props.ifMatchVersion !== body.survivorVersion) {
      throw AppError.field('survivorVersion', 'is not the version the If-Match header names');
    }
    if (survivorVersion !== survivor.version) {
      throw AppError.field(
        'survivorVersion',
        'the record kept was changed since you read it; reload both and try again',
        'conflict',
      );
    }
    if (body.duplicateVersion !== duplicate.version) {
      throw AppError.field(
        'duplicateVersion',
        'the duplicate was changed since you read it; reload both and try again',
        'conflict',
      );
    }

    // The kept record's values, each chosen field taken from the duplicate.
    const fieldsFromDuplicate = mergeFields.filter((field) => body.fields[field] === 'duplicate');
    const values = valuesOfRow(survivor);
    const theirs = valuesOfRow(duplicate);
    for (const field of fieldsFromDuplicate) {
      for (const key of valuesOfField[field]) (values as unknown as Record<string, unknown>)[key] = theirs[key];
    }
    await updatePersonRow(q, survivor.id, values);

    const who = by(context);
    const identifiers = await moveIdentifiers(q, duplicate.id, survivor.id);
    const enrolments = await moveEnrolments(q, duplicate.id, survivor.id, who);
    const primaryCare = await movePrimaryCare(q, duplicate.id, survivor.id);
    const careTeam = await moveCareTeam(q, duplicate.id, survivor.id);
    const consents = await moveConsents(q, duplicate.id, survivor.id);
    // Screenings and needs are the screening domain's: it moves them, in this transaction.
    const needs = await needsMover()(
      { ...context, db: inThisTransaction(context.db, q) },
      { fromPersonId: duplicate.id, toPersonId: survivor.id },
    );
    const contacts = await contactsMover()(
      { ...context, db: inThisTransaction(context.db, q) },
      { fromPersonId: duplicate.id, toPersonId: survivor.id },
    );
    await markMerged(q, duplicate.id, survivor.id);
    const moved: MergeMoved = {
      identifiers: identifiers.moved,
      identifiersDropped: identifiers.dropped,
      enrolments: enrolments.moved,
      enrolmentsEnded: enrolments.ended,
      primaryCare,
      careTeam: careTeam.moved,
      careTeamDropped: careTeam.dropped,
      consents,
      screenings: needs.screenings,
      needs: needs.needs,
      needsCombined: needs.combined,
      goals: needs.goals,
      contacts,
    };
    const merge = await insertMerge(q, {
      holderOrganizationId: survivor.holder_organization_id,
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      mergedBy: who,
      survivorVersion: survivor.version,
      duplicateVersion: duplicate.version,
      fieldsFromDuplicate,
      moved,
    });

    // Ids, field names and counts only: never a value of either record.
    const counts = {
      identifiers: moved.identifiers.length,
      enrolments: moved.enrolments.length,
      primaryCare,
      careTeam: moved.careTeam.length,
      consents: moved.consents.length,
      screenings: moved.screenings.length,
      needs: moved.needs.length,
      needsCombined: moved.needsCombined.length,
      goals: moved.goals.length,
      contacts: moved.contacts.length,
    };
    await audit(q, auditContextOf(context), {
      action: 'person.merge',
      recordType: 'person',
      recordId: survivor.id,
      recordOrganizationId: survivor.holder_organization_id,
      personId: survivor.id,
      details: { mergeId: merge.id, kept: true, duplicateId: duplicate.id, fieldsFromDuplicate, moved: counts },
    });
    await audit(q, auditContextOf(context), {
      action: 'person.merge',
      recordType: 'person',
      recordId: duplicate.id,
      recordOrganizationId: duplicate.holder_organization_id,
      personId: duplicate.id,
      details: { mergeId: merge.id, kept: false, mergedInto: survivor.id },
    });
    const visible = (await findVisiblePerson(q, viewerOf(context), survivor.id))!;
    return loadRecord(q, visible, accessOf(visible), signedInActor(context)?.organizationId);
  });
}
