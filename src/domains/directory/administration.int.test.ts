// Network admins shape the directory: which taxonomy terms count as which need, and which
// network organisation keeps a directory organisation's capacity.
import { beforeAll, expect, it } from 'vitest';
import { buildNeedTerm, buildPlacedService, indexDirectory } from '../../../test/support/directory-factories';
import { describeEachEngine } from '../../../test/support/harness';
import { buildHost, buildOrganization, buildUser } from '../../../test/support/factories';
import { type Client, signedIn } from '../../../test/support/http-client';
import { linkDirectoryOrganization } from './link-directory-organization';

describeEachEngine('administering the directory', (ctx) => {
  let admin: Client;
  let coordinator: Client;
  let rides: string;
  let legal: { serviceId: string; organizationId: string };

  beforeAll(async () => {
    const { db } = ctx();
    const host = await buildHost(db);
    const networkAdmin = await buildUser(db, { organizationId: host.id, roles: ['admin'] });
    admin = await signedIn(ctx().baseUrl, networkAdmin.email, networkAdmin.password);
    const coordinatorUser = await buildUser(db, { organizationId: host.id, roles: ['care_coordinator'] });
    coordinator = await signedIn(ctx().baseUrl, coordinatorUser.email, coordinatorUser.password);
    const place = { latitude: 40.2, longitude: -76.8, postalCode: '17401' };
    const ridesTerm = await buildNeedTerm(db, { name: 'Rides and transportation', needDomain: 'transportation-insecurity' });
    const legalTerm = await buildNeedTerm(db, { name: 'Legal help', needDomain: 'legal-help' });
    rides = (await buildPlacedService(db, { name: 'Medical Rides', place, termIds: [ridesTerm] })).serviceId;
    legal = await buildPlacedService(db, {
      name: 'Tenant Legal Clinic',
      organizationName: 'Legal Aid of the County',
      place,
      termIds: [legalTerm],
    });
    // Kept by a network organisation to begin with, as a directory organisation that joined Kith.
    const keeper = await buildOrganization(db, { name: 'Legal Aid of the County' });
    await linkDirectoryOrganization(
      { db, actor: 'system' },
      { hsdsOrganizationId: legal.organizationId, organizationId: keeper.id },
    );
    await indexDirectory(db);
  });

  it('maps a keyword onto a need domain, and searches by that need follow', async () => {
    // No service counts as "Stress" until an admin says rides relieve it.
    const before = await coordinator.get('/api/directory/search?need=stress');
    expect(before.body.items).toEqual([]);
    const rule = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'Rides' });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ needDomain: 'stress', keyword: 'rides', taxonomyTermId: null });
    const after = await coordinator.get('/api/directory/search?need=stress');
    expect(after.body.items.map((item: { serviceId: string }) => item.serviceId)).toEqual([rides]);
    expect((await admin.get('/api/directory/need-domain-rules')).body.items.map((item: { id: string }) => item.id)).toContain(
      rule.body.id,
    );

    expect((await admin.delete(`/api/directory/need-domain-rules/${rule.body.id}`)).status).toBe(204);
    expect((await coordinator.get('/api/directory/search?need=stress')).body.items).toEqual([]);
  });

  it('refuses bad rules with the field named', async () => {
    const unknownDomain = await admin.post('/api/directory/need-domain-rules', { needDomain: 'moon-travel', keyword: 'rocket' });
    expect(unknownDomain.status).toBe(400);
    expect(unknownDomain.body.errors[0].field).toBe('needDomain');
    const both = await admin.post('/api/directory/need-domain-rules', {
      needDomain: 'stress',
      keyword: 'calm',
      taxonomyTermId: '00000000-0000-4000-8000-000000000000',
    });
    expect(both.status).toBe(400);
    const unknownTerm = await admin.post('/api/directory/need-domain-rules', {
      needDomain: 'stress',
      taxonomyTermId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownTerm.status).toBe(400);
    expect(unknownTerm.body.errors[0].field).toBe('taxonomyTermId');
    // A keyword is matched as a word: pattern characters are refused, not run.
    const pattern = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'c++ (' });
    expect(pattern.status).toBe(400);
    expect(pattern.body.errors[0].field).toBe('keyword');
    expect(
      (await admin.get('/api/directory/need-domain-rules')).body.items.some(
        (rule: { keyword: string | null }) => rule.keyword === 'c++ (',
      ),
    ).toBe(false);
  });

  it('keeps the mapping and the links to network admins', async () => {
    expect((await coordinator.get('/api/directory/need-domain-rules')).status).toBe(403);
    expect((await coordinator.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'calm' })).status).toBe(
      403,
    );
    const partnerOrganization = await buildOrganization(ctx().db);
    const partnerAdmin = await buildUser(ctx().db, { organizationId: partnerOrganization.id, roles: ['admin'] });
    const client = await signedIn(ctx().baseUrl, partnerAdmin.email, partnerAdmin.password);
    const attempt = await client.request('PUT', `/api/directory/organizations/${legal.organizationId}/link`, {
      organizationId: partnerOrganization.id,
    });
    expect(attempt.status).toBe(403);
    expect((await coordinator.get(`/api/directory/organizations/${legal.organizationId}`)).body.networkOrganizationId).not.toBe(
      partnerOrganization.id,
    );
  });

  it('hands a directory organisation to another network organisation', async () => {
    const entry = legal;
    const joining = await buildOrganization(ctx().db, { name: 'Legal Aid That Joined' });
    const staff = await buildUser(ctx().db, { organizationId: joining.id, roles: ['partner_staff'] });
    const staffClient = await signedIn(ctx().baseUrl, staff.email, staff.password);
    expect((await staffClient.patch(`/api/directory/services/${entry.serviceId}/intake`, { openSlots: 3 })).status).toBe(404);

    const link = await admin.request('PUT', `/api/directory/organizations/${entry.organizationId}/link`, {
      organizationId: joining.id,
    });
    expect(link.status).toBe(204);
    expect((await staffClient.patch(`/api/directory/services/${entry.serviceId}/intake`, { openSlots: 3 })).status).toBe(200);
    const organization = await coordinator.get(`/api/directory/organizations/${entry.organizationId}`);
    expect(organization.body.networkOrganizationId).toBe(joining.id);
  });
});
