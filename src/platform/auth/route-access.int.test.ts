// Who may call a route is decided from the route the router matched, not from the URL's text.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';

const disguises = (path: string) => [
  path,
  path.replace('/api/', '/%61pi/'),
  path.replace('/api/', '/%61%70%69/'),
  path.replace(/\/([a-z])/, (_m, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
];

describeEachEngine('route access', (ctx) => {
  it('refuses an anonymous caller however the path of a signed-in route is spelt', async () => {
    const { baseUrl, db } = ctx();
    for (const path of [
      '/api/directory/search?q=food',
      '/api/directory/search.csv?q=food',
      '/api/directory/need-domains',
      '/api/me',
      '/api/audit',
    ]) {
      for (const spelt of disguises(path)) {
        const answer = await fetch(`${baseUrl}${spelt}`);
        expect(answer.status, spelt).toBe(401);
        expect(answer.headers.get('content-type'), spelt).toMatch(/application\/problem\+json/);
      }
    }
    // On the log once per address and route a minute, however often it is tried: a flood of
    // anonymous requests cannot fill the append-only log.
    const refused = await db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'request.unauthenticated' AND details->>'route' = '/api/directory/search'`,
    );
    expect(refused).toEqual([
      { details: expect.objectContaining({ method: 'GET', reason: 'no_credentials', coalesced: expect.any(String) }) },
    ]);
  });

  it('lists every route with whether it is public, and only the intended ones are', async () => {
    const { app } = ctx();
    const publicRoutes = new Set(
      app.kithRoutes.filter((route) => route.public).map((route) => route.url.split('/').slice(0, 3).join('/')),
    );
    for (const prefix of publicRoutes) {
      expect([
        '/api/auth',
        '/api/openapi.json',
        '/api/docs',
        '/healthz',
        '/readyz',
        '/hsds',
        '/hsds/',
        '/hsds/services',
        '/hsds/organizations',
        '/hsds/service_at_locations',
        '/hsds/taxonomies',
        '/hsds/taxonomy_terms',
        '/hsds/*',
        // Only the CapabilityStatement: a FHIR client reads what is served before it signs in.
        '/fhir/R4',
      ]).toContain(prefix);
    }
    const publicFhir = app.kithRoutes.filter((route) => route.public && route.url.startsWith('/fhir/'));
    expect([...new Set(publicFhir.map((route) => route.url))]).toEqual(['/fhir/R4/metadata']);
    const signIn = app.kithRoutes.find((route) => route.url === '/api/auth/sign-in' && route.method === 'POST');
    expect(signIn?.public).toBe(true);
    const signOut = app.kithRoutes.find((route) => route.url === '/api/auth/sign-out' && route.method === 'POST');
    expect(signOut?.public).toBe(false);
  });
});
