// A small HTTP client for integration tests: real requests to the real server, keeping the
// session and device cookies and sending the CSRF token on writes, as the web app does.
import http from 'node:http';

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export class Client {
  cookie?: string;
  /** The device cookie a successful sign-in set (`kith_device=…`), sent back as a browser would. */
  deviceCookie?: string;
  csrfToken?: string;
  bearer?: string;

  /** `localAddress`: send from this loopback address (127.0.0.2, …), to act as another client. */
  constructor(
    readonly baseUrl: string,
    readonly localAddress?: string,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined && typeof body !== 'string') headers['content-type'] = 'application/json';
    if (typeof body === 'string') headers['content-type'] ??= 'application/json';
    const cookies = [this.cookie, this.deviceCookie].filter(Boolean);
    if (cookies.length > 0) headers.cookie = cookies.join('; ');
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const response = this.localAddress
      ? await sendFrom(this.localAddress, `${this.baseUrl}${path}`, method, headers, payload)
      : await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload }).then(async (r) => ({
          status: r.status,
          headers: r.headers,
          text: await r.text(),
        }));
    for (const setCookie of response.headers.getSetCookie()) {
      if (setCookie.startsWith('kith_session=')) this.cookie = setCookie.split(';')[0];
      if (setCookie.startsWith('kith_device=')) this.deviceCookie = setCookie.split(';')[0];
    }
    const text = response.text;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async signIn(email: string, password: string): Promise<Answer> {
    const answer = await this.post('/api/auth/sign-in', { email, password });
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }
}

/** fetch cannot choose the address it sends from; node:http can. */
function sendFrom(
  localAddress: string,
  url: string,
  method: string,
  headers: Record<string, string>,
  payload: string | undefined,
): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) answerHeaders.append(name, one);
        }
        resolve({ status: response.statusCode ?? 0, headers: answerHeaders, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

export async function signedIn(baseUrl: string, email: string, password: string): Promise<Client> {
  const client = new Client(baseUrl);
  const answer = await client.signIn(email, password);
  if (answer.status !== 200) throw new Error(`sign-in of ${email} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return client;
}
