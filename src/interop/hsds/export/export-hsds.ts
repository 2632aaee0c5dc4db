// `kith export hsds <folder>`: the public directory as HSDS 3.0.1 JSON files.
//
//   taxonomies.json       taxonomy objects
//   taxonomy_terms.json   taxonomy_term objects, each with taxonomy_detail{}
//   organizations.json    full organizations (funding, contacts, phones, full locations, programs,
//                         organization_identifiers, attributes) without services[]
//   services.json         full services (every child array, service_at_locations[] with full
//                         locations, program{}, attributes with their terms, capacities[]) whose
//                         organization{} carries scalars only: organizations.json holds the rest
//
// Each file is one JSON array with one object per line ("[", then "{...}," lines, then "]"), so it
// is plain HSDS JSON for any reader and can still be read line by line; --ndjson writes .ndjson
// files (one object per line, no brackets) instead. Records stream page by page from one
// read-only snapshot, so memory stays flat however big the directory, and a file appears under
// its name only once it is complete.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import type { Database, Queryable, QueryOptions } from '../../../platform/db/database';
import { AppError } from '../../../platform/http/app-error';
import {
  countHsdsMatches,
  hsdsMatchIds,
  hsdsRecordsFilter,
  inHsdsSnapshot,
  type HsdsObjectName,
} from '../../../domains/directory/index';
import { fullOrganizations, fullServices, taxonomies, taxonomyTermItems } from './assemble';
import type { HsdsJson } from './hsds-values';

export interface ExportOptions {
  folder: string;
  /** Write .ndjson (one object per line) instead of .json arrays. */
  ndjson?: boolean;
  /** Records assembled per batch. */
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportSummary {
  counts: { taxonomies: number; taxonomy_terms: number; organizations: number; services: number };
  files: string[];
  seconds: number;
}

interface Collection {
  name: keyof ExportSummary['counts'];
  object: HsdsObjectName;
  assemble: (q: Queryable, ids: string[]) => Promise<HsdsJson[]>;
}

const collections: Collection[] = [
  { name: 'taxonomies', object: 'taxonomy', assemble: taxonomies },
  { name: 'taxonomy_terms', object: 'taxonomy_term', assemble: taxonomyTermItems },
  { name: 'organizations', object: 'organization', assemble: (q, ids) => fullOrganizations(q, ids, { services: 'none' }) },
  {
    name: 'services',
    object: 'service',
    assemble: (q, ids) => fullServices(q, ids, { organization: 'scalars', serviceAtLocations: true, capacity: true }),
  },
];

/** A file written in pages, with backpressure, renamed into place when closed. */
class RecordFile {
  private readonly partial: string;
  private readonly stream: fs.WriteStream;
  private count = 0;

  constructor(
    readonly file: string,
    private readonly ndjson: boolean,
  ) {
    this.partial = `${file}.partial`;
    this.stream = fs.createWriteStream(this.partial, { encoding: 'utf8' });
  }

  async write(items: HsdsJson[]): Promise<void> {
    if (items.length === 0) return;
    const lines = items.map((item) => JSON.stringify(item));
    const text = this.ndjson ? `${lines.join('\n')}\n` : `${this.count === 0 ? '[\n' : ',\n'}${lines.join(',\n')}`;
    this.count += items.length;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (!this.ndjson) this.stream.write(this.count === 0 ? '[]\n' : '\n]\n');
    this.stream.end();
    await once(this.stream, 'finish');
    await fs.promises.rename(this.partial, this.file);
  }

  async abandon(): Promise<void> {
    this.stream.destroy();
    await fs.promises.rm(this.partial, { force: true });
  }
}

/**
 * A transaction is one connection, which runs one statement at a time: the assembler's parallel
 * branch queries are queued here instead of piling onto the client (which pg deprecates).
 */
function oneAtATime(q: Queryable): Queryable {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    query<Row>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
      const run = tail.then(() => q.query<Row>(text, values, options));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

export async function exportHsds(db: Database, options: ExportOptions): Promise<ExportSummary> {
  const started = performance.now();
  const pageSize = options.pageSize ?? 2000;
  await fs.promises.mkdir(options.folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw AppError.field('folder', `cannot be made or written (${error.code ?? error.message})`, 'bad_request');
  });
  const counts: ExportSummary['counts'] = { taxonomies: 0, taxonomy_terms: 0, organizations: 0, services: 0 };
  const files: string[] = [];

  // One snapshot for the whole export: a service cannot point at an organization that an import
  // removed halfway through.
  await inHsdsSnapshot(db, async (client) => {
    const q = oneAtATime(client);
    const totals = await Promise.all(collections.map(({ object }) => countHsdsMatches(q, hsdsRecordsFilter(object))));
    const total = totals.reduce((sum, n) => sum + n, 0);
    let done = 0;
    options.onProgress?.(0, total);

    for (const collection of collections) {
      const file = path.join(options.folder, `${collection.name}.${options.ndjson ? 'ndjson' : 'json'}`);
      const out = new RecordFile(file, options.ndjson ?? false);
      try {
        const everyRecord = hsdsRecordsFilter(collection.object);
        let after: string | undefined;
        for (;;) {
          // Keyset pages over the primary key: every page is an index range scan, however deep.
          const page = await hsdsMatchIds(q, everyRecord, { limit: pageSize, after });
          if (page.length === 0) break;
          const items = await collection.assemble(q, page);
          await out.write(items);
          counts[collection.name] += items.length;
          done += page.length;
          options.onProgress?.(done, total);
          after = page[page.length - 1]!;
          if (page.length < pageSize) break;
        }
        await out.close();
      } catch (error) {
        await out.abandon();
        throw error;
      }
      files.push(file);
    }
  });

  return { counts, files, seconds: (performance.now() - started) / 1000 };
}

/** The one line `kith export hsds` ends with. */
export function summaryLine(summary: ExportSummary, folder: string): string {
  const { counts } = summary;
  return (
    `Exported ${counts.services} services, ${counts.organizations} organizations, ${counts.taxonomies} taxonomies and ` +
    `${counts.taxonomy_terms} taxonomy terms as HSDS 3.0.1 JSON to ${folder} in ${summary.seconds.toFixed(1)} s.`
  );
}
