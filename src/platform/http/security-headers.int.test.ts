// What a browser (or an attacker framing or sniffing Kith) meets on every answer: the security
// headers, HSTS only behind HTTPS; and how the built web app travels: compressed, hashed assets
// cached for good, index.html revalidated, no inline script, no source maps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, webDistDir } from '../../app';
import type { Database } from '../db/database';
import { openTestDatabase } from '../../../test/support/engines';
import { describeEachEngine } from '../../../test/support/harness';

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  body: Buffer;
}

/** A GET through node:http, which (unlike fetch) neither asks for nor undoes any encoding. */
function get(baseUrl: string, pathname: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${baseUrl}${pathname}`, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

function cspDirectives(answer: RawAnswer): Map<string, string[]> {
  const header = answer.headers['content-security-policy'];
  expect(header, 'content-security-policy').toBeTypeOf('string');
  return new Map(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

/** The headers every answer carries, whatever made it. */
function expectSecurityHeaders(answer: RawAnswer, what: string): void {
  expect(answer.headers['x-content-type-options'], what).toBe('nosniff');
  expect(answer.headers['x-frame-options'], what).toBe('DENY');
  expect(answer.headers['referrer-policy'], what).toBe('no-referrer');
  const csp = cspDirectives(answer);
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  // Scripts only from Kith's own files: no inline script, no eval, no other host.
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(csp.get('script-src-attr'), what).toEqual(["'none'"]);
  expect(csp.get('style-src-attr'), what).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'self'"]);
  expect(csp.get('form-action'), what).toEqual(["'self'"]);
  // Images may also come from the map's tile server (OpenStreetMap's by default), and only images.
  expect(csp.get('img-src'), what).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org']);
  for (const [name, sources] of csp) {
    if (name === 'img-src') continue;
    expect(
      sources.filter((source) => source === '*' || source.startsWith('http')),
      `${what}: ${name}`,
    ).toEqual([]);
  }
}

/** The <script> tags of a page: every one must load a file, none may carry code. */
function scriptTags(html: string): { src: string | undefined; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((match) => ({
    src: /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(match[1]!)?.[1],
    body: match[2]!.trim(),
  }));
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

describeEachEngine('security headers', (ctx) => {
  it('are on JSON answers, problem+json errors and the public HSDS API, without HSTS over plain HTTP', async () => {
    const answers: [string, RawAnswer][] = [
      ['GET /healthz', await get(ctx().baseUrl, '/healthz')],
      ['GET /api/openapi.json', await get(ctx().baseUrl, '/api/openapi.json')],
      ['GET /api/organizations (anonymous)', await get(ctx().baseUrl, '/api/organizations')],
      ['GET /api/no-such-route', await get(ctx().baseUrl, '/api/no-such-route')],
      ['GET /hsds/', await get(ctx().baseUrl, '/hsds/')],
      ['GET /hsds/services', await get(ctx().baseUrl, '/hsds/services')],
    ];
    const [health, openapi, anonymous, unknown, hsds, hsdsServices] = answers.map(([, answer]) => answer);
    expect(health!.status).toBe(200);
    expect(openapi!.headers['content-type']).toMatch(/^application\/json/);
    expect(anonymous!.status).toBe(401);
    expect(anonymous!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown!.status).toBe(404);
    expect(hsds!.status).toBe(200);
    expect(hsdsServices!.status).toBe(200);
    for (const [what, answer] of answers) {
      expectSecurityHeaders(answer, what);
      // Over plain HTTP: no HSTS, and no upgrade of the page's own requests to an https:// that is not there.
      expect(answer.headers['strict-transport-security'], what).toBeUndefined();
      expect(cspDirectives(answer).has('upgrade-insecure-requests'), what).toBe(false);
    }
  });

  it('keep the API docs under the same CSP, which their page works with: every script is a file', async () => {
    const docs = await get(ctx().baseUrl, '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expectSecurityHeaders(docs, 'GET /api/docs');
    const scripts = scriptTags(docs.body.toString('utf8'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.body, `inline script in /api/docs: ${script.body.slice(0, 80)}`).toBe('');
      expect(script.src, 'a script without src').toMatch(/^\/api\/docs\//);
      const file = await get(ctx().baseUrl, script.src!);
      expect(file.status, script.src).toBe(200);
      expect(file.headers['content-type'], script.src).toMatch(/javascript/);
      expectSecurityHeaders(file, script.src!);
    }
  });
});

describe('HSTS behind HTTPS (secure cookies on)', () => {
  let db: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    app = await buildApp({ db, serveWeb: false, secureCookies: true });
    baseUrl = await listen(app);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('tells the browser to come back over HTTPS only, on answers and errors alike', async () => {
    for (const pathname of ['/healthz', '/api/organizations', '/hsds/services', '/api/docs']) {
      const answer = await get(baseUrl, pathname);
      expectSecurityHeaders(answer, pathname);
      const hsts = answer.headers['strict-transport-security'];
      expect(hsts, pathname).toBeTypeOf('string');
      expect(Number(/max-age=(\d+)/.exec(hsts as string)?.[1]), pathname).toBeGreaterThanOrEqual(31_536_000);
      expect(cspDirectives(answer).has('upgrade-insecure-requests'), pathname).toBe(true);
    }
  });
});

describe('serving the built web app', () => {
  let db: Database;
  let app: FastifyInstance;
  let baseUrl: string;
  let indexHtml: string;
  let entryScript: string;

  beforeAll(async () => {
    // What `npm test` and `npm start` do first: (re)build web/dist when its sources are newer.
    const build = spawnSync(process.execPath, [path.resolve(webDistDir, '../../scripts/web-build.mjs')], { stdio: 'inherit' });
    expect(build.status, 'scripts/web-build.mjs').toBe(0);
    db = await openTestDatabase('pglite');
    app = await buildApp({ db });
    baseUrl = await listen(app);
    indexHtml = fs.readFileSync(path.join(webDistDir, 'index.html'), 'utf8');
    const entry = scriptTags(indexHtml).find((script) => script.src?.startsWith('/assets/'));
    expect(entry, 'the entry script of index.html').toBeDefined();
    entryScript = entry!.src!;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('serves the page with the security headers, revalidated on every visit, and without inline script', async () => {
    for (const pathname of ['/', '/admin', '/directory/services/some-id']) {
      const page = await get(baseUrl, pathname);
      expect(page.status, pathname).toBe(200);
      expect(page.headers['content-type'], pathname).toMatch(/^text\/html/);
      expectSecurityHeaders(page, pathname);
      expect(page.headers['cache-control'], pathname).toBe('no-cache');
      expect(page.body.toString('utf8'), pathname).toContain('<div id="root">');
    }
    const scripts = scriptTags(indexHtml);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.body, `inline script in index.html: ${script.body.slice(0, 80)}`).toBe('');
      expect(script.src, 'a script without src in index.html').toMatch(/^\/assets\//);
    }
    // No inline event handler either (script-src-attr 'none' would refuse it).
    expect(indexHtml).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('sends an asset brotli- or gzip-compressed to a browser that accepts it, the same bytes, far smaller', async () => {
    const raw = fs.readFileSync(path.join(webDistDir, entryScript));
    const plain = await get(baseUrl, entryScript, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(raw)).toBe(true);

    const br = await get(baseUrl, entryScript, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(raw.length / 2);
    expect(zlib.brotliDecompressSync(br.body).equals(raw)).toBe(true);
    expectSecurityHeaders(br, `${entryScript} (br)`);

    const gzip = await get(baseUrl, entryScript, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.length).toBeLessThan(raw.length / 2);
    expect(zlib.gunzipSync(gzip.body).equals(raw)).toBe(true);
  });

  it('lets browsers keep the hashed assets for a year without asking again', async () => {
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(indexHtml)?.[1];
    expect(stylesheet, 'the stylesheet of index.html').toBeDefined();
    for (const asset of [entryScript, stylesheet!]) {
      for (const encoding of ['br', 'identity']) {
        const answer = await get(baseUrl, asset, { 'accept-encoding': encoding });
        expect(answer.status, asset).toBe(200);
        expect(answer.headers['cache-control'], `${asset} (${encoding})`).toBe('public, max-age=31536000, immutable');
        expect(answer.headers['x-content-type-options'], asset).toBe('nosniff');
      }
    }
    // index.html itself, asked for by name, is never kept without asking.
    expect((await get(baseUrl, '/index.html', { 'accept-encoding': 'br' })).headers['cache-control']).toBe('no-cache');
  });

  it('publishes no source maps', async () => {
    const files = fs.readdirSync(webDistDir, { recursive: true }).map(String);
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    const script = fs.readFileSync(path.join(webDistDir, entryScript), 'utf8');
    expect(script).not.toContain('sourceMappingURL');
    const map = await get(baseUrl, `${entryScript}.map`);
    expect(map.status).toBe(404);
    expect(map.headers['content-type']).toMatch(/^application\/problem\+json/);
    expectSecurityHeaders(map, `${entryScript}.map`);
  });
});
