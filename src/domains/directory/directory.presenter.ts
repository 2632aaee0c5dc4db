// The only place the directory's answers are shaped: the JSON bodies of its API (field
// allowlists over the stores' rows) and the rows of the search's CSV file. The JSON carries data
// (codes, HH:MM times, ISO stamps) for the web app to put into the reader's language; the CSV is
// read by people in a spreadsheet, so it carries words.
import { stringify } from 'csv-stringify/sync';
import type {
  KeptOrganizations,
  CapacityStatus,
  LocalEdit,
  Intake,
  NeedDomainRule,
  OrganizationContact,
  OrganizationDetail,
  PlaceholderOrganization,
  ReferralChannel,
  SearchAnswer,
  SearchResult,
  ServiceDetail,
} from './directory.schema';
import type { PlaceholderOrganizationRow } from './import-repairs.store';
import type { DirectoryOrganizationRow, LocalEditJson } from './directory.store';
import { fieldOfColumn } from './local-edits';
import type { IntakeRecord } from './intake';
import type { NeedDomainRuleRow } from './need-domain.store';
import { orderedHours } from './opening-hours';
import type { DirectoryOrganizationRecord } from './read-directory-organization';
import type { KeptOrganizationsRecord } from './read-kept-organizations';
import type { ServiceRecord } from './read-service';
import type { DirectorySearch } from './search-directory';
import type { EntryRow } from './search.store';

export function presentSearchAnswer(search: DirectorySearch): SearchAnswer {
  return {
    items: search.entries.map(presentSearchResult),
    nextCursor: search.nextCursor,
    origin: search.origin,
    correction: search.correction && { searchedFor: search.correction.searchedFor, typed: search.correction.typed },
    languageFromWords: search.languageFromWords,
    organizations: search.organizations.map((organization) => ({
      name: organization.name,
      directoryOrganizationId: organization.directoryOrganizationId,
      networkOrganizationId: organization.networkOrganizationId,
    })),
    nearest: search.nearest ? { distanceMetres: search.nearest.distanceMetres } : null,
  };
}

function presentSearchResult(row: EntryRow): SearchResult {
  return {
    entryId: row.entry_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    locationName: row.location_name,
    summary: row.summary,
    address: row.address,
    postalCode: row.postal_code,
    distanceKm: row.distance_m === null ? null : Math.round(row.distance_m / 100) / 10,
    latitude: row.latitude,
    longitude: row.longitude,
    openNow: row.open_now,
    hours: orderedHours(row.hours),
    needDomains: row.need_domains ?? [],
    // The index holds codes and names (either may be searched); people are shown the codes.
    languages: languageCodes(row.languages),
    acceptingReferrals: row.accepting_referrals,
    howToRefer: row.how_to_refer ?? [],
    referralContact: { email: row.referral_email, phone: row.referral_phone, fax: row.referral_fax },
    capacity: row.capacity_status
      ? {
          status: row.capacity_status,
          openSlots: row.open_slots,
          waitlistLength: row.waitlist_length,
          daysToFirstContact: row.days_to_first_contact,
          updatedAt: row.capacity_updated_at?.toISOString() ?? null,
          note: row.capacity_note,
        }
      : null,
  };
}

function languageCodes(values: string[]): string[] {
  const codes = values.filter((value) => /^[a-z]{2,3}$/.test(value));
  return codes.length > 0 ? codes : values;
}

export function presentIntake(row: IntakeRecord | undefined): Intake {
  return {
    acceptingReferrals: row?.accepting_referrals ?? true,
    howToRefer: row?.how_to_refer ?? [],
    referralEmail: row?.referral_email ?? null,
    referralPhone: row?.referral_phone ?? null,
    referralFax: row?.referral_fax ?? null,
    capacityStatus: row?.capacity_status ?? null,
    openSlots: row?.open_slots ?? null,
    waitlistLength: row?.waitlist_length ?? null,
    daysToFirstContact: row?.days_to_first_contact ?? null,
    capacityNote: row?.capacity_note ?? null,
    capacityUpdatedAt: row?.capacity_updated_at?.toISOString() ?? null,
    capacityUpdatedBy: row?.capacity_updated_by_name ?? null,
  };
}

function presentLocalEdits(record: 'service' | 'organization', edits: LocalEditJson[] | null): LocalEdit[] {
  return (edits ?? []).map((edit) => ({
    field: fieldOfColumn(record, edit.field),
    sourceValue: edit.source_value,
    editedAt: new Date(edit.edited_at).toISOString(),
    sourceChangedSinceEdit: edit.source_changed,
  }));
}

function presentOrganizationContact(organization: DirectoryOrganizationRow): OrganizationContact {
  return {
    id: organization.id,
    name: organization.name,
    description: organization.description,
    website: organization.website,
    email: organization.email,
    phones: organization.phones ?? [],
    localEdits: presentLocalEdits('organization', organization.local_edits),
  };
}

export function presentService(record: ServiceRecord): ServiceDetail {
  const { service, organization, facts } = record;
  return {
    id: service.id,
    name: service.name,
    alternateName: service.alternate_name,
    description: service.description,
    status: service.status,
    eligibility: service.eligibility_description,
    applicationProcess: service.application_process,
    fees: service.fees_description,
    url: service.url,
    email: service.email,
    organization: organization ? presentOrganizationContact(organization) : null,
    locations: record.locations.map((location) => ({
      id: location.id,
      name: location.name,
      address: location.address,
      latitude: location.latitude,
      longitude: location.longitude,
      coordinatesApproximate: location.coordinates_approximate,
      phones: location.phones ?? [],
      hours: orderedHours(location.hours),
    })),
    phones: facts.phones ?? [],
    languages: facts.languages ?? [],
    needDomains: facts.need_domains ?? [],
    intake: presentIntake(record.intake),
    capacityHistory: record.history.map((row) => ({
      recordedAt: row.recorded_at.toISOString(),
      capacityStatus: row.capacity_status,
      openSlots: row.open_slots,
      waitlistLength: row.waitlist_length,
      acceptingReferrals: row.accepting_referrals,
    })),
    canUpdateCapacity: record.canUpdateCapacity,
    canEditDetails: record.canEditDetails,
    localEdits: presentLocalEdits('service', service.local_edits),
  };
}

export function presentDirectoryOrganization(record: DirectoryOrganizationRecord): OrganizationDetail {
  const { organization } = record;
  return {
    ...presentOrganizationContact(organization),
    networkOrganizationId: organization.network_organization_id,
    canEditDetails: record.canEditDetails,
    services: record.services.map((service) => ({
      id: service.id,
      name: service.name,
      summary: service.summary,
      acceptingReferrals: service.accepting_referrals ?? true,
      capacityStatus: service.capacity_status,
      capacityUpdatedAt: service.capacity_updated_at?.toISOString() ?? null,
    })),
  };
}

export function presentKeptOrganizations(record: KeptOrganizationsRecord): KeptOrganizations {
  return {
    items: record.organizations.map(({ organization, services, canEditDetails }) => ({
      ...presentOrganizationContact(organization),
      services: services.map((service) => ({
        id: service.id,
        name: service.name,
        summary: service.summary,
        status: service.status,
        acceptingReferrals: service.accepting_referrals ?? true,
        capacityStatus: service.capacity_status,
        openSlots: service.open_slots,
        waitlistLength: service.waitlist_length,
        capacityUpdatedAt: service.capacity_updated_at?.toISOString() ?? null,
        canUpdateCapacity: service.canUpdateCapacity,
      })),
      canEditDetails,
    })),
  };
}

export function presentNeedDomainRule(row: NeedDomainRuleRow): NeedDomainRule {
  return {
    id: row.id,
    needDomain: row.need_domain,
    taxonomyTermId: row.taxonomy_term_id,
    taxonomyTermName: row.taxonomy_term_name,
    keyword: row.keyword,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentPlaceholderOrganization(row: PlaceholderOrganizationRow): PlaceholderOrganization {
  return {
    id: row.id,
    name: row.name,
    dataset: row.dataset,
    sourceId: row.source_id,
    services: row.services,
    locations: row.locations,
    createdAt: row.created_at.toISOString(),
  };
}

// The search as a spreadsheet: English words, as the web app's English catalogue says them.
const roomWords: Record<CapacityStatus, string> = {
  available: 'Room available',
  no_capacity: 'No room',
  waitlist: 'Waitlist',
  assessment_required: 'Screening first',
};
const channelWords: Record<ReferralChannel, string> = {
  kith: 'Kith',
  email: 'Email',
  phone: 'Phone',
  fax: 'Fax',
  walk_in: 'Walk in',
};
const csvHeadings = [
  'Service',
  'Organization',
  'Address',
  'Distance (km)',
  'Open now',
  'Needs',
  'Languages',
  'Taking referrals',
  'Room',
  'Room updated',
  'How to refer',
  'Referral phone',
  'Referral email',
];

/**
 * A cell a spreadsheet will not run: text beginning with = + - @, a tab or a carriage return gets
 * a leading apostrophe (OWASP's rule against CSV injection), so "=HYPERLINK(…)" stays text.
 */
export function spreadsheetText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** "2026-11-25 13:05", local to the network: a stamp spreadsheets read as a date and time. */
function localStamp(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageWord = (value: string) => {
  if (!/^[a-z]{2,3}$/.test(value)) return value;
  try {
    return languageNames.of(value) ?? value;
  } catch {
    return value;
  }
};

/** The search's results as CSV: headings, then one row per result. */
export function presentSearchCsv(search: DirectorySearch, options: { timeZone: string }): string {
  const rows = search.entries.map((entry) => {
    const result = presentSearchResult(entry);
    const cells: (string | number | null)[] = [
      result.serviceName,
      result.organizationName,
      result.address,
      result.distanceKm,
      result.openNow === null ? 'Not known' : yesNo(result.openNow),
      result.needDomains.map((domain) => domain.name).join('; '),
      result.languages.map(languageWord).join('; '),
      yesNo(result.acceptingReferrals),
      result.capacity ? roomWords[result.capacity.status] : 'Not known',
      entry.capacity_updated_at && result.capacity ? localStamp(entry.capacity_updated_at, options.timeZone) : null,
      result.howToRefer.map((channel) => channelWords[channel]).join('; '),
      result.referralContact.phone,
      result.referralContact.email,
    ];
    return cells.map((cell) => (typeof cell === 'string' ? spreadsheetText(cell) : cell));
  });
  return stringify([csvHeadings, ...rows]);
}
