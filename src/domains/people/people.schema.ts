// Request and response schemas of the people domain: the person record, identifiers, programs
// and enrolments, primary care, care team and consents. Answers group a person's fields by the
// consent category they belong to, so that a category a viewer may not see is one null.
import { z } from 'zod';
import { PageQuery, pageSchema } from '../../platform/http/pagination';
import { multiLineText, oneLineText } from '../../platform/http/text';

export const Id = z.uuid('must be a UUID');

export const consentCategories = ['contact', 'demographics', 'needs', 'care_plan', 'sud'] as const;
export const ConsentCategory = z.enum(consentCategories);
export type ConsentCategory = z.infer<typeof ConsentCategory>;

export const consentPurposes = ['care_coordination', 'referral', 'case_conference'] as const;
export const ConsentPurpose = z.enum(consentPurposes);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const consentMethods = ['signed_form', 'verbal'] as const;
export const ConsentMethod = z.enum(consentMethods);

export const identifierKinds = ['mrn', 'payer_member_id'] as const;
export const IdentifierKind = z.enum(identifierKinds);
export type IdentifierKind = z.infer<typeof IdentifierKind>;

export const sexCodes = ['female', 'male', 'intersex', 'unknown'] as const;
export const SexCode = z.enum(sexCodes);
export const genderIdentityCodes = [
  'woman',
  'man',
  'non_binary',
  'transgender_woman',
  'transgender_man',
  'other',
  'not_disclosed',
] as const;
export const GenderIdentityCode = z.enum(genderIdentityCodes);
export const contactMethods = ['phone', 'text', 'email', 'mail', 'in_person'] as const;
export const ContactMethod = z.enum(contactMethods);
export const pcpRelationships = ['ongoing_care', 'refers_only'] as const;
export const PcpRelationship = z.enum(pcpRelationships);
export const careTeamRoles = [
  'lead_coordinator',
  'coordinator',
  'pcp',
  'specialist',
  'cbo_case_manager',
  'community_health_worker',
  'other',
] as const;
export const CareTeamRole = z.enum(careTeamRoles);
export type CareTeamRole = z.infer<typeof CareTeamRole>;

export const peopleSorts = ['name', 'birth_date', 'recent'] as const;
export const PeopleSort = z.enum(peopleSorts);
export type PeopleSort = z.infer<typeof PeopleSort>;
export const lastReachedFilters = ['within_7_days', 'within_30_days', 'not_within_30_days', 'never'] as const;

const text = (max: number) => oneLineText().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, 'must not be empty');
const optionalText = (max: number) =>
  text(max)
    .transform((value) => (value === '' ? null : value))
    .nullish();

/** A calendar day as ISO 8601 (`1961-04-09`), one the calendar has. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => {
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day));
    return year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'must be a day the calendar has');

/** Today's date where the day has begun first (UTC+14), so nobody's today is refused as the future. */
export function latestToday(): string {
  return new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, 10);
}

const BirthDate = CalendarDay.refine((value) => value >= '1900-01-01', 'must be on or after 1900-01-01').refine(
  (value) => value <= latestToday(),
  'must not be in the future',
);

/** An MRN or member id: letters, digits and - _ . only, 1 to 64 of them (trimmed first). */
export const IdentifierValue = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'may hold only letters, digits and - _ .');

/** A BCP 47 language tag: `en`, `es`, `es-MX`, `zh-Hant`. */
const LanguageTag = text(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or es-MX');
const Phone = text(50).regex(/^[0-9+() .-]*$/, 'may hold only digits, spaces and + ( ) . -');
const Email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email('must be an email address'))
  .transform((email) => email.toLowerCase());

export const IdentifierInput = z.strictObject({
  kind: IdentifierKind,
  value: IdentifierValue,
  issuer: text(200).optional(),
});
export type IdentifierInput = z.infer<typeof IdentifierInput>;

const personFields = {
  givenName: nonEmpty(100),
  familyName: nonEmpty(100),
  usedName: optionalText(100),
  birthDate: BirthDate,
  sex: optionalText(100),
  sexCode: SexCode.nullish(),
  genderIdentity: optionalText(100),
  genderIdentityCode: GenderIdentityCode.nullish(),
  pronouns: optionalText(50),
  preferredLanguage: LanguageTag.nullish(),
  interpreterNeeded: z.boolean('must be true or false').optional(),
  phone: Phone.transform((value) => (value === '' ? null : value)).nullish(),
  email: Email.nullish(),
  contactMethod: ContactMethod.nullish(),
  contactTimes: optionalText(200),
  addressLine: optionalText(200),
  city: optionalText(100),
  state: optionalText(50),
  postalCode: optionalText(20),
  whatMatters: multiLineText()
    .max(4000, 'must be at most 4000 characters')
    .transform((value) => (value === '' ? null : value))
    .nullish(),
};

export const CreatePersonBody = z.strictObject({
  ...personFields,
  identifiers: z.array(IdentifierInput).max(10).default([]),
  /** Enrol at once in a program of the holder. */
  enrolment: z.strictObject({ programId: Id, enrolledOn: CalendarDay.optional(), reason: text(2000).optional() }).optional(),
  /** Create even though people like this one exist (the answer to a 409 listing them). */
  confirmNotDuplicate: z.boolean('must be true or false').default(false),
});
export type CreatePersonBody = z.infer<typeof CreatePersonBody>;

export const UpdatePersonBody = z.strictObject({
  ...z.strictObject(personFields).partial().shape,
  /** The version read; a change made since then is refused (409) instead of overwritten. */
  version: z.number().int().min(1).optional(),
});
export type UpdatePersonBody = z.infer<typeof UpdatePersonBody>;

export const EnrolBody = z.strictObject({ programId: Id, enrolledOn: CalendarDay.optional(), reason: text(2000).optional() });
export type EnrolBody = z.infer<typeof EnrolBody>;
export const DisenrolBody = z.strictObject({ disenrolledOn: CalendarDay.optional(), reason: nonEmpty(2000) });
export type DisenrolBody = z.infer<typeof DisenrolBody>;

export const PrimaryCareBody = z.strictObject({
  practiceOrganizationId: Id,
  clinicianName: optionalText(200),
  relationship: PcpRelationship,
});
export type PrimaryCareBody = z.infer<typeof PrimaryCareBody>;

export const AddCareTeamMemberBody = z.strictObject({
  organizationId: Id,
  userId: Id.nullish(),
  unitId: Id.nullish(),
  displayName: nonEmpty(200),
  role: CareTeamRole,
  startedOn: CalendarDay.optional(),
});
export type AddCareTeamMemberBody = z.infer<typeof AddCareTeamMemberBody>;
export const EndCareTeamMemberBody = z.strictObject({ endedOn: CalendarDay.optional() });
export type EndCareTeamMemberBody = z.infer<typeof EndCareTeamMemberBody>;

export const RecordConsentBody = z.strictObject({
  granteeOrganizationId: Id,
  purpose: ConsentPurpose,
  categories: z.array(ConsentCategory).min(1, 'must name at least one category').max(5),
  startsOn: CalendarDay,
  endsOn: CalendarDay.nullish(),
  method: ConsentMethod,
  witnessName: optionalText(200),
});
export type RecordConsentBody = z.infer<typeof RecordConsentBody>;
export const RevokeConsentBody = z.strictObject({ reason: text(2000).optional() });
export type RevokeConsentBody = z.infer<typeof RevokeConsentBody>;

/** The fields a merge chooses between, one by one (sex and gender identity with their codes; the address as a whole). */
export const mergeFields = [
  'givenName',
  'familyName',
  'usedName',
  'birthDate',
  'sex',
  'genderIdentity',
  'pronouns',
  'preferredLanguage',
  'interpreterNeeded',
  'phone',
  'email',
  'contactMethod',
  'contactTimes',
  'address',
  'whatMatters',
] as const;
export const MergeField = z.enum(mergeFields);
export type MergeField = z.infer<typeof MergeField>;
/** Whose value a field keeps: the record kept (the one in the path) or the duplicate merged into it. */
export const MergeSide = z.enum(['survivor', 'duplicate']);
export type MergeSide = z.infer<typeof MergeSide>;

const side = MergeSide.optional();
export const MergePeopleBody = z.strictObject({
  /** The record merged into the one in the path: its row stays, marked as merged. */
  duplicateId: Id,
  /** Field by field, whose value the kept record has afterwards; a field left out keeps its own. */
  fields: z
    .strictObject({
      givenName: side,
      familyName: side,
      usedName: side,
      birthDate: side,
      sex: side,
      genderIdentity: side,
      pronouns: side,
      preferredLanguage: side,
      interpreterNeeded: side,
      phone: side,
      email: side,
      contactMethod: side,
      contactTimes: side,
      address: side,
      whatMatters: side,
    } satisfies Record<MergeField, typeof side>)
    .default({}),
  /** The versions of both records as read: a change made to either since then refuses the merge (409). */
  survivorVersion: z.number().int().min(1).max(2_147_483_647),
  duplicateVersion: z.number().int().min(1).max(2_147_483_647),
});
export type MergePeopleBody = z.infer<typeof MergePeopleBody>;

export const CreateProgramBody = z.strictObject({
  name: nonEmpty(200),
  entryCriteria: multiLineText().max(4000, 'must be at most 4000 characters').optional(),
  active: z.boolean('must be true or false').optional(),
});
export type CreateProgramBody = z.infer<typeof CreateProgramBody>;

export const PeopleQuery = PageQuery.extend({
  q: text(200).optional(),
  programId: Id.optional(),
  /** A care-team member (a user): `me` for the signed-in user. */
  careTeamUserId: z.union([Id, z.literal('me')]).optional(),
  /** People with a need of this domain (a need-domain code), in `needStatus` (default: any open status). */
  needDomain: text(100).optional(),
  needStatus: z
    .enum(['open', 'identified', 'in_scope', 'out_of_scope', 'being_addressed', 'met', 'declined', 'not_applicable'])
    .optional(),
  /** People last reached (a contact where the person was reached) within 7 or 30 days, not within 30 days (or never), or never. */
  lastReached: z.enum(lastReachedFilters).optional(),
  sort: PeopleSort.default('name'),
}).strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;
export const PeopleCsvQuery = PeopleQuery.omit({ limit: true, cursor: true }).strict();

export const PersonIdParams = z.strictObject({ personId: Id });
export const EnrolmentIdParams = z.strictObject({ personId: Id, enrolmentId: Id });
export const MemberIdParams = z.strictObject({ personId: Id, memberId: Id });
export const ConsentIdParams = z.strictObject({ personId: Id, consentId: Id });

// ----- answers -----

export const PersonAccess = z.object({
  /**
   * Why the viewer sees the person: their organisation holds the record (`holder`), a consent to
   * their organisation (`consent`), for staff of the holder who see none of its people otherwise,
   * being on the person's care team (`care_team`), or a referral sent to their organisation under
   * a consent (`referral`: its categories only).
   */
  basis: z.enum(['holder', 'consent', 'care_team', 'referral']),
  /** The kinds of information the viewer sees of the person; everything else is left out. */
  categories: z.array(ConsentCategory),
  /** The viewer's roles on the person's active care team, which narrow what they see (empty when they are not on it). */
  careTeamRoles: z.array(CareTeamRole),
});

export const Demographics = z.object({
  birthDate: z.string(),
  sex: z.string().nullable(),
  sexCode: SexCode.nullable(),
  genderIdentity: z.string().nullable(),
  genderIdentityCode: GenderIdentityCode.nullable(),
  pronouns: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  interpreterNeeded: z.boolean(),
});

export const Contact = z.object({
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactMethod: ContactMethod.nullable(),
  contactTimes: z.string().nullable(),
  addressLine: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postalCode: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number(), placedBy: z.enum(['postal_code']) }).nullable(),
});

export const Person = z.object({
  id: z.string(),
  holderOrganizationId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  usedName: z.string().nullable(),
  access: PersonAccess,
  /** Null when the viewer may not see demographics. */
  demographics: Demographics.nullable(),
  /** Null when the viewer may not see contact details. */
  contact: Contact.nullable(),
  /** "What matters to me", in the person's words: part of the care plan. */
  whatMatters: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof Person>;

/** One of "my people": the person, whether I am on their care team, and their open needs I may see (most urgent first, at most five). */
export const MyPerson = z.object({
  person: Person,
  onMyTeam: z.boolean(),
  openNeeds: z.array(z.object({ needDomain: z.string(), severity: z.enum(['low', 'medium', 'high', 'urgent']) })),
});
export type MyPerson = z.infer<typeof MyPerson>;

export const Identifier = z.object({ id: z.string(), kind: IdentifierKind, value: z.string(), issuer: z.string() });
export const Enrolment = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  enrolledOn: z.string(),
  reason: z.string(),
  enrolledBy: z.string().nullable(),
  disenrolledOn: z.string().nullable(),
  disenrolReason: z.string().nullable(),
});
export const PrimaryCare = z.object({
  practiceOrganizationId: z.string(),
  practiceName: z.string(),
  clinicianName: z.string().nullable(),
  relationship: PcpRelationship,
});
export const CareTeamMember = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  userId: z.string().nullable(),
  unitId: z.string().nullable(),
  displayName: z.string(),
  role: CareTeamRole,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
});
export const Consent = z.object({
  id: z.string(),
  granteeOrganizationId: z.string(),
  granteeName: z.string(),
  purpose: ConsentPurpose,
  categories: z.array(ConsentCategory),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  method: ConsentMethod,
  witnessName: z.string().nullable(),
  recordedAt: z.string(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
  /** Not revoked, begun and not ended. */
  active: z.boolean(),
});

export const PersonDetail = z.object({
  person: Person,
  /** Empty unless the viewer sees demographics. */
  identifiers: z.array(Identifier),
  /** Null unless the viewer sees the care plan (or none is recorded). */
  primaryCare: PrimaryCare.nullable(),
  careTeam: z.array(CareTeamMember),
  enrolments: z.array(Enrolment),
  /** All of them for the holder; a consented organisation sees the consents given to it. */
  consents: z.array(Consent),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

/** A person as the population list shows them: with when they were last reached (null unless the viewer sees the care plan). */
export const PersonListItem = Person.extend({ lastReachedAt: z.string().nullable() });
export type PersonListItem = z.infer<typeof PersonListItem>;
export const PersonPage = pageSchema(PersonListItem);

/** The people of the holder who may be the same person as one on record (same birth date and a similar name). */
export const PossibleDuplicates = z.object({ items: z.array(Person) });

/** What a merge moved from the duplicate to the record kept, counted. */
export const MergeMovedCounts = z.object({
  identifiers: z.number(),
  enrolments: z.number(),
  primaryCare: z.boolean(),
  careTeam: z.number(),
  consents: z.number(),
  screenings: z.number(),
  needs: z.number(),
  /** Open needs of a domain both records had, combined into one with both histories. */
  needsCombined: z.number(),
  goals: z.number(),
  contacts: z.number(),
});

export const PersonMerge = z.object({
  id: z.string(),
  /** The record kept by this merge: this person, or a record merged into this person later. */
  survivorId: z.string(),
  duplicateId: z.string(),
  /** When the duplicate record had been made. */
  duplicateCreatedAt: z.string(),
  mergedAt: z.string(),
  mergedBy: z.string().nullable(),
  mergedByName: z.string().nullable(),
  /** The fields that took the duplicate's value. */
  fieldsFromDuplicate: z.array(MergeField),
  moved: MergeMovedCounts,
});

/** The record's own history: when it was made, and the records merged into it (shown to the holder's staff only). */
export const PersonTimeline = z.object({
  personId: z.string(),
  createdAt: z.string(),
  merges: z.array(PersonMerge),
});
export type PersonTimeline = z.infer<typeof PersonTimeline>;

export const DuplicateCandidates = z.object({ candidateIds: z.array(z.string()) });

export const CareProgram = z.object({
  id: z.string(),
  organizationId: z.string(),
  name: z.string(),
  entryCriteria: z.string(),
  active: z.boolean(),
  activeEnrolments: z.number(),
});
export type CareProgram = z.infer<typeof CareProgram>;
export const CareProgramList = z.object({ items: z.array(CareProgram) });

for (const [schema, id] of [
  [ConsentCategory, 'ConsentCategory'],
  [ConsentPurpose, 'ConsentPurpose'],
  [ConsentMethod, 'ConsentMethod'],
  [IdentifierKind, 'IdentifierKind'],
  [SexCode, 'SexCode'],
  [GenderIdentityCode, 'GenderIdentityCode'],
  [ContactMethod, 'ContactMethod'],
  [PcpRelationship, 'PcpRelationship'],
  [CareTeamRole, 'CareTeamRole'],
  [PeopleSort, 'PeopleSort'],
  [Person, 'Person'],
  [MyPerson, 'MyPerson'],
  [PersonListItem, 'PersonListItem'],
  [PersonDetail, 'PersonDetail'],
  [Identifier, 'Identifier'],
  [Enrolment, 'Enrolment'],
  [PrimaryCare, 'PrimaryCare'],
  [CareTeamMember, 'CareTeamMember'],
  [Consent, 'Consent'],
  [CareProgram, 'CareProgram'],
  [CreatePersonBody, 'CreatePersonBody'],
  [UpdatePersonBody, 'UpdatePersonBody'],
  [EnrolBody, 'EnrolBody'],
  [DisenrolBody, 'DisenrolBody'],
  [PrimaryCareBody, 'PrimaryCareBody'],
  [AddCareTeamMemberBody, 'AddCareTeamMemberBody'],
  [RecordConsentBody, 'RecordConsentBody'],
  [RevokeConsentBody, 'RevokeConsentBody'],
  [CreateProgramBody, 'CreateProgramBody'],
  [MergeField, 'MergeField'],
  [MergeSide, 'MergeSide'],
  [MergePeopleBody, 'MergePeopleBody'],
  [PossibleDuplicates, 'PossibleDuplicates'],
  [PersonMerge, 'PersonMerge'],
  [PersonTimeline, 'PersonTimeline'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
