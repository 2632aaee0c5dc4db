// Contacts in a real browser: a coordinator of the demo network finds, on the population list,
// someone never reached; on their page records a home visit (a date in the future is refused
// beside its field first); then finds them on the list among the people reached this week, with
// today as the day they were last reached, and no longer among those never reached.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'coordinator@kith.demo', password: 'kith-demo-password' };

describe.skipIf(!browserTestsCanRun())('contacts in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  it('records a contact on a person’s page and finds the person by it on the population list', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('outreach');
    await page.goto(`${e2e.kith.baseUrl}/people`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    // Somebody never reached (the demo gives most people a few contacts, not everyone).
    const table = page.getByRole('table');
    const filtered = (value: string) => page.waitForResponse((response) => response.url().includes(`lastReached=${value}`));
    await Promise.all([filtered('never'), page.getByLabel('Last reached').selectOption({ label: 'Never' })]);
    await table.getByRole('cell', { name: 'Never', exact: true }).first().waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    const cells = await table.getByRole('cell', { name: 'Never', exact: true }).count();
    expect(cells).toBe((await rows.count()) - 1);
    const link = table.getByRole('link').first();
    const name = (await link.textContent())!;
    const familyName = name.split(' ')[1]!;
    await link.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.waitFor();
    await contacts.getByRole('button', { name: 'Record a contact' }).click();
    const when = contacts.getByLabel('When');
    // The form starts at now, by phone, reached.
    expect(await when.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(await contacts.getByLabel('How').inputValue()).toBe('phone');
    expect(await contacts.getByLabel('The person was reached').isChecked()).toBe(true);
    await e2e.browser.checkAccessibility('contact form');

    // A visit next year is refused beside its field, and nothing is listed.
    const now = await when.inputValue();
    await when.fill(`${Number(now.slice(0, 4)) + 1}${now.slice(4)}`);
    await contacts.getByLabel('How').selectOption({ label: 'Home visit' });
    await contacts.getByLabel('Note').fill('Brought the new pill organiser.');
    await contacts.getByRole('button', { name: 'Save the contact' }).click();
    await contacts.getByText('Must not be in the future.').waitFor();
    expect(await contacts.getByRole('list', { name: 'Contacts with this person, newest first' }).count()).toBe(0);

    // Today, then: saved, and listed in words.
    await when.fill(now);
    await contacts.getByRole('button', { name: 'Save the contact' }).click();
    await page.getByText('Contact recorded.').waitFor();
    const list = contacts.getByRole('list', { name: 'Contacts with this person, newest first' });
    await list.waitFor();
    const first = list.getByRole('listitem').first();
    expect(await first.textContent()).toMatch(/^Home visit — reached — .+ — by .+Brought the new pill organiser\.$/);
    // The timeline tells it too, among the rest of the person's history.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByText('Home visit: the person was reached.').waitFor();
    await e2e.browser.checkAccessibility('person page with contacts');

    // On the list: among those reached in the last 7 days, reached today; no longer among those never reached.
    await page.goto(`${e2e.kith.baseUrl}/people`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('textbox', { name: 'Search' }).fill(familyName);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await Promise.all([filtered('within_7_days'), page.getByLabel('Last reached').selectOption({ label: 'In the last 7 days' })]);
    const today = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date());
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name }) });
    await row.getByRole('cell', { name: today }).waitFor();
    await Promise.all([filtered('never'), page.getByLabel('Last reached').selectOption({ label: 'Never' })]);
    await expect.poll(async () => row.count()).toBe(0);

    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 120_000);
});
