// What ends a user's credentials, and who may end them: disabling, an admin's password reset,
// an admin revoking a staff member's API token, and a user changing their own password.
import { expect, it } from 'vitest';
import { buildOrganization, buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { Client, signedIn } from '../../../test/support/http-client';

const withToken = (baseUrl: string, token: string) => Object.assign(new Client(baseUrl), { bearer: token });

describeEachEngine('the life of credentials', (ctx) => {
  async function staffWithToken() {
    const { db, baseUrl } = ctx();
    const organization = await buildOrganization(db);
    const admin = await buildUser(db, { organizationId: organization.id, roles: ['admin'] });
    const staff = await buildUser(db, { organizationId: organization.id, roles: ['partner_staff'] });
    const staffBrowser = await signedIn(baseUrl, staff.email, staff.password);
    const token = await staffBrowser.post('/api/tokens', { name: 'weekly sync' });
    expect(token.status).toBe(201);
    const adminBrowser = await signedIn(baseUrl, admin.email, admin.password);
    return {
      organization,
      admin,
      staff,
      staffBrowser,
      adminBrowser,
      tokenId: token.body.id as string,
      integration: withToken(baseUrl, token.body.token),
    };
  }

  it('does not bring old API tokens or sessions back when a disabled user is enabled again', async () => {
    const { staff, staffBrowser, adminBrowser, integration } = await staffWithToken();
    expect((await integration.get('/api/me')).status).toBe(200);
    expect((await adminBrowser.patch(`/api/users/${staff.id}`, { disabled: true })).status).toBe(200);
    expect((await adminBrowser.patch(`/api/users/${staff.id}`, { disabled: false })).status).toBe(200);
    expect((await integration.get('/api/me')).status).toBe(401);
    expect((await staffBrowser.get('/api/me')).status).toBe(401);
    // They sign in anew and make a new token.
    const again = await signedIn(ctx().baseUrl, staff.email, staff.password);
    expect((await again.get('/api/tokens')).body.items[0].revokedAt).not.toBeNull();
  });

  it("ends a user's sessions and API tokens when an admin resets their password", async () => {
    const { staff, staffBrowser, adminBrowser, integration } = await staffWithToken();
    const reset = await adminBrowser.patch(`/api/users/${staff.id}`, { password: 'a-fresh-password-from-the-admin' });
    expect(reset.status).toBe(200);
    expect((await staffBrowser.get('/api/me')).status).toBe(401);
    expect((await integration.get('/api/me')).status).toBe(401);
    await signedIn(ctx().baseUrl, staff.email, 'a-fresh-password-from-the-admin');
    const [row] = await ctx().db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'user.update' AND record_id = $1 ORDER BY id DESC LIMIT 1`,
      [staff.id],
    );
    expect(row!.details).toMatchObject({ fields: ['password'], sessionsEnded: 1, apiTokensRevoked: 1 });
  });

  it("lets an organisation's admin list and revoke a staff member's token, and nobody else's", async () => {
    const { staff, adminBrowser, integration, tokenId } = await staffWithToken();
    const listed = await adminBrowser.get(`/api/users/${staff.id}/tokens`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: tokenId, name: 'weekly sync', revokedAt: null })]);
    expect(listed.body.items[0]).not.toHaveProperty('token');

    const other = await staffWithToken();
    // An admin of another organisation is told nothing exists.
    expect((await other.adminBrowser.get(`/api/users/${staff.id}/tokens`)).status).toBe(404);
    expect((await other.adminBrowser.delete(`/api/tokens/${tokenId}`)).status).toBe(404);
    // A colleague without the admin role may not list them.
    const colleague = await buildUser(ctx().db, { organizationId: staff.organization_id, roles: ['partner_staff'] });
    const colleagueBrowser = await signedIn(ctx().baseUrl, colleague.email, colleague.password);
    expect((await colleagueBrowser.get(`/api/users/${staff.id}/tokens`)).status).toBe(403);
    expect((await integration.get('/api/me')).status).toBe(200);

    const revoked = await adminBrowser.delete(`/api/tokens/${tokenId}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await integration.get('/api/me')).status).toBe(401);
  });

  it('lets users change their own password with their current one, ending their other sessions', async () => {
    const { staff, staffBrowser, integration } = await staffWithToken();
    const laptop = await signedIn(ctx().baseUrl, staff.email, staff.password);

    const wrong = await staffBrowser.post('/api/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'my-brand-new-password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('currentPassword');
    const short = await staffBrowser.post('/api/me/password', { currentPassword: staff.password, newPassword: 'short' });
    expect(short.body.errors[0].field).toBe('newPassword');
    expect((await laptop.get('/api/me')).status).toBe(200);

    const changed = await staffBrowser.post('/api/me/password', {
      currentPassword: staff.password,
      newPassword: 'my-brand-new-password',
    });
    expect(changed.status).toBe(204);
    expect((await staffBrowser.get('/api/me')).status).toBe(200); // this session goes on
    expect((await laptop.get('/api/me')).status).toBe(401); // the other one ended
    expect((await integration.get('/api/me')).status).toBe(200); // tokens stay unless asked
    expect((await new Client(ctx().baseUrl).signIn(staff.email, staff.password)).status).toBe(401);
    await signedIn(ctx().baseUrl, staff.email, 'my-brand-new-password');

    const andTokens = await staffBrowser.post('/api/me/password', {
      currentPassword: 'my-brand-new-password',
      newPassword: 'another-new-password',
      revokeApiTokens: true,
    });
    expect(andTokens.status).toBe(204);
    expect((await integration.get('/api/me')).status).toBe(401);
  });

  it("refuses an admin's change of their own password without the current one", async () => {
    const { admin, adminBrowser } = await staffWithToken();
    const answer = await adminBrowser.patch(`/api/users/${admin.id}`, { password: 'an-admin-shortcut-password' });
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0].field).toBe('password');
    await signedIn(ctx().baseUrl, admin.email, admin.password);
  });
});
