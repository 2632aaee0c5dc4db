// The map of a search and a partner's home, in a real browser on the demo county: the markers are
// the results that have a place, numbered as the list, and a click on one picks its result; a
// search with nothing within its distance says how far the nearest is and widens in one click;
// distances are in miles (a US network); a partner lands on their own services and updates a
// room in two clicks. No tile server answers here (no internet): the markers show all the same.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const password = 'kith-demo-password';
const coordinator = { email: 'coordinator@kith.demo', password };
const partner = { email: 'partner@kith.demo', password };

interface Found {
  entryId: string;
  serviceId: string;
  serviceName: string;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
}

describe.skipIf(!browserTestsCanRun())('the map of results and the partner home in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  /** A search through the API, with the browser's session. */
  async function apiSearch(query: string): Promise<{ items: Found[]; nearest: { distanceMetres: number } | null }> {
    return e2e.browser.page.evaluate(async (search) => {
      const response = await fetch(`/api/directory/search?${search}`);
      if (response.status !== 200) throw new Error(`search answered ${response.status}`);
      return (await response.json()) as { items: Found[]; nearest: { distanceMetres: number } | null };
    }, query);
  }

  it('shows the results on a map, numbered as the list; a marker picks its result', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('results-map');
    await page.goto(`${e2e.kith.baseUrl}/directory`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();

    const everywhere = await apiSearch('need=food-insecurity&limit=100');
    const zip = everywhere.items.find((item) => item.postalCode)?.postalCode;
    if (!zip) throw new Error('the demo directory has no food service with a ZIP code');
    const query = `need=food-insecurity&near=${encodeURIComponent(zip)}&radiusKm=${25 * 1.609344}`;
    const expected = (await apiSearch(`${query}&limit=20`)).items;
    const placed = expected.flatMap((item, index) => (item.latitude !== null ? [index + 1] : []));
    expect(placed.length, 'food services with a place near the ZIP code').toBeGreaterThan(1);

    await page.goto(`${e2e.kith.baseUrl}/directory?${query}`);
    const cards = page.getByRole('list', { name: 'Services' }).getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(expected.length);
    // In miles, in a US network: the distance chosen, and each result's.
    expect(await page.getByLabel('How far').locator('option:checked').textContent()).toBe('Within 25 mi');
    expect(await cards.first().textContent()).toMatch(/\d+(\.\d)? mi away/);
    // The list comes first on the page; the map after it.
    const map = page.getByRole('region', { name: 'Map of the services found' });
    expect(
      await page.evaluate(() => {
        const list = document.querySelector('ul[aria-labelledby="directory-results"]');
        const mapRegion = document.querySelector('[data-testid="results-map"]');
        return Boolean(list && mapRegion && list.compareDocumentPosition(mapRegion) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);

    const markers = map.locator('.result-marker');
    await markers.first().waitFor();
    expect(await markers.count()).toBe(placed.length);
    expect(await markers.allTextContents()).toEqual(placed.map(String));
    // The cards carry the same numbers, in the list's order.
    expect(await page.getByTestId('result-number').allTextContents()).toEqual(expected.map((_, index) => String(index + 1)));
    // The place searched from and the radius's circle are drawn too.
    expect(await map.locator('path.leaflet-interactive, path').count()).toBeGreaterThanOrEqual(2);

    // A click on the second marker picks the result of that number: marked and focused.
    const number = placed[1]!;
    await markers.nth(1).click();
    const picked = cards.nth(number - 1);
    await page.waitForFunction((index) => {
      const article = document.querySelectorAll('ul[aria-labelledby="directory-results"] article')[index];
      return article?.classList.contains('result-card-selected') && article.contains(document.activeElement);
    }, number - 1);
    expect(await picked.getByRole('heading', { level: 3 }).textContent()).toContain(expected[number - 1]!.serviceName);
    expect(await page.locator('.result-card-selected').count()).toBe(1);
    expect(await map.locator('.result-marker-selected').allTextContents()).toEqual([String(number)]);

    // Each placed result offers directions to its coordinates.
    const directions = picked.getByRole('link', { name: /^Directions to / });
    const href = new URL((await directions.getAttribute('href'))!);
    expect(href.hostname).toBe('www.google.com');
    const pickedService = expected[number - 1]!;
    expect(href.searchParams.get('destination')).toBe(`${pickedService.latitude},${pickedService.longitude}`);
    expect(await directions.getAttribute('target')).toBe('_blank');

    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 120_000);

  it('says how far the nearest match is when none is within the distance, and widens in one click', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('nearest-hint');
    // A point far north of a food service of the county: nothing within a mile of it.
    const service = (await apiSearch('need=food-insecurity&limit=100')).items.find((item) => item.latitude !== null)!;
    const point = `lat=${(service.latitude! + 1.5).toFixed(4)}&lon=${service.longitude!.toFixed(4)}`;
    const query = `need=food-insecurity&${point}&radiusKm=1.609344`;
    const answer = await apiSearch(query);
    expect(answer.items).toEqual([]);
    expect(answer.nearest).not.toBeNull();

    await page.goto(`${e2e.kith.baseUrl}/directory?${query}`);
    const hint = page.getByText(/^No match within 1 mi; the nearest is [\d.,]+ mi away\.$/);
    await hint.waitFor();
    const widen = page.getByRole('button', { name: /^Widen to [\d.,]+ mi$/ });
    const widenedMiles = Number((await widen.textContent())!.replace(/[^\d.]/g, ''));
    expect(widenedMiles * 1609.344).toBeGreaterThanOrEqual(answer.nearest!.distanceMetres);
    await widen.click();
    await page.waitForURL((url) => Number(url.searchParams.get('radiusKm')) > 1.7);
    const cards = page.getByRole('list', { name: 'Services' }).getByRole('article');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(0);
    await signOut(page);
  }, 60_000);

  it('lands partner staff on their own services, and updates a room in two clicks', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('partner-home');
    await page.goto(`${e2e.kith.baseUrl}/`);
    await signIn(page, partner);
    const home = page.getByRole('region', { name: 'Your services in the directory' });
    await home.waitFor();
    const update = home.getByRole('button', { name: /^Update room: / }).first();
    await update.waitFor();
    const serviceName = (await update.getAttribute('aria-label'))!.replace(/^Update room: /, '');
    const row = home
      .locator('li')
      .filter({ has: page.getByRole('link', { name: serviceName, exact: true }) })
      .first();
    const before = await row.textContent();
    const [choice, badge] = before?.includes('Waitlist') ? ['No room', 'No room right now'] : ['Waitlist', 'Waitlist'];

    // Two clicks: Update room, then what is true today.
    await update.click();
    await page.getByRole('menuitem', { name: choice, exact: true }).click();
    await row.getByText('updated just now').waitFor();
    expect(await row.textContent()).toContain(badge);

    // The service's own page says the same: it was saved.
    const saved = await page.evaluate(async () => {
      const response = await fetch('/api/directory/kept-organizations');
      return (await response.json()) as { items: { services: { name: string; capacityStatus: string | null }[] }[] };
    });
    const service = saved.items.flatMap((item) => item.services).find((item) => item.name === serviceName);
    expect(service?.capacityStatus).toBe(choice === 'No room' ? 'no_capacity' : 'waitlist');
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 60_000);

  it("lets partner staff correct their service's details, which coordinators then read", async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('partner-details');
    await page.goto(`${e2e.kith.baseUrl}/`);
    const home = page.getByRole('region', { name: 'Your services in the directory' });
    await home.waitFor();
    const edit = home.getByRole('button', { name: /^Edit details: / }).first();
    await edit.waitFor();
    const serviceName = (await edit.getAttribute('aria-label'))!.replace(/^Edit details: /, '');
    await edit.click();
    const dialog = page.getByRole('dialog', { name: `Details of ${serviceName}` });
    const howToApply = dialog.getByRole('textbox', { name: 'How to apply' });
    await howToApply.waitFor();
    const text = `Call the front desk, then bring proof of address (${Date.now()}).`;
    await howToApply.fill(text);
    await dialog.getByRole('button', { name: 'Save details' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The service's page shows the new text, and the form says it was changed in Kith.
    await home.getByRole('link', { name: serviceName, exact: true }).first().click();
    await page.getByText(text).waitFor();
    await page.getByText("Some of these details were changed in Kith by the service's own staff.").waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    await page
      .getByRole('dialog')
      .getByText(/^Changed in Kith on /)
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 60_000);
});
