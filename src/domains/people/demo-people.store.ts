// Writing the demo population in bulk: a few hundred people with their identifiers, enrolments,
// primary care, care teams and consents, a handful of statements in all (the demo's start stays
// fast). Only the demo seeder calls this, in its own transaction, as the operator.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import type { CareTeamRole, ConsentCategory } from './people.schema';
import { nameKey } from './people.store';

export interface DemoPersonInput {
  givenName: string;
  familyName: string;
  usedName: string | null;
  birthDate: string;
  sex: string;
  sexCode: 'female' | 'male';
  pronouns: string | null;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  phone: string;
  email: string | null;
  contactMethod: 'phone' | 'text' | 'email';
  contactTimes: string | null;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: number | null;
  longitude: number | null;
  whatMatters: string;
  mrn: string;
  enrolment: { programId: string; enrolledOn: string; reason: string } | null;
  primaryCare: { practiceOrganizationId: string; clinicianName: string; relationship: 'ongoing_care' | 'refers_only' } | null;
  careTeam: { organizationId: string; userId: string | null; displayName: string; role: CareTeamRole; startedOn: string }[];
  consents: {
    granteeOrganizationId: string;
    purpose: 'care_coordination' | 'referral';
    categories: ConsentCategory[];
    startsOn: string;
    method: 'signed_form' | 'verbal';
    witnessName: string | null;
  }[];
}

const column = <T>(people: { id: string; input: DemoPersonInput }[], pick: (input: DemoPersonInput) => T) =>
  people.map((person) => pick(person.input));

export async function bulkInsertDemoPeople(
  q: Queryable,
  holderOrganizationId: string,
  inputs: DemoPersonInput[],
): Promise<string[]> {
  const people = inputs.map((input) => ({ id: randomUUID(), input }));
  await q.query(
    `INSERT INTO people (id, holder_organization_id, given_name, family_name, used_name, name_key, birth_date, sex, sex_code,
                         pronouns, preferred_language, interpreter_needed, phone, email, contact_method, contact_times,
                         address_line, city, state, postal_code, latitude, longitude, placed_by, what_matters)
     SELECT id, $1, given, family, used, key, born, sex, sex_code, pronouns, language, interpreter, phone, email, method, times,
            line, city, state, zip, lat, lon, CASE WHEN lat IS NULL THEN NULL ELSE 'postal_code' END, matters
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::boolean[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[],
                   $19::text[], $20::text[], $21::float8[], $22::float8[], $23::text[])
         AS t (id, given, family, used, key, born, sex, sex_code, pronouns, language, interpreter, phone, email, method, times,
               line, city, state, zip, lat, lon, matters)`,
    [
      holderOrganizationId,
      people.map((person) => person.id),
      column(people, (p) => p.givenName),
      column(people, (p) => p.familyName),
      column(people, (p) => p.usedName),
      column(people, (p) => nameKey(p.givenName, p.familyName)),
      column(people, (p) => p.birthDate),
      column(people, (p) => p.sex),
      column(people, (p) => p.sexCode),
      column(people, (p) => p.pronouns),
      column(people, (p) => p.preferredLanguage),
      column(people, (p) => p.interpreterNeeded),
      column(people, (p) => p.phone),
      column(people, (p) => p.email),
      column(people, (p) => p.contactMethod),
      column(people, (p) => p.contactTimes),
      column(people, (p) => p.addressLine),
      column(people, (p) => p.city),
      column(people, (p) => p.state),
      column(people, (p) => p.postalCode),
      column(people, (p) => p.latitude),
      column(people, (p) => p.longitude),
      column(people, (p) => p.whatMatters),
    ],
  );
  await q.query(
    `INSERT INTO person_identifiers (person_id, holder_organization_id, kind, value, issuer)
     SELECT id, $1, 'mrn', mrn, 'Host health system' FROM unnest($2::uuid[], $3::text[]) AS t (id, mrn)`,
    [holderOrganizationId, people.map((person) => person.id), column(people, (p) => p.mrn)],
  );
  const enrolled = people.filter((person) => person.input.enrolment);
  await q.query(
    `INSERT INTO person_enrolments (person_id, program_id, enrolled_on, reason)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::text[])`,
    [
      enrolled.map((person) => person.id),
      enrolled.map((person) => person.input.enrolment!.programId),
      enrolled.map((person) => person.input.enrolment!.enrolledOn),
      enrolled.map((person) => person.input.enrolment!.reason),
    ],
  );
  const withPcp = people.filter((person) => person.input.primaryCare);
  await q.query(
    `INSERT INTO person_primary_care (person_id, practice_organization_id, clinician_name, relationship)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[])`,
    [
      withPcp.map((person) => person.id),
      withPcp.map((person) => person.input.primaryCare!.practiceOrganizationId),
      withPcp.map((person) => person.input.primaryCare!.clinicianName),
      withPcp.map((person) => person.input.primaryCare!.relationship),
    ],
  );
  const members = people.flatMap((person) => person.input.careTeam.map((member) => ({ personId: person.id, ...member })));
  await q.query(
    `INSERT INTO person_care_team (person_id, organization_id, user_id, display_name, role, started_on)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::date[])`,
    [
      members.map((member) => member.personId),
      members.map((member) => member.organizationId),
      members.map((member) => member.userId),
      members.map((member) => member.displayName),
      members.map((member) => member.role),
      members.map((member) => member.startedOn),
    ],
  );
  const consents = people.flatMap((person) => person.input.consents.map((consent) => ({ personId: person.id, ...consent })));
  // Categories travel as one comma-joined text per consent (unnest cannot take an array of arrays of different lengths).
  await q.query(
    `INSERT INTO person_consents (person_id, grantee_organization_id, purpose, categories, starts_on, method, witness_name)
     SELECT person, grantee, purpose, string_to_array(categories, ','), starts, method, witness
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[], $7::text[])
         AS t (person, grantee, purpose, categories, starts, method, witness)`,
    [
      consents.map((consent) => consent.personId),
      consents.map((consent) => consent.granteeOrganizationId),
      consents.map((consent) => consent.purpose),
      consents.map((consent) => consent.categories.join(',')),
      consents.map((consent) => consent.startsOn),
      consents.map((consent) => consent.method),
      consents.map((consent) => consent.witnessName),
    ],
  );
  // The ids in the order of the inputs, for the records other domains attach to these people.
  return people.map((person) => person.id);
}

export type DemoConsentInput = DemoPersonInput['consents'][number] & { personId: string };

/** Consents of people already written (the demo's referrals go under them); their ids, in order. */
export async function bulkInsertDemoConsents(q: Queryable, consents: DemoConsentInput[]): Promise<string[]> {
  const ids = consents.map(() => randomUUID());
  if (consents.length === 0) return ids;
  await q.query(
    `INSERT INTO person_consents (id, person_id, grantee_organization_id, purpose, categories, starts_on, method, witness_name)
     SELECT c.id, c.person_id, c.grantee, c.purpose, string_to_array(c.categories, ','), c.starts_on, c.method, c.witness
       FROM jsonb_to_recordset($1::jsonb) AS c (id uuid, person_id uuid, grantee uuid, purpose text, categories text,
                                                starts_on date, method text, witness text)`,
    [
      JSON.stringify(
        consents.map((consent, index) => ({
          id: ids[index],
          person_id: consent.personId,
          grantee: consent.granteeOrganizationId,
          purpose: consent.purpose,
          categories: consent.categories.join(','),
          starts_on: consent.startsOn,
          method: consent.method,
          witness: consent.witnessName,
        })),
      ),
    ],
  );
  return ids;
}
