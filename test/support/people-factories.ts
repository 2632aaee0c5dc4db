// Factories of the people domain: a host with a care program and a coordinator, people held by
// the host, and consents, made through the use cases as the operator would.
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/platform/db/database';
import {
  createCareProgram,
  createPerson,
  recordConsent,
  type CreatePersonBody,
  type RecordConsentBody,
} from '../../src/domains/people';
import { buildHost, buildOrganization, buildUser } from './factories';

const unique = () => randomBytes(4).toString('hex');
const system = (db: Database) => ({ db, actor: 'system' as const });

export async function buildProgram(db: Database, organizationId: string, name = `Program ${unique()}`) {
  return createCareProgram(system(db), { organizationId, body: { name, entryCriteria: 'Two or more admissions in a year.' } });
}

/** A person held by `holderOrganizationId` (default: the host), with an MRN. */
export async function buildPerson(
  db: Database,
  options: { holderOrganizationId?: string; body?: Partial<CreatePersonBody> } = {},
) {
  const holder = options.holderOrganizationId ?? (await buildHost(db)).id;
  const record = await createPerson(system(db), {
    holderOrganizationId: holder,
    body: {
      givenName: `Given${unique()}`,
      familyName: `Family${unique()}`,
      birthDate: '1961-04-09',
      phone: '410-555-0100',
      email: `person-${unique()}@example.org`,
      addressLine: '12 Elm Street',
      city: 'Baltimore',
      state: 'MD',
      postalCode: '21201',
      preferredLanguage: 'es',
      pronouns: 'she/her',
      whatMatters: 'Staying in my own home.',
      identifiers: [{ kind: 'mrn', value: `MRN-${unique()}` }],
      confirmNotDuplicate: true,
      ...options.body,
    },
  });
  return record.row;
}

export async function buildConsent(
  db: Database,
  personId: string,
  body: Partial<RecordConsentBody> & { granteeOrganizationId: string },
) {
  const record = await recordConsent(system(db), {
    personId,
    body: {
      purpose: 'care_coordination',
      categories: ['contact'],
      startsOn: '2026-01-01',
      method: 'signed_form',
      ...body,
    },
  });
  // The newest consent: the one just recorded.
  return record.consents.reduce((newest, consent) => (consent.recorded_at > newest.recorded_at ? consent : newest));
}

/** The host, a coordinator and an admin of it, a community organisation and its partner staff, another one's staff. */
export async function buildPeopleWorld(db: Database) {
  const host = await buildHost(db);
  const coordinator = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });
  const hostPartnerStaff = await buildUser(db, { organizationId: host.id, roles: ['partner_staff'] });
  const pantry = await buildOrganization(db, { name: `Pantry ${unique()}` });
  const pantryStaff = await buildUser(db, { organizationId: pantry.id, roles: ['partner_staff'] });
  const pantryAdmin = await buildUser(db, { organizationId: pantry.id, roles: ['admin'] });
  const other = await buildOrganization(db, { name: `Other ${unique()}` });
  const otherStaff = await buildUser(db, { organizationId: other.id, roles: ['care_coordinator'] });
  return { host, coordinator, hostPartnerStaff, pantry, pantryStaff, pantryAdmin, other, otherStaff };
}
