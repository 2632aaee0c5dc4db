// The generated directory (directory-generator.ts) as HSDS 3 JSON files, the shape a feed or
// `kith export hsds` gives: services.json holds one full service per line, each with its
// organization{}, its service_at_locations[] (with full locations and their addresses), hours,
// languages and attributes (with their taxonomy terms). Written in chunks, so memory stays flat.
// A variant changes the name and description of one service in `changeEvery` and adds `extra`
// new services, for the re-import benchmarks.
import fs from 'node:fs';
import path from 'node:path';
import type { HsdsRow } from '../src/domains/directory';
import { generateDirectoryChunk } from './directory-generator';

export interface DirectoryFilesOptions {
  /** Change one service in this many (its name and description); none when omitted. */
  changeEvery?: number;
  /** New services after the `total` ones. */
  extra?: number;
}

// A multiple of three: the generator writes each organisation and location with the first of
// its three services, so a chunk then holds every organisation its services need.
const CHUNK = 30_000;

function byId(rows: HsdsRow[] | undefined): Map<string, HsdsRow> {
  return new Map((rows ?? []).map((row) => [String(row.id), row]));
}

function group(rows: HsdsRow[] | undefined, column: string): Map<string, HsdsRow[]> {
  const grouped = new Map<string, HsdsRow[]>();
  for (const row of rows ?? []) {
    const key = String(row[column]);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return grouped;
}

/** Full services of generated services [from, to), as HSDS 3 JSON objects. */
function servicesOf(from: number, to: number, terms: Map<string, HsdsRow>, taxonomy: HsdsRow, options: DirectoryFilesOptions) {
  const records = generateDirectoryChunk(from, to);
  const organizations = byId(records.organization);
  const locations = byId(records.location);
  const addresses = group(records.address, 'location_id');
  const places = group(records.service_at_location, 'service_id');
  const schedules = group(records.schedule, 'service_at_location_id');
  const languages = group(records.language, 'service_id');
  const attributes = group(records.attribute, 'link_id');
  return (records.service ?? []).map((service, offset) => {
    const index = from + offset;
    const changed = options.changeEvery !== undefined && index % options.changeEvery === 0;
    const id = String(service.id);
    return {
      ...service,
      ...(changed
        ? { name: `${String(service.name)} Renewed`, description: `${String(service.description)} Now open late.` }
        : {}),
      organization: organizations.get(String(service.organization_id)),
      service_at_locations: (places.get(id) ?? []).map((place) => {
        const location = locations.get(String(place.location_id))!;
        return {
          ...place,
          schedules: schedules.get(String(place.id)) ?? [],
          location: { ...location, addresses: addresses.get(String(location.id)) ?? [] },
        };
      }),
      languages: languages.get(id) ?? [],
      attributes: (attributes.get(id) ?? []).map((attribute) => {
        const term = terms.get(String(attribute.taxonomy_term_id))!;
        return { ...attribute, taxonomy_term: { ...term, taxonomy_detail: taxonomy } };
      }),
    };
  });
}

/** Writes services.json for `total` generated services (and the variant's changes); returns its path. */
export function writeDirectoryFiles(folder: string, total: number, options: DirectoryFilesOptions = {}): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'services.json');
  const head = generateDirectoryChunk(0, 1);
  const terms = byId(head.taxonomy_term);
  const taxonomy = head.taxonomy![0]!;
  const out = fs.openSync(file, 'w');
  let first = true;
  const write = (from: number, to: number) => {
    for (let start = from; start < to; start += CHUNK) {
      const lines = servicesOf(start, Math.min(to, start + CHUNK), terms, taxonomy, options).map((item) => JSON.stringify(item));
      if (lines.length === 0) continue;
      fs.writeSync(out, `${first ? '[\n' : ',\n'}${lines.join(',\n')}`);
      first = false;
    }
  };
  write(0, total);
  // New services start at the next organisation: the last one of `total` may have fewer than three.
  const next = Math.ceil(total / 3) * 3;
  if (options.extra) write(next, next + options.extra);
  fs.writeSync(out, first ? '[]\n' : '\n]\n');
  fs.closeSync(out);
  return file;
}
