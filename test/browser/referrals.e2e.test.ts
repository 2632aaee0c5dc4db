// A referral's closed loop in a real browser, on the demo network, as issue 13's "done when" tells
// it. The demo coordinator (of the host) opens a person with an open food need who has not agreed
// to share anything with the demo partner's food pantry, refers them from that need: finds a
// service of the pantry with room for it, presses Refer, sees the room and how old that figure is,
// is told the consent is missing, records it on the spot, and the referral goes. The partner finds
// it in the inbox on their home page (the count beside Referrals in the navigation), accepts it in
// one click and completes it with the need met. The coordinator then sees the referral completed
// and the need met on the person's page. On a tablet, as coordinators and partners use it.
import { describe, expect, it } from 'vitest';
import { browserTestsCanRun, signIn, signOut } from './browser';
import { kithInBrowser } from './kith-in-browser';

const password = 'kith-demo-password';
const coordinator = { email: 'coordinator@kith.demo', password };
const partner = { email: 'partner@kith.demo', password };
const pantry = 'Chestnut Street Pantry';

interface Candidate {
  personId: string;
  name: string;
}

describe.skipIf(!browserTestsCanRun())('referrals in the browser', () => {
  const e2e = kithInBrowser({ setup: async (cli) => void (await cli(['seed', '--demo', '--seed', '42'])) });
  let candidate: Candidate | null = null;
  let referralPath = '';

  /** A GET of the API with the browser's session. */
  const api = <T>(path: string): Promise<T> =>
    e2e.browser.page.evaluate(async (address) => {
      const response = await fetch(address);
      if (response.status !== 200) throw new Error(`${address} answered ${response.status}`);
      return (await response.json()) as T;
    }, path);

  /** Someone the coordinator holds with an open, non-sensitive food need and no live consent naming the pantry. */
  async function personToRefer(): Promise<Candidate> {
    type Listed = { id: string; givenName: string; familyName: string; usedName: string | null };
    const people = await api<{ items: Listed[] }>('/api/people?needDomain=food-insecurity&needStatus=open&limit=50');
    for (const person of people.items) {
      const detail = await api<{ consents: { granteeName: string; active: boolean }[] }>(`/api/people/${person.id}`);
      if (detail.consents.some((consent) => consent.granteeName === pantry && consent.active)) continue;
      const needs = await api<{ items: { needDomain: string; status: string; sensitive: string | null }[] }>(
        `/api/people/${person.id}/needs`,
      );
      const food = needs.items.filter((need) => need.needDomain === 'food-insecurity');
      // One food need, open and not flagged: the person's page has one Food row to refer from.
      if (food.length !== 1 || food[0]!.sensitive || !['identified', 'in_scope', 'out_of_scope'].includes(food[0]!.status))
        continue;
      const name = `${person.givenName} ${person.familyName}${person.usedName ? ` (${person.usedName})` : ''}`;
      return { personId: person.id, name };
    }
    throw new Error('the demo has nobody with an open food need and no consent naming the pantry');
  }

  it('refers a person from their open need to the pantry, recording the missing consent on the spot', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('referrals-send');
    const base = e2e.kith.baseUrl;
    await page.setViewportSize({ width: 1024, height: 1366 });

    await page.goto(`${base}/people`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    candidate = await personToRefer();
    const { name } = candidate;

    // The person's page: Refer beside the open food need leads to the directory, for that need.
    await page.goto(`${base}/people/${candidate.personId}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const needs = page.getByRole('region', { name: 'Needs' });
    await needs.getByRole('link', { name: 'Refer for Food' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find help' }).waitFor();
    await page.getByText(`Finding a service for ${name}`).waitFor();
    await page.getByText('For their need: Food.', { exact: false }).waitFor();

    // The pantry's services for food: the one that takes referrals in Kith.
    await page.getByLabel('What do they need?').fill(pantry);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const cards = page.getByRole('list', { name: 'Services' }).getByRole('article');
    const inKith = cards.filter({ hasText: pantry }).filter({ hasText: 'In Kith' }).first();
    await inKith.waitFor();
    const serviceName = (await inKith.getByRole('heading', { level: 3 }).getByRole('link').textContent())!.trim();
    // The person and need ride along in the address, through a change of the search.
    expect(new URL(page.url()).searchParams.get('referPerson')).toBe(candidate.personId);
    await inKith.getByRole('link', { name: serviceName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: serviceName }).waitFor();
    await page.getByText(`Finding a service for ${name}`).waitFor();
    await page.getByRole('region', { name: 'How to refer' }).getByRole('link', { name: 'Refer', exact: true }).click();

    // The refer form: the person and their need chosen; the room and how old it is, before sending.
    await page.getByRole('heading', { level: 1, name: `Refer to ${serviceName}` }).waitFor();
    await page.getByRole('region', { name: 'Who and what for' }).getByRole('link', { name }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Their need' }).inputValue()).toMatch(/^Food · /);
    const room = page.getByRole('region', { name: 'Room' });
    await room.getByText(/^Room (for \d+ more|available)$/).waitFor();
    await room.getByText(/updated /).waitFor();
    const before = page.getByRole('region', { name: 'Before you send' });
    await before.getByRole('heading', { name: 'Opening hours' }).waitFor();
    await before.getByText('In Kith').waitFor();
    await page.getByLabel('Note to the partner').fill('She can come in on Tuesday mornings.');
    await e2e.browser.checkAccessibility('refer form');
    await page.getByRole('button', { name: 'Send the referral' }).click();

    // No consent naming the pantry yet: said in words, and recorded right here.
    await page.getByText(`${name} has not agreed to share their information with ${pantry} for a referral`).waitFor();
    await page.getByRole('button', { name: `Record the consent for ${pantry} now` }).click();
    const consent = page.getByRole('form', { name: 'Record a consent' });
    await consent.waitFor();
    expect(await consent.getByLabel('Who receives the information').locator('option:checked').textContent()).toBe(pantry);
    expect(await consent.getByRole('radio', { name: 'For a referral' }).isChecked()).toBe(true);
    expect(await consent.getByRole('checkbox', { name: 'Needs and screenings' }).isChecked()).toBe(true);
    await e2e.browser.checkAccessibility('consent on the refer form');
    await consent.getByRole('button', { name: 'Record consent' }).click();

    // Recorded, and the referral is sent: its page.
    await page.getByRole('heading', { level: 1, name: `Referral: ${name} to ${serviceName}` }).waitFor();
    await page.getByText('Sent, waiting for an answer').first().waitFor();
    referralPath = new URL(page.url()).pathname;
    expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    await page.getByText('She can come in on Tuesday mornings.').waitFor();
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText(/Sent by .+, Keystone Health System\./).waitFor();
    await e2e.browser.checkAccessibility('referral page, sent');
    await signOut(page);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('422'))).toEqual([]);
  }, 180_000);

  it('lets the partner find it in the inbox, accept it in one click and complete it with the need met', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('referrals-answer');
    expect(candidate, 'the first test sends the referral this one answers').not.toBeNull();
    const { name } = candidate!;
    await page.goto(`${e2e.kith.baseUrl}/`);
    await signIn(page, partner);
    await page.getByRole('heading', { level: 1, name: /^Hello, / }).waitFor();

    // The count of referrals waiting for an answer, beside Referrals in the navigation.
    const counts = await api<{ inbox: { waiting: number } }>('/api/referrals/counts');
    expect(counts.inbox.waiting).toBeGreaterThan(0);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: `Referrals (${counts.inbox.waiting})` })
      .waitFor();

    // The inbox on the home page, overdue first; hers among those waiting, accepted from its row.
    const inbox = page.getByRole('region', { name: 'Referrals to us' });
    const rows = inbox.getByRole('article');
    await rows.first().waitFor();
    await rows.first().getByText('Overdue').waitFor();
    const hers = rows.filter({ has: page.getByRole('link', { name, exact: true }) }).first();
    await hers.getByText('Sent, waiting for an answer').waitFor();
    await hers.getByText('Sent today').waitFor();
    await e2e.browser.checkAccessibility('partner home with the inbox');
    await hers.getByRole('button', { name: /^Accept: / }).click();
    await hers.getByText('Accepted', { exact: true }).waitFor();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: counts.inbox.waiting > 1 ? `Referrals (${counts.inbox.waiting - 1})` : 'Referrals' })
      .waitFor();

    // Its page: the note and the person as the consent shares them; completed with the need met.
    await hers.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Referral: ${name}`) }).waitFor();
    expect(new URL(page.url()).pathname).toBe(referralPath);
    await page.getByText('She can come in on Tuesday mornings.').waitFor();
    const actions = page.getByRole('region', { name: 'What you can do now' });
    await actions.getByRole('button', { name: 'Complete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Complete' });
    await dialog.getByLabel('What was delivered').fill('Two weeks of groceries, and help with the SNAP form.');
    await dialog.getByRole('radio', { name: 'The need was met' }).check();
    await e2e.browser.checkAccessibility('complete dialog');
    await dialog.getByRole('button', { name: 'Complete', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Notes and outcome' }).getByText('The need was met').waitFor();
    await page
      .getByRole('region', { name: 'History' })
      .getByText(/Completed by .+, Chestnut Street Pantry\./)
      .waitFor();
    expect(await page.getByRole('region', { name: 'What you can do now' }).count()).toBe(0);
    await e2e.browser.checkAccessibility('referral page, completed');
    await signOut(page);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('422'))).toEqual([]);
  }, 120_000);

  it('shows the coordinator the referral completed and the need met on the person’s page', async () => {
    const { page } = e2e.browser;
    e2e.keepEvidenceOnFailure('referrals-closed');
    expect(candidate, 'the first test sends the referral').not.toBeNull();
    const { name, personId } = candidate!;
    await page.goto(`${e2e.kith.baseUrl}/people/${personId}`);
    await signIn(page, coordinator);
    await page.getByRole('heading', { level: 1, name }).waitFor();

    const referrals = page.getByRole('region', { name: 'Referrals' });
    const row = referrals.getByRole('article').filter({ hasText: pantry }).first();
    await row.getByText('Completed', { exact: true }).waitFor();
    const food = page.getByRole('region', { name: 'Needs' }).getByRole('region', { name: 'Food' });
    await food.getByText(/^Met/).waitFor();
    await food.getByText(`Addressed by ${pantry}`, { exact: false }).waitFor();
    // A met need is not referred again.
    expect(await food.getByRole('link', { name: 'Refer for Food' }).count()).toBe(0);
    await e2e.browser.checkAccessibility('person page after the referral');
    expect(e2e.browser.accessibilityViolations).toEqual([]);
    expect(e2e.browser.consoleErrors.filter((line) => !line.includes('422'))).toEqual([]);
  }, 120_000);
});
