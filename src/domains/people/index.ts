// The people domain's public face: the only file other folders may import. Loading it registers
// the domain's policy rules. People's names are personal data: no record-name function is
// registered for the audit log, which shows a person's id only.
import './people.policy';

export { peopleRoutes } from './people.routes';
export { createPerson } from './create-person';
export { createCareProgram } from './create-care-program';
export { readPerson } from './read-person';
export { readPeople } from './read-people';
export {
  addCareTeamMember,
  disenrolPerson,
  endCareTeamMember,
  enrolPerson,
  recordConsent,
  revokeConsent,
  setPrimaryCare,
} from './change-care';
export { holderCategories } from './access';
export { bulkInsertDemoPeople } from './demo-people.store';
export type { DemoPersonInput } from './demo-people.store';
export { consentCategories, careTeamRoles } from './people.schema';
export type { CreatePersonBody, RecordConsentBody, ConsentCategory, CareTeamRole } from './people.schema';

// For the domains that keep data about a person (screening and needs): the one access rule.
export { guardPerson } from './guard';
export { sees, writesForHolder } from './access';
export type { PersonAccess } from './access';
export type { GuardedPerson } from './people.policy';
