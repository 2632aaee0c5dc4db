// The edges every client meets: health checks, the OpenAPI document, unknown routes.
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../test/support/harness';
import { Client } from '../test/support/http-client';

describeEachEngine('the HTTP edge', (ctx) => {
  it('answers /healthz and /readyz', async () => {
    const client = new Client(ctx().baseUrl);
    expect((await client.get('/healthz')).status).toBe(200);
    const ready = await client.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('serves an OpenAPI 3.1 document listing the API', async () => {
    const client = new Client(ctx().baseUrl);
    const answer = await client.get('/api/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body.openapi).toBe('3.1.0');
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/sign-in',
        '/api/me',
        '/api/users',
        '/api/organizations/{organizationId}/users',
        '/api/audit',
      ]),
    );
    expect((await client.get('/api/docs')).status).toBeLessThan(400);
  });

  it('answers unknown API paths and anonymous calls with problem+json', async () => {
    const client = new Client(ctx().baseUrl);
    const anonymous = await client.get('/api/organizations');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const unknownPublic = await client.post('/api/auth/sign-in', { email: 'a@b.example', password: 'x', extra: 1 });
    expect(unknownPublic.status).toBe(400);
    expect(unknownPublic.body.errors[0].field).toBe('extra');
  });
});

describe('serving the web app', () => {
  it('serves the app at / and at its client-side paths, and 404s for missing assets', async () => {
    const { buildApp } = await import('./app');
    const { openTestDatabase } = await import('../test/support/engines');
    const db = await openTestDatabase('pglite');
    const app = await buildApp({ db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    try {
      for (const page of ['/', '/admin', '/sign-in?next=%2Fadmin']) {
        const answer = await fetch(`${baseUrl}${page}`);
        expect(answer.status, page).toBe(200);
        expect(await answer.text()).toContain('<div id="root">');
      }
      expect((await fetch(`${baseUrl}/assets/missing-file.js`)).status).toBe(404);
      expect((await fetch(`${baseUrl}/assets/`)).status).toBeLessThan(500);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
