// HSDS 1.x and 2.x tabular data mapped onto HSDS 3.0, following GUIDE §3: separate physical and
// postal address tables become address rows with address_type, regular/holiday schedules become
// RRULE-like schedules, service_taxonomy / service_attribute / other_attribute rows become
// attributes, 1.x taxonomy.csv rows become taxonomy terms (the old id kept as code), and
// phone.language lists become language rows. Both versions go through the same converters,
// which accept either spelling of a field (url/website, accrediations/accreditations…), so a
// directory that mixes versions still imports. Tables already in the 3.0 shape use the 3.x
// converters unchanged.
import type { Row } from './context';
import type { MapContext } from './context';
import { languageFromValue } from './languages';
import { holidaySchedule, regularSchedule, schedule2 } from './schedules';
import { hsds3Mapping, type TableSource, type TabularMapping } from './tabular';

/** A comma list ("es, fr", "101-01,101-02") as its non-empty items. */
export const splitList = (value: string | undefined): string[] =>
  value === undefined
    ? []
    : value
        .split(/\s*[,;]\s*/)
        .map((item) => item.trim())
        .filter(Boolean);

export const joinText = (...parts: (string | undefined)[]): string | undefined => {
  const kept = parts.filter((part): part is string => part !== undefined && part !== '');
  return kept.length ? kept.join(' — ') : undefined;
};

/** "2011", "2011-04-01", "04/01/2011" → "2011"; anything else is left for validation to judge. */
export const yearOf = (value: string | undefined): string | undefined => value?.match(/\b(1[6-9]\d\d|2\d\d\d)\b/)?.[1] ?? value;

/** ISO 3166-1 codes are upper case; "us" is common in exports. */
export const countryCode = (value: string | undefined): string | undefined =>
  value && /^[a-z]{2}$/i.test(value) ? value.toUpperCase() : value;

/** "x123", "ext. 123" → "123": extension is a number in HSDS 3. */
export const extensionDigits = (value: string | undefined) =>
  value?.match(/^\s*(?:x|ext\.?|extension)?\s*(\d+)\s*$/i)?.[1] ?? value;

/** A location's type from what the source knows of it (GUIDE §3.2), when it does not say. */
export class LocationTypes {
  private readonly physical = new Set<string>();
  private readonly postal = new Set<string>();

  seen(locationId: string | undefined, type: 'physical' | 'postal'): void {
    if (locationId !== undefined) (type === 'physical' ? this.physical : this.postal).add(locationId);
  }

  /** Physical with a physical address or coordinates (a place you can go), postal with only a postal address, else virtual. */
  of(row: Row): string {
    if (row.id !== undefined && this.physical.has(row.id)) return 'physical';
    if (row.latitude !== undefined && row.longitude !== undefined) return 'physical';
    if (row.id !== undefined && this.postal.has(row.id)) return 'postal';
    return 'virtual';
  }
}

export function legacyMapping(cx: MapContext, tables: Map<string, TableSource>): TabularMapping {
  const { order, convert: hsds3 } = hsds3Mapping(cx);
  const locationTypes = new LocationTypes();
  const eligibilityOf = new Map<string, string[]>();
  const serviceOfEligibility = new Map<string, string>();
  const serviceOfPayment = new Map<string, string>();
  const taxonomies = new Map<string, string>();
  const hasServiceAtLocation = tables.has('service_at_location');

  /** A taxonomies row for a vocabulary named in term rows (1.x vocabulary, 2.x taxonomy). */
  const taxonomyId = (name: string | undefined, at: string): string | undefined => {
    if (name === undefined) return undefined;
    let id = taxonomies.get(name);
    if (!id) {
      id = cx.ids.derived('taxonomy', name);
      taxonomies.set(name, id);
      cx.emit('taxonomy', { id, name, description: name }, at);
    }
    return id;
  };

  const address = (type: 'physical' | 'postal') => (row: Row, at: string) => {
    locationTypes.seen(row.location_id, type);
    const fields = {
      ...row,
      address_type: type,
      address_2: joinText(row.address_2, row.address_3, row.address_4),
      country: countryCode(row.country),
    };
    cx.emit('address', fields, at, { idType: `${type}_address` });
  };

  const convert = {
    ...hsds3,
    organizations: (row: Row, at: string) =>
      void cx.emit(
        'organization',
        { ...row, website: row.website ?? row.url, year_incorporated: yearOf(row.year_incorporated) },
        at,
      ),
    programs: (row: Row, at: string) => void cx.emit('program', { ...row, description: row.description ?? row.name }, at),
    eligibility: (row: Row) => {
      if (row.id !== undefined && row.service_id !== undefined) serviceOfEligibility.set(row.id, row.service_id);
      if (row.service_id !== undefined && row.eligibility !== undefined) {
        eligibilityOf.set(row.service_id, [...(eligibilityOf.get(row.service_id) ?? []), row.eligibility]);
      }
    },
    payments_accepted: (row: Row, at: string) => {
      if (row.id !== undefined && row.service_id !== undefined) serviceOfPayment.set(row.id, row.service_id);
      // No 3.0 field for payment methods: an attribute of the service says it (GUIDE §3.2).
      const fields = {
        id: row.id,
        link_id: row.service_id,
        link_entity: 'service',
        link_type: 'payment_accepted',
        value: row.payment,
      };
      cx.emit('attribute', fields, at, { idType: 'payment_accepted' });
    },
    physical_addresses: address('physical'),
    postal_addresses: address('postal'),
    addresses: (row: Row, at: string) => {
      locationTypes.seen(row.location_id, row.address_type === 'postal' ? 'postal' : 'physical');
      hsds3.addresses!(row, at);
    },
    locations: (row: Row, at: string) =>
      void cx.emit('location', { ...row, location_type: row.location_type ?? locationTypes.of(row) }, at),
    services: (row: Row, at: string) => {
      const fields = {
        ...row,
        accreditations: row.accreditations ?? row.accrediations,
        fees_description: row.fees_description ?? row.fees,
        fees: undefined,
        eligibility_description: row.eligibility_description ?? eligibilityOf.get(row.id ?? '')?.join(', '),
      };
      if (cx.emit('service', fields, at) === undefined) return;
      // 1.0/1.1 services list their taxonomy ids in one cell.
      for (const termId of splitList(row.taxonomy_ids)) {
        const id = cx.ids.derived('attribute', `service:${row.id}:term:${termId}`);
        cx.emit('attribute', { id, link_id: row.id, link_entity: 'service', taxonomy_term_id: termId }, at);
      }
      // 1.0 services name their one location; without a service_at_location table, that is the link.
      if (!hasServiceAtLocation && row.location_id !== undefined) {
        const id = cx.ids.derived('service_at_location', `${row.id}@${row.location_id}`);
        cx.emit('service_at_location', { id, service_id: row.id, location_id: row.location_id }, at);
      }
    },
    phones: (row: Row, at: string) => {
      const phoneId = cx.emit(
        'phone',
        { ...row, extension: extensionDigits(row.extension), description: joinText(row.description, row.department) },
        at,
      );
      if (phoneId === undefined) return;
      // A phone without an id of its own was given one from its content: its languages name that.
      const phone = row.id ?? phoneId;
      for (const code of splitList(row.language)) {
        const id = cx.ids.derived('language', `phone:${phone}:${code}`);
        cx.emit('language', { id, phone_id: phone, ...languageFromValue(code) }, at);
      }
    },
    schedules: (row: Row, at: string) => void cx.emit('schedule', schedule2(row), at),
    regular_schedules: (row: Row, at: string) => {
      const fields = { ...pickLinks(row), ...regularSchedule(row.weekday, row.opens_at, row.closes_at) };
      cx.emit('schedule', fields, at, { idType: 'regular_schedule' });
    },
    holiday_schedules: (row: Row, at: string) =>
      void cx.emit('schedule', { ...pickLinks(row), ...holidaySchedule(row) }, at, { idType: 'holiday_schedule' }),
    service_areas: (row: Row, at: string) => void cx.emit('service_area', { ...row, name: row.name ?? row.service_area }, at),
    languages: (row: Row, at: string) => {
      const language = row.language === undefined ? {} : languageFromValue(row.language);
      cx.emit('language', { ...row, ...language, name: row.name ?? language.name, code: row.code ?? language.code }, at);
    },
    accessibility_for_disabilities: (row: Row, at: string) =>
      void cx.emit('accessibility', { ...row, description: row.description ?? row.accessibility }, at),
    services_taxonomy: (row: Row, at: string) => {
      const fields = {
        id: row.id,
        link_id: row.service_id,
        link_entity: 'service',
        taxonomy_term_id: row.taxonomy_id,
        value: row.taxonomy_detail,
      };
      cx.emit('attribute', fields, at, { idType: 'service_taxonomy' });
    },
    service_attributes: (row: Row, at: string) => {
      const fields = { id: row.id, link_id: row.service_id, link_entity: 'service', taxonomy_term_id: row.taxonomy_term_id };
      cx.emit('attribute', fields, at, { idType: 'service_attribute' });
    },
    other_attributes: (row: Row, at: string) => {
      // In 2.0 link_type named the table; 3.0 calls that link_entity. Tables that 3.0 merged or
      // removed are re-pointed: addresses keep their source table's ids, eligibility and payment
      // rows point at their service.
      const table = row.link_type ?? row.link_entity;
      let entity = table;
      let linkId = row.link_id;
      let linkType: string | undefined;
      const linkTypes: Record<string, string> = {};
      if (table === 'physical_address' || table === 'postal_address') {
        entity = 'address';
        linkTypes.link_id = table;
      } else if (table === 'accessibility_for_disabilities') entity = 'accessibility';
      else if (table === 'eligibility' || table === 'payment_accepted') {
        entity = 'service';
        linkType = table;
        linkId = (table === 'eligibility' ? serviceOfEligibility : serviceOfPayment).get(row.link_id ?? '') ?? row.link_id;
      }
      const fields = {
        id: row.id,
        link_id: linkId,
        link_entity: entity,
        link_type: linkType,
        taxonomy_term_id: row.taxonomy_term_id,
      };
      cx.emit('attribute', fields, at, { idType: 'other_attribute', linkTypes });
    },
    taxonomy: (row: Row, at: string) => {
      // 1.x terms: the old id goes to code too, parent_id is remapped, vocabulary names a taxonomy.
      const fields = {
        id: row.id,
        code: row.code ?? row.id,
        name: row.name,
        description: row.description ?? row.name,
        parent_id: row.parent_id,
        taxonomy: row.vocabulary ?? row.taxonomy,
        taxonomy_id: taxonomyId(row.vocabulary ?? row.taxonomy, at),
      };
      cx.emit('taxonomy_term', fields, at);
    },
    taxonomy_terms: (row: Row, at: string) => {
      const name = row.name ?? row.term;
      const fields = {
        ...row,
        name,
        description: row.description ?? name,
        taxonomy_id: row.taxonomy_id ?? taxonomyId(row.taxonomy, at),
      };
      cx.emit('taxonomy_term', fields, at);
    },
  };
  return { order, convert };
}

const pickLinks = (row: Row) => ({
  id: row.id,
  service_id: row.service_id,
  location_id: row.location_id,
  service_at_location_id: row.service_at_location_id,
});
