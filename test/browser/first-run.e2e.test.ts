// A newcomer's first minutes, in a real browser: `npm start` on an empty database fills it with
// the demo and prints the logins; a coordinator signs in with one, is told plainly that this is a
// demo, finds a service and opens it. Every page on the way passes axe-core (no serious or
// critical violation).
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

describe.skipIf(!browserTestsCanRun())('the first run of a demo network', () => {
  const e2e = kithInBrowser({ demo: true, startTimeoutMs: 240_000 });

  it('signs in with a printed demo login and finds help, every page accessible', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('first-run');

    // The login and password are the ones the terminal printed.
    const output = e2e.kith.output();
    const password = /password for all: (\S+)\)/.exec(output)?.[1];
    const coordinator = /care_coordinator\s+(\S+@\S+)/.exec(output)?.[1];
    expect(password && coordinator, `no demo login in the output:\n${output}`).toBeTruthy();

    await page.goto(e2e.kith.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await e2e.browser.checkAccessibility('sign-in page of the demo');
    await signIn(page, { email: coordinator!, password: password! });
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await page.getByRole('note').filter({ hasText: 'This is a demo' }).waitFor();
    await e2e.browser.checkAccessibility('home page of the demo');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find help' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await page.getByLabel('What do they need?').fill('food');
    await page.getByLabel('What do they need?').press('Enter');
    const firstResult = page.getByRole('article').first();
    await firstResult.waitFor();
    await e2e.browser.checkAccessibility('search results of the demo');

    // The result's heading holds its number on the map and the link to its page.
    const link = firstResult.getByRole('heading', { level: 3 }).getByRole('link');
    const name = (await link.textContent())!;
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await e2e.browser.checkAccessibility('service page of the demo');

    await page.goto(`${e2e.kith.baseUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await e2e.browser.checkAccessibility('account page of the demo');

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
  }, 120_000);
});
