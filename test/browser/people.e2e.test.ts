// A person's first day in Kith, in a real browser: a coordinator of the host enrols them and
// records their consent to share contact details with a named community organisation; that
// organisation's staff then see exactly those details and nothing else; another organisation's
// staff find nobody, by the list or by the person's own address.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'cora@riverbend.example', name: 'Cora Coordinator', password: 'a-long-password-1' };
const pantryStaff = { email: 'nora@northside.example', name: 'Nora Partner', password: 'northside-pantry-2024' };
const shelterStaff = { email: 'sam@eastside.example', name: 'Sam Shelter', password: 'eastside-shelter-2024' };

const user = (account: { email: string; name: string; password: string }, org: string, role: string) => [
  'user',
  'add',
  '--email',
  account.email,
  '--name',
  account.name,
  '--org',
  org,
  '--role',
  role,
  '--password',
  account.password,
];

describe.skipIf(!browserTestsCanRun())('people in the browser', () => {
  const e2e = kithInBrowser({
    setup: async (cli) => {
      await cli(['org', 'add', '--name', 'Riverbend Health', '--kind', 'health_system', '--host']);
      await cli(['org', 'add', '--name', 'Northside Food Bank', '--kind', 'community_organization']);
      await cli(['org', 'add', '--name', 'Eastside Shelter', '--kind', 'community_organization']);
      await cli(user(coordinator, 'Riverbend Health', 'care_coordinator'));
      await cli(user(pantryStaff, 'Northside Food Bank', 'partner_staff'));
      await cli(user(shelterStaff, 'Eastside Shelter', 'partner_staff'));
    },
    startTimeoutMs: 180_000,
  });

  it('enrols a person, records a consent for a community organisation, and shows each organisation only what it may see', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('people');
    const base = e2e.kith.baseUrl;

    // The coordinator enrols Marisol.
    await page.goto(`${base}/people/new`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Enrol someone' }).waitFor();
    await page.getByLabel('Given name').fill('Marisol');
    await page.getByLabel('Family name').fill('Quintanilla');
    await page.getByLabel('Date of birth').fill('1958-11-03');
    await page.getByLabel('Phone').fill('410-555-0199');
    await page.getByLabel('ZIP code').fill('21201');
    await page.getByLabel('MRN').fill('QX-20931');
    await e2e.browser.checkAccessibility('enrol form');
    await page.getByRole('button', { name: 'Enrol' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Quintanilla' }).waitFor();
    const personPath = new URL(page.url()).pathname;
    expect(personPath).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    await page.getByText('1958-11-03').waitFor();

    // Then records her consent to share contact details with Northside Food Bank.
    await page.getByRole('button', { name: 'Record a consent' }).click();
    const form = page.getByRole('form', { name: 'Record a consent' });
    await form.getByText(/not covered by the federal health privacy law/).waitFor();
    await form.getByLabel('Find the organisation').fill('Northside');
    await form.getByLabel('Who receives the information').selectOption({ label: 'Northside Food Bank' });
    await e2e.browser.checkAccessibility('consent form');
    await form.getByRole('button', { name: 'Record consent' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Revoke the consent for Northside Food Bank' }).waitFor();
    await e2e.browser.checkAccessibility('person page');
    await signOut(page);

    // Northside's staff find her and see her name and contact details, and nothing more.
    await signIn(page, pantryStaff);
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await page.goto(`${base}/people`);
    await page.getByRole('link', { name: 'Marisol Quintanilla' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Quintanilla' }).waitFor();
    await page.getByText('Shared with your organisation by consent').waitFor();
    await page.getByText('410-555-0199').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('1958-11-03');
    expect(text).not.toContain('QX-20931');
    expect(text).toContain('Not shared with you');
    expect(await page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    await e2e.browser.checkAccessibility('consented view');
    await signOut(page);

    // Eastside's staff find nobody, and her page is not there for them.
    await signIn(page, shelterStaff);
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await page.goto(`${base}/people`);
    await page.getByText(/Nobody matches/).waitFor();
    expect(await page.getByRole('link', { name: 'Marisol Quintanilla' }).count()).toBe(0);
    await page.goto(`${base}${personPath}`);
    await page.getByRole('heading', { level: 1, name: 'No one here' }).waitFor();
    expect((await page.locator('main').textContent()) ?? '').not.toContain('Quintanilla');

    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('404'))).toEqual([]);
  });
});
