// Tabular HSDS: one table per object, read in an order each format chooses (address tables before
// locations, say, so a location's type can follow from its addresses), each row handed to the
// format's converter. HSDS 3.x tables need no converting: their columns are HSDS 3 field names, so
// `emit` takes them as they are. The same tables may also arrive as JSON (examples/tabular.json).
import fs from 'node:fs';
import path from 'node:path';
import type { HsdsObjectName } from '../../../domains/directory/index';
import { cleanText, type MapContext, type Row } from './context';
import { eachCsvRow } from './csv';

export type Converter = (row: Row, at: string) => void;

export interface TabularMapping {
  /** Resource keys in the order their tables are read. */
  order: string[];
  convert: Record<string, Converter>;
  /** Work after every table was read (records made from several tables). */
  finish?: () => void;
}

/** A table to read: a CSV file, or rows already parsed from JSON. */
export interface TableSource {
  key: string;
  file: string;
  rows?: Record<string, unknown>[];
}

/** HSDS 3 tables and the object each row is. */
export const hsds3Tables: Record<string, HsdsObjectName> = {
  organizations: 'organization',
  programs: 'program',
  services: 'service',
  service_at_location: 'service_at_location',
  locations: 'location',
  addresses: 'address',
  phones: 'phone',
  contacts: 'contact',
  schedules: 'schedule',
  funding: 'funding',
  service_areas: 'service_area',
  required_documents: 'required_document',
  languages: 'language',
  accessibility: 'accessibility',
  cost_options: 'cost_option',
  organization_identifiers: 'organization_identifier',
  attributes: 'attribute',
  taxonomies: 'taxonomy',
  taxonomy_terms: 'taxonomy_term',
  urls: 'url',
};

/** Tables HSDS has and Kith does not store: counted in the report as skipped. */
export const unstoredTables = new Set(['metadata', 'meta_table_descriptions']);

/** Targets before the records that link to them: messages then name the first problem. */
export const tableOrder = [
  'taxonomies',
  'taxonomy',
  'taxonomy_terms',
  'organizations',
  'programs',
  'eligibility',
  'payments_accepted',
  'physical_addresses',
  'postal_addresses',
  'mail_addresses',
  'addresses',
  'locations',
  'services',
  'service_at_location',
  'contacts',
  'phones',
  'schedules',
  'regular_schedules',
  'holiday_schedules',
  'funding',
  'service_areas',
  'required_documents',
  'languages',
  'accessibility_for_disabilities',
  'accessibility',
  'cost_options',
  'organization_identifiers',
  'services_taxonomy',
  'service_attributes',
  'other_attributes',
  'attributes',
  'urls',
];

export function hsds3Mapping(cx: MapContext): TabularMapping {
  const convert: Record<string, Converter> = {};
  for (const [key, object] of Object.entries(hsds3Tables)) {
    convert[key] = (row, at) => void cx.emit(object, row, at);
  }
  return { order: tableOrder, convert };
}

export interface TabularProgress {
  (done: number, total: number): void;
}

async function readTable(
  table: TableSource,
  cx: MapContext,
  onRow: (row: Row, at: string) => void,
  onBytes?: (bytes: number) => void,
) {
  const name = path.basename(table.file);
  if (table.rows) {
    table.rows.forEach((raw, index) => {
      const row: Row = {};
      for (const [column, value] of Object.entries(raw)) {
        const text = cleanText(value);
        if (text !== undefined) row[column.toLowerCase()] = text;
      }
      onRow(row, `${name}#/${table.key}.csv/${index}`);
    });
    return;
  }
  await eachCsvRow(table.file, {
    row: (row, line) => onRow(row, `${name}:${line}`),
    bad: (line, reason) => cx.out.reject({ path: `${name}:${line}`, object: table.key, reason }),
    progress: onBytes,
  });
}

/** Reads every table the mapping knows, in its order; other tables are reported, not guessed at. */
export async function runTabular(
  tables: Map<string, TableSource>,
  mapping: TabularMapping,
  cx: MapContext,
  progress?: TabularProgress,
) {
  const sizeOf = (table: TableSource) => (table.rows ? table.rows.length : fs.statSync(table.file).size);
  const total = [...tables.values()].reduce((sum, table) => sum + sizeOf(table), 0);
  let done = 0;
  const keys = [...mapping.order, ...[...tables.keys()].filter((key) => !mapping.order.includes(key))];
  for (const key of keys) {
    const table = tables.get(key);
    if (!table) continue;
    const convert = mapping.convert[key];
    const base = done;
    const onBytes = progress ? (bytes: number) => progress(base + bytes, total) : undefined;
    if (convert) {
      await readTable(
        table,
        cx,
        (row, at) => {
          cx.out.rowsRead++;
          convert(row, at);
        },
        onBytes,
      );
    } else {
      let rows = 0;
      await readTable(table, cx, () => rows++, onBytes);
      if (unstoredTables.has(key)) cx.out.skip(key, rows);
      else
        cx.out.warn({
          path: path.basename(table.file),
          object: key,
          message: `${rows} rows not imported: this table is not part of the detected format`,
        });
    }
    done = base + sizeOf(table);
    progress?.(done, total);
  }
  mapping.finish?.();
}
