// A person's fields as a request gives them, made into the values a row holds: empty text as
// null, and the address placed at its ZIP code's centre (the directory's table of ZIP codes).
import type { Queryable } from '../../platform/db/database';
import { postalCodeCentre } from '../directory';
import type { CreatePersonBody, UpdatePersonBody } from './people.schema';
import type { PersonRow, PersonValues } from './people.store';

export function valuesOfRow(row: PersonRow): PersonValues {
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    usedName: row.used_name,
    birthDate: row.birth_date,
    sex: row.sex,
    sexCode: row.sex_code,
    genderIdentity: row.gender_identity,
    genderIdentityCode: row.gender_identity_code,
    pronouns: row.pronouns,
    preferredLanguage: row.preferred_language,
    interpreterNeeded: row.interpreter_needed,
    phone: row.phone,
    email: row.email,
    contactMethod: row.contact_method,
    contactTimes: row.contact_times,
    addressLine: row.address_line,
    city: row.city,
    state: row.state,
    postalCode: row.postal_code,
    latitude: row.latitude,
    longitude: row.longitude,
    placedBy: row.placed_by === 'postal_code' ? 'postal_code' : null,
    whatMatters: row.what_matters,
  };
}

type Fields = Omit<CreatePersonBody, 'identifiers' | 'enrolment' | 'confirmNotDuplicate'>;

/** The values of a new person, or of one changed by `changes` (fields left out stay as they were). */
export async function personValues(
  q: Queryable,
  base: PersonValues | undefined,
  changes: Fields | Omit<UpdatePersonBody, 'version'>,
): Promise<PersonValues> {
  const pick = <K extends keyof PersonValues & keyof Fields>(key: K, fallback: PersonValues[K]): PersonValues[K] => {
    const value = (changes as Partial<Fields>)[key];
    return value === undefined ? (base ? base[key] : fallback) : (value as PersonValues[K]);
  };
  const values: PersonValues = {
    givenName: pick('givenName', ''),
    familyName: pick('familyName', ''),
    usedName: pick('usedName', null),
    birthDate: pick('birthDate', ''),
    sex: pick('sex', null),
    sexCode: pick('sexCode', null),
    genderIdentity: pick('genderIdentity', null),
    genderIdentityCode: pick('genderIdentityCode', null),
    pronouns: pick('pronouns', null),
    preferredLanguage: pick('preferredLanguage', null),
    interpreterNeeded: pick('interpreterNeeded', false),
    phone: pick('phone', null),
    email: pick('email', null),
    contactMethod: pick('contactMethod', null),
    contactTimes: pick('contactTimes', null),
    addressLine: pick('addressLine', null),
    city: pick('city', null),
    state: pick('state', null),
    postalCode: pick('postalCode', null),
    latitude: base?.latitude ?? null,
    longitude: base?.longitude ?? null,
    placedBy: base?.placedBy ?? null,
    whatMatters: pick('whatMatters', null),
  };
  if (!base || values.postalCode !== base.postalCode) {
    const place = values.postalCode ? await postalCodeCentre(q, values.postalCode) : undefined;
    values.latitude = place?.latitude ?? null;
    values.longitude = place?.longitude ?? null;
    values.placedBy = place ? 'postal_code' : null;
  }
  return values;
}

/** The names of the fields a change touched (for the audit row: names, never values). */
export function changedFields(before: PersonValues, after: PersonValues): string[] {
  return (Object.keys(after) as (keyof PersonValues)[]).filter((key) => before[key] !== after[key]);
}
