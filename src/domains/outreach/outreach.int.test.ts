// Contacts with a person through HTTP on both engines: recorded and listed newest first a page at
// a time, with who made them; bad input refused naming the field with nothing written; and the
// privacy rule: another organisation finds nothing, a partner sees and records contacts only under
// a live consent naming the care plan, and a revoked consent stops that at the very next request.
import { expect, it } from 'vitest';
import { revokeConsent } from '../people';
import { buildUser } from '../../../test/support/factories';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { daysAgo } from '../../../test/support/outreach-factories';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';

const contactCount = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM outreach_contacts'))[0]!.n;

interface ContactAnswer {
  id: string;
  contactedAt: string;
  method: string;
  reached: boolean;
  note: string | null;
  recordedBy: { userId: string; name: string } | null;
  organization: { id: string; name: string } | null;
}

describeEachEngine('contacts with a person', (ctx) => {
  it('records contacts and lists them newest first, a page at a time, with who made them, every read and write audited', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const url = `/api/people/${person.id}/contacts`;

    // First an empty list; then three contacts, recorded out of order.
    const empty = await client.get(url);
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({ items: [], nextCursor: null });
    const threeDaysAgo = daysAgo(3);
    const yesterday = daysAgo(1);
    const anHourAgo = daysAgo(1 / 24);
    const home = await client.post(url, {
      contactedAt: yesterday,
      method: 'home_visit',
      reached: true,
      note: 'Met her daughter.',
    });
    expect(home.status, JSON.stringify(home.body)).toBe(201);
    expect(home.body).toMatchObject({
      personId: person.id,
      contactedAt: yesterday,
      method: 'home_visit',
      reached: true,
      note: 'Met her daughter.',
      recordedBy: { userId: world.coordinator.id, name: world.coordinator.display_name },
      organization: { id: world.host.id },
    });
    expect((await client.post(url, { contactedAt: threeDaysAgo, method: 'phone', reached: false })).status).toBe(201);
    // An offset other than UTC is the same moment.
    const local = new Date(anHourAgo);
    const minus5 = new Date(local.getTime() - 5 * 3600_000).toISOString().replace('Z', '-05:00');
    const text = await client.post(url, { contactedAt: minus5, method: 'text_message', reached: true, note: '' });
    expect(text.status, JSON.stringify(text.body)).toBe(201);
    expect(text.body).toMatchObject({ contactedAt: anHourAgo, note: null });

    const first = await client.get(`${url}?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((contact: ContactAnswer) => [contact.method, contact.reached])).toEqual([
      ['text_message', true],
      ['home_visit', true],
    ]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await client.get(`${url}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.status).toBe(200);
    expect(second.body.items.map((contact: ContactAnswer) => [contact.method, contact.contactedAt])).toEqual([
      ['phone', threeDaysAgo],
    ]);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.items[0].organization.name).toMatch(/^Host Health /);

    // Audited with the person's id, and no note or method in the details.
    const audited = await db.query<{ action: string; person_id: string; outcome: string; details: unknown }>(
      `SELECT action, person_id, outcome, details FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'contact.%' ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audited.map((row) => [row.action, row.outcome])).toEqual([
      ['contact.list', 'success'],
      ['contact.create', 'success'],
      ['contact.create', 'success'],
      ['contact.create', 'success'],
      ['contact.list', 'success'],
      ['contact.list', 'success'],
    ]);
    expect(new Set(audited.map((row) => row.person_id))).toEqual(new Set([person.id]));
    const details = JSON.stringify(audited.map((row) => row.details));
    for (const secret of ['daughter', 'home_visit', 'text_message']) expect(details).not.toContain(secret);
  });

  it('refuses a future date, a note with control characters and other bad input naming the field, and writes nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const url = `/api/people/${person.id}/contacts`;
    const good = { contactedAt: daysAgo(1), method: 'phone', reached: true };
    const before = await contactCount(db);
    const cases: [unknown, string, RegExp][] = [
      [{ ...good, contactedAt: daysAgo(-1) }, 'contactedAt', /future/],
      [{ ...good, contactedAt: '2026-13-01T10:00:00Z' }, 'contactedAt', /date and time/],
      [{ ...good, contactedAt: '2026-12-01' }, 'contactedAt', /date and time/],
      [{ ...good, contactedAt: '1999-12-31T23:00:00Z' }, 'contactedAt', /2000/],
      [{ ...good, note: 'Left a message\u001b[2J' }, 'note', /control characters/],
      [{ ...good, note: 'Rang twice\u0000' }, 'note', /control characters/],
      [{ ...good, note: 'x'.repeat(1001) }, 'note', /1000/],
      [{ ...good, method: 'carrier_pigeon' }, 'method', /./],
      [{ contactedAt: good.contactedAt, method: 'phone' }, 'reached', /./],
      [{ ...good, reached: 'yes' }, 'reached', /true or false/],
      [{ ...good, outcome: 'fine' }, 'outcome', /./],
    ];
    for (const [body, field, message] of cases) {
      const answer = await client.post(url, body);
      expect(answer.status, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      const named = (answer.body.errors as { field: string; message: string }[]).find((error) => error.field === field);
      expect(named, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBeDefined();
      expect(named!.message).toMatch(message);
    }
    for (const cursor of [
      'nonsense',
      Buffer.from(JSON.stringify(['2026-02-31T00:00:00.000000Z', person.id])).toString('base64url'),
    ]) {
      const answer = await client.get(`${url}?cursor=${cursor}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('query.cursor');
    }
    expect(await contactCount(db)).toBe(before);
  });

  it('refuses another organisation (404, nothing written) and lets a partner see and record contacts only under a live consent naming the care plan', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const url = `/api/people/${person.id}/contacts`;
    const recorded = await coordinator.post(url, {
      contactedAt: daysAgo(2),
      method: 'clinic_visit',
      reached: true,
      note: 'Talked about the rent arrears.',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    const attempt = { contactedAt: daysAgo(0.5), method: 'phone', reached: false, note: 'Should not be kept.' };

    const refused = async (who: Client, stage: string) => {
      const before = await contactCount(db);
      const read = await who.get(url);
      expect(read.status, `${stage}: GET`).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain('rent arrears');
      expect((await who.post(url, attempt)).status, `${stage}: POST`).toBe(404);
      expect(await contactCount(db), `${stage}: nothing written`).toBe(before);
    };

    await refused(other, 'another organisation');
    await refused(partner, 'no consent');
    // A consent naming contact details, demographics and needs, but not the care plan: the person is visible, their contacts are not.
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['contact', 'demographics', 'needs'],
    });
    expect((await partner.get(`/api/people/${person.id}`)).status).toBe(200);
    await refused(partner, 'consent without the care plan');
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral', categories: ['care_plan'] });
    await refused(partner, 'a referral consent naming the care plan');

    const carePlan = await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['care_plan'] });
    const seen = await partner.get(url);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((contact: ContactAnswer) => contact.note)).toEqual(['Talked about the rent arrears.']);
    const theirs = await partner.post(url, {
      contactedAt: daysAgo(0.25),
      method: 'video',
      reached: true,
      note: 'Pantry check-in.',
    });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect(theirs.body.organization).toEqual({ id: world.pantry.id, name: world.pantry.name });
    // The holder sees the partner's contact too, with the partner's name on it.
    const all = await coordinator.get(url);
    expect(all.body.items.map((contact: ContactAnswer) => contact.organization?.id)).toEqual([world.pantry.id, world.host.id]);
    // The other organisation still finds nothing.
    await refused(other, 'another organisation, after the partner’s consent');

    // Revoked: the very next request is refused.
    await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: carePlan.id, body: {} });
    await refused(partner, 'after revocation');
  });

  it('keeps contacts from the holder’s leaders: oversight sees no care plan', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const leaderUser = await buildUser(db, { organizationId: world.host.id, roles: ['leader'] });
    const leader = await signedIn(baseUrl, leaderUser.email, leaderUser.password);
    const url = `/api/people/${person.id}/contacts`;
    const before = await contactCount(db);
    // Their own organisation's record: refused as 403, not hidden.
    expect((await leader.get(url)).status).toBe(403);
    const refused = await leader.post(url, { contactedAt: daysAgo(1), method: 'letter', reached: false });
    expect(refused.status).toBe(403);
    expect(await contactCount(db)).toBe(before);
  });
});
