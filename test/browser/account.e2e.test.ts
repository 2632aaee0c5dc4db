// My account in a real browser: a demo user opens it from the navigation, gives a wrong current
// password and sees the complaint beside that field, changes the password and stays signed in,
// makes an API token whose secret is shown once, revokes it after a confirmation, and signs in
// again with the new password.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'coordinator@kith.demo', password: 'kith-demo-password' };
const newPassword = 'a-brand-new-password-42';

// Set KITH_SCREENSHOT_DIR to keep a screenshot of the page.
const screenshotDir = process.env.KITH_SCREENSHOT_DIR;

describe.skipIf(!browserTestsCanRun())('my account in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  it('changes the password, makes and revokes an API token, and signs in with the new password', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('account');

    await page.goto(e2e.kith.baseUrl);
    await signIn(page, coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await e2e.browser.checkAccessibility('account page');
    const about = page.getByRole('region', { name: 'About you' });
    expect(await about.textContent()).toContain(coordinator.email);
    expect(await about.textContent()).toContain('Care coordinator');

    // A wrong current password: the server says so beside that field.
    const passwordForm = page.getByRole('region', { name: 'Change password' });
    const current = passwordForm.getByLabel('Current password');
    await current.fill('not-my-password-at-all');
    await passwordForm.getByLabel(/^New password\s*\*?$/).fill(newPassword);
    await passwordForm.getByLabel('New password again').fill(newPassword);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('Please fix the fields marked below.').waitFor();
    await e2e.browser.checkAccessibility('account page with field errors');
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await current.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('Is not your current password.');

    // The right one: a plain confirmation, an empty form, and still signed in.
    await current.fill(coordinator.password);
    await passwordForm.getByRole('button', { name: 'Change password' }).click();
    await passwordForm.getByText('Your password is changed. You stay signed in here; your other sessions have ended.').waitFor();
    expect(await current.inputValue()).toBe('');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(200);

    // A new token: its secret is shown once, with a warning and a copy button.
    const tokens = page.getByRole('region', { name: 'My API tokens' });
    await tokens.getByLabel('Name of the token').fill('Monthly report');
    await tokens.getByRole('button', { name: 'Make token' }).click();
    const secret = tokens.getByLabel('Token “Monthly report”');
    await secret.waitFor();
    const token = await secret.inputValue();
    expect(token).toMatch(/^kith_/);
    await tokens.getByText('Kith will not show it to you again.', { exact: false }).waitFor();
    await tokens.getByRole('button', { name: 'Copy token' }).waitFor();
    await e2e.browser.checkAccessibility('new API token shown once');
    const row = tokens.getByRole('row').filter({ hasText: 'Monthly report' });
    expect(await row.textContent()).toContain('Active');
    expect(await row.textContent()).toContain(token.slice(0, 9));
    if (screenshotDir) {
      fs.mkdirSync(screenshotDir, { recursive: true });
      await page.screenshot({ path: path.join(screenshotDir, 'account-1280.png'), fullPage: true });
    }
    // The token works, until it is revoked.
    const statusWith = (bearer: string) =>
      fetch(`${e2e.kith.baseUrl}/api/me`, { headers: { authorization: `Bearer ${bearer}` } }).then((response) => response.status);
    expect(await statusWith(token)).toBe(200);

    await tokens.getByRole('button', { name: 'I have copied it' }).click();
    expect(await secret.count()).toBe(0);

    // Revoking asks first.
    await row.getByRole('button', { name: 'Revoke the token Monthly report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this token?' });
    await dialog.getByRole('button', { name: 'Revoke token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('Revoked', { exact: true }).waitFor();
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect(await statusWith(token)).toBe(401);

    // The old password no longer works; signed out, the new one does.
    const oldSignIn = await fetch(`${e2e.kith.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(coordinator),
    });
    expect(oldSignIn.status).toBe(401);
    await signOut(page);
    await signIn(page, { email: coordinator.email, password: newPassword });
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
  }, 90_000);
});
