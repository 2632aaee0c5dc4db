// Finding help in the demo county, in a real browser: a care coordinator searches for a food
// pantry near a ZIP code with a typo in the words, and finds the partner's service with its
// distance; the partner's staff update its room in two clicks; the coordinator's search shows the
// new room at once. A coordinator, who does not work there, gets no way to change it.
//
// The demo network is generated from a seed, so names, ZIP codes and ids are read from the API,
// never written here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const password = 'kith-demo-password';
const coordinator = { email: 'coordinator@kith.demo', password };
const partner = { email: 'partner@kith.demo', password };

// Set KITH_SCREENSHOT_DIR to keep screenshots of the pages at desktop and tablet width.
const screenshotDir = process.env.KITH_SCREENSHOT_DIR;

interface FoundService {
  serviceId: string;
  serviceName: string;
  organizationName: string | null;
  postalCode: string | null;
  capacity: { status: string } | null;
}

describe.skipIf(!browserTestsCanRun())('finding help in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });

  async function screenshot(name: string) {
    if (!screenshotDir) return;
    fs.mkdirSync(screenshotDir, { recursive: true });
    // Let the navigation finish sliding away after a change of width.
    await e2e.browser.page.waitForTimeout(500);
    await e2e.browser.page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
  }

  /** The name of a user's organisation, asked of the API with that user's own session. */
  async function organizationNameOf(user: { email: string; password: string }): Promise<string> {
    const response = await fetch(`${e2e.kith.baseUrl}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(user),
    });
    expect(response.status).toBe(200);
    const me = (await response.json()) as { organization: { name: string } };
    return me.organization.name;
  }

  /** The result card of a service of an organisation in the result list. */
  function resultCard(service: FoundService) {
    const { page } = e2e.browser;
    return page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { level: 3, name: service.serviceName, exact: true }) })
      .filter({ hasText: service.organizationName ?? '' });
  }

  /** Waits for the card, pressing "Load more" while the list has more and the card is not there yet. */
  async function findResult(service: FoundService) {
    const { page } = e2e.browser;
    const card = resultCard(service);
    const loadMore = page.getByRole('button', { name: 'Load more' });
    await page
      .getByRole('status')
      .filter({ hasText: /services? found|No services found/ })
      .first()
      .waitFor();
    for (let round = 0; round < 10 && (await card.count()) === 0 && (await loadMore.count()) > 0; round++) {
      await loadMore.click();
      await page.waitForTimeout(300);
    }
    await card.first().waitFor();
    return card.first();
  }

  it('a coordinator finds a food pantry by ZIP code with a typo; its staff update the room in two clicks', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('directory');

    const partnerOrganization = await organizationNameOf(partner);

    // The coordinator opens Find help, is asked to sign in, and comes back to it.
    await page.goto(`${e2e.kith.baseUrl}/directory`);
    await signIn(e2e.browser.page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find help' }).getAttribute('aria-current'),
    ).toBe('page');

    // One of the partner's food services with a ZIP code, read from the directory itself.
    const food = await page.evaluate(async () => {
      const response = await fetch('/api/directory/search?need=food-insecurity&limit=100');
      return { status: response.status, body: (await response.json()) as { items: FoundService[] } };
    });
    expect(food.status).toBe(200);
    const partnerServices = food.body.items.filter((item) => item.organizationName === partnerOrganization && item.postalCode);
    expect(
      partnerServices.length,
      `a food service of ${partnerOrganization} with a ZIP code in the demo directory`,
    ).toBeGreaterThan(0);
    // The demo county of seed 42 puts the partner login at a food pantry.
    const service = partnerServices.find((item) => /pantry/i.test(`${item.serviceName} ${item.organizationName}`));
    if (!service) throw new Error("the partner's organisation of the seed-42 demo runs no pantry");
    const words = 'fod pantyr';
    const corrected = 'food pantry';

    // By keyboard: the words with typos, the ZIP code, Enter.
    await page.getByLabel('What do they need?').fill(words);
    await page.getByLabel('Near', { exact: true }).fill(service.postalCode!);
    await page.getByLabel('Near', { exact: true }).press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === words && url.searchParams.get('near') === service.postalCode);
    await page.getByText('Showing results for').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Showing results for' }).textContent()).toContain(corrected);

    // The partner's service is there, with its distance, its room and how to refer.
    const card = await findResult(service);
    // Miles, in a US network.
    expect(await card.textContent()).toMatch(/\d+(\.\d)? mi away/);
    // Its hours in the reader's words (weekday names, times of day), never the schedule's codes.
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).not.toMatch(/\b(MO|TU|WE|TH|FR|SA|SU)\b/);
    expect(cardText).toMatch(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Every day)\S* \d{1,2}:\d{2}\s?[AP]M|By appointment/);
    await card.getByRole('link', { name: partnerOrganization }).waitFor();
    await screenshot('directory-search-1280');
    const searchUrl = page.url();

    // The CSV link downloads the same search.
    const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(csvHref).toContain('/api/directory/search.csv?');
    expect(new URL(csvHref!, e2e.kith.baseUrl).searchParams.get('q')).toBe(words);
    const csv = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
    }, csvHref!);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.text).toContain(service.serviceName);

    // The coordinator opens the service: no "Update room" for someone who does not work there…
    await card.getByRole('link', { name: service.serviceName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: service.serviceName }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Room', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Update room' }).count()).toBe(0);
    // The same hours, in the same words, on the service's page.
    const hours = page.getByRole('list', { name: 'Opening hours' });
    await hours.first().waitFor();
    expect(await hours.first().textContent()).toMatch(
      /(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Every day)\S* \d{1,2}:\d{2}\s?[AP]M|By appointment/,
    );
    // …and the API refuses the change too.
    const refused = await page.evaluate(async (serviceId) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(`/api/directory/services/${serviceId}/intake`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ capacityStatus: 'no_capacity' }),
      });
      return response.status;
    }, service.serviceId);
    expect(refused).toBe(404);

    // The back button returns to the same results, with the words still in the box.
    await page.goBack();
    await resultCard(service).first().waitFor();
    expect(await page.getByLabel('What do they need?').inputValue()).toBe(words);

    // At tablet width the results fit the screen.
    await page.setViewportSize({ width: 768, height: 1024 });
    await resultCard(service).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot('directory-search-768');
    await page.setViewportSize({ width: 1280, height: 900 });

    await signOut(e2e.browser.page);

    // The partner's staff member opens the service and updates its room: what is true, then Save.
    await page.goto(`${e2e.kith.baseUrl}/directory/services/${service.serviceId}`);
    await signIn(e2e.browser.page, partner);
    await page.getByRole('heading', { level: 1, name: service.serviceName }).waitFor();
    const panel = page.getByRole('region', { name: 'Update room' });
    await panel.waitFor();
    const [choice, badge] = service.capacity?.status === 'waitlist' ? ['No room', 'No room right now'] : ['Waitlist', 'Waitlist'];
    await panel.getByRole('button', { name: choice, exact: true }).click();
    await panel.getByRole('button', { name: 'Save', exact: true }).click();
    const room = page.getByRole('region', { name: 'Room', exact: true });
    await room.getByText('updated just now').waitFor();
    expect(await room.textContent()).toContain(badge);
    await screenshot('directory-service-partner-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await screenshot('directory-service-partner-768');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The organisation page lists the service with its new room.
    await page.getByRole('link', { name: partnerOrganization }).first().click();
    await page.getByRole('heading', { level: 1, name: partnerOrganization }).waitFor();
    const listed = page
      .getByRole('article')
      .filter({ has: page.getByRole('heading', { name: service.serviceName, exact: true }) });
    expect(await listed.textContent()).toContain(badge);
    await screenshot('directory-organization-1280');

    await signOut(e2e.browser.page);

    // The coordinator's search now shows the new room, just updated.
    await page.goto(searchUrl);
    await signIn(e2e.browser.page, coordinator);
    const updated = await findResult(service);
    await updated.getByText('updated just now').waitFor();
    expect(await updated.textContent()).toContain(badge);

    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 180_000);

  it('lists the organisations a name finds first, says what it searched for, and reaches the first result in one Tab', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('directory-words');
    const partnerOrganization = await organizationNameOf(partner);
    const host = await page.evaluate(async () => {
      const answer = (await (await fetch('/api/organizations?limit=100')).json()) as {
        items: { id: string; name: string; isHost: boolean }[];
      };
      return answer.items.find((organization) => organization.isHost)!;
    });
    expect(host, 'the demo network has a host organisation').toBeTruthy();
    await page.goto(`${e2e.kith.baseUrl}/directory`);
    const box = page.getByLabel('What do they need?');
    await box.waitFor();

    // The partner's name: its organisation comes first, then its services.
    await box.fill(partnerOrganization);
    await box.press('Enter');
    const organizations = page.getByRole('region', { name: /^Organisations?$/ });
    await organizations.getByRole('link', { name: partnerOrganization }).waitFor();
    const services = page.getByRole('list', { name: 'Services' });
    await services.getByRole('article').first().waitFor();
    expect(
      await organizations.evaluate(
        (region, list) => Boolean(region.compareDocumentPosition(list!) & Node.DOCUMENT_POSITION_FOLLOWING),
        await services.elementHandle(),
      ),
    ).toBe(true);
    // Focus is on the count of results; one Tab reaches the first organisation.
    await page.waitForFunction(() => /services? found/.test(document.activeElement?.textContent ?? ''));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(partnerOrganization);

    // The host's own name is searched as typed and finds the host, a page of its own.
    await box.fill(host.name);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === host.name);
    const hostLink = organizations.getByRole('link', { name: host.name, exact: true });
    await hostLink.waitFor();
    expect(await page.getByText('Showing results for').count()).toBe(0);

    // A typo is corrected; "search instead" searches what was typed.
    await box.fill('rent hlep');
    await box.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'Showing results for' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('rent help');
    await page.waitForFunction(() => /services? found/.test(document.activeElement?.textContent ?? ''));
    await page.keyboard.press('Tab');
    const firstResult = await page.evaluate(() => {
      const first = document.querySelector('article h3 a');
      return { focused: document.activeElement === first, name: first?.textContent };
    });
    expect(firstResult.name, 'a result for "rent help"').toBeTruthy();
    expect(firstResult.focused).toBe(true);
    await page.getByRole('link', { name: 'rent hlep', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('verbatim') === 'true' && url.searchParams.get('q') === 'rent hlep');
    await page.getByRole('status').filter({ hasText: 'No services found.' }).waitFor();
    expect(await page.getByText('Showing results for').count()).toBe(0);
    expect(await box.inputValue()).toBe('rent hlep');

    // The host's link opens its page.
    await page.goBack();
    await page.goBack();
    await hostLink.click();
    await page.getByRole('heading', { level: 1, name: host.name }).waitFor();
    expect(e2e.browser.consoleErrors).toEqual([]);
  }, 90_000);

  it('pages through the whole directory and filters by chips kept in the address', async () => {
    const { page } = e2e.browser;
    await page.goto(`${e2e.kith.baseUrl}/directory`);
    const results = page.getByRole('list', { name: 'Services' }).getByRole('article');
    await results.first().waitFor();
    const firstPage = await results.count();
    expect(firstPage).toBe(20);

    // "Load more" adds the next page and takes the keyboard to the first new result.
    await page.getByRole('button', { name: 'Load more' }).click();
    await results.nth(firstPage).waitFor();
    expect(await results.count()).toBeGreaterThan(firstPage);
    await page.waitForFunction((index) => {
      const articles = document.querySelectorAll('article');
      return articles[index]?.contains(document.activeElement) ?? false;
    }, firstPage);

    // A chip is a checkbox: "Has room" leaves out the services without room, and the address says so.
    await page.getByText('Has room', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('hasCapacity') === 'true');
    // The earlier results stay, dimmed and marked busy, until the new ones arrive.
    await page.waitForFunction(() => {
      const list = document.querySelector('ul[aria-busy]');
      return list?.getAttribute('aria-busy') === 'false' && !list.textContent?.includes('No room right now');
    });
    expect(await results.count()).toBeGreaterThan(0);
    expect(await page.getByRole('checkbox', { name: 'Has room' }).isChecked()).toBe(true);

    // The back button takes the chip away again.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('hasCapacity'));
    expect(await page.getByRole('checkbox', { name: 'Has room' }).isChecked()).toBe(false);

    // In the field, "Use where I am now" searches near the tablet's own place.
    const place = await page.evaluate(async () => {
      const first = ((await (await fetch('/api/directory/search?limit=1')).json()) as { items: FoundService[] }).items[0]!;
      const detail = (await (await fetch(`/api/directory/services/${first.serviceId}`)).json()) as {
        locations: { latitude: number | null; longitude: number | null }[];
      };
      return { service: first, location: detail.locations.find((location) => location.latitude !== null)! };
    });
    await e2e.browser.context.grantPermissions(['geolocation'], { origin: e2e.kith.baseUrl });
    await e2e.browser.context.setGeolocation({ latitude: place.location.latitude!, longitude: place.location.longitude! });
    await page.getByRole('button', { name: 'Use where I am now' }).click();
    await page.waitForURL((url) => url.searchParams.has('lat') && url.searchParams.has('lon'));
    await page.getByText('Distances are from where you are.').waitFor();
    expect(await (await findResult(place.service)).textContent()).toMatch(/[^\d.]0(\.\d)? mi away/);
    await page.getByRole('button', { name: 'Stop using where I am' }).click();
    await page.waitForURL((url) => !url.searchParams.has('lat'));
  }, 60_000);

  it('says plainly when the directory does not know a place', async () => {
    const { page } = e2e.browser;
    await page.goto(`${e2e.kith.baseUrl}/directory?q=food&near=no-such-place-at-all`);
    const near = page.getByLabel('Near', { exact: true });
    await near.waitFor();
    await page.getByText('That did not work').waitFor();
    expect(await near.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await near.getAttribute('aria-describedby'))?.split(' ') ?? [];
    const described = await Promise.all(errorId.map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(described.join(' ')).toMatch(/ZIP code or address/i);
  }, 60_000);
});
