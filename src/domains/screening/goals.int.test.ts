// Goals through HTTP on both engines: a goal addressing a need takes the need's domain as its
// category, is marked achieved with every change kept in its history and audited without its
// words; bad goals are refused naming the field with nothing written; and the privacy rule:
// goals only under a consent naming the care plan, a goal addressing a substance-use need only
// under one naming 'sud' too, nothing for another organisation, nothing after revocation.
import { expect, it } from 'vitest';
import { revokeConsent } from '../people';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn } from '../../../test/support/http-client';
import { buildConsent, buildPeopleWorld, buildPerson } from '../../../test/support/people-factories';
import { buildGoal, buildNeed } from '../../../test/support/screening-factories';

const counts = async (db: { query: <T>(sql: string) => Promise<T[]> }) =>
  (
    await db.query<{ counts: string }>(
      `SELECT concat_ws(',', (SELECT count(*) FROM screening_goals), (SELECT count(*) FROM screening_goal_changes),
              (SELECT max(updated_at)::text FROM screening_goals)) AS counts`,
    )
  )[0]!.counts;

interface GoalAnswer {
  id: string;
  description: string;
  needId: string | null;
  needDomain: string | null;
  lifecycleStatus: string;
  achievementStatus: string | null;
  changes: { field: string; from: string | null; to: string | null; changedBy: string | null }[];
}

describeEachEngine('goals', (ctx) => {
  it('adds a goal addressing a need, marks it achieved, and keeps the history of every change', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const need = await buildNeed(db, person.id, { needDomain: 'food-insecurity', severity: 'high' });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);

    const added = await client.post(`/api/people/${person.id}/goals`, {
      description: 'Have enough food for the whole month',
      needId: need.id,
      startDate: '2026-03-01',
      targetDate: '2026-06-01',
      expressedBy: 'person',
      note: 'Wants to cook for her grandchildren.',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({
      personId: person.id,
      needId: need.id,
      needDomain: 'food-insecurity',
      lifecycleStatus: 'active',
      achievementStatus: null,
      startDate: '2026-03-01',
      targetDate: '2026-06-01',
      expressedBy: 'person',
      sensitive: null,
    });
    expect(added.body.changes.map((change: GoalAnswer['changes'][number]) => [change.field, change.to])).toEqual([
      ['created', 'active'],
    ]);
    // A goal of the person's own, addressing no one need, of a domain chosen.
    const own = await client.post(`/api/people/${person.id}/goals`, {
      description: 'See friends at church on Sundays',
      needDomain: 'social-connection',
      lifecycleStatus: 'proposed',
      expressedBy: 'team',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body).toMatchObject({ needId: null, needDomain: 'social-connection', lifecycleStatus: 'proposed' });

    const improving = await client.patch(`/api/people/${person.id}/goals/${added.body.id}`, {
      achievementStatus: 'improving',
    });
    expect(improving.status, JSON.stringify(improving.body)).toBe(200);
    const achieved = await client.patch(`/api/people/${person.id}/goals/${added.body.id}`, {
      lifecycleStatus: 'completed',
      achievementStatus: 'achieved',
    });
    expect(achieved.status).toBe(200);
    expect(achieved.body).toMatchObject({ lifecycleStatus: 'completed', achievementStatus: 'achieved' });
    expect(achieved.body.statusDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The same change again changes nothing and writes no history.
    const again = await client.patch(`/api/people/${person.id}/goals/${added.body.id}`, { achievementStatus: 'achieved' });
    expect(again.status).toBe(200);

    const list = await client.get(`/api/people/${person.id}/goals`);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toBe('no-store');
    // Live goals first, then the finished ones.
    expect(list.body.items.map((goal: GoalAnswer) => goal.description)).toEqual([
      'See friends at church on Sundays',
      'Have enough food for the whole month',
    ]);
    const food = list.body.items[1] as GoalAnswer;
    expect(food.changes.map((change) => [change.field, change.from, change.to])).toEqual([
      ['achievement_status', 'improving', 'achieved'],
      ['lifecycle_status', 'active', 'completed'],
      ['achievement_status', null, 'improving'],
      ['created', null, 'active'],
    ]);
    expect(food.changes[0]!.changedBy).toMatch(/^Test User /);

    const audited = await db.query<{ action: string; person_id: string; details: unknown }>(
      `SELECT action, person_id, details FROM audit_log WHERE actor_user_id = $1 AND action LIKE 'goal.%' ORDER BY id`,
      [world.coordinator.id],
    );
    expect(audited.map((row) => row.action)).toEqual(['goal.create', 'goal.create', 'goal.update', 'goal.update', 'goal.list']);
    expect(new Set(audited.map((row) => row.person_id))).toEqual(new Set([person.id]));
    const details = JSON.stringify(audited.map((row) => row.details));
    for (const secret of ['enough food', 'grandchildren', 'church', 'food-insecurity']) expect(details).not.toContain(secret);
  });

  it('refuses bad goals naming the field, and writes nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const someoneElse = await buildPerson(db, { holderOrganizationId: world.host.id });
    const need = await buildNeed(db, person.id, { needDomain: 'food-insecurity' });
    const theirNeed = await buildNeed(db, someoneElse.id, { needDomain: 'stress' });
    const goal = await buildGoal(db, person.id, { needId: need.id, startDate: '2026-03-01' });
    const client = await signedIn(baseUrl, world.coordinator.email, world.coordinator.password);
    const before = await counts(db);
    const goals = `/api/people/${person.id}/goals`;
    const cases: [string, string, unknown, string][] = [
      ['POST', goals, { description: '   ' }, 'description'],
      ['POST', goals, { description: 'x'.repeat(501) }, 'description'],
      ['POST', goals, { description: 'Eat well', needId: theirNeed.id }, 'needId'],
      ['POST', goals, { description: 'Eat well', needId: need.id, needDomain: 'stress' }, 'needDomain'],
      ['POST', goals, { description: 'Eat well', needDomain: 'moonbeams' }, 'needDomain'],
      ['POST', goals, { description: 'Eat well', lifecycleStatus: 'paused' }, 'lifecycleStatus'],
      ['POST', goals, { description: 'Eat well', achievementStatus: 'done' }, 'achievementStatus'],
      ['POST', goals, { description: 'Eat well', startDate: '2026-02-30' }, 'startDate'],
      ['POST', goals, { description: 'Eat well', startDate: '2026-05-01', targetDate: '2026-04-01' }, 'targetDate'],
      ['POST', goals, { description: 'Eat well', expressedBy: 'doctor' }, 'expressedBy'],
      ['PATCH', `${goals}/${goal.id}`, { targetDate: '2026-01-01' }, 'targetDate'],
      ['PATCH', `${goals}/${goal.id}`, { lifecycleStatus: 'done' }, 'lifecycleStatus'],
      ['PATCH', `${goals}/${goal.id}`, {}, 'at least one change'],
    ];
    for (const [method, url, body, field] of cases) {
      const answer = await client.request(method, url, body);
      expect(answer.status, `${method} ${url} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBe(400);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.stringify(answer.body), `${method} ${JSON.stringify(body)}`).toContain(field);
    }
    // A goal of another person, through this person's path, does not exist.
    const theirGoal = await buildGoal(db, someoneElse.id);
    const crossed = await client.patch(`${goals}/${theirGoal.id}`, { achievementStatus: 'achieved' });
    expect(crossed.status).toBe(404);
    const after = await counts(db);
    // Only the factory's goal of the other person was added since.
    expect(after.split(',').slice(0, 2).map(Number)).toEqual(
      before
        .split(',')
        .slice(0, 2)
        .map((n) => Number(n) + 1),
    );
  });

  it('shows goals only under a consent naming the care plan, and a goal addressing a substance-use need only under one naming sud', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildPeopleWorld(db);
    const person = await buildPerson(db, { holderOrganizationId: world.host.id });
    const food = await buildNeed(db, person.id, { needDomain: 'food-insecurity' });
    const drinking = await buildNeed(db, person.id, { needDomain: 'behavioral-health', sensitive: 'sud' });
    const eat = await buildGoal(db, person.id, { needId: food.id, description: 'Eat a hot meal every day' });
    const sober = await buildGoal(db, person.id, { needId: drinking.id, description: 'Stay sober through the summer' });
    const goals = `/api/people/${person.id}/goals`;
    const writes: [string, string, unknown][] = [
      ['POST', goals, { description: 'Find a job' }],
      ['PATCH', `${goals}/${eat.id}`, { achievementStatus: 'achieved' }],
    ];
    const before = await counts(db);
    const refused = async (who: Awaited<ReturnType<typeof signedIn>>, stage: string) => {
      const read = await who.get(goals);
      expect(read.status, `${stage}: GET goals`).toBe(404);
      expect(JSON.stringify(read.body)).not.toContain('hot meal');
      for (const [method, url, body] of writes)
        expect((await who.request(method, url, body)).status, `${stage}: ${method} ${url}`).toBe(404);
      expect(await counts(db)).toBe(before);
    };

    const other = await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password);
    await refused(other, 'another organisation');
    const partner = await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password);
    await refused(partner, 'no consent');
    // A consent for contact and needs: the partner sees the needs, and no goal.
    await buildConsent(db, person.id, { granteeOrganizationId: world.pantry.id, categories: ['contact', 'needs'] });
    expect((await partner.get(`/api/people/${person.id}/needs`)).status).toBe(200);
    await refused(partner, 'consent without the care plan');

    const carePlan = await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['contact', 'care_plan'],
    });
    const seen = await partner.get(goals);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((goal: GoalAnswer) => goal.description)).toEqual(['Eat a hot meal every day']);
    // Partners read; they do not change the holder's record.
    for (const [method, url, body] of writes)
      expect((await partner.request(method, url, body)).status, `${method} ${url}`).toBe(404);
    expect(await counts(db)).toBe(before);

    const withSud = await buildConsent(db, person.id, {
      granteeOrganizationId: world.pantry.id,
      categories: ['care_plan', 'sud'],
    });
    const all = await partner.get(goals);
    expect(all.body.items.map((goal: GoalAnswer) => goal.id).sort()).toEqual([eat.id, sober.id].sort());
    expect(all.body.items.find((goal: GoalAnswer) => goal.id === sober.id).sensitive).toBe('sud');

    // The holder's own partner staff (a read-only role of the holder) sees no goals either.
    const readOnly = await signedIn(baseUrl, world.hostPartnerStaff.email, world.hostPartnerStaff.password);
    expect((await readOnly.get(goals)).status).toBe(404);

    for (const consent of [carePlan, withSud])
      await revokeConsent({ db, actor: 'system' }, { personId: person.id, consentId: consent.id, body: {} });
    const revoked = await partner.get(goals);
    expect(revoked.status).toBe(404);
  });
});
