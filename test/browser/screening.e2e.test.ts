// A screening on a tablet, in a real browser: a coordinator of the demo network opens a person,
// records the demo's short screening one question at a time (with a step back), sees the two needs
// it found, marks one out of scope in one step, and finds the change in the needs' history.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'coordinator@kith.demo', password: 'kith-demo-password' };

describe.skipIf(!browserTestsCanRun())('screening in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  it('records a screening on a tablet that yields two needs, and marks one out of scope', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('screening');
    await page.setViewportSize({ width: 768, height: 1024 });

    await page.goto(`${e2e.kith.baseUrl}/people`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.waitFor();
    await needs.getByRole('button', { name: 'Record a screening' }).click();

    // In Spanish first, to see the questions change language; then back to English.
    const form = page.getByRole('region', { name: 'Screening' });
    await form.getByText('Question 1 of 6').waitFor();
    await form.getByText('español').click();
    await form.getByText(/¿le preocupó que la comida se acabara/).waitFor();
    await form.getByText('Pregunta 1 de 6').waitFor();
    await form.getByText('English').click();
    await e2e.browser.checkAccessibility('screening form');

    const answer = async (label: string) => {
      await form.getByRole('radio', { name: label, exact: true }).check();
      await form.getByRole('button', { name: 'Next' }).click();
    };
    await answer('Often');
    await answer('A steady place to live');
    // A step back: the answer given is still there.
    await form.getByRole('button', { name: 'Back' }).click();
    expect(await form.getByRole('radio', { name: 'A steady place to live' }).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Next' }).click();
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

    // The needs section lists both; Food is marked out of scope in one step.
    await needs.getByRole('region', { name: 'Food' }).waitFor();
    await needs.getByRole('region', { name: 'Transportation' }).waitFor();
    await needs.getByRole('textbox', { name: 'Status of the need Food' }).click();
    await page.getByRole('option', { name: 'Out of scope — a partner must meet it' }).click();
    await page.getByText('Need changed.').waitFor();
    await needs
      .getByRole('region', { name: 'Food' })
      .getByText('Out of scope — a partner must meet it', { exact: false })
      .first()
      .waitFor();

    await needs.getByRole('button', { name: 'Show the history' }).click();
    await needs.getByText(/Food: Status from Identified to Out of scope/).waitFor();
    // The timeline holds the screening and the change of the need.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline
      .getByText(/^Screened with /)
      .first()
      .waitFor();
    await timeline.getByText(/Food: Status from Identified to Out of scope/).waitFor();
    await e2e.browser.checkAccessibility('person page with needs');
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 120_000);
});
