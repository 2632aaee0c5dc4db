// Control characters are refused in every string a request carries, with a 400 naming the field
// and nothing changed; cursors and dates are checked before they reach SQL.
import { beforeAll, expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUnit, buildUser } from '../test/support/factories';
import { describeEachEngine } from '../test/support/harness';
import { signedIn, type Client } from '../test/support/http-client';
import { seedTestDirectory } from '../test/support/directory-factories';
import { rebuildSearchEntries } from './domains/directory';

const NUL = '\u0000';
const ESC = '\u001b';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describeEachEngine('text, cursors and dates a request carries', (ctx) => {
  let admin: Client;
  let organizationId: string;
  let unitId: string;
  let serviceId: string;

  beforeAll(async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    admin = await signedIn(baseUrl, networkAdmin.email, networkAdmin.password);
    organizationId = (await buildOrganization(db)).id;
    unitId = (await buildUnit(db, organizationId)).id;
    const directory = await seedTestDirectory(db);
    await db.tx((q) => rebuildSearchEntries(q));
    serviceId = directory.services.pantry;
  });

  const fingerprint = async () =>
    (
      await ctx().db.query<{ f: string }>(
        `SELECT md5(concat((SELECT string_agg(o::text, '' ORDER BY o.id) FROM organizations o),
                           (SELECT string_agg(u::text, '' ORDER BY u.id) FROM units u),
                           (SELECT string_agg(t::text, '' ORDER BY t.id) FROM api_tokens t),
                           (SELECT string_agg(i::text, '' ORDER BY i.service_id) FROM directory_service_intake i))) AS f`,
      )
    )[0]!.f;

  it('refuses NUL, ESC and other control characters in bodies, naming the field, and changes nothing', async () => {
    const before = await fingerprint();
    const writes: [string, string, Record<string, unknown>, string][] = [
      ['POST', '/api/organizations', { name: `Pantry${NUL}`, kind: 'community_organization' }, 'name'],
      ['PATCH', `/api/organizations/${organizationId}`, { description: `About us${NUL}` }, 'description'],
      ['PATCH', `/api/organizations/${organizationId}`, { name: `${ESC}[2J${ESC}[31mPwned` }, 'name'],
      ['PATCH', `/api/units/${unitId}`, { name: `Cardiology${'\u0085'}` }, 'name'],
      ['POST', '/api/tokens', { name: `sync${NUL}` }, 'name'],
      ['PATCH', `/api/directory/services/${serviceId}/intake`, { capacityNote: `room for two${NUL}` }, 'capacityNote'],
      ['POST', '/api/organizations', { name: 'Two\nlines', kind: 'community_organization' }, 'name'],
      ['POST', '/api/organizations', { name: 'Fine', kind: 'community_organization', [`extra${NUL}`]: 1 }, 'body'],
    ];
    for (const [method, path, body, field] of writes) {
      const answer = await admin.request(method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body.errors[0].field).toBe(field);
    }
    // A lone surrogate (what a broken UTF-8 sequence becomes) in raw JSON.
    const broken = await admin.request('POST', '/api/organizations', '{"name":"Caf\\ud800","kind":"community_organization"}');
    expect(broken.status).toBe(400);
    expect(broken.body.errors[0]).toMatchObject({ field: 'name', message: expect.stringMatching(/broken character/) });
    expect(await fingerprint()).toBe(before);
  });

  it('keeps line breaks and tabs where text is multi-line', async () => {
    const answer = await admin.patch(`/api/organizations/${organizationId}`, { description: 'Open Mondays.\n\tBring ID.' });
    expect(answer.status).toBe(200);
    expect(answer.body.description).toBe('Open Mondays.\n\tBring ID.');
  });

  it('refuses control characters in query strings and paths, on the API and the public HSDS API', async () => {
    const reads = [
      [`/api/organizations?q=a${encodeURIComponent(NUL)}`, 'query.q'],
      [`/api/organizations/${organizationId}/units?q=${encodeURIComponent(NUL)}`, 'query.q'],
      [`/api/organizations/${organizationId}/users?q=${encodeURIComponent(`${ESC}x`)}`, 'query.q'],
      [`/api/audit?recordType=${encodeURIComponent(NUL)}`, 'query.recordType'],
      [`/api/audit?recordId=x${encodeURIComponent(NUL)}`, 'query.recordId'],
      [`/api/directory/search?q=food${encodeURIComponent(NUL)}`, 'query.q'],
      [`/hsds/services?search=${encodeURIComponent(NUL)}`, 'query.search'],
      [`/hsds/organizations?search=${encodeURIComponent(NUL)}`, 'query.search'],
      [`/hsds/service_at_locations?postcode=${encodeURIComponent(`2120${NUL}`)}`, 'query.postcode'],
      [`/hsds/services/${encodeURIComponent(`x${NUL}`)}`, 'path.id'],
      ['/hsds/taxonomies?search=a%0Ab', 'query.search'],
    ] as const;
    for (const [path, field] of reads) {
      const answer = await admin.get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.errors[0].field, path).toBe(field);
    }
  });

  it('refuses cursors that no list gave out and dates PostgreSQL cannot hold, as 400 naming the field', async () => {
    for (const cursor of [
      'WyJhYmMiXQ',
      cursorOf([1e30]),
      'Wzk4MjMzNzIwMzY4NTQ3NzU4MDhd',
      cursorOf([-1]),
      cursorOf([1, 2]),
      cursorOf({}),
      '!!!',
    ]) {
      const answer = await admin.get(`/api/audit?cursor=${cursor}`);
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.errors[0].field).toBe('query.cursor');
    }
    for (const cursor of [cursorOf([NUL, 'x']), cursorOf([1, 2]), cursorOf(['a'])]) {
      const answer = await admin.get(`/api/organizations?cursor=${cursor}`);
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.errors[0].field).toBe('query.cursor');
    }
    for (const [name, value] of [
      ['from', '0000-01-01T00:00:00Z'],
      ['to', '2026-02-30T00:00:00Z'],
      ['from', '+275760-09-13T00:00:00Z'],
    ] as const) {
      const answer = await admin.get(`/api/audit?${name}=${encodeURIComponent(value)}`);
      expect(answer.status, value).toBe(400);
      expect(answer.body.errors[0].field).toBe(`query.${name}`);
    }
    expect((await admin.get(`/hsds/services?modified_after=0000-01-01`)).status).toBe(400);
    expect((await admin.get(`/api/directory/search?openAt=${encodeURIComponent('2026-02-30T10:00:00Z')}`)).status).toBe(400);
    // A cursor the list did give out still pages.
    const first = await admin.get('/api/audit?limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await admin.get(`/api/audit?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[0].id);
  });
});
