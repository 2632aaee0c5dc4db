// The Ohana API CSV layout (Code for America's pre-HSDS format, still exported by iCarol-based
// directories) mapped onto HSDS 3.0. Ids are integers; services hang off one location and reach
// their organization through it; categories are a taxonomy.csv keyed by code plus a
// service_categories.json of service id → term ids.
//
// | Ohana file.column                          | HSDS 3.0                                                       |
// |--------------------------------------------|----------------------------------------------------------------|
// | organizations.id, name, alternate_name,    | organization.* (same names)                                    |
// |   description, email, legal_status,        |                                                                |
// |   tax_id, tax_status                       |                                                                |
// | organizations.website / url                | organization.website                                           |
// | organizations.date_incorporated            | organization.year_incorporated (the year)                      |
// | organizations.funding_sources (list)       | funding rows (organization_id, source)                         |
// | organizations.accreditations, licenses     | none: HSDS 3 has them on services only (dropped)               |
// | programs.*                                 | program.* (description := name when missing)                  |
// | locations.id, organization_id, name,       | location.* (same names)                                        |
// |   alternate_name, description,             |                                                                |
// |   transportation, latitude, longitude      |                                                                |
// | locations.website                          | location.url                                                   |
// | locations.virtual / addresses              | location.location_type: virtual if flagged, else physical with |
// |                                            |   an address or coordinates, postal with a mail address only    |
// | locations.email                            | contact row (location_id, email): 3.0 locations have no email  |
// | locations.languages (free text)            | language rows (location_id; name, code; note keeps the prose)  |
// | locations.accessibility (list)             | accessibility rows (description)                               |
// | locations.hours / hours_of_operation, or   | schedule rows (parsed, else the text in description)           |
// |   a "HOURS:" paragraph of the description  |   (the description itself is kept whole)                       |
// | locations.admin_emails                     | none: Ohana's admin accounts, not directory data (dropped)     |
// | addresses.*                                | address (address_type=physical, country upper-cased)           |
// | mail_addresses.* (with attention)          | address (address_type=postal)                                  |
// | contacts.*                                 | contact.* (same names)                                         |
// | phones.number (+ country_prefix)           | phone.number                                                   |
// | phones.extension                           | phone.extension (digits of "x123")                             |
// | phones.number_type                         | phone.type                                                     |
// | phones.department, vanity_number           | phone.description                                              |
// | phones.contact/location/org/service_id     | the same link columns                                          |
// | services.id, name, alternate_name,         | service.* (same names)                                         |
// |   description, email, status,              |   (status defaults to active, as in Ohana)                     |
// |   application_process, wait_time,          |                                                                |
// |   interpretation_services, program_id      |                                                                |
// | services.website / url                     | service.url                                                    |
// | services.eligibility, fees                 | service.eligibility_description, fees_description              |
// | services.location_id                       | service_at_location row; service.organization_id from location |
// | services.languages (free text)             | language rows (service_id)                                     |
// | services.funding_sources (list)            | funding rows (service_id)                                      |
// | services.required_documents (list)         | required_document rows                                         |
// | services.service_areas (list)              | service_area rows (name)                                       |
// | services.accepted_payments (list)          | attributes (link_type=payment_accepted, value)                 |
// | services.keywords (list)                   | attributes (link_type=keyword, value)                          |
// | services.taxonomy_ids (codes)              | attributes (link_entity=service, taxonomy_term_id)             |
// | services.hours / hours_of_operation, or    | schedule rows (parsed, else the text in description)           |
// |   a "HOURS:" paragraph of the description  |   (the description itself is kept whole)                       |
// | regular_schedules, holiday_schedules       | schedule rows, as for HSDS 1.x                                 |
// | taxonomy.id, name                          | taxonomy_term.id (v5), name, description := name               |
// | taxonomy.taxonomy_id                       | taxonomy_term.code                                             |
// | taxonomy.parent_id (a parent's code)       | taxonomy_term.parent_id (that term's id)                       |
// | taxonomy.parent_name, type, filter…        | none (dropped; the parent is linked by id)                     |
// | service_categories.json {service: [term]}  | attributes (link_entity=service, taxonomy_term_id)             |
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/http/app-error';
import type { MapContext, Row } from './context';
import { languagesFromText } from './languages';
import { countryCode, extensionDigits, joinText, legacyMapping, LocationTypes, splitList, yearOf } from './legacy-tabular';
import { hoursFromText } from './schedules';
import type { TableSource, TabularMapping } from './tabular';

/**
 * iCarol-style descriptions carry hours as a labelled paragraph ("HOURS: Mon-Fri, 8:30AM-4PM.");
 * the paragraph becomes a schedule too (the description itself is kept whole).
 */
const labelledHours = (text: string | undefined) =>
  text?.match(/^[ \t]*(?:office |business )?hours(?: of operation)?[ \t]*:[ \t]*(\S.*)$/im)?.[1]?.trim();

const truthy = (value: string | undefined) => value !== undefined && /^(true|t|yes|y|1)$/i.test(value);

export function ohanaMapping(cx: MapContext, tables: Map<string, TableSource>, extraFiles: string[]): TabularMapping {
  const legacy = legacyMapping(cx, tables);
  const locationTypes = new LocationTypes();
  const organizationOfLocation = new Map<string, string>();
  const termIds = new Set<string>();
  const termOfCode = new Map<string, string>();
  const termRows: { row: Row; at: string }[] = [];

  /**
   * The term a service names. service_categories.json names terms by id, services.taxonomy_ids by
   * code (Ohana's taxonomy_id); each falls back to the other, since "101" can be both.
   */
  const term = (value: string, by: 'id' | 'code') =>
    by === 'id' ? (termIds.has(value) ? value : (termOfCode.get(value) ?? value)) : (termOfCode.get(value) ?? value);

  const derived = (
    type: Parameters<MapContext['emit']>[0],
    key: string,
    fields: Record<string, string | undefined>,
    at: string,
  ) => cx.emit(type, { id: cx.ids.derived(type, key), ...fields }, at);

  const hours = (owner: 'service_id' | 'location_id', row: Row, at: string) => {
    const text = row.hours ?? row.hours_of_operation ?? labelledHours(row.description);
    if (text === undefined) return;
    hoursFromText(text).forEach((fields, index) =>
      derived('schedule', `${owner}:${row.id}:hours:${index}`, { [owner]: row.id, ...fields }, at),
    );
  };

  const languages = (owner: 'service_id' | 'location_id', row: Row, at: string) => {
    if (row.languages === undefined) return;
    languagesFromText(row.languages).forEach((language, index) =>
      derived('language', `${owner}:${row.id}:${index}`, { [owner]: row.id, ...language }, at),
    );
  };

  const list = (
    type: 'funding' | 'required_document' | 'service_area' | 'accessibility',
    owner: string,
    field: string,
    row: Row,
    value: string | undefined,
    at: string,
  ) => {
    splitList(value).forEach((item, index) =>
      derived(type, `${owner}:${row.id}:${field}:${index}`, { [owner]: row.id, [field]: item }, at),
    );
  };

  const values = (linkType: string, row: Row, value: string | undefined, at: string) => {
    for (const item of splitList(value)) {
      derived(
        'attribute',
        `service:${row.id}:${linkType}:${item}`,
        { link_id: row.id, link_entity: 'service', link_type: linkType, value: item },
        at,
      );
    }
  };

  const categorise = (serviceId: string, named: string, by: 'id' | 'code', at: string) => {
    const termId = term(named, by);
    derived(
      'attribute',
      `service:${serviceId}:term:${termId}`,
      { link_id: serviceId, link_entity: 'service', taxonomy_term_id: termId },
      at,
    );
  };

  const convert = {
    ...legacy.convert,
    taxonomy: (row: Row, at: string) => {
      if (row.id !== undefined) termIds.add(row.id);
      if (row.id !== undefined && row.taxonomy_id !== undefined) termOfCode.set(row.taxonomy_id, row.id);
      termRows.push({ row, at });
    },
    organizations: (row: Row, at: string) => {
      const fields = {
        ...row,
        website: row.website ?? row.url,
        year_incorporated: yearOf(row.year_incorporated ?? row.date_incorporated),
      };
      if (cx.emit('organization', fields, at) !== undefined)
        list('funding', 'organization_id', 'source', row, row.funding_sources, at);
    },
    addresses: (row: Row, at: string) => {
      locationTypes.seen(row.location_id, 'physical');
      cx.emit('address', { ...row, address_type: row.address_type ?? 'physical', country: countryCode(row.country) }, at);
    },
    mail_addresses: (row: Row, at: string) => {
      locationTypes.seen(row.location_id, 'postal');
      cx.emit('address', { ...row, address_type: 'postal', country: countryCode(row.country) }, at, { idType: 'mail_address' });
    },
    locations: (row: Row, at: string) => {
      if (row.id !== undefined && row.organization_id !== undefined) organizationOfLocation.set(row.id, row.organization_id);
      const type = row.location_type ?? (truthy(row.virtual) ? 'virtual' : locationTypes.of(row));
      if (cx.emit('location', { ...row, location_type: type, url: row.url ?? row.website }, at) === undefined) return;
      if (row.email !== undefined) derived('contact', `location:${row.id}:email`, { location_id: row.id, email: row.email }, at);
      languages('location_id', row, at);
      list('accessibility', 'location_id', 'description', row, row.accessibility?.replace(/_/g, ' '), at);
      hours('location_id', row, at);
    },
    services: (row: Row, at: string) => {
      const fields = {
        ...row,
        organization_id: row.organization_id ?? organizationOfLocation.get(row.location_id ?? ''),
        url: row.url ?? row.website,
        status: row.status?.toLowerCase() ?? 'active',
        eligibility_description: row.eligibility_description ?? row.eligibility,
        fees_description: row.fees_description ?? row.fees,
        fees: undefined,
      };
      if (cx.emit('service', fields, at) === undefined) return;
      if (row.location_id !== undefined && !tables.has('service_at_location')) {
        derived('service_at_location', `${row.id}@${row.location_id}`, { service_id: row.id, location_id: row.location_id }, at);
      }
      languages('service_id', row, at);
      list('funding', 'service_id', 'source', row, row.funding_sources, at);
      list('required_document', 'service_id', 'document', row, row.required_documents, at);
      list('service_area', 'service_id', 'name', row, row.service_areas, at);
      values('payment_accepted', row, row.accepted_payments, at);
      values('keyword', row, row.keywords, at);
      for (const code of splitList(row.taxonomy_ids)) categorise(row.id!, code, 'code', at);
      hours('service_id', row, at);
    },
    phones: (row: Row, at: string) => {
      const number = row.country_prefix && row.number ? `+${row.country_prefix.replace(/^\+/, '')} ${row.number}` : row.number;
      const description = joinText(row.description, row.department, row.vanity_number);
      cx.emit(
        'phone',
        { ...row, number, extension: extensionDigits(row.extension), type: row.type ?? row.number_type, description },
        at,
      );
    },
  };

  const finish = () => {
    // Terms last, once every code is known: Ohana's parent_id names the parent's code.
    for (const { row, at } of termRows) {
      const parent = row.parent_id === undefined ? undefined : (termOfCode.get(row.parent_id) ?? row.parent_id);
      const fields = {
        id: row.id,
        code: row.taxonomy_id ?? row.code,
        name: row.name,
        description: row.description ?? row.name,
        parent_id: parent,
      };
      cx.emit('taxonomy_term', fields, at);
    }
    for (const file of extraFiles.filter((name) => path.basename(name).toLowerCase() === 'service_categories.json')) {
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AppError('bad_request', `${path.basename(file)} is not valid JSON (${(error as Error).message})`);
      }
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        throw new AppError('bad_request', `${path.basename(file)} should map service ids to lists of category ids`);
      }
      for (const [serviceId, terms] of Object.entries(data as Record<string, unknown>)) {
        const items = Array.isArray(terms) ? terms : [terms];
        items.forEach((termId, index) =>
          categorise(serviceId, String(termId), 'id', `${path.basename(file)}#/${serviceId}/${index}`),
        );
      }
    }
  };

  return { order: legacy.order, convert, finish };
}
