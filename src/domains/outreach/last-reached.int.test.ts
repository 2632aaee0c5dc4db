// The population list by when each person was last reached, on both engines: the filter's four
// values (only contacts where the person was reached count), the "last reached" value of each row
// and its CSV column, a page of the filtered list after another, and the privacy rule: a viewer who
// does not see the care plan finds nobody by it and sees no value.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildContact, daysAgo } from '../../../test/support/outreach-factories';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';

interface ListedPerson {
  id: string;
  familyName: string;
  lastReachedAt: string | null;
}

describeEachEngine('the population list by last contact', (ctx) => {
  it('filters people by when they were last reached, and shows when, only where the viewer sees the care plan', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = async (familyName: string) =>
      buildPerson(db, {
        holderOrganizationId: world.host.id,
        body: { familyName: `${familyName}${world.pantry.id.slice(0, 6)}` },
      });
    // This week; this month (and a call yesterday that did not reach them); two months ago; tried but never reached; never tried.
    const thisWeek = await person('Weekly');
    const thisMonth = await person('Monthly');
    const longAgo = await person('Longago');
    const neverReached = await person('Tried');
    const neverTried = await person('Untried');
    const reachedThisWeek = daysAgo(2);
    const reachedThisMonth = daysAgo(20);
    const reachedLongAgo = daysAgo(60);
    await buildContact(db, thisWeek.id, { contactedAt: daysAgo(40), method: 'letter' });
    await buildContact(db, thisWeek.id, { contactedAt: reachedThisWeek, method: 'home_visit' });
    await buildContact(db, thisMonth.id, { contactedAt: reachedThisMonth });
    await buildContact(db, thisMonth.id, { contactedAt: daysAgo(1), reached: false });
    await buildContact(db, longAgo.id, { contactedAt: reachedLongAgo, method: 'clinic_visit' });
    await buildContact(db, neverReached.id, { contactedAt: daysAgo(3), reached: false });
    await buildContact(db, neverReached.id, { contactedAt: daysAgo(0.5), reached: false, method: 'text_message' });

    // The host is shared by the tests of this file: only these five people are looked for.
    const mine = new Map([thisWeek, thisMonth, longAgo, neverReached, neverTried].map((p) => [p.id, p.family_name]));
    const listed = async (who: Client, query: string) => {
      const answer = await who.get(`/api/people?limit=200&${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return (answer.body.items as ListedPerson[]).filter((item) => mine.has(item.id));
    };
    const names = async (who: Client, query: string) => (await listed(who, query)).map((item) => mine.get(item.id)).sort();
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const sorted = (...people: { family_name: string }[]) => people.map((p) => p.family_name).sort();

    expect(await names(coordinator, 'lastReached=within_7_days')).toEqual(sorted(thisWeek));
    expect(await names(coordinator, 'lastReached=within_30_days')).toEqual(sorted(thisWeek, thisMonth));
    expect(await names(coordinator, 'lastReached=not_within_30_days')).toEqual(sorted(longAgo, neverReached, neverTried));
    expect(await names(coordinator, 'lastReached=never')).toEqual(sorted(neverReached, neverTried));
    expect((await coordinator.get('/api/people?lastReached=yesterday')).status).toBe(400);

    // Each row says when the person was last reached (the latest reached contact, not the latest attempt).
    const everyone = new Map((await listed(coordinator, '')).map((item) => [item.id, item.lastReachedAt]));
    expect(everyone).toEqual(
      new Map([
        [thisWeek.id, reachedThisWeek],
        [thisMonth.id, reachedThisMonth],
        [longAgo.id, reachedLongAgo],
        [neverReached.id, null],
        [neverTried.id, null],
      ]),
    );

    // The same filter, one page at a time: the pages hold every match once.
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: ListedPerson[]; nextCursor: string | null } } = await coordinator.get(
        `/api/people?limit=1&lastReached=not_within_30_days&q=${world.pantry.id.slice(0, 6)}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      pages.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages.map((id) => mine.get(id)).sort()).toEqual(sorted(longAgo, neverReached, neverTried));

    // The CSV has the day of the last time reached, in the network's time zone.
    const csv = await coordinator.get('/api/people.csv?lastReached=within_30_days');
    expect(csv.status).toBe(200);
    const lines = (csv.body as string).split(/\r?\n/);
    expect(lines[0]).toContain('Last reached');
    const day = (iso: string) =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'America/New_York',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date(iso));
    expect(lines.find((line) => line.startsWith(thisWeek.family_name))).toContain(day(reachedThisWeek));
    expect(lines.find((line) => line.startsWith(thisMonth.family_name))).toContain(day(reachedThisMonth));
    expect(lines.some((line) => line.startsWith(longAgo.family_name))).toBe(false);

    // A partner who sees the person by a consent without the care plan finds them by no value, and sees no date.
    await buildConsent(db, thisWeek.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'needs'] });
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    expect(await listed(partner, '')).toEqual([expect.objectContaining({ id: thisWeek.id, lastReachedAt: null })]);
    for (const value of ['within_7_days', 'within_30_days', 'not_within_30_days', 'never'])
      expect(await names(partner, `lastReached=${value}`), value).toEqual([]);
    const partnerCsv = await partner.get('/api/people.csv');
    expect(partnerCsv.body as string).not.toContain(day(reachedThisWeek));
    // With the care plan named, they do.
    await buildConsent(db, thisWeek.id, { granteeOrganizationId: world.pantry.id, categories: ['care_plan'] });
    expect(await names(partner, 'lastReached=within_7_days')).toEqual(sorted(thisWeek));
    expect(await names(partner, 'lastReached=never')).toEqual([]);
    expect(await listed(partner, '')).toEqual([expect.objectContaining({ id: thisWeek.id, lastReachedAt: reachedThisWeek })]);
  });
});
