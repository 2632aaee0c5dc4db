// Referrals through HTTP on both engines: sent only under a consent naming the partner (422 and
// nothing written without one), seen by the partner in its inbox with exactly the consented
// categories, answered and worked on with the need following (its history and the referral's
// events a legal path), moves refused that cannot follow, lack a reason or an outcome, or are
// the other side's (nothing changed), a third organisation refused on every route, and a
// revoked consent hiding the person at the very next read.
import { expect, it } from 'vitest';
import { revokeConsent } from '../people';
import { describeEachEngine } from '../../../test/support/harness';
import { signedIn, type Client } from '../../../test/support/http-client';
import { buildConsent, buildPerson } from '../../../test/support/people-factories';
import { buildIntake } from '../../../test/support/directory-factories';
import { buildReferralWorld, type ReferralWorld } from '../../../test/support/referral-factories';
import { isLegalPath, type ReferralStatus } from './referral-states';

type Db = { query: <T>(sql: string, values?: unknown[]) => Promise<T[]> };

const state = async (db: Db, personId: string) =>
  (
    await db.query<{ state: string }>(
      `SELECT concat_ws('|', (SELECT count(*) FROM referrals WHERE person_id = $1),
              (SELECT count(*) FROM referral_events e JOIN referrals r ON r.id = e.referral_id WHERE r.person_id = $1),
              (SELECT string_agg(r.status || ':' || r.version, ',' ORDER BY r.id) FROM referrals r WHERE r.person_id = $1),
              (SELECT string_agg(n.status || ':' || coalesce(n.addressed_by_organization_id::text, '-'), ',' ORDER BY n.id)
                 FROM screening_needs n WHERE n.person_id = $1),
              (SELECT count(*) FROM screening_need_changes c JOIN screening_needs n ON n.id = c.need_id WHERE n.person_id = $1)) AS state`,
      [personId],
    )
  )[0]!.state;

const need = async (db: Db, needId: string) =>
  (
    await db.query<{ status: string; addressed_by_organization_id: string | null }>(
      'SELECT status, addressed_by_organization_id FROM screening_needs WHERE id = $1',
      [needId],
    )
  )[0]!;

async function clients(baseUrl: string, world: ReferralWorld) {
  return {
    coordinator: await signedIn(baseUrl, world.coordinator.email, world.coordinator.password),
    partner: await signedIn(baseUrl, world.pantryStaff.email, world.pantryStaff.password),
    other: await signedIn(baseUrl, world.otherStaff.email, world.otherStaff.password),
  };
}

const move = (client: Client, id: string, version: number | undefined, body: Record<string, unknown>) =>
  client.request('POST', `/api/referrals/${id}/transitions`, body, version === undefined ? {} : { 'if-match': `W/"${version}"` });

describeEachEngine('referrals', (ctx) => {
  it('sends a referral only under a live consent naming the partner, who sees it in the inbox with exactly the consented categories', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    const body = {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      note: 'She can come in on Tuesdays.',
      send: true,
    };

    // No consent: 422 naming the consent, with what is missing; nothing written.
    const before = await state(db, world.person.id);
    const refused = await coordinator.post('/api/referrals', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('consent_required');
    expect(refused.body.title).toMatch(/consent/i);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'consent' })]);
    expect(refused.body.data.missingConsent).toEqual({
      personId: world.person.id,
      granteeOrganizationId: world.pantry.id,
      granteeName: world.pantry.name,
      purpose: 'referral',
      categories: [],
    });
    // A consent to another organisation, a referral consent not yet begun, and a revoked one do not do.
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.other.id, purpose: 'referral' });
    await buildConsent(db, world.person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      startsOn: '2099-01-01',
    });
    const revoked = await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    await revokeConsent({ db, actor: 'system' }, { personId: world.person.id, consentId: revoked.id, body: {} });
    const stillRefused = await coordinator.post('/api/referrals', body);
    expect(stillRefused.status).toBe(422);
    const afterRefusals = await state(db, world.person.id);
    expect(afterRefusals).toBe(before);

    // A draft needs no consent, and the partner does not see it.
    const draft = await coordinator.post('/api/referrals', { ...body, send: false });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', sentAt: null, consentId: null, viewerSide: 'sender' });
    expect(draft.body.next).toEqual(['requested', 'cancelled', 'entered_in_error']);
    expect((await partner.get(`/api/referrals/${draft.body.id}`)).status).toBe(404);

    // With a referral consent naming contact details and needs, it is sent, under that consent.
    const consent = await buildConsent(db, world.person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact', 'needs'],
    });
    const sent = await coordinator.post('/api/referrals', body);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.headers.get('etag')).toBe('W/"1"');
    expect(sent.body).toMatchObject({
      status: 'requested',
      priority: 'routine',
      consentId: consent.id,
      needId: world.need.id,
      needDomain: 'food-insecurity',
      service: { id: world.service.serviceId },
      sender: { id: world.host.id },
      recipient: { id: world.pantry.id, name: world.pantry.name },
      sentBy: { userId: world.coordinator.id },
      openedAt: null,
      overdue: false,
      note: 'She can come in on Tuesdays.',
    });
    expect(sent.body.person.access.basis).toBe('holder');
    expect(sent.body.events.map((event: { toStatus: string }) => event.toStatus)).toEqual(['requested']);
    expect(sent.body.answerDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The draft is sent later, by a move, under the same consent.
    const sending = await move(coordinator, draft.body.id, 1, { to: 'requested' });
    expect(sending.status, JSON.stringify(sending.body)).toBe(200);
    expect(sending.body).toMatchObject({ status: 'requested', consentId: consent.id, version: 2 });

    // The partner's inbox: both, with the person's name and the need's domain.
    const inbox = await partner.get('/api/referrals?box=inbox');
    expect(inbox.status, JSON.stringify(inbox.body)).toBe(200);
    const mine = inbox.body.items.filter((item: { id: string }) => [sent.body.id, draft.body.id].includes(item.id));
    expect(mine).toHaveLength(2);
    for (const item of mine) {
      expect(item).toMatchObject({
        status: 'requested',
        person: { id: world.person.id, familyName: world.person.family_name },
        personWithheld: null,
        needDomain: 'food-insecurity',
        sender: { id: world.host.id },
        recipient: { id: world.pantry.id },
        overdue: false,
        openedAt: null,
      });
    }

    // The referral: the person in exactly the consented categories, seen by the referral.
    const read = await partner.get(`/api/referrals/${sent.body.id}`);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');
    expect(read.body.viewerSide).toBe('recipient');
    expect(read.body.person.access).toEqual({ basis: 'referral', categories: ['contact', 'needs'], careTeamRoles: [] });
    expect(read.body.person.contact).toMatchObject({ phone: world.person.phone, email: world.person.email });
    expect(read.body.person.demographics).toBeNull();
    expect(read.body.person.whatMatters).toBeNull();
    expect(read.body.note).toBe('She can come in on Tuesdays.');
    expect(read.body.next).toEqual(['accepted', 'rejected', 'cancelled']);
    // Opened: once, by the partner, with an audit row of its own; the version does not change.
    expect(read.body.openedAt).toEqual(expect.any(String));
    expect(read.body.openedBy).toEqual({ userId: world.pantryStaff.id, name: world.pantryStaff.display_name });
    const again = await partner.get(`/api/referrals/${sent.body.id}`);
    expect(again.body.openedAt).toBe(read.body.openedAt);
    expect(again.body.version).toBe(1);
    const opened = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referral.open' AND record_id = $1 AND actor_user_id = $2`,
      [sent.body.id, world.pantryStaff.id],
    );
    expect(opened[0]!.n).toBe(1);
    // The sender's reads do not open it.
    const senderRead = await coordinator.get(`/api/referrals/${sending.body.id}`);
    expect(senderRead.body.openedAt).toBeNull();

    // The referral grants nothing beyond itself: the person's page stays closed to the partner.
    expect((await partner.get(`/api/people/${world.person.id}`)).status).toBe(404);
    expect((await partner.get(`/api/people/${world.person.id}/needs`)).status).toBe(404);
    // The outbox of the coordinator holds both.
    const outbox = await coordinator.get('/api/referrals?box=outbox');
    expect(outbox.body.items.map((item: { id: string }) => item.id)).toEqual(
      expect.arrayContaining([sent.body.id, draft.body.id]),
    );
    // The holder's staff who do not see the holder's people do not see its referrals either.
    const hostPartner = await signedIn(baseUrl, world.hostPartnerStaff.email, world.hostPartnerStaff.password);
    expect((await hostPartner.get(`/api/referrals/${sent.body.id}`)).status).toBe(404);
    expect(
      (await hostPartner.get('/api/referrals?box=outbox')).body.items.filter((item: { id: string }) => item.id === sent.body.id),
    ).toEqual([]);
  });

  it('takes the need on when accepted and meets it when completed so; the need’s history and the referral’s events are a legal path', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    await buildConsent(db, world.person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact'],
    });
    const sent = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      priority: 'urgent',
      send: true,
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = sent.body.id as string;

    const accepted = await move(partner, id, 1, { to: 'accepted' });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.headers.get('etag')).toBe('W/"2"');
    expect(accepted.body).toMatchObject({ status: 'accepted', answeredAt: expect.any(String), endedAt: null });
    expect(await need(db, world.need.id)).toEqual({ status: 'being_addressed', addressed_by_organization_id: world.pantry.id });
    // Under a consent without 'needs' the partner does not see the need's domain.
    expect(accepted.body.needDomain).toBeNull();

    const steps: [string, Record<string, unknown>][] = [
      ['in_progress', {}],
      ['on_hold', { reasonCode: 'could_not_reach' }],
      ['in_progress', {}],
      ['completed', { outcome: { delivered: 'Two weeks of groceries, and signed up for SNAP.', needOutcome: 'met' } }],
    ];
    let version = 2;
    for (const [to, extra] of steps) {
      const answer = await move(partner, id, version, { to, ...extra });
      expect(answer.status, `${to}: ${JSON.stringify(answer.body)}`).toBe(200);
      version += 1;
      expect(answer.body.version).toBe(version);
    }
    expect(await need(db, world.need.id)).toEqual({ status: 'met', addressed_by_organization_id: world.pantry.id });

    const done = await coordinator.get(`/api/referrals/${id}`);
    expect(done.body).toMatchObject({
      status: 'completed',
      priority: 'urgent',
      outcome: { delivered: 'Two weeks of groceries, and signed up for SNAP.', needOutcome: 'met' },
      endedAt: expect.any(String),
      next: ['entered_in_error'],
    });
    const path = [
      done.body.events[0].toStatus,
      ...done.body.events.slice(1).map((event: { toStatus: string }) => event.toStatus),
    ] as ReferralStatus[];
    expect(path).toEqual(['requested', 'accepted', 'in_progress', 'on_hold', 'in_progress', 'completed']);
    expect(isLegalPath(path)).toBe(true);
    for (const [index, event] of (done.body.events as { fromStatus: string | null }[]).entries())
      expect(event.fromStatus).toBe(index === 0 ? null : path[index - 1]);
    expect(done.body.events[3]).toMatchObject({
      reason: { code: 'could_not_reach', text: null },
      actor: { userId: world.pantryStaff.id, organizationId: world.pantry.id, organizationName: world.pantry.name },
    });

    // The need's history: identified → being addressed (by the pantry) → met, each by the partner.
    const history = await coordinator.get(`/api/people/${world.person.id}/needs/history?needId=${world.need.id}`);
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    const changes = (history.body.items as { field: string; from: string | null; to: string | null; changedBy: string | null }[])
      .filter((change) => change.field !== 'created')
      .reverse();
    expect(changes.map((change) => [change.field, change.from, change.to])).toEqual([
      ['status', 'identified', 'being_addressed'],
      ['addressed_by', null, world.pantry.id],
      ['status', 'being_addressed', 'met'],
    ]);
    for (const change of changes) expect(change.changedBy).toBe(world.pantryStaff.display_name);
  });

  it('puts the need back when a referral accepted ends without meeting it, and leaves it when none was taken on', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    // The need had been moved on before: in scope.
    const scoped = await coordinator.patch(`/api/people/${world.person.id}/needs/${world.need.id}`, { status: 'in_scope' });
    expect(scoped.status, JSON.stringify(scoped.body)).toBe(200);
    const send = async () => {
      const answer = await coordinator.post('/api/referrals', {
        personId: world.person.id,
        needId: world.need.id,
        serviceId: world.service.serviceId,
        send: true,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id as string;
    };
    const ends: [string, Record<string, unknown>][] = [
      ['failed', { reasonCode: 'no_capacity' }],
      ['completed', { outcome: { delivered: 'One food box.', needOutcome: 'partly_met' } }],
      ['completed', { outcome: { delivered: 'Nothing we could do.', needOutcome: 'not_met' } }],
      ['cancelled', { reasonCode: 'person_declined' }],
    ];
    for (const [to, extra] of ends) {
      const id = await send();
      expect((await move(partner, id, 1, { to: 'accepted' })).status).toBe(200);
      expect(await need(db, world.need.id)).toEqual({ status: 'being_addressed', addressed_by_organization_id: world.pantry.id });
      const ended = await move(partner, id, 2, { to, ...extra });
      expect(ended.status, `${to}: ${JSON.stringify(ended.body)}`).toBe(200);
      expect(await need(db, world.need.id), to).toEqual({ status: 'in_scope', addressed_by_organization_id: null });
    }
    // The sender cancels one it sent: the need was never taken on, and stays as it was.
    const id = await send();
    const cancelled = await move(coordinator, id, 1, {
      to: 'cancelled',
      reasonCode: 'other',
      reasonText: 'Sent to the wrong pantry',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.reason).toEqual({ code: 'other', text: 'Sent to the wrong pantry' });
    // A rejection leaves it too.
    const rejectedId = await send();
    expect((await move(partner, rejectedId, 1, { to: 'rejected', reasonCode: 'not_eligible' })).status).toBe(200);
    expect(await need(db, world.need.id)).toEqual({ status: 'in_scope', addressed_by_organization_id: null });
  });

  it('refuses a move that cannot follow, lacks its reason or outcome, or is the other side’s, and changes nothing', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    const leader = await signedIn(baseUrl, world.pantryLeader.email, world.pantryLeader.password);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const sent = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      send: true,
    });
    const id = sent.body.id as string;
    const before = await state(db, world.person.id);

    const refusals: [Client, number | undefined, Record<string, unknown>, number, string, RegExp][] = [
      // The sender may not answer for the partner.
      [coordinator, 1, { to: 'accepted' }, 403, 'to', /organisation it was sent to/],
      [coordinator, 1, { to: 'rejected', reasonCode: 'not_eligible' }, 403, 'to', /organisation it was sent to/],
      // The partner may not mark it entered in error, nor jump ahead.
      [partner, 1, { to: 'entered_in_error' }, 403, 'to', /organisation that sent it/],
      [
        partner,
        1,
        { to: 'completed', outcome: { delivered: 'x', needOutcome: 'met' } },
        409,
        'to',
        /accepted, rejected, cancelled/,
      ],
      [partner, 1, { to: 'in_progress' }, 409, 'to', /cannot follow requested/],
      [partner, 1, { to: 'draft' }, 409, 'to', /./],
      [partner, 1, { to: 'requested' }, 409, 'to', /./],
      // Reasons: required, taken only where they belong, words for "other".
      [partner, 1, { to: 'rejected' }, 422, 'reasonCode', /needed/],
      [partner, 1, { to: 'rejected', reasonCode: 'other' }, 422, 'reasonText', /other/],
      [partner, 1, { to: 'rejected', reasonText: 'Full up' }, 422, 'reasonCode', /needed/],
      [partner, 1, { to: 'accepted', reasonText: 'Glad to help' }, 422, 'reasonText', /reasonCode/],
      [partner, 1, { to: 'accepted', reasonCode: 'no_capacity' }, 422, 'reasonCode', /not taken/],
      [partner, 1, { to: 'accepted', outcome: { delivered: 'x', needOutcome: 'met' } }, 422, 'outcome', /completing/],
      [partner, 1, { to: 'rejected', reasonCode: 'fully_booked' }, 400, 'reasonCode', /./],
      // Versions: none is 428, a stale one 412.
      [partner, undefined, { to: 'accepted' }, 428, 'header.if-match', /ETag/],
      [partner, 7, { to: 'accepted' }, 412, 'header.if-match', /version/],
      // A leader of the partner only reads.
      [leader, 1, { to: 'accepted' }, 403, 'to', /./],
    ];
    for (const [who, version, body, status, field, message] of refusals) {
      const answer = await move(who, id, version, body);
      const label = `${JSON.stringify(body)} at ${version}: ${JSON.stringify(answer.body)}`;
      expect(answer.status, label).toBe(status);
      expect(answer.headers.get('content-type'), label).toContain('application/problem+json');
      const named = (answer.body.errors as { field: string; message: string }[] | undefined)?.find(
        (error) => error.field === field,
      );
      expect(named, label).toBeDefined();
      expect(`${named!.message} ${answer.body.detail}`, label).toMatch(message);
    }
    expect(await state(db, world.person.id)).toBe(before);

    // The 409 lists where it may go; the 412 carries the referral as it is now, with its ETag.
    const illegal = await move(partner, id, 1, { to: 'in_progress' });
    expect(illegal.body.data).toEqual({ from: 'requested', allowed: ['accepted', 'rejected', 'cancelled'] });
    const stale = await move(partner, id, 9, { to: 'accepted' });
    expect(stale.headers.get('etag')).toBe('W/"1"');
    expect(stale.body.data.current).toMatchObject({ id, status: 'requested', version: 1, viewerSide: 'recipient' });
    expect(stale.body.data.current.person.access.basis).toBe('referral');

    // Once rejected, nothing follows but the sender's entered in error.
    expect((await move(partner, id, 1, { to: 'rejected', reasonCode: 'no_capacity' })).status).toBe(200);
    const afterEnd = await move(partner, id, 2, { to: 'accepted' });
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.body.data.allowed).toEqual([]);
    const senderSees = await coordinator.get(`/api/referrals/${id}`);
    expect(senderSees.body.next).toEqual(['entered_in_error']);
    const error = await move(coordinator, id, 2, { to: 'entered_in_error', reasonCode: 'other', reasonText: 'Wrong person' });
    expect(error.status, JSON.stringify(error.body)).toBe(200);
    // The partner no longer sees the person of a referral entered in error.
    const partnerSees = await partner.get(`/api/referrals/${id}`);
    expect(partnerSees.body).toMatchObject({
      status: 'entered_in_error',
      person: null,
      personWithheld: 'entered_in_error',
      note: null,
    });
    expect(JSON.stringify(partnerSees.body)).not.toContain(world.person.family_name);
    expect((await move(coordinator, id, 3, { to: 'cancelled', reasonCode: 'other', reasonText: 'x' })).status).toBe(409);

    // Bad input to the making is refused naming the field, with nothing written.
    const count = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals'))[0]!.n;
    const made = await count();
    const good = { personId: world.person.id, serviceId: world.service.serviceId, send: false };
    const bad: [Record<string, unknown>, number, string][] = [
      [{ ...good, note: 'x'.repeat(2001) }, 400, 'note'],
      [{ ...good, note: 'Call her\u001b[2J' }, 400, 'note'],
      [{ ...good, priority: 'whenever' }, 400, 'priority'],
      [{ ...good, send: 'yes' }, 400, 'send'],
      [{ ...good, serviceId: 'pantry' }, 400, 'serviceId'],
      [{ ...good, serviceId: world.need.id }, 400, 'serviceId'],
      [{ ...good, needId: world.service.serviceId }, 400, 'needId'],
      [{ ...good, status: 'accepted' }, 400, 'status'],
    ];
    for (const [body, status, field] of bad) {
      const answer = await coordinator.post('/api/referrals', body);
      expect(answer.status, `${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`).toBe(status);
      expect((answer.body.errors as { field: string }[]).map((entry) => entry.field)).toContain(field);
    }
    expect(await count()).toBe(made);
  });

  it('refuses a third organisation on every route (404, audited), and shows it nothing in its boxes', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, other } = await clients(baseUrl, world);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const sent = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      send: true,
    });
    const id = sent.body.id as string;
    const before = await state(db, world.person.id);

    const read = await other.get(`/api/referrals/${id}`);
    expect(read.status).toBe(404);
    expect(JSON.stringify(read.body)).not.toContain(world.person.family_name);
    for (const to of ['accepted', 'cancelled', 'entered_in_error']) {
      const answer = await move(other, id, 1, {
        to,
        reasonCode: to === 'cancelled' ? 'other' : undefined,
        reasonText: to === 'cancelled' ? 'x' : undefined,
      });
      expect(answer.status, to).toBe(404);
    }
    expect((await move(other, id, undefined, { to: 'accepted' })).status).toBe(404);
    // Making one for the host's person: the person does not exist for them.
    const made = await other.post('/api/referrals', {
      personId: world.person.id,
      serviceId: world.service.serviceId,
      send: true,
    });
    expect(made.status).toBe(404);
    for (const box of ['inbox', 'outbox']) {
      const list = await other.get(`/api/referrals?box=${box}`);
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.body)).not.toContain(id);
    }
    const counts = await other.get('/api/referrals/counts');
    expect(counts.status).toBe(200);
    expect(counts.body.inbox.total + counts.body.outbox.total).toBe(0);
    expect(await state(db, world.person.id)).toBe(before);

    const denied = await db.query<{ action: string; record_id: string; hidden_from_actor_organization: boolean }>(
      `SELECT action, record_id, hidden_from_actor_organization FROM audit_log
        WHERE actor_user_id = $1 AND outcome = 'denied' ORDER BY id`,
      [world.otherStaff.id],
    );
    expect(denied.filter((row) => row.action === 'referral.read' && row.record_id === id)).toHaveLength(5);
    expect(denied.every((row) => row.hidden_from_actor_organization)).toBe(true);
  });

  it('hides the person from the partner at the very next read once the consent is revoked', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    const consent = await buildConsent(db, world.person.id, {
      granteeOrganizationId: world.pantry.id,
      purpose: 'referral',
      categories: ['contact', 'demographics', 'needs'],
    });
    const sent = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      note: 'Her daughter drives her.',
      send: true,
    });
    const id = sent.body.id as string;
    const seen = await partner.get(`/api/referrals/${id}`);
    expect(seen.body.person.familyName).toBe(world.person.family_name);
    expect(seen.body.person.demographics.birthDate).toBe(world.person.birth_date);

    await revokeConsent({ db, actor: 'system' }, { personId: world.person.id, consentId: consent.id, body: {} });
    const hidden = await partner.get(`/api/referrals/${id}`);
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({
      id,
      status: 'requested',
      person: null,
      personWithheld: 'consent_revoked',
      needDomain: null,
      needId: null,
      note: null,
      service: { id: world.service.serviceId },
    });
    const text = JSON.stringify(hidden.body);
    for (const secret of [world.person.family_name, world.person.given_name, world.person.id, 'daughter', 'food-insecurity'])
      expect(text).not.toContain(secret);
    const listed = await partner.get('/api/referrals?box=inbox');
    const item = listed.body.items.find((entry: { id: string }) => entry.id === id);
    expect(item).toMatchObject({ person: null, personWithheld: 'consent_revoked', needDomain: null });
    expect(JSON.stringify(listed.body)).not.toContain(world.person.family_name);
    // The sender, who holds the record, still sees it all.
    const sender = await coordinator.get(`/api/referrals/${id}`);
    expect(sender.body.person.familyName).toBe(world.person.family_name);
    // The partner may still answer it (and only decline, now that it cannot reach the person).
    const declined = await move(partner, id, 1, { to: 'rejected', reasonCode: 'could_not_reach' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body.person).toBeNull();
  });

  it('sends a draft only while its service takes referrals and its need is open', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator } = await clients(baseUrl, world);
    await buildConsent(db, world.person.id, { granteeOrganizationId: world.pantry.id, purpose: 'referral' });
    const draft = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      send: false,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id as string;

    // The pantry stops taking referrals: the draft waits (422 naming the service), and so does a new one.
    await buildIntake(db, world.service.serviceId, { acceptingReferrals: false });
    const closed = await move(coordinator, id, 1, { to: 'requested' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(422);
    expect(closed.body.errors).toEqual([expect.objectContaining({ field: 'serviceId', message: 'is not taking referrals now' })]);
    const fresh = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      serviceId: world.service.serviceId,
      send: true,
    });
    expect(fresh.status).toBe(422);
    await buildIntake(db, world.service.serviceId, { acceptingReferrals: true });

    // The need is met meanwhile: the draft is not sent for it.
    const met = await coordinator.patch(`/api/people/${world.person.id}/needs/${world.need.id}`, { status: 'met' });
    expect(met.status, JSON.stringify(met.body)).toBe(200);
    const before = await state(db, world.person.id);
    const stale = await move(coordinator, id, 1, { to: 'requested' });
    expect(stale.status, JSON.stringify(stale.body)).toBe(422);
    expect(stale.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
    expect(stale.body.detail).toMatch(/need it is for has been closed/);
    expect(await state(db, world.person.id)).toBe(before);
    // A new referral cannot name a closed need either; the draft can still be cancelled.
    const closedNeed = await coordinator.post('/api/referrals', {
      personId: world.person.id,
      needId: world.need.id,
      serviceId: world.service.serviceId,
      send: false,
    });
    expect(closedNeed.status).toBe(400);
    expect(closedNeed.body.errors).toEqual([expect.objectContaining({ field: 'needId' })]);
    const cancelled = await move(coordinator, id, 1, { to: 'cancelled', reasonCode: 'other', reasonText: 'The need was met' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sentAt: null, endedAt: expect.any(String) });
  });
});

describeEachEngine('referrals of one person', (ctx) => {
  it('lists the outbox of one person alone, none of a person the viewer may not see, and refuses the filter on the inbox', async () => {
    const { db, baseUrl } = ctx();
    const world = await buildReferralWorld(db);
    const { coordinator, partner } = await clients(baseUrl, world);
    const someoneElse = await buildPerson(db, {
      holderOrganizationId: world.host.id,
      body: { familyName: `Other${Date.now()}` },
    });
    const draftFor = async (personId: string) => {
      const made = await coordinator.post('/api/referrals', { personId, serviceId: world.service.serviceId, send: false });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return made.body.id as string;
    };
    const hers = [await draftFor(world.person.id), await draftFor(world.person.id)];
    const his = await draftFor(someoneElse.id);

    const ofHer = await coordinator.get(`/api/referrals?box=outbox&personId=${world.person.id}`);
    expect(ofHer.status, JSON.stringify(ofHer.body)).toBe(200);
    expect(ofHer.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...hers].sort());
    const ofHim = await coordinator.get(`/api/referrals?box=outbox&personId=${someoneElse.id}`);
    expect(ofHim.body.items.map((item: { id: string }) => item.id)).toEqual([his]);

    // The partner's own outbox holds none of hers; its inbox is not searched by person.
    const partnerOutbox = await partner.get(`/api/referrals?box=outbox&personId=${world.person.id}`);
    expect(partnerOutbox.status).toBe(200);
    expect(partnerOutbox.body.items).toEqual([]);
    const inbox = await partner.get(`/api/referrals?box=inbox&personId=${world.person.id}`);
    expect(inbox.status).toBe(400);
    expect(inbox.body.errors).toEqual([expect.objectContaining({ field: 'query.personId' })]);
    expect((await coordinator.get('/api/referrals?box=outbox&personId=not-a-uuid')).status).toBe(400);
  });
});
