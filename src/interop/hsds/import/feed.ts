// `kith import hsds <url>`: reads a directory from an HSDS 3 API (a 211's feed, Open Referral UK,
// another Kith's /hsds), as the HSDS 3.0.1 OpenAPI document describes it. Services are paged
// through `/services?full=true`; a feed that does not give full services there (it refuses
// `full`, or its items carry no child lists) is read as list pages plus `/services/{id}` for each.
// Each page is flattened into the import's records as it arrives and then dropped, so the feed's
// JSON never sits in memory whole. Every request has a timeout and is retried with backoff on
// 429 and 5xx answers and on network errors; whatever still fails stops the import, in one line,
// before the database is touched. No request is made inside the import's transaction.
import { AppError } from '../../../platform/http/app-error';

export interface FeedOptions {
  /** One header sent with every request, "Name: value" (an API key); never printed. */
  header?: string;
  /** Services asked for per page (the spec sets no default; Kith's own API allows up to 500). */
  perPage?: number;
  /** How long one request may take, in milliseconds. */
  timeoutMs?: number;
  /** Tries after the first, for 429, 5xx and network errors. */
  retries?: number;
  /** The first wait before a retry, in milliseconds; each retry waits about twice as long. */
  retryDelayMs?: number;
  /** Detail requests in flight at once, for a feed without full list pages. */
  concurrency?: number;
}

export interface FeedRead {
  /** Describes the feed for the report: its HSDS version, and how it was read. */
  format: string;
  /** Whether every service the feed announced was read: only then may its absentees be retired. */
  complete: boolean;
  /** Why the read is not complete, in words. */
  incompleteBecause?: string;
}

/** Called for each service object the feed gives, with the place it came from. */
export type FeedItem = (json: unknown, pointer: string) => void;

export const isFeedUrl = (source: string): boolean => /^https?:\/\//i.test(source.trim());

const defaults = { perPage: 200, timeoutMs: 30_000, retries: 4, retryDelayMs: 500, concurrency: 4 };

/** Arrays a full service has and a service_list item does not. */
const fullServiceLists = [
  'service_at_locations',
  'phones',
  'schedules',
  'languages',
  'attributes',
  'contacts',
  'service_areas',
  'cost_options',
  'funding',
  'required_documents',
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The feed's base URL (the API root): what the user gave, without a trailing /services or slash. */
export function feedBase(source: string): URL {
  let url: URL;
  try {
    url = new URL(source.trim());
  } catch {
    throw new AppError('bad_request', `${source} is not a web address`);
  }
  if (url.username || url.password)
    throw new AppError(
      'bad_request',
      `${url.host}: put credentials in --header (or KITH_HSDS_FEED_HEADER), not in the web address`,
    );
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '').replace(/\/services$/, '');
  return url;
}

/** The feed's address as shown in reports and the audit log: no query, no credentials. */
export const feedLabel = (source: string): string => {
  const base = feedBase(source);
  return `${base.origin}${base.pathname}`;
};

function parseHeader(header: string | undefined): Record<string, string> {
  if (!header) return {};
  const colon = header.indexOf(':');
  const name = colon > 0 ? header.slice(0, colon).trim() : '';
  const value = colon > 0 ? header.slice(colon + 1).trim() : '';
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name) || value === '')
    throw new AppError('bad_request', 'the feed header must look like "Name: value" (for example "Authorization: Bearer …")');
  return { [name]: value };
}

/** How long a 429 or 503 asks us to wait (Retry-After in seconds or as a date), capped at a minute. */
function retryAfter(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(60_000, Math.max(0, ms)) : undefined;
}

const retryable = (status: number) => status === 429 || status >= 500;

/** Why a fetch failed, in a few words (undici puts the reason in `cause`). */
function networkReason(error: unknown, timeoutMs: number): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError' || failure.name === 'AbortError')
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  return failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error);
}

class FeedClient {
  private readonly headers: Record<string, string>;
  readonly options: typeof defaults;

  constructor(
    readonly base: URL,
    options: FeedOptions,
  ) {
    this.options = { ...defaults, ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
    this.headers = { accept: 'application/json', 'user-agent': 'Kith HSDS import', ...parseHeader(options.header) };
  }

  url(path: string, query: Record<string, string | number> = {}): URL {
    const url = new URL(this.base);
    url.pathname = `${this.base.pathname}${path}`;
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, String(value));
    return url;
  }

  /**
   * GETs a URL: the response once it is not a 429 or 5xx (those and network errors are retried
   * with backoff), or an AppError saying in one line why the feed cannot be read.
   */
  async get(url: URL): Promise<Response> {
    const { retries, retryDelayMs, timeoutMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      let wait: number | undefined;
      let reason: string;
      try {
        const response = await fetch(url, { headers: this.headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
        if (!retryable(response.status)) return response;
        reason = `answered ${response.status} ${response.statusText}`.trim();
        wait = retryAfter(response);
        await response.body?.cancel();
      } catch (error) {
        reason = networkReason(error, timeoutMs);
      }
      if (attempt >= retries) {
        const tries = retries + 1;
        throw new AppError(
          'bad_request',
          `cannot read the HSDS feed: GET ${url.href} ${reason.startsWith('answered') ? '' : 'failed: '}${reason} (${tries} ${tries === 1 ? 'try' : 'tries'})`,
        );
      }
      // Exponential backoff with jitter, unless the server said how long to wait.
      await sleep(wait ?? retryDelayMs * 2 ** attempt * (0.75 + Math.random() / 2));
    }
  }

  /** GETs JSON; undefined for a 404 when `missingOk`; an AppError for anything that is not JSON. */
  async json(url: URL, what: string, missingOk = false): Promise<unknown> {
    return this.parse(await this.get(url), url, what, missingOk);
  }

  async parse(response: Response, url: URL, what: string, missingOk = false): Promise<unknown> {
    if (response.status === 404 && missingOk) {
      await response.body?.cancel();
      return undefined;
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new AppError(
        'bad_request',
        `the HSDS feed refused GET ${url.href} (${response.status}): does it need a key? Send one with --header or KITH_HSDS_FEED_HEADER`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new AppError(
        'bad_request',
        `${this.label} is not an HSDS API: GET ${url.href} answered ${response.status} ${response.statusText}`.trim(),
      );
    }
    const text = await response.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      const type = response.headers.get('content-type')?.split(';')[0] ?? 'no content type';
      throw new AppError(
        'bad_request',
        `${this.label} is not an HSDS API: GET ${url.href} answered ${type}, not ${what} as JSON`,
      );
    }
  }

  get label(): string {
    return `${this.base.origin}${this.base.pathname}`;
  }
}

interface Page {
  contents: unknown[];
  totalItems?: number;
  totalPages?: number;
  lastPage?: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function pageOf(value: unknown, client: FeedClient, url: URL): Page {
  if (!isObject(value) || !Array.isArray(value.contents))
    throw new AppError(
      'bad_request',
      `${client.label} is not an HSDS API: GET ${url.href} did not answer with an HSDS page (an object with contents[])`,
    );
  const number = (key: string) => (typeof value[key] === 'number' ? value[key] : undefined);
  return {
    contents: value.contents,
    totalItems: number('total_items'),
    totalPages: number('total_pages'),
    lastPage: typeof value.last_page === 'boolean' ? value.last_page : undefined,
  };
}

const idOf = (item: unknown) =>
  isObject(item) && (typeof item.id === 'string' || typeof item.id === 'number') ? String(item.id) : undefined;

/** Whether a page's items are full services (some child list is there), not service_list items. */
const holdsFullServices = (page: Page) =>
  page.contents.some((item) => isObject(item) && fullServiceLists.some((key) => Array.isArray(item[key])));

/** A page beyond which no feed goes: a feed that ignores `page` would otherwise be read forever. */
const LAST_PAGE = 100_000;

/**
 * Reads every service of the feed at `source`, handing each full service to `onItem`; pages are
 * read one after another, so only one is in memory at a time.
 */
export async function readHsdsFeed(
  source: string,
  onItem: FeedItem,
  options: FeedOptions = {},
  progress?: (done: number, total: number) => void,
): Promise<FeedRead> {
  const client = new FeedClient(feedBase(source), options);
  const meta = await client.json(client.url('/'), 'the API meta information', true);
  const version = isObject(meta) && typeof meta.version === 'string' ? meta.version : undefined;
  const perPage = client.options.perPage;

  // First page: full services if the feed gives them, else list items to fetch one by one.
  let full = true;
  let firstUrl = client.url('/services', { full: 'true', page: 1, per_page: perPage });
  let response = await client.get(firstUrl);
  if (response.status === 400 || response.status === 422) {
    await response.body?.cancel();
    full = false;
    firstUrl = client.url('/services', { page: 1, per_page: perPage });
    response = await client.get(firstUrl);
  }
  let page = pageOf(await client.parse(response, firstUrl, 'a page of services'), client, firstUrl);
  if (full && page.contents.length > 0 && !holdsFullServices(page)) full = false;

  const seen = new Set<string>();
  const announced = page.totalItems;
  let missing = 0;
  let number = 1;
  let previousIds = '';
  for (;;) {
    const ids = page.contents.map(idOf);
    const signature = ids.join(',');
    if (number > 1 && signature !== '' && signature === previousIds)
      throw new AppError(
        'bad_request',
        `the HSDS feed ${client.label} gave page ${number} the same as page ${number - 1}: it does not seem to page`,
      );
    previousIds = signature;
    const at = (index: number) => `${client.label}/services?page=${number}#/contents/${index}`;
    if (full) {
      page.contents.forEach((item, index) => onItem(item, at(index)));
    } else {
      missing += await readDetails(client, ids, (item, index) => onItem(item, `${client.url(`/services/${ids[index]}`).href}#`));
    }
    for (const id of ids) if (id !== undefined) seen.add(id);
    progress?.(number, Math.max(number, page.totalPages ?? number + 1));
    const last =
      page.contents.length === 0 ||
      page.lastPage === true ||
      (page.totalPages !== undefined && number >= page.totalPages) ||
      (page.lastPage === undefined && page.totalPages === undefined && page.contents.length < perPage);
    if (last) break;
    if (++number > LAST_PAGE) throw new AppError('bad_request', `the HSDS feed ${client.label} has more than ${LAST_PAGE} pages`);
    const url = client.url('/services', { ...(full ? { full: 'true' } : {}), page: number, per_page: perPage });
    page = pageOf(await client.json(url, 'a page of services'), client, url);
  }
  progress?.(number, number);

  const read = seen.size - missing;
  const incompleteBecause =
    announced !== undefined && read < announced
      ? `the feed announced ${announced} services but ${read} were read (it changed while it was read)`
      : missing > 0
        ? `${missing} services listed by the feed were gone when asked for`
        : undefined;
  return {
    format: `HSDS ${version ?? '3.x'} API, ${full ? 'full services in pages' : 'a list of services, then each by id'}: ${read} services`,
    complete: incompleteBecause === undefined,
    incompleteBecause,
  };
}

/** Fetches `/services/{id}` for each id, a few at a time; returns how many were gone (404). */
async function readDetails(client: FeedClient, ids: (string | undefined)[], onItem: (item: unknown, index: number) => void) {
  let next = 0;
  let gone = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index];
      if (id === undefined) continue;
      const item = await client.json(client.url(`/services/${encodeURIComponent(id)}`), 'a service', true);
      if (item === undefined) gone++;
      else onItem(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(client.options.concurrency, ids.length) }, worker));
  return gone;
}
