// Directory settings in a real browser: the network's admin teaches searches by need a new word
// (a keyword rule for "Stress"), sees the server's complaint beside the field first, removes the
// rule again after a confirmation, and maps a taxonomy term picked by typing instead; on a
// directory organisation's page they link it to a network organisation and unlink it. A care
// coordinator finds none of this: no link in the navigation, a clear "no access" at the address,
// and a refusal from the API.
//
// The demo network is generated from a seed, so organisations and ids are read from the API,
// never written here.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const password = 'kith-demo-password';
const admin = { email: 'admin@kith.demo', password };
const coordinator = { email: 'coordinator@kith.demo', password };

describe.skipIf(!browserTestsCanRun())('directory settings in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  /** How many services a search by need finds, asked with the page's own session. */
  async function servicesFoundFor(need: string): Promise<number> {
    return e2e.browser.page.evaluate(async (code) => {
      const response = await fetch(`/api/directory/search?need=${code}&limit=100`);
      return ((await response.json()) as { items: unknown[] }).items.length;
    }, need);
  }

  it('the admin adds a keyword rule, sees it listed, removes it after a confirmation, and adds a term rule', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('directory-settings');

    // The admin opens the settings, is asked to sign in, and comes back to them.
    await page.goto(`${e2e.kith.baseUrl}/directory/settings`);
    await signIn(e2e.browser.page, admin);
    await page.getByRole('heading', { level: 1, name: 'Directory settings' }).waitFor();
    await e2e.browser.checkAccessibility('directory settings');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    expect(await navigation.getByRole('link', { name: 'Directory settings' }).getAttribute('aria-current')).toBe('page');
    expect(await navigation.getByRole('link', { name: 'Find help' }).getAttribute('aria-current')).toBeNull();

    // Stress has its starting rules; a ride to an appointment takes stress away too, but no
    // search by Stress finds the demo's ride services yet.
    const stress = page.getByRole('region', { name: 'Stress', exact: true });
    await stress.getByRole('listitem').first().waitFor();
    const rulesBefore = await stress.getByRole('listitem').count();
    const foundBefore = await servicesFoundFor('stress');

    // Two letters are too few: the server says so beside the keyword field.
    const form = page.getByRole('region', { name: 'Add a rule' });
    await form.getByRole('combobox', { name: 'Need', exact: true }).selectOption({ label: 'Stress' });
    const keyword = form.getByRole('textbox', { name: 'Keyword' });
    await keyword.fill('ri');
    await form.getByRole('button', { name: 'Add rule' }).click();
    await form.getByText('Please fix the fields marked below.').waitFor();
    await e2e.browser.checkAccessibility('need-domain rule form with errors');
    expect(await keyword.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await keyword.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const described = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toContain('Must be at least 3 characters.');

    // "Rides" it is: the rule is listed under Stress, the field is empty for the next one, and
    // searches by Stress now find the ride services.
    await keyword.fill('Rides');
    await form.getByRole('button', { name: 'Add rule' }).click();
    const rule = stress.getByRole('listitem').filter({ hasText: '“rides”' });
    await rule.waitFor();
    expect(await rule.textContent()).toContain('Keyword');
    expect(await stress.getByRole('listitem').count()).toBe(rulesBefore + 1);
    expect(await keyword.inputValue()).toBe('');
    expect(await servicesFoundFor('stress')).toBeGreaterThan(foundBefore);

    // Removing asks first; cancelling keeps the rule.
    await rule.getByRole('button', { name: 'Remove “rides” from Stress' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove this rule?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await rule.count()).toBe(1);

    await rule.getByRole('button', { name: 'Remove “rides” from Stress' }).click();
    await dialog.getByRole('button', { name: 'Remove rule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rule.waitFor({ state: 'detached' });
    expect(await stress.getByRole('listitem').count()).toBe(rulesBefore);
    expect(await servicesFoundFor('stress')).toBe(foundBefore);
    // The keyboard is left on the need's heading, not lost with the removed button.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Stress');

    // A taxonomy term works the same way, picked from the directory's own terms as one types.
    await form.getByRole('radio', { name: 'One taxonomy term' }).check();
    await form.getByLabel(/^Taxonomy term/).fill('rides');
    await page.getByRole('option', { name: /^Rides and transportation/ }).click();
    await form.getByRole('button', { name: 'Add rule' }).click();
    const termRule = stress.getByRole('listitem').filter({ hasText: 'Rides and transportation' });
    await termRule.waitFor();
    expect(await termRule.textContent()).toContain('Term');

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
  }, 120_000);

  it('the admin links a directory organisation to a network organisation, and unlinks it', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('directory-link');

    // A directory organisation of the demo, and a network organisation it is not linked to.
    const { directoryOrganizationId, networkOrganization } = await page.evaluate(async () => {
      const search = (await (await fetch('/api/directory/search?limit=1')).json()) as { items: { organizationId: string }[] };
      const id = search.items[0]!.organizationId;
      const detail = (await (await fetch(`/api/directory/organizations/${id}`)).json()) as {
        networkOrganizationId: string | null;
      };
      const organizations = (await (await fetch('/api/organizations?limit=50')).json()) as {
        items: { id: string; name: string }[];
      };
      return {
        directoryOrganizationId: id,
        networkOrganization: organizations.items.find((organization) => organization.id !== detail.networkOrganizationId)!,
      };
    });

    await page.goto(`${e2e.kith.baseUrl}/directory/organizations/${directoryOrganizationId}`);
    const panel = page.getByRole('region', { name: 'Network organisation' });
    await panel.waitFor();
    await e2e.browser.checkAccessibility('organisation page with its network link');
    const picker = panel.getByLabel(/^Link to/);
    await picker.fill(networkOrganization.name.slice(0, 6));
    await page.getByRole('option', { name: networkOrganization.name, exact: true }).click();
    await panel.getByRole('button', { name: 'Link', exact: true }).click();
    await panel.getByText(`Linked to ${networkOrganization.name}.`).waitFor();

    await panel.getByRole('button', { name: 'Unlink' }).click();
    await panel.getByText('Not linked to a network organisation.').waitFor();

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    await signOut(e2e.browser.page);
  }, 60_000);

  it('a care coordinator has no way in: no link, no page, no answer from the API', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('directory-settings-refused');

    await page.goto(`${e2e.kith.baseUrl}/`);
    await signIn(e2e.browser.page, coordinator);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Find help' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Directory settings' }).count()).toBe(0);

    // Typing the address gets a clear "no access", not a blank page…
    await page.goto(`${e2e.kith.baseUrl}/directory/settings`);
    await page.getByRole('alert').filter({ hasText: 'You do not have access to this page' }).waitFor();
    await e2e.browser.checkAccessibility('no-access page');

    // …and the API refuses the rules whatever the page shows.
    const status = await page.evaluate(async () => (await fetch('/api/directory/need-domain-rules')).status);
    expect(status).toBe(403);

    // A directory organisation's page shows them no link control either.
    const organizationId = await page.evaluate(async () => {
      const search = (await (await fetch('/api/directory/search?limit=1')).json()) as { items: { organizationId: string }[] };
      return search.items[0]!.organizationId;
    });
    await page.goto(`${e2e.kith.baseUrl}/directory/organizations/${organizationId}`);
    await page.getByRole('heading', { level: 2, name: 'About' }).waitFor();
    await e2e.browser.checkAccessibility('directory organisation page');
    expect(await page.getByRole('region', { name: 'Network organisation' }).count()).toBe(0);

    expect(e2e.browser.consoleErrors).toEqual([]);
    expect(e2e.browser.accessibilityViolations).toEqual([]);
  }, 60_000);
});
