// The outreach domain's public face: each contact the team makes with a person (a call, a text
// message, a visit), and when each person was last reached. Loading it registers the domain's
// policy rules and gives the population list its "last reached" column and filter. Contacts are
// personal data: no record-name function is registered for the audit log.
import './outreach.policy';
import { provideLastReached } from '../people';
import { lastReachedSql } from './last-reached.store';
import { movePersonContacts } from './move-person-contacts';

// The population list's "last reached": the people domain includes this SQL in its list query; a
// merge of two records of one person moves their contacts through the same hook.
provideLastReached({ ...lastReachedSql, move: movePersonContacts });

export { outreachRoutes } from './outreach.routes';
export { recordContact } from './record-contact';
export { readContacts } from './read-contacts';
export type { ContactsPage, ContactNames } from './read-contacts';
export { bulkInsertDemoContacts } from './demo-contacts.store';
export type { DemoContactInput } from './demo-contacts.store';
export { outreachMethods } from './outreach.schema';
export type { RecordContactBody, OutreachMethod } from './outreach.schema';
