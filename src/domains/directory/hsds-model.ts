// Generated once from the official HSDS 3.0.1 JSON Schemas (and 3.1's url.json): the scalar fields
// of each HSDS object as stored in PostgreSQL. Arrays and nested objects are rebuilt from link columns.

export type HsdsFieldType = 'text' | 'number' | 'uuid';

export interface HsdsObjectModel {
  /** The table holding this object. */
  table: string;
  /** Scalar fields in schema order, with their stored type. */
  fields: Record<string, HsdsFieldType>;
  /** Fields the JSON Schema requires. */
  required: string[];
  /** Link columns and the object each points at. */
  links: Record<string, HsdsObjectName>;
}

export const hsdsObjectNames = ['organization', 'program', 'service', 'location', 'service_at_location', 'address', 'contact', 'phone', 'schedule', 'taxonomy', 'taxonomy_term', 'attribute', 'language', 'service_area', 'cost_option', 'funding', 'required_document', 'accessibility', 'organization_identifier', 'url'] as const;
export type HsdsObjectName = (typeof hsdsObjectNames)[number];

export const hsdsModel: Record<HsdsObjectName, HsdsObjectModel> = {
  organization: {
    table: 'hsds_organization',
    fields: { id: 'uuid', name: 'text', alternate_name: 'text', description: 'text', email: 'text', website: 'text', tax_status: 'text', tax_id: 'text', year_incorporated: 'number', legal_status: 'text', logo: 'text', uri: 'text', parent_organization_id: 'uuid' },
    required: ['id', 'name', 'description'],
    links: { parent_organization_id: 'organization' },
  },
  program: {
    table: 'hsds_program',
    fields: { id: 'uuid', organization_id: 'uuid', name: 'text', alternate_name: 'text', description: 'text' },
    required: ['id', 'name', 'description'],
    links: { organization_id: 'organization' },
  },
  service: {
    table: 'hsds_service',
    fields: { id: 'uuid', organization_id: 'uuid', program_id: 'uuid', name: 'text', alternate_name: 'text', description: 'text', url: 'text', email: 'text', status: 'text', interpretation_services: 'text', application_process: 'text', fees_description: 'text', wait_time: 'text', fees: 'text', accreditations: 'text', eligibility_description: 'text', minimum_age: 'number', maximum_age: 'number', assured_date: 'text', assurer_email: 'text', licenses: 'text', alert: 'text', last_modified: 'text' },
    required: ['id', 'name', 'status'],
    links: { organization_id: 'organization', program_id: 'program' },
  },
  location: {
    table: 'hsds_location',
    fields: { id: 'uuid', location_type: 'text', url: 'text', organization_id: 'uuid', name: 'text', alternate_name: 'text', description: 'text', transportation: 'text', latitude: 'number', longitude: 'number', external_identifier: 'text', external_identifier_type: 'text' },
    required: ['id', 'location_type'],
    links: { organization_id: 'organization' },
  },
  service_at_location: {
    table: 'hsds_service_at_location',
    fields: { id: 'uuid', service_id: 'uuid', location_id: 'uuid', description: 'text' },
    required: ['id'],
    links: { service_id: 'service', location_id: 'location' },
  },
  address: {
    table: 'hsds_address',
    fields: { id: 'uuid', location_id: 'uuid', attention: 'text', address_1: 'text', address_2: 'text', city: 'text', region: 'text', state_province: 'text', postal_code: 'text', country: 'text', address_type: 'text' },
    required: ['id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
    links: { location_id: 'location' },
  },
  phone: {
    table: 'hsds_phone',
    fields: { id: 'uuid', location_id: 'uuid', service_id: 'uuid', organization_id: 'uuid', contact_id: 'uuid', service_at_location_id: 'uuid', number: 'text', extension: 'number', type: 'text', description: 'text' },
    required: ['id', 'number'],
    links: { location_id: 'location', service_id: 'service', organization_id: 'organization', contact_id: 'contact', service_at_location_id: 'service_at_location' },
  },
  schedule: {
    table: 'hsds_schedule',
    fields: { id: 'uuid', service_id: 'uuid', location_id: 'uuid', service_at_location_id: 'uuid', valid_from: 'text', valid_to: 'text', dtstart: 'text', timezone: 'number', until: 'text', count: 'number', wkst: 'text', freq: 'text', interval: 'number', byday: 'text', byweekno: 'text', bymonthday: 'text', byyearday: 'text', description: 'text', opens_at: 'text', closes_at: 'text', schedule_link: 'text', attending_type: 'text', notes: 'text' },
    required: ['id'],
    links: { service_id: 'service', location_id: 'location', service_at_location_id: 'service_at_location' },
  },
  taxonomy: {
    table: 'hsds_taxonomy',
    fields: { id: 'uuid', name: 'text', description: 'text', uri: 'text', version: 'text' },
    required: ['id', 'name', 'description'],
    links: {  },
  },
  taxonomy_term: {
    table: 'hsds_taxonomy_term',
    fields: { id: 'uuid', code: 'text', name: 'text', description: 'text', parent_id: 'uuid', taxonomy: 'text', language: 'text', taxonomy_id: 'uuid', term_uri: 'text' },
    required: ['id', 'name', 'description'],
    links: { parent_id: 'taxonomy_term', taxonomy_id: 'taxonomy' },
  },
  attribute: {
    table: 'hsds_attribute',
    fields: { id: 'uuid', link_id: 'uuid', taxonomy_term_id: 'uuid', link_type: 'text', link_entity: 'text', value: 'text' },
    required: ['id'],
    links: { taxonomy_term_id: 'taxonomy_term' },
  },
  language: {
    table: 'hsds_language',
    fields: { id: 'uuid', service_id: 'uuid', location_id: 'uuid', phone_id: 'uuid', name: 'text', code: 'text', note: 'text' },
    required: ['id'],
    links: { service_id: 'service', location_id: 'location', phone_id: 'phone' },
  },
  service_area: {
    table: 'hsds_service_area',
    fields: { id: 'uuid', service_id: 'uuid', name: 'text', description: 'text', extent: 'text', extent_type: 'text', uri: 'text' },
    required: ['id'],
    links: { service_id: 'service' },
  },
  contact: {
    table: 'hsds_contact',
    fields: { id: 'uuid', organization_id: 'uuid', service_id: 'uuid', service_at_location_id: 'uuid', location_id: 'uuid', name: 'text', title: 'text', department: 'text', email: 'text' },
    required: ['id'],
    links: { organization_id: 'organization', service_id: 'service', service_at_location_id: 'service_at_location', location_id: 'location' },
  },
  cost_option: {
    table: 'hsds_cost_option',
    fields: { id: 'uuid', service_id: 'uuid', valid_from: 'text', valid_to: 'text', option: 'text', currency: 'text', amount: 'number', amount_description: 'text' },
    required: ['id'],
    links: { service_id: 'service' },
  },
  funding: {
    table: 'hsds_funding',
    fields: { id: 'uuid', organization_id: 'uuid', service_id: 'uuid', source: 'text' },
    required: ['id'],
    links: { organization_id: 'organization', service_id: 'service' },
  },
  required_document: {
    table: 'hsds_required_document',
    fields: { id: 'uuid', service_id: 'uuid', document: 'text', uri: 'text' },
    required: ['id'],
    links: { service_id: 'service' },
  },
  accessibility: {
    table: 'hsds_accessibility',
    fields: { id: 'uuid', location_id: 'uuid', description: 'text', details: 'text', url: 'text' },
    required: ['id'],
    links: { location_id: 'location' },
  },
  organization_identifier: {
    table: 'hsds_organization_identifier',
    fields: { id: 'uuid', organization_id: 'uuid', identifier_scheme: 'text', identifier_type: 'text', identifier: 'text' },
    required: ['id', 'identifier_type', 'identifier'],
    links: { organization_id: 'organization' },
  },
  url: {
    table: 'hsds_url',
    fields: { id: 'uuid', label: 'text', url: 'text', organization_id: 'uuid', service_id: 'uuid' },
    required: ['id', 'url'],
    links: { organization_id: 'organization', service_id: 'service' },
  },
};
