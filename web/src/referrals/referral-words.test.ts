// The words of a referral's moments and history, in English, and the person and need carried in a
// page address from a person's page through the directory to the refer form.
import { describe, expect, it } from 'vitest';
import type { ReferralEvent } from '../api/types';
import i18n from '../i18n';
import { referContextOf, referContextSearch, referFormHref, referSearchHref, withReferContext } from './refer-context';
import { distanceKm, nearestPlace } from './referral-rules';
import { answerByText, eventText, formatDay, sentAgoText } from './referral-words';

const t = i18n.getFixedT('en');
const personId = '6c53dbd7-6e98-4b6b-8027-88501008459e';
const needId = '11111111-2222-4333-8444-555555555555';

describe('the words of a referral', () => {
  it('says how long ago it was sent and by which day it must be answered', () => {
    const now = Date.parse('2026-12-04T15:00:00Z');
    expect(sentAgoText('2026-12-04T09:00:00Z', t, now)).toBe('Sent today');
    expect(sentAgoText('2026-12-03T09:00:00Z', t, now)).toBe('Sent yesterday');
    expect(sentAgoText('2026-11-26T09:00:00Z', t, now)).toBe('Sent 8 days ago');
    expect(formatDay('2026-12-07', 'en')).toBe('Mon, Dec 7');
    expect(answerByText('2026-12-07', t)).toBe('Answer by Mon, Dec 7');
  });

  it('words each event of the history: what happened, by whom, and why', () => {
    const event = (extra: Partial<ReferralEvent>): ReferralEvent => ({
      id: 1,
      fromStatus: 'requested',
      toStatus: 'accepted',
      reason: null,
      actor: { userId: 'u', name: 'Ian Quintero', organizationId: 'o', organizationName: 'Chestnut Street Pantry' },
      at: '2026-12-04T15:00:00Z',
      ...extra,
    });
    expect(eventText(event({ fromStatus: null, toStatus: 'requested' }), t)).toBe(
      'Sent by Ian Quintero, Chestnut Street Pantry.',
    );
    expect(eventText(event({ fromStatus: null, toStatus: 'draft' }), t)).toBe(
      'Saved as a draft by Ian Quintero, Chestnut Street Pantry.',
    );
    expect(eventText(event({}), t)).toBe('Accepted by Ian Quintero, Chestnut Street Pantry.');
    expect(
      eventText(
        event({
          toStatus: 'rejected',
          reason: { code: 'other', text: 'Moved away' },
          actor: { userId: null, name: null, organizationId: 'o', organizationName: 'Chestnut Street Pantry' },
        }),
        t,
      ),
    ).toBe('Declined by Chestnut Street Pantry. Reason: Another reason: Moved away.');
    expect(eventText(event({ toStatus: 'on_hold', reason: { code: 'could_not_reach', text: null }, actor: null }), t)).toBe(
      'On hold by the system. Reason: Could not reach the person.',
    );
  });
});

describe('the person and need carried along', () => {
  it('reads ids only, and keeps them through a change of the search', () => {
    expect(referContextOf(new URLSearchParams(`referPerson=${personId}&referNeed=${needId}`))).toEqual({ personId, needId });
    expect(referContextOf(new URLSearchParams(`referPerson=${personId}&referNeed=x`))).toEqual({ personId });
    expect(referContextOf(new URLSearchParams('referPerson=<script>'))).toBeNull();
    const kept = withReferContext(new URLSearchParams('q=food&referPerson=old'), { personId, needId });
    expect(kept.getAll('referPerson')).toEqual([personId]);
    expect(kept.get('q')).toBe('food');
    expect(withReferContext(new URLSearchParams('q=food&referPerson=x'), null).toString()).toBe('q=food');
    expect(referContextSearch(null)).toBe('');
  });

  it('leads from a need to the directory and from a service to the refer form', () => {
    expect(referSearchHref({ personId, needId, needDomain: 'food-insecurity' })).toBe(
      `/directory?need=food-insecurity&referPerson=${personId}&referNeed=${needId}`,
    );
    expect(referFormHref('s1', { personId, needId })).toBe(`/referrals/new?serviceId=s1&personId=${personId}&needId=${needId}`);
    expect(referFormHref('s1', null)).toBe('/referrals/new?serviceId=s1');
  });
});

describe('how far a service is from the person', () => {
  it('measures the great-circle distance, and the nearest place with a point', () => {
    // Baltimore to Washington, DC: about 56 km.
    expect(distanceKm({ latitude: 39.2904, longitude: -76.6122 }, { latitude: 38.9072, longitude: -77.0369 })).toBeCloseTo(
      56,
      -1,
    );
    const places = [
      { id: 'far', latitude: 38.9072, longitude: -77.0369 },
      { id: 'none', latitude: null, longitude: null },
      { id: 'near', latitude: 39.3, longitude: -76.6 },
    ];
    expect(nearestPlace({ latitude: 39.2904, longitude: -76.6122 }, places)?.place.id).toBe('near');
    expect(nearestPlace(null, places)).toBeNull();
    expect(nearestPlace({ latitude: 39, longitude: -76 }, [places[1]!])).toBeNull();
  });
});
