// Small helpers the people pages share: a person's name as shown, and who may change records.
import type { Me, Person } from '../api/types';

export function personName(person: Pick<Person, 'givenName' | 'familyName' | 'usedName'>): string {
  const name = `${person.givenName} ${person.familyName}`;
  return person.usedName ? `${name} (${person.usedName})` : name;
}

/** Staff who may add people and change records (the server decides; this only hides buttons). */
export function canWritePeople(me: Me): boolean {
  return me.user.roles.some((role) => role === 'admin' || role === 'program_manager' || role === 'care_coordinator');
}
