// A raw HTTP sender for the fuzzer. fetch() would tidy the requests before they leave (it removes
// dot segments, re-encodes the path, refuses some bodies); node:http sends the request line and
// the body bytes exactly as written, which is what an attacker's client does.
import http from 'node:http';

/** Who sends a request. Sessions carry their cookie and CSRF token; tokens go as Bearer. */
export interface Caller {
  name: string;
  kind: 'anonymous' | 'session' | 'bearer';
  /** The organisation the caller belongs to, as the world names it. */
  organization?: 'host' | 'A' | 'B';
  userId?: string;
  cookie?: string;
  csrfToken?: string;
  token?: string;
  /** Extra headers that make the caller who they are (a forged cookie, a bad Authorization). */
  headers?: Record<string, string>;
}

export const anonymous: Caller = { name: 'anonymous', kind: 'anonymous' };

export interface FuzzRequest {
  method: string;
  /** The request target as sent: path and query, already percent-encoded. */
  path: string;
  body?: Buffer | null;
  /** The content type of the body; null sends none. Default: application/json with a body. */
  contentType?: string | null;
  /** How to treat the caller's CSRF token on a write: send it (default), leave it out, or forge it. */
  csrf?: 'send' | 'omit' | 'forge';
}

export interface Answer {
  /** 0 when no HTTP answer came (the connection failed or the server closed it). */
  status: number;
  contentType: string;
  body: string;
  error?: string;
}

// A new connection per request: a kept-alive socket the server has just closed (after a 413, or
// idle) would turn into a spurious ECONNRESET, and every answer here must be the server's own.
const agent = new http.Agent({ keepAlive: false, maxSockets: 1 });

/** Largest answer body kept (the rest is read and dropped). */
const KEEP = 2_000_000;

export function send(baseUrl: string, request: FuzzRequest, caller: Caller): Promise<Answer> {
  const target = new URL(baseUrl);
  const headers: Record<string, string> = { ...caller.headers };
  const body = request.body ?? undefined;
  if (body !== undefined) {
    const contentType = request.contentType === undefined ? 'application/json' : request.contentType;
    if (contentType !== null) headers['content-type'] = contentType;
    headers['content-length'] = String(body.length);
  }
  if (caller.cookie) headers.cookie = caller.cookie;
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
    if ((request.csrf ?? 'send') === 'send') headers['x-csrf-token'] = caller.csrfToken;
    else if (request.csrf === 'forge') headers['x-csrf-token'] = `${caller.csrfToken.slice(0, -2)}xx`;
  }
  return new Promise((resolve) => {
    const outgoing = http.request(
      { host: target.hostname, port: target.port, method: request.method, path: request.path, headers, agent },
      (incoming) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        incoming.on('data', (chunk: Buffer) => {
          if (kept < KEEP) chunks.push(chunk);
          kept += chunk.length;
        });
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: String(incoming.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', (error) =>
          resolve({ status: incoming.statusCode ?? 0, contentType: '', body: '', error: error.message }),
        );
      },
    );
    outgoing.setTimeout(30_000, () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, contentType: '', body: '', error: error.code ?? error.message }),
    );
    outgoing.end(body);
  });
}

/** Closes the agent's sockets (after the suite, so the worker can exit). */
export function closeSockets(): void {
  agent.destroy();
}
