// Patient: a person record as FHIR R4, shaped after US Core Patient as far as the record allows,
// and a FHIR Patient read back into the people domain's create body. What the viewer's access does
// not include is left out (no contact category: no telecom or address; no demographics: no
// birthDate, gender, communication or identifiers), and meta.security says the resource is redacted.
import {
  CreatePersonBodySchema,
  sees,
  type CreatePersonBody,
  type IdentifierRow,
  type PersonAccess,
  type VisiblePersonRow,
} from '../../domains/people';
import { AppError, type FieldError } from '../../platform/http/app-error';
import { hl7, identifierSystems } from './systems';

type Json = Record<string, unknown>;

/** A Patient as served; the shape the presenter writes (its fields, one by one). */
export interface FhirPatient extends Json {
  resourceType: 'Patient';
  id: string;
}

const identifierTypes = {
  mrn: { code: 'MR', display: 'Medical record number' },
  payer_member_id: { code: 'MB', display: 'Member Number' },
} as const;

/** The person's stated sex as FHIR administrative gender, or undefined when it does not map honestly. */
function genderOf(sexCode: VisiblePersonRow['sex_code']): string | undefined {
  if (sexCode === 'female' || sexCode === 'male' || sexCode === 'unknown') return sexCode;
  // 'intersex' is a sex, not an administrative gender ('other' would say something else); nothing recorded: nothing said.
  return undefined;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

export function presentPatient(row: VisiblePersonRow, access: PersonAccess, identifiers: IdentifierRow[]): FhirPatient {
  const demographics = sees(access, 'demographics');
  const contact = sees(access, 'contact');
  const redacted = !demographics || !contact;
  const gender = demographics ? genderOf(row.sex_code) : undefined;
  const telecom = contact
    ? [
        ...(row.phone ? [{ system: 'phone', value: row.phone, ...(row.contact_method === 'phone' && { rank: 1 }) }] : []),
        ...(row.phone && row.contact_method === 'text' ? [{ system: 'sms', value: row.phone, rank: 1 }] : []),
        ...(row.email ? [{ system: 'email', value: row.email, ...(row.contact_method === 'email' && { rank: 1 }) }] : []),
      ]
    : [];
  const hasAddress = contact && (row.address_line || row.city || row.state || row.postal_code);
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: {
      versionId: String(row.version),
      lastUpdated: row.updated_at.toISOString(),
      ...(redacted && {
        security: [{ system: hl7.observationValue, code: 'REDACTED', display: 'redacted' }],
      }),
    },
    ...(demographics && row.interpreter_needed && { extension: [{ url: hl7.interpreterRequired, valueBoolean: true }] }),
    ...(demographics &&
      identifiers.length > 0 && {
        identifier: identifiers.map((identifier) => ({
          use: identifier.kind === 'mrn' ? 'usual' : 'secondary',
          type: {
            coding: [{ system: hl7.identifierType, ...identifierTypes[identifier.kind] }],
            text: identifierTypes[identifier.kind].display,
          },
          system: identifier.kind === 'mrn' ? identifierSystems.mrn : identifierSystems.payerMemberId,
          value: identifier.value,
          ...(identifier.issuer && { assigner: { display: identifier.issuer } }),
        })),
      }),
    active: true,
    name: [
      { use: 'official', family: row.family_name, given: words(row.given_name) },
      ...(row.used_name ? [{ use: 'usual', given: [row.used_name] }] : []),
    ],
    ...(telecom.length > 0 && { telecom }),
    ...(gender && { gender }),
    ...(demographics && { birthDate: row.birth_date }),
    ...(hasAddress && {
      address: [
        {
          use: 'home',
          ...(row.address_line && { line: [row.address_line] }),
          ...(row.city && { city: row.city }),
          ...(row.state && { state: row.state }),
          ...(row.postal_code && { postalCode: row.postal_code }),
        },
      ],
    }),
    ...(demographics &&
      row.preferred_language && {
        communication: [{ language: { coding: [{ system: hl7.language, code: row.preferred_language }] }, preferred: true }],
      }),
  };
}

/**
 * A record merged into another, as FHIR tells it (Patient.link type `replaced-by`, as a Patient
 * $merge leaves the source): not active, and pointing at the Patient it lives on as. Nothing of
 * the merged record's data is served: read the other Patient for that.
 */
export function presentReplacedPatient(id: string, survivorId: string): FhirPatient {
  return {
    resourceType: 'Patient',
    id,
    active: false,
    link: [{ other: { reference: `Patient/${survivorId}` }, type: 'replaced-by' }],
  };
}

// ----- a Patient read back into a person -----

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const current = (element: Json, today: string) => {
  const end = isObject(element.period) ? text(element.period.end) : undefined;
  return end === undefined || end.slice(0, 10) >= today;
};

/** Where each create-body field came from in the Patient, so that an error names the element. */
type Origins = Record<string, string>;

function fail(errors: FieldError[]): never {
  throw new AppError('validation_failed', errors.map((error) => `${error.field}: ${error.message}`).join('; '), { errors });
}

/**
 * The people domain's create body from a FHIR Patient: the current official (or only) name, the
 * name used (`usual`/`nickname`), birthDate, gender as the stated sex, the first phone and email,
 * the current home address, the preferred language, the interpreter extension, and identifiers
 * that are an MRN or a member id (by Kith's systems or the v2 type MR / MB). Extensions Kith does
 * not keep (race, ethnicity, birth sex) are not stored. Errors name the element.
 */
export function patientToCreateBody(resource: unknown, today = new Date().toISOString().slice(0, 10)): CreatePersonBody {
  if (!isObject(resource)) fail([{ field: 'Patient', message: 'must be a JSON object' }]);
  if (resource.resourceType !== 'Patient') fail([{ field: 'Patient.resourceType', message: 'must be Patient' }]);
  const errors: FieldError[] = [];
  const origins: Origins = {};
  const body: Json = { identifiers: [] };

  const names = Array.isArray(resource.name) ? resource.name : [];
  if (resource.name !== undefined && !Array.isArray(resource.name))
    errors.push({ field: 'Patient.name', message: 'must be a list' });
  const indexed = names
    .map((name: unknown, index) => ({ name, index }))
    .filter((entry): entry is { name: Json; index: number } => isObject(entry.name));
  const usedUses = new Set(['usual', 'nickname']);
  const legal = indexed.filter(({ name }) => !usedUses.has(String(name.use)) && name.use !== 'old' && current(name, today));
  const official = legal.find(({ name }) => name.use === 'official') ?? legal[legal.length - 1];
  if (!official) errors.push({ field: 'Patient.name', message: 'must hold a current name with family and given parts' });
  else {
    const given = Array.isArray(official.name.given) ? official.name.given.filter((part) => typeof part === 'string') : [];
    body.givenName = given.join(' ');
    body.familyName = text(official.name.family) ?? '';
    origins.givenName = `Patient.name[${official.index}].given`;
    origins.familyName = `Patient.name[${official.index}].family`;
  }
  const used = indexed.find(({ name }) => usedUses.has(String(name.use)) && current(name, today));
  if (used) {
    const given = Array.isArray(used.name.given) ? used.name.given.filter((part) => typeof part === 'string') : [];
    body.usedName = text(used.name.text) ?? given.join(' ');
    origins.usedName = `Patient.name[${used.index}]`;
  }

  if (resource.birthDate === undefined)
    errors.push({ field: 'Patient.birthDate', message: 'is required: Kith keeps a date of birth for every person' });
  else body.birthDate = resource.birthDate;
  origins.birthDate = 'Patient.birthDate';

  if (resource.gender !== undefined) {
    const gender = resource.gender;
    if (gender !== 'male' && gender !== 'female' && gender !== 'other' && gender !== 'unknown') {
      errors.push({ field: 'Patient.gender', message: 'must be male, female, other or unknown' });
    } else if (gender !== 'other') body.sexCode = gender;
  }

  listOf(resource.telecom).forEach((point, index) => {
    const value = text(point.value);
    if (!value) return;
    if ((point.system === 'phone' || point.system === 'sms') && body.phone === undefined) {
      body.phone = value;
      origins.phone = `Patient.telecom[${index}].value`;
    }
    if (point.system === 'email' && body.email === undefined) {
      body.email = value;
      origins.email = `Patient.telecom[${index}].value`;
    }
  });

  const addresses = listOf(resource.address).map((address, index) => ({ address, index }));
  const home = addresses.find(({ address }) => address.use !== 'old' && address.use !== 'billing' && current(address, today));
  if (home) {
    const lines = Array.isArray(home.address.line) ? home.address.line.filter((line) => typeof line === 'string') : [];
    if (lines.length) body.addressLine = lines.join(', ');
    for (const [field, element] of [
      ['city', 'city'],
      ['state', 'state'],
      ['postalCode', 'postalCode'],
    ] as const) {
      const value = text(home.address[element]);
      if (value !== undefined) body[field] = value;
      origins[field] = `Patient.address[${home.index}].${element}`;
    }
    origins.addressLine = `Patient.address[${home.index}].line`;
  }

  const communications = listOf(resource.communication).map((communication, index) => ({ communication, index }));
  const preferred = communications.find(({ communication }) => communication.preferred === true) ?? communications[0];
  if (preferred) {
    const language = isObject(preferred.communication.language) ? preferred.communication.language : {};
    const coding = listOf(language.coding).find((entry) => entry.system === undefined || entry.system === hl7.language);
    const code = text(coding?.code);
    if (code) body.preferredLanguage = code;
    origins.preferredLanguage = `Patient.communication[${preferred.index}].language`;
  }

  const interpreter = listOf(resource.extension).find((extension) => extension.url === hl7.interpreterRequired);
  if (interpreter && typeof interpreter.valueBoolean === 'boolean') body.interpreterNeeded = interpreter.valueBoolean;

  const identifiers: Json[] = [];
  listOf(resource.identifier).forEach((identifier, index) => {
    const system = text(identifier.system);
    const types = isObject(identifier.type) ? listOf(identifier.type.coding) : [];
    const typed = (code: string) => types.some((coding) => coding.system === hl7.identifierType && coding.code === code);
    const kind =
      system === identifierSystems.mrn || (system !== identifierSystems.payerMemberId && typed('MR'))
        ? 'mrn'
        : system === identifierSystems.payerMemberId || typed('MB') || typed('SN')
          ? 'payer_member_id'
          : undefined;
    if (!kind) {
      errors.push({
        field: `Patient.identifier[${index}]`,
        message: `must be a medical record number or a member id: use the system ${identifierSystems.mrn} or ${identifierSystems.payerMemberId}, or the type MR or MB`,
      });
      return;
    }
    origins[`identifiers.${identifiers.length}.value`] = `Patient.identifier[${index}].value`;
    origins[`identifiers.${identifiers.length}.issuer`] = `Patient.identifier[${index}].system`;
    const assigner = isObject(identifier.assigner) ? text(identifier.assigner.display) : undefined;
    const issuer = system && system !== identifierSystems.mrn && system !== identifierSystems.payerMemberId ? system : assigner;
    identifiers.push({ kind, value: identifier.value, ...(issuer && { issuer }) });
  });
  body.identifiers = identifiers;
  if (errors.length) fail(errors);

  const parsed = CreatePersonBodySchema.safeParse(body);
  if (!parsed.success) {
    fail(
      parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        const field =
          origins[path] ?? origins[String(issue.path[0])] ?? (path.startsWith('identifiers') ? 'Patient.identifier' : 'Patient');
        return { field, message: issue.message };
      }),
    );
  }
  return parsed.data;
}
