// Referrals that hold under retries, races and the clock, on both engines: an Idempotency-Key
// retry answers with the same referral (one row), another body under the same key is refused; two
// moves at once with the same If-Match give one 200 and one 412; a referral waiting longer than
// the recipient's answer time (business days, its own setting) is overdue, first in its inbox and
// counted; the lists filter by state and page without losing a row; and a need flagged as
// substance use goes only under a consent that names it.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildConsent, buildPerson } from '../../../test/support/people-factories';
import { buildNeed } from '../../../test/support/screening-factories';
import { buildUser } from '../../../test/support/factories';
import { buildReferral, buildReferralWorld, moveReferral } from '../../../test/support/referral-factories';
import { businessDayAfter } from './business-days';

type Db = { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> };
const referralCount = async (db: Db, personId: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals WHERE person_id = $1', [personId]))[0]!.n;
const ids = (answer: { body: { items: { id: string }[] } }) => answer.body.items.map((item) => item.id);

describeEachEngine('referrals under retries, races and the clock', (ctx) => {
  it('answers a retry with the same Idempotency-Key and body with the same referral, and refuses the key with another body', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const body = { personId: world.person.id, needId: world.need.id, serviceId: world.service.serviceId, send: true };
    const post = (client: Client, key: string, sent: unknown = body) =>
      client.request('POST', '/api/referrals', sent, { 'idempotency-key': key });

    const first = await post(coordinator, 'retry-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const retry = await post(coordinator, 'retry-1');
    expect(retry.status, JSON.stringify(retry.body)).toBe(200);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('etag')).toBe('W/"1"');
    // The same body spelt otherwise (a default written out) is the same request.
    const spelt = await post(coordinator, 'retry-1', { ...body, priority: 'routine', note: null });
    expect(spelt.status, JSON.stringify(spelt.body)).toBe(200);
    expect(await referralCount(db, world.person.id)).toBe(1);

    const other = await post(coordinator, 'retry-1', { ...body, priority: 'urgent' });
    expect(other.status, JSON.stringify(other.body)).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ field: 'header.idempotency-key' })]);
    expect(await referralCount(db, world.person.id)).toBe(1);
    // The key is the user's: another user's same key is another referral.
    const colleague = await buildUser(db, { organizationId: world.host.id, roles: ['care_coordinator'] });
    const theirs = await post(await signedIn(baseUrl, colleague.email, colleague.password), 'retry-1');
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    // Without a key, each request is a referral of its own; a key that is not one is refused.
    expect((await coordinator.post('/api/referrals', body)).status).toBe(201);
    const badKey = await post(coordinator, 'two words');
    expect(badKey.status).toBe(400);
    expect(badKey.body.errors).toEqual([expect.objectContaining({ field: 'header.idempotency-key' })]);
    expect(await referralCount(db, world.person.id)).toBe(3);

    // Two at once with one key: one row, both answered with it.
    const [a, b] = await Promise.all([post(coordinator, 'race-1'), post(coordinator, 'race-1')]);
    expect([a.status, b.status].sort(), `${JSON.stringify(a.body)} ${JSON.stringify(b.body)}`).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    expect(await referralCount(db, world.person.id)).toBe(4);
  });

  it('lets one of two moves made at once with the same If-Match through, and answers the other 412', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const referral = await buildReferral(db, world.coordinator, {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
    });
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const url = `/api/referrals/${referral.row.id}/transitions`;
    const [accept, cancel] = await Promise.all([
      partner.request('POST', url, { to: 'accepted' }, { 'if-match': 'W/"1"' }),
      coordinator.request('POST', url, { to: 'cancelled', reasonCode: 'person_declined' }, { 'if-match': 'W/"1"' }),
    ]);
    const statuses = [accept.status, cancel.status].sort();
    expect(statuses, `${JSON.stringify(accept.body)} ${JSON.stringify(cancel.body)}`).toEqual([200, 412]);
    const winner = accept.status === 200 ? accept : cancel;
    const loser = accept.status === 200 ? cancel : accept;
    expect(loser.body.data.current).toMatchObject({ status: winner.body.status, version: 2 });
    const rows = await db.query<{ status: string; version: number; events: number }>(
      `SELECT r.status, r.version, (SELECT count(*)::int FROM referral_events e WHERE e.referral_id = r.id) AS events
         FROM referrals r WHERE r.id = $1`,
      [referral.row.id],
    );
    expect(rows).toEqual([{ status: winner.body.status, version: 2, events: 2 }]);
  });

  it('is overdue once waiting longer than the recipient’s answer time in business days, first in the inbox and counted', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const make = () => buildReferral(db, world.coordinator, { personId: world.person.id, serviceId: world.service.serviceId });
    const fresh = await make();
    const old = await make();
    const older = await make();
    const answered = await make();
    await moveReferral(db, world.pantryStaff, answered, { to: 'accepted' });
    // The host's outbox is shared by this file's tests: what these referrals add to it is compared.
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const outboxBefore = (await coordinator.get('/api/referrals/counts')).body.outbox;
    // Sent long ago (tests may write any table): 10 and 20 days back, one of them answered since.
    await db.query(`UPDATE referrals SET sent_at = now() - interval '10 days' WHERE id = $1`, [old.row.id]);
    await db.query(`UPDATE referrals SET sent_at = now() - interval '20 days' WHERE id = ANY ($1::uuid[])`, [
      [older.row.id, answered.row.id],
    ]);
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const admin = await signedIn(baseUrl, world.pantryAdmin.email, world.pantryAdmin.password);

    const inbox = await partner.get('/api/referrals?box=inbox');
    expect(inbox.status).toBe(200);
    const mine = inbox.body.items.filter((item: { id: string }) =>
      [fresh.row.id, old.row.id, older.row.id, answered.row.id].includes(item.id),
    );
    // Overdue first, oldest first; then waiting; then being worked on.
    expect(mine.map((item: { id: string; overdue: boolean }) => [item.id, item.overdue])).toEqual([
      [older.row.id, true],
      [old.row.id, true],
      [fresh.row.id, false],
      [answered.row.id, false],
    ]);
    expect(mine[0].answerDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mine[3].answerDueOn).toBeNull();
    expect(ids(await partner.get('/api/referrals?box=inbox&overdue=true'))).toEqual([older.row.id, old.row.id]);
    const counts = await partner.get('/api/referrals/counts');
    expect(counts.body.inbox).toMatchObject({ overdue: 2, waiting: 3, total: 4 });
    expect(counts.body.inbox.byStatus).toMatchObject({ requested: 3, accepted: 1, draft: 0 });
    const outboxAfter = (await coordinator.get('/api/referrals/counts')).body.outbox;
    expect(outboxAfter.overdue - outboxBefore.overdue).toBe(2);
    expect(outboxAfter.waiting - outboxBefore.waiting).toBe(0);
    const single = await partner.get(`/api/referrals/${old.row.id}`);
    expect(single.body.overdue).toBe(true);

    // The pantry's admins give it 30 business days: nothing is overdue.
    const settings = await admin.get('/api/referrals/settings');
    expect(settings.body).toEqual({
      organizationId: world.pantry.id,
      answerWithinBusinessDays: 3,
      isDefault: true,
      updatedAt: null,
    });
    expect((await partner.get('/api/referrals/settings')).status).toBe(403);
    expect((await partner.request('PUT', '/api/referrals/settings', { answerWithinBusinessDays: 30 })).status).toBe(403);
    for (const days of [0, 31, 2.5, '5'])
      expect(
        (await admin.request('PUT', '/api/referrals/settings', { answerWithinBusinessDays: days })).status,
        String(days),
      ).toBe(400);
    const set = await admin.request('PUT', '/api/referrals/settings', { answerWithinBusinessDays: 30 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ answerWithinBusinessDays: 30, isDefault: false });
    expect(ids(await partner.get('/api/referrals?box=inbox&overdue=true'))).toEqual([]);
    expect((await partner.get('/api/referrals/counts')).body.inbox.overdue).toBe(0);
    // 10 business days: the one sent 20 days ago is late again, the one of 10 days is not.
    await admin.request('PUT', '/api/referrals/settings', { answerWithinBusinessDays: 10 });
    expect(ids(await partner.get('/api/referrals?box=inbox&overdue=true'))).toEqual([older.row.id]);
    const audited = await db.query<{ details: { from: number; to: number } }>(
      `SELECT details FROM audit_log WHERE action = 'referral_settings.update' AND actor_user_id = $1 ORDER BY id`,
      [world.pantryAdmin.id],
    );
    expect(audited.map((row) => [row.details.from, row.details.to])).toEqual([
      [3, 30],
      [30, 10],
    ]);
  });

  it('counts business days in SQL as the pure rule does', async () => {
    const { db } = ctx();
    const starts = Array.from({ length: 21 }, (_, offset) =>
      new Date(Date.UTC(2026, 11, 20 + offset)).toISOString().slice(0, 10),
    );
    const rows = await db.query<{ start: string; days: number; due: string }>(
      `SELECT s::date::text AS start, d AS days, referral_business_day_after(s::date, d)::text AS due
         FROM unnest($1::date[]) AS s, generate_series(1, 30) AS d`,
      [starts],
    );
    expect(rows).toHaveLength(starts.length * 30);
    for (const row of rows) expect(row.due, `${row.start} + ${row.days}`).toBe(businessDayAfter(row.start, row.days));
  });

  it('filters the boxes by state and pages through them without losing or repeating a referral', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const made = [];
    for (let index = 0; index < 7; index++)
      made.push(await buildReferral(db, world.coordinator, { personId: world.person.id, serviceId: world.service.serviceId }));
    await moveReferral(db, world.pantryStaff, made[0]!, { to: 'accepted' });
    await moveReferral(db, world.pantryStaff, made[1]!, { to: 'rejected', reasonCode: 'no_capacity' });
    const draft = await buildReferral(db, world.coordinator, {
      personId: world.person.id,
      serviceId: world.service.serviceId,
      send: false,
    });
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const all = new Set([...made.map((referral) => referral.row.id), draft.row.id]);
    const mineOf = (answer: { body: { items: { id: string }[] } }) => ids(answer).filter((id) => all.has(id));

    expect(mineOf(await partner.get('/api/referrals?box=inbox&status=accepted'))).toEqual([made[0]!.row.id]);
    expect(mineOf(await partner.get('/api/referrals?box=inbox&status=accepted,rejected')).sort()).toEqual(
      [made[0]!.row.id, made[1]!.row.id].sort(),
    );
    expect(mineOf(await partner.get('/api/referrals?box=inbox&status=accepted&status=rejected'))).toHaveLength(2);
    expect(mineOf(await partner.get('/api/referrals?box=inbox&status=draft'))).toEqual([]);
    expect(mineOf(await coordinator.get('/api/referrals?box=outbox&status=draft'))).toEqual([draft.row.id]);
    const badStatus = await partner.get('/api/referrals?status=accepted,lost');
    expect(badStatus.status).toBe(400);
    expect(JSON.stringify(badStatus.body)).toContain('query.status');
    for (const cursor of ['nonsense', Buffer.from(JSON.stringify([1, 'not-a-uuid'])).toString('base64url')]) {
      const answer = await partner.get(`/api/referrals?cursor=${cursor}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('query.cursor');
    }

    // Pages of two: every referral of the outbox once, in the one order.
    const whole = mineOf(await coordinator.get('/api/referrals?box=outbox&limit=100'));
    expect(whole).toHaveLength(8);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await coordinator.get(
        `/api/referrals?box=outbox&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor && paged.length < 1000);
    expect(paged.filter((id) => all.has(id))).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
    // Waiting first (oldest sent first), then the draft, then being worked on, then ended.
    expect(whole.slice(0, 5)).toEqual(made.slice(2).map((referral) => referral.row.id));
    expect(whole.slice(5)).toEqual([draft.row.id, made[0]!.row.id, made[1]!.row.id]);
  });

  it('sends a referral for a need flagged as substance use only under a consent that names it', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const sud = await buildNeed(db, person.id, { needDomain: 'behavioral-health', sensitive: 'sud' });
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact', 'needs'],
    });
    const coordinator = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const body = { personId: person.id, needId: sud.id, serviceId: world.service.serviceId, send: true };
    const refused = await coordinator.post('/api/referrals', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.data.missingConsent).toMatchObject({ granteeOrganizationId: world.pantry.id, categories: ['sud'] });
    expect(await referralCount(db, person.id)).toBe(0);
    await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact', 'needs', 'sud'],
    });
    const sent = await coordinator.post('/api/referrals', body);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    const read = await partner.get(`/api/referrals/${sent.body.id}`);
    expect(read.body.person.access.categories).toEqual(['contact', 'needs', 'sud']);
    expect(read.body.needDomain).toBe('behavioral-health');
  });
});
