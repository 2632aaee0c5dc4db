// A person's first day in Kith, in a real browser, as the "done when" tells it. First test:
// a coordinator of the demo network enrols Marisol, records the demo screening with her on a
// tablet (two needs found), marks one need out of scope, and records her consent to share her
// contact details and needs with a named community organisation. Second test (it reads what the
// first wrote; vitest runs a file's tests in order): that organisation's staff see exactly those
// two categories and nothing more; another organisation's staff find nobody, by the list or by the
// page's own address.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'coordinator@kith.demo', password: 'kith-demo-password' };
const pantryStaff = { email: 'nora@northside.example', name: 'Nora Partner', password: 'northside-pantry-2024' };
const shelterStaff = { email: 'sam@eastside.example', name: 'Sam Shelter', password: 'eastside-shelter-2024' };

const user = (account: { email: string; name: string; password: string }, org: string) => [
  'user',
  'add',
  '--email',
  account.email,
  '--name',
  account.name,
  '--org',
  org,
  '--role',
  'partner_staff',
  '--password',
  account.password,
];

describe.skipIf(!browserTestsCanRun())('people in the browser', () => {
  const e2e = kithInBrowser({
    setup: async (cli) => {
      await cli(['seed', '--demo', '--seed', '42']);
      await cli(['org', 'add', '--name', 'Northside Food Bank', '--kind', 'community_organization']);
      await cli(['org', 'add', '--name', 'Eastside Shelter', '--kind', 'community_organization']);
      await cli(user(pantryStaff, 'Northside Food Bank'));
      await cli(user(shelterStaff, 'Eastside Shelter'));
    },
    startTimeoutMs: 240_000,
  });
  let personPath = '';

  it('enrols a person, screens her on a tablet (two needs), marks one out of scope, and records a consent for a community organisation', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('people-enrol');
    const base = e2e.kith.baseUrl;
    await page.setViewportSize({ width: 768, height: 1024 });

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
    personPath = new URL(page.url()).pathname;
    expect(personPath).toMatch(/^\/people\/[0-9a-f-]{36}$/);
    await page.getByText('1958-11-03').waitFor();
    // Why the coordinator sees what they see, in words.
    await page.getByText('Your organisation holds this person’s record, and your role lets you see all of it.').waitFor();

    // The demo screening, one question at a time: food often runs out, and no ride to the doctor.
    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.getByRole('button', { name: 'Record a screening' }).click();
    const form = page.getByRole('region', { name: 'Screening' });
    await form.getByText('Question 1 of 6').waitFor();
    const answer = async (label: string) => {
      await form.getByRole('radio', { name: label, exact: true }).check();
      await form.getByRole('button', { name: 'Next' }).click();
    };
    await answer('Often');
    await answer('A steady place to live');
    await answer('Yes'); // transport
    await answer('No'); // utilities
    await answer('Yes'); // safe at home
    await form.getByText('Question 6 of 6').waitFor();
    await form.getByRole('radio', { name: 'Yes', exact: true }).check();
    await form.getByRole('button', { name: 'Save the screening' }).click();
    const done = page.getByRole('list', { name: 'Screening saved' });
    await done.waitFor();
    expect((await done.getByRole('listitem').allTextContents()).sort()).toEqual([
      expect.stringMatching(/^Food — High \(new\)/),
      expect.stringMatching(/^Transportation — Medium \(new\)/),
    ]);

    // Transportation is for a partner to meet: out of scope, in one step.
    await needs.getByRole('textbox', { name: 'Status of the need Transportation' }).click();
    await page.getByRole('option', { name: 'Out of scope — a partner must meet it' }).click();
    await page.getByText('Need changed.').waitFor();
    await needs
      .getByRole('region', { name: 'Transportation' })
      .getByText('Out of scope — a partner must meet it', { exact: false })
      .first()
      .waitFor();

    // Her consent: contact details and needs, to Northside Food Bank, for care coordination.
    await page.getByRole('button', { name: 'Record a consent' }).click();
    const consent = page.getByRole('form', { name: 'Record a consent' });
    await consent.getByText(/not covered by the federal health privacy law/).waitFor();
    await consent.getByLabel('Find the organisation').fill('Northside');
    await consent.getByLabel('Who receives the information').selectOption({ label: 'Northside Food Bank' });
    await consent.getByRole('checkbox', { name: 'Needs and screenings' }).check();
    await e2e.browser.checkAccessibility('consent form');
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await consent.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Revoke the consent for Northside Food Bank' }).waitFor();
    await e2e.browser.checkAccessibility('person page');
    await signOut(page);
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 180_000);

  it('shows the consented organisation exactly the consented data, and another organisation nothing', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('people-partner');
    const base = e2e.kith.baseUrl;
    expect(personPath, 'the first test enrols the person this one looks for').not.toBe('');

    // Northside's staff find her: her contact details and her needs, nothing else.
    await signIn(page, pantryStaff);
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();
    await page.goto(`${base}/people`);
    await page.getByRole('link', { name: 'Marisol Quintanilla' }).click();
    await page.getByRole('heading', { level: 1, name: 'Marisol Quintanilla' }).waitFor();
    await page.getByText('Shared with your organisation by consent').waitFor();
    await page
      .getByText(
        'This person agreed to share only these kinds of information with your organisation: Contact details, Needs and screenings. Everything else is left out.',
      )
      .waitFor();
    await page.getByText('410-555-0199').waitFor();
    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.getByRole('region', { name: 'Food' }).waitFor();
    await needs.getByRole('region', { name: 'Transportation' }).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('1958-11-03');
    expect(text).not.toContain('QX-20931');
    expect(text).toContain('Not shared with you');
    expect(await page.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect(await needs.getByRole('button', { name: 'Record a screening' }).count()).toBe(0);
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

    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('404'))).toEqual([]);
  }, 120_000);
});
