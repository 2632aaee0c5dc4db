// API tokens for integrations: shown once, stored hashed, bound to one organisation, revocable.
import { expect, it } from 'vitest';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';

describeEachEngine('API tokens', (ctx) => {
  it('acts as its user with Bearer, needs no CSRF token, and stops working once revoked', async () => {
    const { db, baseUrl } = ctx();
    const pantry = await buildOrganization(db);
    const staff = await buildUser(db, { organizationId: pantry.id, roles: ['partner_staff'] });
    const browser = await signedIn(baseUrl, staff.email, staff.password);

    const created = await browser.post('/api/tokens', { name: 'spreadsheet sync' });
    expect(created.status).toBe(201);
    const secret: string = created.body.token;
    expect(secret).toMatch(/^kith_/);
    // Only a digest is stored; the secret appears nowhere in the database.
    const stored = await db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.body.id]);
    expect(stored[0]!.token_hash).not.toContain(secret);
    expect((await browser.get('/api/tokens')).body.items[0]).not.toHaveProperty('token');

    const integration = new Client(baseUrl);
    integration.bearer = secret;
    const me = await integration.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.organization.id).toBe(pantry.id);
    const unit = await integration.post(`/api/organizations/${pantry.id}/units`, { name: 'Weekend bags', kind: 'program' });
    expect(unit.status).toBe(403); // partner staff are not admins, token or not

    expect((await browser.delete(`/api/tokens/${created.body.id}`)).status).toBe(200);
    expect((await integration.get('/api/me')).status).toBe(401);
  });

  it("refuses to revoke another user's token", async () => {
    const { db, baseUrl } = ctx();
    const pantry = await buildOrganization(db);
    const owner = await buildUser(db, { organizationId: pantry.id });
    const colleague = await buildUser(db, { organizationId: pantry.id });
    const ownerClient = await signedIn(baseUrl, owner.email, owner.password);
    const token = await ownerClient.post('/api/tokens', { name: 'mine' });
    const colleagueClient = await signedIn(baseUrl, colleague.email, colleague.password);
    expect((await colleagueClient.delete(`/api/tokens/${token.body.id}`)).status).toBe(403);
    const outsider = await buildUser(db, { organizationId: (await buildOrganization(db)).id });
    const outsiderClient = await signedIn(baseUrl, outsider.email, outsider.password);
    expect((await outsiderClient.delete(`/api/tokens/${token.body.id}`)).status).toBe(404);
    const row = await db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM api_tokens WHERE id = $1', [token.body.id]);
    expect(row[0]!.revoked_at).toBeNull();
  });

  it('refuses an unknown token', async () => {
    const { baseUrl } = ctx();
    const client = new Client(baseUrl);
    client.bearer = 'kith_not-a-real-token';
    const answer = await client.get('/api/me');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('unauthenticated');
  });
});
