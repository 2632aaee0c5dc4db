// Who may record a contact with a person (the server decides; this only hides the form): the
// holder's staff who change its records, and, where a consent names the care plan, the staff of
// the consented organisation (not its leaders, who only read).
import type { Me, Person } from '../api/types';

const writingRoles = new Set(['admin', 'program_manager', 'care_coordinator']);

export function canRecordContacts(me: Me, person: Pick<Person, 'access' | 'holderOrganizationId'>): boolean {
  if (person.access.basis === 'holder') return me.user.roles.some((role) => writingRoles.has(role));
  return (
    person.holderOrganizationId !== me.organization.id &&
    person.access.categories.includes('care_plan') &&
    me.user.roles.some((role) => writingRoles.has(role) || role === 'partner_staff')
  );
}
