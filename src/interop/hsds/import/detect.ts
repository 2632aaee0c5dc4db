// Which format a file or folder is in. Version strings cannot be trusted (the 3.0.1 descriptor says
// 3.0.0, v1.1.0 says 1.0), so a folder's version is read from the set of files and columns it has:
// each tell-tale file or column votes for the versions that have it, and the best score wins.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/http/app-error';
import { readHeader } from './csv';

/** The canonical resource name for each spelling of a table's file name. */
const aliases: Record<string, string> = {};
const spell = (key: string, ...names: string[]) => {
  for (const name of [key, ...names]) aliases[name] = key;
};
spell('organizations', 'organization');
spell('programs', 'program');
spell('services', 'service');
spell('service_at_location', 'services_at_location', 'service_at_locations', 'services_at_locations');
spell('locations', 'location');
spell('addresses', 'address');
spell('physical_addresses', 'physical_address');
spell('postal_addresses', 'postal_address');
spell('mail_addresses', 'mail_address');
spell('phones', 'phone');
spell('contacts', 'contact');
spell('funding', 'fundings');
spell('schedules', 'schedule');
spell('regular_schedules', 'regular_schedule');
spell('holiday_schedules', 'holiday_schedule');
spell('service_areas', 'service_area');
spell('required_documents', 'required_document');
spell('languages', 'language');
spell('accessibility', 'accessibilities');
spell('accessibility_for_disabilities', 'accessibilities_for_disabilities');
spell('cost_options', 'cost_option');
spell('organization_identifiers', 'organization_identifier');
spell('attributes', 'attribute');
spell('service_attributes', 'service_attribute');
spell('other_attributes', 'other_attribute');
spell('services_taxonomy', 'service_taxonomy', 'service_taxonomies', 'services_taxonomies');
spell('taxonomy'); // terms, in 1.x and Ohana
spell('taxonomies'); // the 3.x taxonomy objects
spell('taxonomy_terms', 'taxonomy_term');
spell('eligibility', 'eligibilities');
spell('payments_accepted', 'payment_accepted', 'payments');
spell('metadata');
spell('meta_table_descriptions', 'meta_table_description');
spell('urls', 'url');

export const resourceKey = (name: string): string | undefined => aliases[name.toLowerCase().replace(/[\s-]+/g, '_')];

export interface Table {
  key: string;
  file: string;
  columns: Set<string>;
}

export type Flavour = 'hsds3' | 'hsds2' | 'hsds1' | 'ohana';

export type Detected =
  | { kind: 'json'; files: string[] }
  | { kind: 'tabular'; flavour: Flavour; folder: string; tables: Map<string, Table>; files: string[]; label: string };

const flavourNames: Record<Flavour, string> = {
  hsds3: 'HSDS 3.x tabular (CSV)',
  hsds2: 'HSDS 2.x tabular (CSV)',
  hsds1: 'HSDS 1.x tabular (CSV)',
  ohana: 'Ohana API CSV (the older layout of Ohana and iCarol exports)',
};

/** The CSV tables of a folder by resource, using datapackage.json's names when it has them. */
function tablesOf(folder: string, only?: string): Map<string, Table> {
  const named = new Map<string, string>();
  const descriptor = path.join(folder, 'datapackage.json');
  if (!only && fs.existsSync(descriptor)) {
    try {
      const data = JSON.parse(fs.readFileSync(descriptor, 'utf8')) as { resources?: { name?: string; path?: string }[] };
      for (const resource of data.resources ?? []) {
        if (resource.name && typeof resource.path === 'string')
          named.set(path.basename(resource.path).toLowerCase(), resource.name);
      }
    } catch (error) {
      throw new AppError('bad_request', `datapackage.json is not valid JSON (${(error as Error).message})`);
    }
  }
  const tables = new Map<string, Table>();
  const files = only ? [path.basename(only)] : fs.readdirSync(folder);
  for (const name of files.sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const key = resourceKey(named.get(name.toLowerCase()) ?? name.slice(0, -4)) ?? resourceKey(name.slice(0, -4));
    if (!key || tables.has(key)) continue;
    const file = path.join(folder, name);
    tables.set(key, { key, file, columns: new Set(readHeader(file)) });
  }
  // A taxonomy.csv holding taxonomies (3.x objects), not terms.
  const taxonomy = tables.get('taxonomy');
  if (
    taxonomy &&
    !tables.has('taxonomies') &&
    !['parent_id', 'vocabulary', 'taxonomy_id', 'parent_name'].some((c) => taxonomy.columns.has(c)) &&
    taxonomy.columns.has('version')
  ) {
    tables.delete('taxonomy');
    tables.set('taxonomies', { ...taxonomy, key: 'taxonomies' });
  }
  return tables;
}

/** Scores the versions a folder's tables look like; the reasons are shown to the user. */
export function scoreFlavour(tables: Map<string, Table>, extras: string[]): { flavour: Flavour; evidence: string[] } {
  const score: Record<Flavour, number> = { hsds3: 0, hsds2: 0, hsds1: 0, ohana: 0 };
  const evidence: Record<Flavour, string[]> = { hsds3: [], hsds2: [], hsds1: [], ohana: [] };
  const has = (key: string, column?: string) => {
    const table = tables.get(key);
    return Boolean(table && (!column || table.columns.has(column)));
  };
  const vote = (flavours: Flavour[], points: number, why: string, when: boolean) => {
    if (!when) return;
    for (const flavour of flavours) {
      score[flavour] += points;
      evidence[flavour].push(why);
    }
  };
  vote(['ohana'], 4, 'mail_addresses.csv', has('mail_addresses'));
  vote(
    ['ohana'],
    3,
    'services.csv has location_id but no organization_id',
    has('services', 'location_id') && !has('services', 'organization_id'),
  );
  vote(['ohana'], 2, 'phones.csv has number_type', has('phones', 'number_type'));
  vote(['ohana'], 2, 'locations.csv has virtual/admin_emails', has('locations', 'virtual') || has('locations', 'admin_emails'));
  vote(['ohana'], 2, 'service_categories.json', extras.includes('service_categories.json'));
  vote(['ohana'], 1, 'addresses.csv has no address_type', has('addresses') && !has('addresses', 'address_type'));
  vote(['hsds3'], 3, 'locations.csv has location_type', has('locations', 'location_type'));
  vote(['hsds3'], 3, 'addresses.csv has address_type', has('addresses', 'address_type'));
  vote(['hsds3'], 2, 'attributes.csv', has('attributes'));
  vote(['hsds3'], 2, 'taxonomies.csv', has('taxonomies'));
  vote(['hsds3'], 2, 'cost_options.csv / organization_identifiers.csv', has('cost_options') || has('organization_identifiers'));
  vote(['hsds3'], 2, 'organizations.csv has website', has('organizations', 'website'));
  vote(
    ['hsds3'],
    2,
    'services.csv has 3.x fields',
    ['fees_description', 'eligibility_description', 'last_modified', 'alert'].some((c) => has('services', c)),
  );
  vote(['hsds3'], 1, 'taxonomy_terms.csv has name', has('taxonomy_terms', 'name'));
  vote(['hsds3'], 1, 'languages.csv has code/name', has('languages', 'code') || has('languages', 'name'));
  vote(
    ['hsds2', 'hsds1'],
    2,
    'physical_addresses.csv / postal_addresses.csv',
    has('physical_addresses') || has('postal_addresses'),
  );
  vote(['hsds2', 'hsds1'], 1, 'organizations.csv has url', has('organizations', 'url'));
  vote(['hsds2', 'hsds1'], 1, 'languages.csv has language', has('languages', 'language'));
  vote(['hsds2', 'hsds1'], 1, 'accessibility_for_disabilities.csv', has('accessibility_for_disabilities'));
  vote(
    ['hsds2'],
    2,
    'schedules.csv has freq but locations.csv no location_type',
    has('schedules', 'freq') && !has('locations', 'location_type'),
  );
  vote(['hsds2'], 3, 'service_attributes.csv / other_attributes.csv', has('service_attributes') || has('other_attributes'));
  vote(['hsds2'], 3, 'taxonomy_terms.csv has term', has('taxonomy_terms', 'term'));
  vote(['hsds1'], 3, 'regular_schedules.csv / holiday_schedules.csv', has('regular_schedules') || has('holiday_schedules'));
  vote(['hsds1'], 3, 'services_taxonomy.csv', has('services_taxonomy'));
  vote(['hsds1'], 2, 'taxonomy.csv has vocabulary', has('taxonomy', 'vocabulary'));
  vote(
    ['hsds1'],
    1,
    'services.csv has taxonomy_ids/accrediations',
    has('services', 'taxonomy_ids') || has('services', 'accrediations'),
  );
  // Ties go to the newer layout: its mapping is the identity, so the least is guessed.
  const order: Flavour[] = ['hsds3', 'ohana', 'hsds2', 'hsds1'];
  const best = order.reduce((winner, flavour) => (score[flavour] > score[winner] ? flavour : winner), 'hsds3');
  return { flavour: best, evidence: evidence[best] };
}

const coreTables = ['organizations', 'services', 'locations'];

export function detectSource(source: string): Detected {
  if (!fs.existsSync(source)) throw new AppError('bad_request', `${source} does not exist`);
  const stat = fs.statSync(source);
  let folder = source;
  let only: string | undefined;
  if (stat.isFile()) {
    const lower = source.toLowerCase();
    if (lower.endsWith('.zip'))
      throw new AppError('bad_request', `${source}: unzip the data package first and import its folder`);
    if (path.basename(lower) === 'datapackage.json') folder = path.dirname(source);
    else if (lower.endsWith('.csv')) {
      folder = path.dirname(source);
      only = source;
    } else return { kind: 'json', files: [source] };
  }
  const names = fs.readdirSync(folder);
  const tables = tablesOf(folder, only);
  const extras = names.filter((name) => name.toLowerCase() === 'service_categories.json');
  if (tables.size === 0) {
    const json = names.filter((name) => /\.(nd)?json$/i.test(name) && name.toLowerCase() !== 'datapackage.json');
    if (!only && json.length > 0) return { kind: 'json', files: json.sort().map((name) => path.join(folder, name)) };
    throw new AppError(
      'bad_request',
      `${source}: no HSDS data found (expected CSV tables such as organizations.csv, services.csv, locations.csv, or HSDS JSON files)`,
    );
  }
  if (!only && !coreTables.some((key) => tables.has(key)) && tables.size < 2) {
    throw new AppError(
      'bad_request',
      `${source}: no HSDS data found (only ${[...tables.values()].map((t) => path.basename(t.file)).join(', ')})`,
    );
  }
  const { flavour, evidence } = scoreFlavour(tables, extras);
  const label = `${flavourNames[flavour]}${evidence.length ? `, detected from ${evidence.join('; ')}` : ''}`;
  return { kind: 'tabular', flavour, folder, tables, files: extras.map((name) => path.join(folder, name)), label };
}
