// Network admins shape the directory: which taxonomy terms count as which need, and which
// network organisation keeps a directory organisation's capacity.
import { beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../../demo';
import { DEMO_PASSWORD } from '../../platform/auth/passwords';
import { describeEachEngine } from '../../../test/support/harness';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { type Client, signedIn } from '../../../test/support/http-client';

describeEachEngine('administering the directory', (ctx) => {
  let admin: Client;
  let coordinator: Client;

  beforeAll(async () => {
    await seedDemo(ctx().db, { seed: 11 });
    admin = await signedIn(ctx().baseUrl, 'admin@kith.demo', DEMO_PASSWORD);
    coordinator = await signedIn(ctx().baseUrl, 'coordinator@kith.demo', DEMO_PASSWORD);
  });

  it('maps a keyword onto a need domain, and searches by that need follow', async () => {
    // No demo service counts as "Stress" until an admin says rides relieve it.
    const before = await coordinator.get('/api/directory/search?need=stress');
    expect(before.body.items).toHaveLength(0);
    const rule = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'Rides' });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ needDomain: 'stress', keyword: 'rides', taxonomyTermId: null });
    const after = await coordinator.get('/api/directory/search?need=stress');
    expect(after.body.items.length).toBeGreaterThan(0);
    expect((await admin.get('/api/directory/need-domain-rules')).body.items.map((item: { id: string }) => item.id)).toContain(rule.body.id);

    expect((await admin.delete(`/api/directory/need-domain-rules/${rule.body.id}`)).status).toBe(204);
    expect((await coordinator.get('/api/directory/search?need=stress')).body.items).toHaveLength(0);
  });

  it('refuses bad rules with the field named', async () => {
    const unknownDomain = await admin.post('/api/directory/need-domain-rules', { needDomain: 'moon-travel', keyword: 'rocket' });
    expect(unknownDomain.status).toBe(400);
    expect(unknownDomain.body.errors[0].field).toBe('needDomain');
    const both = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'calm', taxonomyTermId: '00000000-0000-4000-8000-000000000000' });
    expect(both.status).toBe(400);
    const unknownTerm = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', taxonomyTermId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownTerm.status).toBe(400);
    expect(unknownTerm.body.errors[0].field).toBe('taxonomyTermId');
    // A keyword is matched as a word: pattern characters are refused, not run.
    const pattern = await admin.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'c++ (' });
    expect(pattern.status).toBe(400);
    expect(pattern.body.errors[0].field).toBe('keyword');
    expect((await admin.get('/api/directory/need-domain-rules')).body.items.some((rule: { keyword: string | null }) => rule.keyword === 'c++ (')).toBe(false);
  });

  it('keeps the mapping and the links to network admins', async () => {
    expect((await coordinator.get('/api/directory/need-domain-rules')).status).toBe(403);
    expect((await coordinator.post('/api/directory/need-domain-rules', { needDomain: 'stress', keyword: 'calm' })).status).toBe(403);
    const partnerOrganization = await buildOrganization(ctx().db);
    const partnerAdmin = await buildUser(ctx().db, { organizationId: partnerOrganization.id, roles: ['admin'] });
    const client = await signedIn(ctx().baseUrl, partnerAdmin.email, partnerAdmin.password);
    const someOrganization = (await coordinator.get('/api/directory/search?limit=1')).body.items[0].organizationId;
    const attempt = await client.request('PUT', `/api/directory/organizations/${someOrganization}/link`, { organizationId: partnerOrganization.id });
    expect(attempt.status).toBe(403);
  });

  it('hands a directory organisation to the network organisation that joins Kith', async () => {
    const entry = (await coordinator.get('/api/directory/search?need=legal-help&limit=1')).body.items[0];
    const joining = await buildOrganization(ctx().db, { name: 'Legal Aid That Joined' });
    const staff = await buildUser(ctx().db, { organizationId: joining.id, roles: ['partner_staff'] });
    const staffClient = await signedIn(ctx().baseUrl, staff.email, staff.password);
    expect((await staffClient.patch(`/api/directory/services/${entry.serviceId}/intake`, { openSlots: 3 })).status).toBe(404);

    const link = await admin.request('PUT', `/api/directory/organizations/${entry.organizationId}/link`, { organizationId: joining.id });
    expect(link.status).toBe(204);
    expect((await staffClient.patch(`/api/directory/services/${entry.serviceId}/intake`, { openSlots: 3 })).status).toBe(200);
    const organization = await coordinator.get(`/api/directory/organizations/${entry.organizationId}`);
    expect(organization.body.networkOrganizationId).toBe(joining.id);
  });
});
