// The demo's referrals, made from the seed (the same seed, the same referrals, each the same time
// before the seeding): the published coordinator's organisation has referred people to the
// partner login's organisation (the food pantry) in every state, some sent and waiting for an
// answer (one of them overdue), each under a referral consent that names the pantry; and a few
// to other community organisations. Each referral agrees with the need it is for as the demo care
// left it (accepted and being worked on: a need the partner is addressing; completed with the need
// met: a need the partner met; the rest: a need still open), so no need moves here. Pure: the ids
// it needs are handed in, and nothing is read or written here.
import type { DemoConsentInput } from '../domains/people';
import type { DemoReferralEvent, DemoReferralInput, NeedOutcome, ReferralReasonCode, ReferralStatus } from '../domains/referrals';
import type { NeedStatus } from '../domains/screening';
import { createRandom, type Random } from './random';

export interface DemoReferralPerson {
  personId: string;
  /** The person's lead coordinator (the sender of the referrals to other organisations). */
  leadCoordinatorUserId: string;
  needs: { needId: string; needDomain: string; status: NeedStatus; addressedByOrganizationId: string | null }[];
}

export interface DemoRecipient {
  organizationId: string;
  /** A staff member of the organisation, who opens and answers its referrals (none: nobody signs in there). */
  userId: string | null;
  services: { serviceId: string; name: string; needDomain: string; acceptingReferrals: boolean }[];
}

export interface DemoReferralIds {
  hostId: string;
  /** The published coordinator, who sends the referrals to the partner. */
  coordinatorUserId: string;
  /** The partner login's organisation and the partner login. */
  partner: DemoRecipient & { userId: string };
  /** Other community organisations of the network that offer services. */
  others: DemoRecipient[];
}

export interface DemoReferralPlan {
  /** The referral consents the referrals go under (one per person and recipient). */
  consents: DemoConsentInput[];
  /** Each referral, with the position in `consents` of the consent it went under (null: a draft). */
  referrals: (Omit<DemoReferralInput, 'consentId'> & { consentIndex: number | null })[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What each story of the partner's referrals is: where it ends, how long ago it was sent, whether opened. */
interface Story {
  status: ReferralStatus;
  /** The states it went through, in order (the first: draft or requested). */
  path: ReferralStatus[];
  /** Hours before the seeding it was made (and sent, unless a draft). */
  hoursAgo: number;
  opened: boolean;
  /** Which need it is for: one the recipient addresses, met, or still open. */
  need: 'addressed' | 'met' | 'open';
  needOutcome?: NeedOutcome;
  /** The side that made the last move, when it is not the recipient. */
  lastBySender?: boolean;
}

/** The partner's inbox: every state, three waiting for an answer (one a few hours old and not opened, one opened, one overdue). */
const partnerStories: Story[] = [
  { status: 'draft', path: ['draft'], hoursAgo: 5, opened: false, need: 'open' },
  { status: 'requested', path: ['requested'], hoursAgo: 3, opened: false, need: 'open' },
  { status: 'requested', path: ['requested'], hoursAgo: 26, opened: true, need: 'open' },
  // Eight days: at least five business days, past the default answer time of three.
  { status: 'requested', path: ['requested'], hoursAgo: 8 * 24 + 2, opened: false, need: 'open' },
  { status: 'accepted', path: ['requested', 'accepted'], hoursAgo: 2 * 24, opened: true, need: 'addressed' },
  { status: 'rejected', path: ['requested', 'rejected'], hoursAgo: 6 * 24, opened: true, need: 'open' },
  { status: 'in_progress', path: ['requested', 'accepted', 'in_progress'], hoursAgo: 9 * 24, opened: true, need: 'addressed' },
  {
    status: 'on_hold',
    path: ['requested', 'accepted', 'in_progress', 'on_hold'],
    hoursAgo: 14 * 24,
    opened: true,
    need: 'addressed',
  },
  {
    status: 'completed',
    path: ['requested', 'accepted', 'in_progress', 'completed'],
    hoursAgo: 30 * 24,
    opened: true,
    need: 'met',
    needOutcome: 'met',
  },
  {
    status: 'completed',
    path: ['requested', 'accepted', 'in_progress', 'completed'],
    hoursAgo: 21 * 24,
    opened: true,
    need: 'open',
    needOutcome: 'partly_met',
  },
  { status: 'failed', path: ['requested', 'accepted', 'in_progress', 'failed'], hoursAgo: 25 * 24, opened: true, need: 'open' },
  { status: 'cancelled', path: ['requested', 'cancelled'], hoursAgo: 4 * 24, opened: false, need: 'open', lastBySender: true },
  {
    status: 'entered_in_error',
    path: ['requested', 'entered_in_error'],
    hoursAgo: 12 * 24,
    opened: true,
    need: 'open',
    lastBySender: true,
  },
];

const notes = [
  'She would like to pick up on Saturdays; her daughter can drive her then.',
  'Prefers a phone call after 5 pm. Speaks some English; Spanish is easier.',
  'Has no way to cook at the moment: ready-to-eat food would help most.',
  'Lives alone since her husband died. Please call before visiting.',
  null,
] as const;
const delivered: Record<NeedOutcome, readonly string[]> = {
  met: ['Weekly groceries for a month, and help signing up for SNAP.', 'Two food boxes a week until the benefits started.'],
  partly_met: [
    'One food box; our delivery route does not reach their street yet.',
    'Groceries for two weeks, then our stock ran low.',
  ],
  not_met: ['We could not find a time that worked for them.'],
};
const reasonsOf: Partial<Record<ReferralStatus, { code: ReferralReasonCode; text: string | null }[]>> = {
  rejected: [
    { code: 'no_capacity', text: null },
    { code: 'not_eligible', text: null },
  ],
  failed: [
    { code: 'could_not_reach', text: null },
    { code: 'person_declined', text: null },
  ],
  cancelled: [
    { code: 'person_declined', text: null },
    { code: 'other', text: 'They found help closer to home.' },
  ],
  on_hold: [{ code: 'could_not_reach', text: null }],
  entered_in_error: [{ code: 'other', text: 'Sent for the wrong person.' }],
};

const openStatuses = new Set<NeedStatus>(['identified', 'in_scope', 'out_of_scope', 'being_addressed']);

export function generateDemoReferrals(
  seed: number,
  people: DemoReferralPerson[],
  ids: DemoReferralIds,
  now: Date,
): DemoReferralPlan {
  const random = createRandom(seed ^ 0x2ef3_7a15);
  const used = new Set<string>();
  const consents: DemoConsentInput[] = [];
  const consentOf = new Map<string, number>();
  const referrals: DemoReferralPlan['referrals'] = [];

  /** A need of a person for a recipient, as a story needs it; undefined when the demo care made none such. */
  const findNeed = (recipient: DemoRecipient, kind: Story['need'], domains: string[]) => {
    const fits = (need: DemoReferralPerson['needs'][number]) => {
      if (kind === 'addressed')
        return need.status === 'being_addressed' && need.addressedByOrganizationId === recipient.organizationId;
      if (kind === 'met') return need.status === 'met' && need.addressedByOrganizationId === recipient.organizationId;
      return openStatuses.has(need.status) && need.status !== 'being_addressed';
    };
    const candidates = people.flatMap((person) =>
      person.needs
        .filter((need) => !used.has(need.needId) && fits(need) && domains.includes(need.needDomain))
        .map((need) => ({ person, need })),
    );
    return candidates.length ? random.pick(candidates) : undefined;
  };

  const refer = (recipient: DemoRecipient, story: Story, sender: 'coordinator' | 'lead') => {
    const domains = [...new Set(recipient.services.map((service) => service.needDomain))];
    const found = findNeed(recipient, story.need, domains);
    // Without a need of that kind, a referral for no recorded need: every state is still there.
    const person = found?.person ?? people[random.int(0, people.length - 1)]!;
    if (found) used.add(found.need.needId);
    const service =
      recipient.services.find((candidate) => candidate.needDomain === found?.need.needDomain && candidate.acceptingReferrals) ??
      recipient.services.find((candidate) => candidate.acceptingReferrals) ??
      recipient.services[0]!;
    const senderUserId = sender === 'coordinator' ? ids.coordinatorUserId : person.leadCoordinatorUserId;
    referrals.push(storyOf(random, story, { person, need: found?.need ?? null, recipient, service, senderUserId, ids, now }));
    const created = referrals.at(-1)!;
    if (story.status !== 'draft') {
      const key = `${person.personId}|${recipient.organizationId}`;
      if (!consentOf.has(key)) {
        consentOf.set(key, consents.length);
        consents.push({
          personId: person.personId,
          granteeOrganizationId: recipient.organizationId,
          purpose: 'referral',
          categories: random.chance(0.5) ? ['contact', 'needs'] : ['contact', 'demographics', 'needs'],
          // Given the day before it was sent: begun by then, and not ended.
          startsOn: new Date(created.createdAt.getTime() - DAY).toISOString().slice(0, 10),
          method: 'signed_form',
          witnessName: null,
        });
      } else {
        // A consent given for an earlier referral must have begun before this one too.
        const consent = consents[consentOf.get(key)!]!;
        const day = new Date(created.createdAt.getTime() - DAY).toISOString().slice(0, 10);
        if (day < consent.startsOn) consent.startsOn = day;
      }
      created.consentIndex = consentOf.get(key)!;
    }
  };

  for (const story of partnerStories) refer(ids.partner, story, 'coordinator');
  // A few to other organisations: each agrees with the needs the demo care gave them.
  for (const recipient of random.shuffle(ids.others.filter((other) => other.services.length > 0)).slice(0, 6)) {
    const story = random.pick(
      partnerStories.filter((candidate) => candidate.status !== 'draft' && !(candidate.opened && !recipient.userId)),
    );
    refer(recipient, story, 'lead');
  }
  return { consents, referrals };
}

function storyOf(
  random: Random,
  story: Story,
  props: {
    person: DemoReferralPerson;
    need: DemoReferralPerson['needs'][number] | null;
    recipient: DemoRecipient;
    service: DemoRecipient['services'][number];
    senderUserId: string;
    ids: DemoReferralIds;
    now: Date;
  },
): DemoReferralPlan['referrals'][number] {
  const { recipient, ids, now } = props;
  const createdAt = new Date(now.getTime() - story.hoursAgo * HOUR - random.int(0, 50) * 60_000);
  // The moves after sending, spread over the time since, the last at least an hour before now.
  const steps = story.path.length;
  const span = now.getTime() - HOUR - createdAt.getTime();
  const at = (index: number) => new Date(createdAt.getTime() + Math.floor((span * index) / steps));
  const sent = story.path[0] === 'requested';
  const events: DemoReferralEvent[] = story.path.map((to, index) => {
    const bySender = index === 0 || (story.lastBySender && index === steps - 1);
    const reasons = reasonsOf[to];
    const reason = reasons ? random.pick(reasons) : null;
    return {
      from: index === 0 ? null : story.path[index - 1]!,
      to,
      reasonCode: reason?.code ?? null,
      reasonText: reason?.text ?? null,
      actorUserId: bySender ? props.senderUserId : recipient.userId,
      actorOrganizationId: bySender ? ids.hostId : recipient.organizationId,
      at: at(index),
    };
  });
  const last = events.at(-1)!;
  const answered = events.find((event) => event.to === 'accepted' || event.to === 'rejected');
  const opened = story.opened && recipient.userId && sent;
  const ended = ['rejected', 'completed', 'failed', 'cancelled', 'entered_in_error'].includes(story.status);
  const taken = story.path.includes('accepted');
  const outcomeNeed = story.needOutcome;
  return {
    personId: props.person.personId,
    needId: props.need?.needId ?? null,
    needDomain: props.need?.needDomain ?? null,
    serviceId: props.service.serviceId,
    serviceName: props.service.name,
    senderOrganizationId: ids.hostId,
    senderUserId: props.senderUserId,
    recipientOrganizationId: recipient.organizationId,
    consentIndex: null,
    status: story.status,
    reasonCode: last.reasonCode,
    reasonText: last.reasonText,
    outcome: outcomeNeed ? { delivered: random.pick(delivered[outcomeNeed]), needOutcome: outcomeNeed } : null,
    priority: random.chance(0.25) ? 'urgent' : 'routine',
    note: random.pick(notes),
    createdAt,
    sentAt: sent ? createdAt : null,
    // Opened before it was answered: halfway to the first move after sending, or an hour after sending.
    openedAt: opened
      ? new Date(createdAt.getTime() + (steps > 1 ? Math.floor(span / steps / 2) : Math.min(HOUR, span / 2)))
      : null,
    openedByUserId: opened ? recipient.userId : null,
    answeredAt: answered?.at ?? null,
    endedAt: ended ? last.at : null,
    // A need taken on by accepting and still being addressed: what it was before (the demo care moved it out of scope, to the partner).
    needBefore:
      taken && !ended && props.need
        ? { status: 'out_of_scope', addressedByOrganizationId: props.need.addressedByOrganizationId }
        : null,
    events,
  };
}
