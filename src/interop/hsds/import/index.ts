// `kith import hsds`: reads a directory in any HSDS shape (3.x JSON, 3.x/2.x/1.x tabular, the older
// Ohana CSV, or an HSDS 3 API's feed at a URL: feed.ts), maps it onto HSDS 3.0 records with UUID ids, validates them, and writes the good ones
// in ONE transaction with the search index rebuilt for what changed: the import is all there or
// not there at all. A malformed source (unreadable JSON/CSV, no HSDS files) stops before the
// database is touched, as an AppError('bad_request'). Top-level JSON records unchanged since the
// data set's last import are skipped as they are read (unchanged.ts).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  rebuildSearchEntriesAfterImport,
  keepLocalEditsAfterImport,
  type KeptEdit,
  recordSourceHashes,
  withBulkLoad,
  WrittenRecords,
} from '../../../domains/directory/index';
import type { Db } from '../../../platform/db/database';
import { audit } from '../../../platform/audit/audit';
import { AppError } from '../../../platform/http/app-error';
import { MapContext } from './context';
import { detectSource, type Detected } from './detect';
import { feedLabel, isFeedUrl, readHsdsFeed, type FeedOptions } from './feed';
import { JsonFlattener, readJson } from './json';
import { legacyMapping } from './legacy-tabular';
import { ohanaMapping } from './ohana';
import type { Repair } from './records';
import { countRepairs, countsWithRejections, type ImportReport } from './report';
import { hsds3Mapping, runTabular, type TableSource, type TabularMapping } from './tabular';
import { byPath, validate } from './validate';
import { UnchangedSources } from './unchanged';
import { retireMissingServices, writeRecords, writeRepairs } from './write';

export type { ImportReport } from './report';
export { formatReport } from './report';

export interface ImportProgress {
  /** Reading the source, writing the directory, then rebuilding the search entries it touched. */
  phase: 'reading' | 'writing' | 'indexing';
  done: number;
  total: number;
}

export interface ImportOptions {
  /** Names the data set whose ids are minted; default: the file or folder name. */
  dataset?: string;
  /** The source is the whole data set: its services that are not in it any more are retired. */
  retireMissing?: boolean;
  /** Read every record again, even those unchanged since the last import of the data set. */
  reread?: boolean;
  /** How to read a feed (a source that is a web address). */
  feed?: FeedOptions;
  onProgress?: (progress: ImportProgress) => void;
}

/** The database write failed (not the data): everything was rolled back. */
export class ImportFailedError extends Error {
  override name = 'ImportFailedError';
}

export const defaultDataset = (source: string): string => {
  if (isFeedUrl(source)) return feedLabel(source).replace(/^https?:\/\//i, '');
  const base = path.basename(path.resolve(source));
  return base.replace(/\.(nd)?json$|\.csv$/i, '') || base;
};

function mappingFor(
  detected: Extract<Detected, { kind: 'tabular' }>,
  cx: MapContext,
  tables: Map<string, TableSource>,
): TabularMapping {
  switch (detected.flavour) {
    case 'hsds3': {
      // A 3.x folder that still carries a 1.x/2.x table (physical_addresses.csv…) gets it converted too.
      const { order, convert } = hsds3Mapping(cx);
      return { order, convert: { ...legacyMapping(cx, tables).convert, ...convert } };
    }
    case 'hsds2':
    case 'hsds1':
      return legacyMapping(cx, tables);
    case 'ohana':
      return ohanaMapping(cx, tables, detected.files);
  }
}

export interface SourceRead {
  format: string;
  cx: MapContext;
  /** False when a feed could not be read whole: its absentees must not be retired. */
  complete: boolean;
  incompleteBecause?: string;
}

/** Reads and maps a source into HSDS 3 records, without writing to the database. */
export async function readHsdsSource(
  source: string,
  dataset: string,
  progress?: (done: number, total: number) => void,
  options: { unchanged?: UnchangedSources; feed?: FeedOptions } = {},
): Promise<SourceRead> {
  const cx = new MapContext(dataset);
  if (isFeedUrl(source)) {
    const flattener = new JsonFlattener(cx, options.unchanged);
    const feed = await readHsdsFeed(source, (item, pointer) => flattener.item(item, pointer, 'service'), options.feed, progress);
    return { format: feed.format, cx, complete: feed.complete, incompleteBecause: feed.incompleteBecause };
  }
  const detected = detectSource(source);
  let format: string;
  if (detected.kind === 'json') {
    format = await readJson(detected.files, cx, progress, options.unchanged);
  } else {
    const tables = new Map<string, TableSource>([...detected.tables].map(([key, table]) => [key, { key, file: table.file }]));
    await runTabular(tables, mappingFor(detected, cx, tables), cx, progress);
    format = detected.label;
  }
  if (cx.out.byType.size === 0 && cx.out.rejections.length === 0 && !options.unchanged?.skippedCount) {
    throw new AppError('bad_request', `${source}: no HSDS records found (${format})`);
  }
  return { format, cx, complete: true };
}

export async function importHsds(db: Db, source: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const dataset = options.dataset?.trim() || defaultDataset(source);
  const report = (phase: ImportProgress['phase']) => (done: number, total: number) =>
    options.onProgress?.({ phase, done, total });
  const unchanged = await UnchangedSources.load(db, dataset, options.reread);
  const { format, cx, complete, incompleteBecause } = await readHsdsSource(source, dataset, report('reading'), {
    unchanged,
    feed: options.feed,
  });
  const retire = options.retireMissing === true && complete;
  if (options.retireMissing && !complete)
    cx.out.warn({ path: feedLabel(source), object: 'feed', message: `${incompleteBecause}, so no service was retired` });
  const label = isFeedUrl(source) ? feedLabel(source) : path.basename(path.resolve(source));

  let repairs: Repair[] = [];
  let keptEdits: KeptEdit[] = [];
  try {
    const { counts: written, retired } = await db.tx(async (q) => {
      await validate(cx, q);
      repairs = cx.out.keptRepairs().sort(byPath);
      const written = new WrittenRecords();
      const counts = await withBulkLoad(q, (intoEmpty) =>
        writeRecords(q, cx.out, dataset, report('writing'), intoEmpty, written),
      );
      const placed = await writeRepairs(q, cx.out, dataset);
      // A partner's edit of its own record stands over what the source brought (and is reported).
      keptEdits = await keepLocalEditsAfterImport(q, written);
      await recordSourceHashes(q, dataset, unchanged.toRecord(cx));
      // What was skipped as unchanged is there as it was.
      for (const [type, ids] of unchanged.skipped) {
        const count = (counts[type] ??= { inserted: 0, updated: 0, unchanged: 0 });
        count.unchanged += ids.length;
      }
      const retired = retire ? await retireMissingServices(q, cx.out, dataset, unchanged.skipped.get('service')) : [];
      const changed =
        retired.length > 0 || placed.length > 0 || Object.values(counts).some((count) => count.inserted + count.updated > 0);
      // Only what really changed has its search entries rebuilt.
      if (changed)
        await rebuildSearchEntriesAfterImport(q, {
          written,
          retiredServiceIds: retired.map((service) => service.id),
          placedLocationIds: placed,
          onStep: report('indexing'),
        });
      // The import is on the record, in its own transaction: who (the operator), what, how much.
      const total = (key: 'inserted' | 'updated' | 'unchanged') =>
        Object.values(counts).reduce((sum, count) => sum + (count?.[key] ?? 0), 0);
      await audit(
        q,
        { fallbackKind: 'system' },
        {
          action: 'directory.import',
          recordType: 'hsds_dataset',
          recordId: dataset.slice(0, 200),
          details: {
            format,
            source: label.slice(0, 200),
            inserted: total('inserted'),
            updated: total('updated'),
            unchanged: total('unchanged'),
            rejected: cx.out.rejections.length,
            repaired: repairs.length,
            retired: retired.length,
          },
        },
      );
      return { counts, retired };
    });
    const result: ImportReport = {
      source,
      format,
      dataset,
      counts: countsWithRejections(written, cx.out.rejections),
      rejections: cx.out.rejections,
      repairs,
      repairCounts: countRepairs(repairs),
      keptEdits,
      warnings: cx.out.warnings,
      retired,
      skipped: Object.fromEntries(cx.out.skipped),
      rowsRead: cx.out.rowsRead,
      seconds: (performance.now() - started) / 1000,
    };
    return result;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportFailedError(`The import was rolled back, nothing was written: ${message}`, { cause: error });
  }
}
