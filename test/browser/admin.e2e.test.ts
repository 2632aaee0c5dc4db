// The first day of a network, in a real browser: the network's admin adds a partner organisation
// and its first user; that user signs in and finds the admin pages closed to them, in the page
// and in the API.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

const admin = { email: 'admin@riverbend.example', name: 'Ada Admin', password: 'a-long-password-1' };
const partner = {
  email: 'nora@northside.example',
  name: 'Nora Partner',
  password: 'northside-pantry-2024',
  newPassword: 'a-new-pantry-password-7',
};

describe.skipIf(!browserTestsCanRun())('administration in the browser', () => {
  const e2e = kithInBrowser({
    setup: async (cli) => {
      await cli(['org', 'add', '--name', 'Riverbend Health', '--kind', 'health_system', '--host']);
      await cli([
        'user',
        'add',
        '--email',
        admin.email,
        '--name',
        admin.name,
        '--org',
        'Riverbend Health',
        '--role',
        'admin',
        '--password',
        admin.password,
      ]);
    },
    startTimeoutMs: 180_000,
  });

  it('an admin adds a partner and its user, who cannot open the admin pages', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('admin');

    // The admin opens the admin page, is asked to sign in, and comes back to it.
    await page.goto(`${e2e.kith.baseUrl}/admin`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await e2e.browser.checkAccessibility('sign-in page');
    await signIn(e2e.browser.page, admin);
    await page.getByRole('heading', { level: 1, name: 'Organisations & users' }).waitFor();
    await e2e.browser.checkAccessibility('admin page');
    expect(new URL(page.url()).pathname).toBe('/admin');

    // They add Northside Food Bank, a community organisation; the page opens it.
    await page.getByRole('button', { name: 'Add organisation' }).click();
    const organizationDialog = page.getByRole('dialog', { name: 'Add an organisation' });
    await organizationDialog.getByLabel('Name').fill('Northside Food Bank');
    await organizationDialog.getByLabel('Kind of organisation').selectOption({ label: 'Community organisation' });
    await organizationDialog.getByRole('button', { name: 'Add organisation' }).click();
    await page.getByRole('heading', { level: 2, name: 'Northside Food Bank' }).waitFor();
    await page.getByRole('button', { name: /Northside Food Bank/ }).waitFor();

    // They add Nora as partner staff of Northside, with a first password.
    await page.getByRole('button', { name: 'Add user' }).click();
    const userDialog = page.getByRole('dialog', { name: 'Add a user' });
    await userDialog.getByLabel('Email').fill(partner.email);
    await userDialog.getByLabel('Name').fill(partner.name);
    await userDialog.getByRole('checkbox', { name: 'Partner staff' }).check();
    await userDialog.getByLabel('First password').fill(partner.password);
    await e2e.browser.checkAccessibility('add-user dialog');
    await userDialog.getByRole('button', { name: 'Add user' }).click();
    await userDialog.waitFor({ state: 'hidden' });
    const noraRow = page.getByRole('row').filter({ hasText: partner.name });
    await noraRow.waitFor();
    expect(await noraRow.textContent()).toContain('Partner staff');

    // Nora has lost her first password: the admin gives her a new one, and the coordinator role too.
    await noraRow.getByRole('button', { name: `Edit ${partner.name}` }).click();
    const editDialog = page.getByRole('dialog', { name: `Change ${partner.name}` });
    await editDialog.getByRole('checkbox', { name: 'Care coordinator' }).check();
    await editDialog.getByLabel('New password').fill(partner.newPassword);
    await e2e.browser.checkAccessibility('edit-user dialog');
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await noraRow.filter({ hasText: 'Care coordinator' }).waitFor();
    expect(await noraRow.textContent()).toContain('Partner staff');

    // The admin signs out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // Nora signs in with the new password and lands on Home, whose navigation shows no admin pages.
    await signIn(e2e.browser.page, { email: partner.email, password: partner.newPassword });
    await page.getByRole('heading', { level: 1, name: `Hello, ${partner.name}` }).waitFor();
    await e2e.browser.checkAccessibility('home page');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Home' }).count()).toBe(1);
    expect(await navigation.getByRole('link', { name: 'Audit log' }).count()).toBe(0);

    // Typing the address of the admin page gets her a clear "no access", not a blank page…
    await page.goto(`${e2e.kith.baseUrl}/admin`);
    const refusal = page.getByRole('alert').filter({ hasText: 'You do not have access to this page' });
    await refusal.waitFor();
    await e2e.browser.checkAccessibility('no-access page');

    // …and the API refuses her too, whatever the page shows.
    const auditStatus = await page.evaluate(async () => (await fetch('/api/audit')).status);
    expect(auditStatus).toBe(403);

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
  }, 120_000);
});
