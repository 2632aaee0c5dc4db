// The people domain's public face: the only file other folders may import. Loading it registers
// the domain's policy rules. People's names are personal data: no record-name function is
// registered for the audit log, which shows a person's id only.
import './people.policy';

export { peopleRoutes } from './people.routes';
export { createPerson } from './create-person';
export { nameKey } from './people.store';
export { provideNeedsFilter, provideNeedsMover } from './needs-hooks';
export type { NeedsFilter, NeedsMover, MovedNeeds } from './needs-hooks';
export { provideLastReached } from './last-reached';
export type { LastReached, LastReachedFilter } from './last-reached';
export { importPeople } from './import-people';
export type { ImportPersonRow, ImportNote, ImportFieldError, ImportPeopleResult, ImportRowResult } from './import-people';
export { createCareProgram } from './create-care-program';
export { readPerson } from './read-person';
export { readPeople } from './read-people';
export { readMyPeople } from './read-my-people';
export { addCareTeamMember } from './add-care-team-member';
export { disenrolPerson } from './disenrol-person';
export { endCareTeamMember } from './end-care-team-member';
export { enrolPerson } from './enrol-person';
export { recordConsent } from './record-consent';
export { revokeConsent } from './revoke-consent';
export { setPrimaryCare } from './set-primary-care';
export { searchPeople } from './search-people';
export type { PeopleSearch, FoundPerson } from './search-people';
export { readConsent } from './read-consent';
export { searchConsents } from './search-consents';
export type { ConsentRecord } from './read-consent';
export type { ConsentsPage } from './search-consents';
export type { PersonRecord } from './read-person';
export type { ConsentRow } from './care.store';
// For a domain that shows a person under its own rule (a referral's recipient, under the consent
// it went under): the person's fields in the categories it settled, and the consents it checks.
export { presentSharedPeople } from './shared-people';
export { findConsentsByIds, listConsents as listPersonConsents } from './care.store';
export { Person as PersonSchema } from './people.schema';
export type { Person } from './people.schema';
export type { IdentifierRow, VisiblePersonRow } from './people.store';
export type { PersonAccess, AccessBasis } from './access';
export { holderCategories, sees } from './access';
export { bulkInsertDemoPeople, bulkInsertDemoConsents } from './demo-people.store';
export type { DemoPersonInput, DemoConsentInput } from './demo-people.store';
export {
  consentCategories,
  careTeamRoles,
  CreatePersonBody as CreatePersonBodySchema,
  CreateProgramBody,
  PeopleQuery,
} from './people.schema';
export type {
  CreatePersonBody,
  RecordConsentBody,
  ConsentCategory,
  ConsentPurpose,
  CareTeamRole,
  IdentifierKind,
} from './people.schema';

// For the domains that keep data about a person (screening and needs): the one access rule.
export { guardPerson } from './guard';
export { writesForHolder, viewerOf, accessOf, accessAuditDetails } from './access';
export type { Viewer } from './access';
// …and for their lists across people (a FHIR search of screenings or needs): the rule as SQL.
export { visiblePeopleSql } from './access.store';
export type { VisiblePeopleSql } from './access.store';
export type { GuardedPerson } from './people.policy';
