// The network's settings: distances in the unit of its country (miles in the US) unless a network
// admin chooses otherwise, and the map tiles the deployment names, which the CSP lets in.
import { expect, it } from 'vitest';
import { buildHost, buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';

describeEachEngine('the network settings', (ctx) => {
  it('shows distances in miles in a US network until a network admin chooses km, and back', async () => {
    const { db, baseUrl } = ctx();
    const host = await buildHost(db);
    const admin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    const partnerOrganization = await buildOrganization(db);
    const partnerAdmin = await buildUser(db, { organizationId: partnerOrganization.id, roles: ['admin'] });
    const networkAdmin = await signedIn(baseUrl, admin.email, admin.password);
    const partner = await signedIn(baseUrl, partnerAdmin.email, partnerAdmin.password);

    const first = await partner.get('/api/network-settings');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ country: 'US', distanceUnit: 'mi', usualDistanceUnit: 'mi' });
    expect(first.body.mapTiles.urlTemplate).toContain('{z}');

    // An admin of a partner organisation does not set the network's unit; nothing changes.
    expect((await partner.patch('/api/network-settings', { distanceUnit: 'km' })).status).toBe(403);
    expect((await partner.get('/api/network-settings')).body.distanceUnit).toBe('mi');

    const changed = await networkAdmin.patch('/api/network-settings', { distanceUnit: 'km' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ distanceUnit: 'km', usualDistanceUnit: 'mi' });
    expect((await partner.get('/api/network-settings')).body.distanceUnit).toBe('km');
    const audited = await db.query(`SELECT 1 FROM audit_log WHERE action = 'network_settings.update' AND outcome = 'success'`);
    expect(audited).toHaveLength(1);

    const bad = await networkAdmin.patch('/api/network-settings', { distanceUnit: 'furlongs' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['distanceUnit']);
    expect((await partner.get('/api/network-settings')).body.distanceUnit).toBe('km');

    const reset = await networkAdmin.patch('/api/network-settings', { distanceUnit: null });
    expect(reset.body).toMatchObject({ distanceUnit: 'mi', usualDistanceUnit: 'mi' });
  });

  it('lets the tile server through the CSP, for images only', async () => {
    const answer = await fetch(`${ctx().baseUrl}/healthz`);
    const policy = answer.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/img-src 'self' data: https:\/\/tile\.openstreetmap\.org(;|$)/);
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
  });

  it('is for signed-in users only', async () => {
    expect((await fetch(`${ctx().baseUrl}/api/network-settings`)).status).toBe(401);
  });
});
