// Request and response schemas of the directory's Kith API (the HSDS API lives in interop/hsds).
import { z } from 'zod';
import { isoDateTime } from '../../platform/http/dates';
import { multiLineText, oneLineText } from '../../platform/http/text';
import { MAX_RADIUS_KM } from './search-place';

export const capacityStatuses = ['available', 'no_capacity', 'waitlist', 'assessment_required'] as const;
export const CapacityStatus = z.enum(capacityStatuses);
export type CapacityStatus = z.infer<typeof CapacityStatus>;
export const referralChannels = ['kith', 'email', 'phone', 'fax', 'walk_in'] as const;
export const ReferralChannel = z.enum(referralChannels);
export type ReferralChannel = z.infer<typeof ReferralChannel>;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item).max(30)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.output<T>[]);

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const SearchQuery = z
  .strictObject({
    q: oneLineText().max(200, 'must be at most 200 characters').optional(),
    need: oneOrMany(z.string().regex(/^[a-z-]{3,60}$/, 'must be a need-domain code')).optional(),
    taxonomyTermId: oneOrMany(z.uuid('must be a UUID')).optional(),
    near: oneLineText().min(2, 'must be a ZIP code or an address').max(200, 'must be at most 200 characters').optional(),
    lat: z.coerce.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90').optional(),
    lon: z.coerce.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180').optional(),
    radiusKm: z.coerce
      .number()
      .min(0.1, 'must be at least 0.1')
      .max(MAX_RADIUS_KM, `must be at most ${MAX_RADIUS_KM}`)
      .optional(),
    openNow: flag.optional(),
    openAt: isoDateTime().optional(),
    language: oneLineText().toLowerCase().min(2).max(40).optional(),
    acceptingReferrals: flag.optional(),
    hasCapacity: flag.optional(),
    serviceArea: oneLineText().toLowerCase().min(2).max(100).optional(),
    /** Search the words as typed: no word corrected, no language's name taken as the language filter. */
    verbatim: flag.optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100').default(20),
    cursor: z.string().max(100).optional(),
  })
  .refine((query) => (query.lat === undefined) === (query.lon === undefined), {
    message: 'give lat and lon together',
    path: ['lon'],
  });
export type SearchQuery = z.output<typeof SearchQuery>;

const Capacity = z.object({
  status: CapacityStatus,
  openSlots: z.number().nullable(),
  waitlistLength: z.number().nullable(),
  daysToFirstContact: z.number().nullable(),
  updatedAt: z.string().nullable(),
  note: z.string().nullable(),
});

const NeedDomainRef = z.object({ code: z.string(), name: z.string() });

export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/**
 * One schedule's opening hours as data: the web app puts them into the reader's language. `days`,
 * `opens` and `closes` are set for a weekly schedule with clock times (`days` null: every day;
 * times HH:MM, local to the network, "24:00" for the end of the day); `description` and `notes`
 * are the schedule's own words ("By appointment").
 */
export const OpeningHours = z.object({
  days: z.array(z.enum(weekdays)).nullable(),
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  description: z.string().nullable(),
  notes: z.string().nullable(),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const SearchResult = z.object({
  entryId: z.string(),
  serviceId: z.string(),
  serviceName: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  locationName: z.string().nullable(),
  summary: z.string(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  distanceKm: z.number().nullable(),
  /** Where the service is (WGS 84), for a map and directions; null when the directory does not say. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  openNow: z.boolean().nullable(),
  hours: z.array(OpeningHours),
  needDomains: z.array(NeedDomainRef),
  languages: z.array(z.string()),
  acceptingReferrals: z.boolean(),
  howToRefer: z.array(ReferralChannel),
  referralContact: z.object({ email: z.string().nullable(), phone: z.string().nullable(), fax: z.string().nullable() }),
  capacity: Capacity.nullable(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const FoundOrganization = z.object({
  name: z.string(),
  /** Its page in the directory, if it has one. */
  directoryOrganizationId: z.string().nullable(),
  /** The network organisation it is, if it is a member of the network. */
  networkOrganizationId: z.string().nullable(),
});
export type FoundOrganization = z.infer<typeof FoundOrganization>;

export const SearchAnswer = z.object({
  items: z.array(SearchResult),
  nextCursor: z.string().nullable(),
  origin: z.object({ latitude: z.number(), longitude: z.number(), label: z.string() }).nullable(),
  /** What was searched for when it is not what was typed (words corrected, a language's name taken as the filter). */
  correction: z.object({ searchedFor: z.string(), typed: z.string() }).nullable(),
  /** The code of the language the words named, applied as the language filter. */
  languageFromWords: z.string().nullable(),
  /** The organisations the words name, directory organisations and the network's members (first page only). */
  organizations: z.array(FoundOrganization),
  /**
   * When a search near a place finds nothing within its radius: how far away the nearest match
   * is (same words and filters, out to 200 km); null otherwise, or when none is that near.
   */
  nearest: z.object({ distanceMetres: z.number() }).nullable(),
});
export type SearchAnswer = z.infer<typeof SearchAnswer>;

export const NeedDomain = z.object({ code: z.string(), name: z.string(), description: z.string() });
export type NeedDomain = z.infer<typeof NeedDomain>;

export const ServiceIdParams = z.strictObject({ serviceId: z.uuid('must be a UUID') });
export const OrganizationIdParams = z.strictObject({ organizationId: z.uuid('must be a UUID') });

const Phone = z
  .string()
  .trim()
  .max(50, 'must be at most 50 characters')
  .regex(/^[0-9+() .x-]*$/, 'may hold only digits, spaces and + ( ) . - x');

const Count = (most: number) =>
  z.number('must be a number').int('must be a whole number').min(0, 'must be 0 or more').max(most, `must be at most ${most}`);

export const UpdateIntakeBody = z.strictObject({
  acceptingReferrals: z.boolean('must be true or false').optional(),
  capacityStatus: CapacityStatus.nullable().optional(),
  openSlots: Count(100_000).nullable().optional(),
  waitlistLength: Count(100_000).nullable().optional(),
  daysToFirstContact: Count(365).nullable().optional(),
  capacityNote: multiLineText().max(500, 'must be at most 500 characters').nullable().optional(),
  howToRefer: z.array(ReferralChannel).max(5).optional(),
  referralEmail: z.email('must be an email address').max(254, 'must be at most 254 characters').nullable().optional(),
  referralPhone: Phone.nullable().optional(),
  referralFax: Phone.nullable().optional(),
});
export type UpdateIntakeBody = z.infer<typeof UpdateIntakeBody>;

export const Intake = z.object({
  acceptingReferrals: z.boolean(),
  howToRefer: z.array(ReferralChannel),
  referralEmail: z.string().nullable(),
  referralPhone: z.string().nullable(),
  referralFax: z.string().nullable(),
  capacityStatus: CapacityStatus.nullable(),
  openSlots: z.number().nullable(),
  waitlistLength: z.number().nullable(),
  daysToFirstContact: z.number().nullable(),
  capacityNote: z.string().nullable(),
  capacityUpdatedAt: z.string().nullable(),
  capacityUpdatedBy: z.string().nullable(),
});
export type Intake = z.infer<typeof Intake>;

/** A web address a partner gives: http or https only (a javascript: link must never reach a page). */
const WebAddress = z
  .url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })
  .max(500, 'must be at most 500 characters');
const EmailAddress = z.email('must be an email address').max(254, 'must be at most 254 characters');
const Prose = (max: number) => multiLineText().max(max, `must be at most ${max} characters`);

/**
 * What a partner may change of its own directory records. An absent field stays as it is; null
 * clears it (so does an empty text, where a text is asked). The name is the source's: it is how
 * the record is matched and found.
 */
export const UpdateOrganizationDetailsBody = z.strictObject({
  description: Prose(4000).nullable().optional(),
  website: WebAddress.nullable().optional(),
  email: EmailAddress.nullable().optional(),
});
export type UpdateOrganizationDetailsBody = z.infer<typeof UpdateOrganizationDetailsBody>;

export const UpdateServiceDetailsBody = z.strictObject({
  description: Prose(4000).nullable().optional(),
  url: WebAddress.nullable().optional(),
  email: EmailAddress.nullable().optional(),
  applicationProcess: Prose(2000).nullable().optional(),
  eligibility: Prose(2000).nullable().optional(),
  fees: Prose(1000).nullable().optional(),
});
export type UpdateServiceDetailsBody = z.infer<typeof UpdateServiceDetailsBody>;

/** A field a partner changed in Kith, with what the source (the imported directory) says of it. */
export const LocalEdit = z.object({
  field: z.string(),
  sourceValue: z.string().nullable(),
  editedAt: z.string(),
  /** The source changed this field after the partner's edit (a later import brought a new value). */
  sourceChangedSinceEdit: z.boolean(),
});
export type LocalEdit = z.infer<typeof LocalEdit>;

/** A directory organisation's name and how to reach it, as the service page, its own page and a partner's home show it. */
export const OrganizationContact = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  phones: z.array(z.string()),
  /** Fields the organisation's partner changed in Kith over the source's values. */
  localEdits: z.array(LocalEdit),
});

export type OrganizationContact = z.infer<typeof OrganizationContact>;

export const ServiceDetail = z.object({
  id: z.string(),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string(),
  eligibility: z.string().nullable(),
  applicationProcess: z.string().nullable(),
  fees: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  organization: OrganizationContact.nullable(),
  locations: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      address: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      /** The coordinates are an estimate: the centre of the location's postal code. */
      coordinatesApproximate: z.boolean(),
      phones: z.array(z.string()),
      hours: z.array(OpeningHours),
    }),
  ),
  phones: z.array(z.string()),
  languages: z.array(z.string()),
  needDomains: z.array(NeedDomainRef),
  intake: Intake,
  capacityHistory: z.array(
    z.object({
      recordedAt: z.string(),
      capacityStatus: CapacityStatus.nullable(),
      openSlots: z.number().nullable(),
      waitlistLength: z.number().nullable(),
      acceptingReferrals: z.boolean(),
    }),
  ),
  canUpdateCapacity: z.boolean(),
  /** The signed-in user may change the service's details (its partner's staff, network admins). */
  canEditDetails: z.boolean(),
  localEdits: z.array(LocalEdit),
});
export type ServiceDetail = z.infer<typeof ServiceDetail>;

export const OrganizationDetail = OrganizationContact.extend({
  services: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      summary: z.string(),
      acceptingReferrals: z.boolean(),
      capacityStatus: CapacityStatus.nullable(),
      capacityUpdatedAt: z.string().nullable(),
    }),
  ),
  networkOrganizationId: z.string().nullable(),
  canEditDetails: z.boolean(),
});
export type OrganizationDetail = z.infer<typeof OrganizationDetail>;

/** The directory organisations the signed-in user's organisation keeps, with each service's room. */
export const KeptOrganizations = z.object({
  items: z.array(
    OrganizationContact.extend({
      services: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          summary: z.string(),
          status: z.string(),
          acceptingReferrals: z.boolean(),
          capacityStatus: CapacityStatus.nullable(),
          openSlots: z.number().nullable(),
          waitlistLength: z.number().nullable(),
          capacityUpdatedAt: z.string().nullable(),
          canUpdateCapacity: z.boolean(),
        }),
      ),
      canEditDetails: z.boolean(),
    }),
  ),
});
export type KeptOrganizations = z.infer<typeof KeptOrganizations>;

export const NeedDomainRuleBody = z
  .strictObject({
    needDomain: z.string().regex(/^[a-z-]{3,60}$/, 'must be a need-domain code'),
    taxonomyTermId: z.uuid('must be a UUID').optional(),
    keyword: z
      .string()
      .trim()
      .toLowerCase()
      .min(3, 'must be at least 3 characters')
      .max(60, 'must be at most 60 characters')
      // Matched as a word in names: letters and digits, with spaces, hyphens and apostrophes between.
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u, 'must be letters and digits, with spaces, hyphens or apostrophes')
      .optional(),
  })
  .refine((body) => (body.taxonomyTermId === undefined) !== (body.keyword === undefined), {
    message: 'give either a taxonomyTermId or a keyword',
    path: ['keyword'],
  });
export type NeedDomainRuleBody = z.output<typeof NeedDomainRuleBody>;

export const NeedDomainRule = z.object({
  id: z.string(),
  needDomain: z.string(),
  taxonomyTermId: z.string().nullable(),
  taxonomyTermName: z.string().nullable(),
  keyword: z.string().nullable(),
  createdAt: z.string(),
});
export type NeedDomainRule = z.infer<typeof NeedDomainRule>;

/** An organisation a source named and lacked, kept as a stand-in until the real one is imported. */
export const PlaceholderOrganization = z.object({
  id: z.string(),
  /** The stand-in's name: the source's id for the organisation. */
  name: z.string(),
  dataset: z.string(),
  sourceId: z.string(),
  services: z.number().int(),
  locations: z.number().int(),
  createdAt: z.string(),
});
export type PlaceholderOrganization = z.infer<typeof PlaceholderOrganization>;

export const RuleIdParams = z.strictObject({ ruleId: z.uuid('must be a UUID') });
export const LinkOrganizationBody = z.strictObject({ organizationId: z.uuid('must be a UUID').nullable() });

// Named in the OpenAPI document (components.schemas), so that the web app's types are generated
// from them (web/src/api/openapi.generated.ts) rather than copied by hand.
for (const [schema, id] of [
  [CapacityStatus, 'CapacityStatus'],
  [ReferralChannel, 'ReferralChannel'],
  [OpeningHours, 'OpeningHours'],
  [SearchResult, 'SearchResult'],
  [SearchAnswer, 'SearchAnswer'],
  [FoundOrganization, 'FoundOrganization'],
  [NeedDomain, 'NeedDomain'],
  [Intake, 'Intake'],
  [UpdateIntakeBody, 'UpdateIntakeBody'],
  [ServiceDetail, 'ServiceDetail'],
  [OrganizationDetail, 'DirectoryOrganization'],
  [KeptOrganizations, 'KeptOrganizations'],
  [LocalEdit, 'LocalEdit'],
  [UpdateOrganizationDetailsBody, 'UpdateOrganizationDetailsBody'],
  [UpdateServiceDetailsBody, 'UpdateServiceDetailsBody'],
  [NeedDomainRule, 'NeedDomainRule'],
  [NeedDomainRuleBody, 'NeedDomainRuleBody'],
  [PlaceholderOrganization, 'PlaceholderOrganization'],
] as const) {
  z.globalRegistry.add(schema, { id });
}
