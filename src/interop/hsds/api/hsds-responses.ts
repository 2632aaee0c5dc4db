// The two answers the HSDS API gives: a Page envelope (or, with format=ndjson, one JSON object per
// line), and one record by id or a 404 problem+json. A guest's ndjson is paged like JSON (with a
// Link to the next page): one anonymous request must not carry off the whole directory at once.
// A signed-in caller (an API token) gets every match in one stream. The directory lists the matches
// (asking the policy); the assembler here nests them.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { hsdsRecordsFilter, listHsdsRecords, type HsdsFilter, type HsdsObjectName } from '../../../domains/directory/index';
import type { UseCaseContext } from '../../../platform/context';
import { AppError } from '../../../platform/http/app-error';
import type { HsdsJson } from '../export/hsds-values';

export type Assemble = (ids: string[]) => Promise<HsdsJson[]>;

export interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: HsdsJson[];
}

/**
 * The HSDS Page envelope. Pages count from 1; `size` is how many items this page holds; `empty`
 * says this page holds none (the Spring Data meaning the envelope comes from), which is also
 * true whenever nothing matches.
 */
export function pageOf(total: number, pageNumber: number, perPage: number, contents: HsdsJson[]): Page {
  const totalPages = Math.ceil(total / perPage);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

const streamBatch = 200;

async function* ndjsonLines(context: UseCaseContext, filter: HsdsFilter, assemble: Assemble): AsyncGenerator<string> {
  let after: string | undefined;
  for (;;) {
    const { ids } = await listHsdsRecords(context, { filter, limit: streamBatch, after });
    if (ids.length === 0) return;
    const items = await assemble(ids);
    yield items.map((item) => `${JSON.stringify(item)}\n`).join('');
    if (ids.length < streamBatch) return;
    after = ids[ids.length - 1];
  }
}

export async function listResponse(
  context: UseCaseContext,
  reply: FastifyReply,
  filter: HsdsFilter,
  query: { page: number; per_page: number; format: 'json' | 'ndjson' },
  assemble: Assemble,
  caller: { url: string },
): Promise<Page | FastifyReply> {
  if (query.format === 'ndjson' && typeof context.actor !== 'string') {
    // A signed-in caller: every match, unpaginated, as the spec describes ndjson; batches keep memory flat.
    return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(ndjsonLines(context, filter, assemble)));
  }
  const offset = (query.page - 1) * query.per_page;
  const { ids, total } = await listHsdsRecords(context, { filter, limit: query.per_page, offset, withTotal: true });
  const items = await assemble(ids);
  if (query.format === 'ndjson') {
    if (offset + ids.length < total!) reply.header('link', `<${nextPageUrl(caller.url, query.page + 1)}>; rel="next"`);
    return reply.type('application/x-ndjson; charset=utf-8').send(items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  }
  return pageOf(total!, query.page, query.per_page, items);
}

function nextPageUrl(url: string, page: number): string {
  const next = new URL(url, 'http://kith.invalid');
  next.searchParams.set('page', String(page));
  return `${next.pathname}${next.search}`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One record, or 404: an id that is not a UUID names no HSDS record either. */
export async function byId(
  context: UseCaseContext,
  record: { object: HsdsObjectName; id: string; label: string },
  assemble: Assemble,
): Promise<HsdsJson> {
  const normalized = record.id.toLowerCase();
  const { ids } = uuidPattern.test(normalized)
    ? await listHsdsRecords(context, { filter: hsdsRecordsFilter(record.object, normalized), limit: 1 })
    : { ids: [] };
  const [found] = ids.length ? await assemble(ids) : [];
  if (!found) throw new AppError('not_found', `No ${record.label} has the id ${record.id.slice(0, 100)}.`);
  return found;
}
