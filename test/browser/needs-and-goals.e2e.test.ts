// A need recorded by hand and a goal for it, in a real browser: a coordinator of the demo network
// opens a person, records a need by hand (a missing choice and a priority out of range are shown
// beside their fields), finds it in the needs section, adds a goal that addresses it, marks the
// goal achieved and finds both steps in the goal's history.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn } from './browser';
import { kithInBrowser } from './kith-in-browser';

const coordinator = { email: 'coordinator@kith.demo', password: 'kith-demo-password' };

describe.skipIf(!browserTestsCanRun())('needs and goals in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  it('records a need by hand, adds a goal for it and marks the goal achieved', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('needs-and-goals');

    await page.goto(`${e2e.kith.baseUrl}/people`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('table').getByRole('link').first().click();
    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.waitFor();
    await needs.getByRole('button', { name: 'Record a need by hand' }).click();

    const form = page.getByRole('form', { name: 'A need, recorded by hand' });
    await form.waitFor();
    // Nothing chosen: the form says so beside the need.
    await form.getByRole('button', { name: 'Save the need' }).click();
    await form.getByText('Choose one.').waitFor();
    await form.getByLabel(/^Need/).selectOption({ label: 'Loneliness' });
    await form.getByLabel(/^Status/).selectOption({ label: 'In scope — our team meets it' });
    await form.getByLabel(/^Severity/).selectOption({ label: 'High' });
    // A priority the server refuses: its words beside the field.
    await form.getByLabel(/^Their priority/).fill('0');
    await form.getByRole('button', { name: 'Save the need' }).click();
    await form.getByText('Must be from 1 (matters most) to 100.').waitFor();
    await form.getByLabel(/^Their priority/).fill('1');
    await form.getByLabel(/^Note/).fill('Has not left the house much since the winter.');
    await e2e.browser.checkAccessibility('need form');
    await form.getByRole('button', { name: 'Save the need' }).click();
    await page.getByText('Need recorded.').waitFor();

    const loneliness = needs.getByRole('region', { name: 'Loneliness' });
    await loneliness.waitFor();
    const words = await loneliness.textContent();
    expect(words).toContain('In scope — our team meets it');
    expect(words).toContain('Their priority: 1');
    expect(words).toContain('recorded by hand');
    expect(words).toContain('Severity: High');

    // A goal that addresses it, in the person's words; then marked achieved.
    const goals = page.getByRole('region', { name: 'Goals' });
    await goals.getByRole('button', { name: 'Add a goal' }).click();
    const goalForm = page.getByRole('form', { name: 'A new goal' });
    await goalForm.getByLabel(/^The goal/).fill('Call my sister every Sunday');
    await goalForm.getByLabel(/^The need it addresses/).selectOption({ label: 'Loneliness' });
    await goalForm.getByLabel(/^To reach by/).fill('2027-06-01');
    await goalForm.getByRole('button', { name: 'Save the goal' }).click();
    await page.getByText('Goal added.').waitFor();
    const goal = goals.getByRole('region', { name: 'Call my sister every Sunday' });
    await goal.getByText('Addresses the need: Loneliness').waitFor();
    expect(await goal.textContent()).toContain('In the person’s own words');

    await goal.getByRole('button', { name: 'Mark achieved: Call my sister every Sunday' }).click();
    await page.getByText('Goal marked achieved.').waitFor();
    await goal.getByText('Completed', { exact: true }).waitFor();
    await goal.getByText('Achieved', { exact: true }).waitFor();
    await goal.getByRole('button', { name: 'Show the history' }).click();
    const history = goal.getByRole('list', { name: 'History of the goal' });
    await history.getByText(/From Active to Completed/).waitFor();
    await history.getByText(/Progress from none to Achieved/).waitFor();
    await history.getByText(/Added as Active/).waitFor();
    await e2e.browser.checkAccessibility('person page with goals');
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 120_000);
});
