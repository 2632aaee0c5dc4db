// What leaves the server about people: field by field, and only the categories the access rule
// gave the viewer. A category the viewer may not see is null (or an empty list), never its data.
import { stringify } from 'csv-stringify/sync';
import { sees, type PersonAccess } from './access';
import type { CareProgramRow } from './care.store';
import { consentCategories } from './people.schema';
import type {
  CareProgram,
  ConsentCategory,
  MyPerson,
  Person,
  PersonDetail,
  PersonTimeline,
  PersonListItem,
  CareTeamRole,
  IdentifierKind,
  ConsentPurpose,
} from './people.schema';
import type { ListedPersonRow, MyPersonRow, PersonRow, VisiblePersonRow } from './people.store';
import type { PersonRecord } from './read-person';
import type { PersonTimelineRecord } from './read-person-timeline';

/** The person as `access` lets the viewer see them: the row's fields, category by category. */
export function presentPerson(row: PersonRow, access: PersonAccess): Person {
  return {
    id: row.id,
    holderOrganizationId: row.holder_organization_id,
    givenName: row.given_name,
    familyName: row.family_name,
    usedName: row.used_name,
    access: { basis: access.basis, categories: access.categories, careTeamRoles: access.careTeamRoles },
    demographics: sees(access, 'demographics')
      ? {
          birthDate: row.birth_date,
          sex: row.sex,
          sexCode: row.sex_code,
          genderIdentity: row.gender_identity,
          genderIdentityCode: row.gender_identity_code,
          pronouns: row.pronouns,
          preferredLanguage: row.preferred_language,
          interpreterNeeded: row.interpreter_needed,
        }
      : null,
    contact: sees(access, 'contact')
      ? {
          phone: row.phone,
          email: row.email,
          contactMethod: row.contact_method,
          contactTimes: row.contact_times,
          addressLine: row.address_line,
          city: row.city,
          state: row.state,
          postalCode: row.postal_code,
          location:
            row.latitude !== null && row.longitude !== null && row.placed_by === 'postal_code'
              ? { latitude: row.latitude, longitude: row.longitude, placedBy: 'postal_code' }
              : null,
        }
      : null,
    whatMatters: sees(access, 'care_plan') ? row.what_matters : null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** One of "my people": the person as the viewer sees them, on my team or not, and their open needs I may see. */
export function presentMyPerson(item: {
  row: VisiblePersonRow;
  access: PersonAccess;
  onMyTeam: boolean;
  openNeeds: MyPersonRow['open_needs'];
}): MyPerson {
  return {
    person: presentPerson(item.row, item.access),
    onMyTeam: item.onMyTeam,
    openNeeds: item.openNeeds.map((need) => ({ needDomain: need.needDomain, severity: need.severity })),
  };
}

/** A row of the population list: the person, and when they were last reached where the viewer sees the care plan. */
export function presentPersonListItem(row: ListedPersonRow, access: PersonAccess): PersonListItem {
  return {
    ...presentPerson(row, access),
    lastReachedAt: sees(access, 'care_plan') && row.last_reached_at ? row.last_reached_at.toISOString() : null,
  };
}

export function presentPersonDetail(record: PersonRecord): PersonDetail {
  const name = (id: string) => record.organizationNames.get(id) ?? '';
  return {
    person: presentPerson(record.row, record.access),
    identifiers: record.identifiers.map((identifier) => ({
      id: identifier.id,
      kind: identifier.kind,
      value: identifier.value,
      issuer: identifier.issuer,
    })),
    primaryCare: record.primaryCare
      ? {
          practiceOrganizationId: record.primaryCare.practice_organization_id,
          practiceName: name(record.primaryCare.practice_organization_id),
          clinicianName: record.primaryCare.clinician_name,
          relationship: record.primaryCare.relationship,
        }
      : null,
    careTeam: record.careTeam.map((member) => ({
      id: member.id,
      organizationId: member.organization_id,
      organizationName: name(member.organization_id),
      userId: member.user_id,
      unitId: member.unit_id,
      displayName: member.display_name,
      role: member.role,
      startedOn: member.started_on,
      endedOn: member.ended_on,
    })),
    enrolments: record.enrolments.map((enrolment) => ({
      id: enrolment.id,
      programId: enrolment.program_id,
      programName: enrolment.program_name,
      enrolledOn: enrolment.enrolled_on,
      reason: enrolment.reason,
      enrolledBy: enrolment.enrolled_by,
      disenrolledOn: enrolment.disenrolled_on,
      disenrolReason: enrolment.disenrol_reason,
    })),
    consents: record.consents.map((consent) => ({
      id: consent.id,
      granteeOrganizationId: consent.grantee_organization_id,
      granteeName: name(consent.grantee_organization_id),
      purpose: consent.purpose,
      categories: consent.categories,
      startsOn: consent.starts_on,
      endsOn: consent.ends_on,
      method: consent.method,
      witnessName: consent.witness_name,
      recordedAt: consent.recorded_at.toISOString(),
      revokedAt: consent.revoked_at ? consent.revoked_at.toISOString() : null,
      revocationReason: consent.revocation_reason,
      active: consent.active,
    })),
  };
}

export function presentPersonTimeline(record: PersonTimelineRecord): PersonTimeline {
  return {
    personId: record.personId,
    createdAt: record.createdAt.toISOString(),
    merges: record.merges.map((merge) => ({
      id: merge.id,
      survivorId: merge.survivor_id,
      duplicateId: merge.duplicate_id,
      duplicateCreatedAt: merge.duplicate_created_at.toISOString(),
      mergedAt: merge.merged_at.toISOString(),
      mergedBy: merge.merged_by,
      mergedByName: merge.merged_by ? (record.userNames.get(merge.merged_by) ?? null) : null,
      fieldsFromDuplicate: merge.fields_from_duplicate,
      moved: {
        identifiers: merge.moved.identifiers.length,
        enrolments: merge.moved.enrolments.length,
        primaryCare: merge.moved.primaryCare,
        careTeam: merge.moved.careTeam.length,
        consents: merge.moved.consents.length,
        screenings: merge.moved.screenings.length,
        needs: merge.moved.needs.length,
        needsCombined: merge.moved.needsCombined.length,
        goals: merge.moved.goals.length,
        contacts: merge.moved.contacts.length,
      },
    })),
  };
}

export function presentCareProgram(row: CareProgramRow): CareProgram {
  return {
    id: row.id,
    organizationId: row.organization_id,
    name: row.name,
    entryCriteria: row.entry_criteria,
    active: row.active,
    activeEnrolments: row.active_enrolments,
  };
}

// ----- the CSV: words, not codes -----

export const categoryWords: Record<ConsentCategory, string> = {
  contact: 'Contact details',
  demographics: 'Demographics',
  needs: 'Needs and screenings',
  care_plan: 'Care plan',
  sud: 'Substance use disorder records',
};
export const careTeamRoleWords: Record<CareTeamRole, string> = {
  lead_coordinator: 'Lead coordinator',
  coordinator: 'Coordinator',
  pcp: 'Primary care physician',
  specialist: 'Specialist',
  cbo_case_manager: 'Community organisation case manager',
  community_health_worker: 'Community health worker',
  other: 'Other',
};
export const identifierWords: Record<IdentifierKind, string> = { mrn: 'MRN', payer_member_id: 'Payer member id' };
export const purposeWords: Record<ConsentPurpose, string> = {
  care_coordination: 'Care coordination',
  referral: 'Referral',
  case_conference: 'Case conference',
};
const contactMethodWords: Record<string, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
  mail: 'Letter',
  in_person: 'In person',
};
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageWord = (tag: string | null) => {
  if (!tag) return null;
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
};

/** The CSV's "What you may see": the categories, and why (the holder's record, a consent, the care team and the role on it). */
function whatYouMaySee(access: PersonAccess): string {
  if (access.basis === 'holder' && access.categories.length === consentCategories.length) {
    return 'Everything (your organisation holds the record)';
  }
  const roles = access.careTeamRoles.map((role) => careTeamRoleWords[role]).join(', ');
  const why =
    access.basis === 'care_team'
      ? `as a member of the care team: ${roles}`
      : [
          access.basis === 'holder' ? 'your organisation holds the record' : 'by consent',
          ...(roles ? [`on the care team as ${roles}`] : []),
        ].join('; ');
  const categories = access.categories.map((c) => categoryWords[c]).join('; ');
  return `${categories} (${why})`;
}

/** A spreadsheet must not run a cell as a formula: = + - @ at the start are defused. */
const spreadsheetText = (value: string | null) => (value !== null && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const csvHeadings = [
  'Family name',
  'Given name',
  'Name used',
  'Date of birth',
  'Preferred language',
  'Interpreter needed',
  'Phone',
  'Email',
  'Preferred way to be reached',
  'Address',
  'City',
  'State',
  'ZIP code',
  'Last reached',
  'What you may see',
];

/** "2026-12-03", the day in the network's time zone: a date spreadsheets read as one. */
function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function presentPeopleCsv(
  items: { row: ListedPersonRow; access: PersonAccess }[],
  options: { timeZone: string } = { timeZone: 'America/New_York' },
): string {
  const rows = items.map(({ row, access }) => {
    const person = presentPersonListItem(row, access);
    const cells = [
      person.familyName,
      person.givenName,
      person.usedName,
      person.demographics?.birthDate ?? null,
      languageWord(person.demographics?.preferredLanguage ?? null),
      person.demographics ? (person.demographics.interpreterNeeded ? 'Yes' : 'No') : null,
      person.contact?.phone ?? null,
      person.contact?.email ?? null,
      person.contact?.contactMethod ? contactMethodWords[person.contact.contactMethod]! : null,
      person.contact?.addressLine ?? null,
      person.contact?.city ?? null,
      person.contact?.state ?? null,
      person.contact?.postalCode ?? null,
      person.lastReachedAt ? localDay(new Date(person.lastReachedAt), options.timeZone) : null,
      whatYouMaySee(access),
    ];
    return cells.map(spreadsheetText);
  });
  return stringify([csvHeadings, ...rows]);
}
