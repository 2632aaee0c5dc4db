import { describe, expect, it } from 'vitest';
import { isLegalPath, isOverdue, referralStatuses } from '../domains/referrals';
import { generateDemoCare } from './care';
import { generateDemoReferrals, type DemoReferralIds, type DemoReferralPerson } from './referrals';

const careIds = { hostId: 'host', partnerOrganizationId: 'pantry', communityIds: ['shelter', 'rides', 'legal'] };
const now = new Date('2026-12-09T15:00:00Z');

function population(): DemoReferralPerson[] {
  const people = Array.from({ length: 300 }, (_, index) => ({
    personId: `person-${index}`,
    enrolledOn: `2026-0${(index % 9) + 1}-1${index % 10}`,
    coordinatorUserId: `coordinator-${index % 3}`,
    preferredLanguage: 'en',
    whatMatters: 'Staying in my own home.',
  }));
  return generateDemoCare(20261125, people, careIds).map((person) => ({
    personId: person.personId,
    leadCoordinatorUserId: person.screening.recordedBy!,
    needs: person.needs.map((need, index) => ({
      needId: `${person.personId}-need-${index}`,
      needDomain: need.needDomain,
      status: need.status,
      addressedByOrganizationId: need.addressedByOrganizationId,
    })),
  }));
}

const service = (organizationId: string, needDomain: string) => ({
  serviceId: `${organizationId}-service`,
  name: `${organizationId} service`,
  needDomain,
  acceptingReferrals: true,
});
const ids: DemoReferralIds = {
  hostId: 'host',
  coordinatorUserId: 'coordinator-login',
  partner: { organizationId: 'pantry', userId: 'partner-login', services: [service('pantry', 'food-insecurity')] },
  others: [
    { organizationId: 'shelter', userId: 'shelter-staff', services: [service('shelter', 'housing-instability')] },
    { organizationId: 'rides', userId: null, services: [service('rides', 'transportation-insecurity')] },
    { organizationId: 'legal', userId: 'legal-staff', services: [service('legal', 'legal-help')] },
  ],
};

describe('generateDemoReferrals', () => {
  it('gives the same referrals for the same seed and moment, and others for another seed', () => {
    const first = generateDemoReferrals(42, population(), ids, now);
    expect(generateDemoReferrals(42, population(), ids, now)).toEqual(first);
    expect(JSON.stringify(generateDemoReferrals(43, population(), ids, now))).not.toBe(JSON.stringify(first));
  });

  it('gives the partner referrals from the coordinator in every state, three waiting for an answer and one of them overdue', () => {
    const plan = generateDemoReferrals(20261125, population(), ids, now);
    const partner = plan.referrals.filter((referral) => referral.recipientOrganizationId === 'pantry');
    expect(new Set(partner.map((referral) => referral.status))).toEqual(new Set(referralStatuses));
    for (const referral of partner) {
      expect(referral.senderOrganizationId).toBe('host');
      expect(referral.senderUserId).toBe('coordinator-login');
    }
    const waiting = partner.filter((referral) => referral.status === 'requested');
    expect(waiting).toHaveLength(3);
    const overdue = waiting.filter((referral) => isOverdue(referral, { now, days: 3, timeZone: 'America/New_York' }));
    expect(overdue).toHaveLength(1);
    expect(waiting.filter((referral) => referral.openedAt === null).length).toBeGreaterThanOrEqual(1);
    expect(waiting.filter((referral) => referral.openedAt !== null).length).toBeGreaterThanOrEqual(1);
    // Most are for a need of the person's; some go elsewhere too.
    expect(partner.filter((referral) => referral.needId !== null).length).toBeGreaterThan(8);
    expect(plan.referrals.length).toBeGreaterThan(partner.length);
  });

  it('moves each referral along a legal path, in time, under a consent naming its recipient', () => {
    const plan = generateDemoReferrals(20261125, population(), ids, now);
    for (const referral of plan.referrals) {
      const path = referral.events.map((event) => event.to);
      expect(isLegalPath(path), path.join(' → ')).toBe(true);
      expect(path.at(-1)).toBe(referral.status);
      referral.events.forEach((event, index) => {
        expect(event.from).toBe(index === 0 ? null : path[index - 1]);
        if (index > 0) expect(event.at.getTime()).toBeGreaterThan(referral.events[index - 1]!.at.getTime());
        expect(event.at.getTime()).toBeLessThan(now.getTime());
      });
      expect(referral.createdAt).toEqual(referral.events[0]!.at);
      if (referral.status === 'draft') {
        expect([referral.sentAt, referral.consentIndex, referral.openedAt]).toEqual([null, null, null]);
        continue;
      }
      expect(referral.sentAt).toEqual(referral.createdAt);
      const consent = plan.consents[referral.consentIndex!]!;
      expect(consent).toMatchObject({
        personId: referral.personId,
        granteeOrganizationId: referral.recipientOrganizationId,
        purpose: 'referral',
      });
      expect(consent.startsOn < referral.sentAt!.toISOString().slice(0, 10)).toBe(true);
      if (referral.openedAt) expect(referral.openedAt.getTime()).toBeGreaterThan(referral.sentAt!.getTime());
      if (['rejected', 'failed', 'cancelled'].includes(referral.status)) expect(referral.reasonCode).not.toBeNull();
      expect(referral.outcome !== null).toBe(referral.status === 'completed');
    }
    // One consent per person and recipient.
    const pairs = plan.consents.map((consent) => `${consent.personId}|${consent.granteeOrganizationId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('refers each need once, as the demo care left it: taken on by the recipient, met by it, or still open', () => {
    const people = population();
    const needs = new Map(people.flatMap((person) => person.needs.map((need) => [need.needId, need])));
    const plan = generateDemoReferrals(20261125, people, ids, now);
    const referred = plan.referrals.flatMap((referral) => (referral.needId ? [referral.needId] : []));
    expect(new Set(referred).size).toBe(referred.length);
    for (const referral of plan.referrals) {
      if (!referral.needId) continue;
      const need = needs.get(referral.needId)!;
      expect(referral.needDomain).toBe(need.needDomain);
      if (['accepted', 'in_progress', 'on_hold'].includes(referral.status)) {
        expect([need.status, need.addressedByOrganizationId]).toEqual(['being_addressed', referral.recipientOrganizationId]);
        expect(referral.needBefore).toEqual({
          status: 'out_of_scope',
          addressedByOrganizationId: referral.recipientOrganizationId,
        });
      } else if (referral.status === 'completed' && referral.outcome?.needOutcome === 'met') {
        expect([need.status, need.addressedByOrganizationId]).toEqual(['met', referral.recipientOrganizationId]);
      } else {
        expect(['identified', 'in_scope', 'out_of_scope']).toContain(need.status);
        expect(referral.needBefore).toBeNull();
      }
    }
  });
});
