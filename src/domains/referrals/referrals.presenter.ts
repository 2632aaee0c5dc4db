// What leaves the server about referrals: field by field. The person's part is what the guard
// worked out the viewer may see (the people domain's presenter made it); the need's domain only
// where the viewer sees needs ('sud' too for a need flagged so); the sender's note and the need
// not while the person is withheld from the recipient.
import { sees, type PersonAccess } from '../people';
import type { ListedReferral } from './read-referrals';
import type { ReferralSettingsRecord } from './read-referral-settings';
import type { ReferralRecord } from './referral-record';
import type { Referral, ReferralListItem, ReferralSettings } from './referrals.schema';
import type { ReferralEventRow, ReferralRow } from './referrals.store';

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/** Whether the viewer sees the referral's need: the 'needs' category, and 'sud' for a need flagged so. */
function seesNeed(row: ReferralRow, access: PersonAccess | null): boolean {
  return access !== null && sees(access, 'needs') && (row.need_sensitive === null || sees(access, 'sud'));
}

function sharedFields(
  row: ReferralRow,
  access: PersonAccess | null,
  names: Map<string, string>,
  withheld: ReferralRecord['withheld'],
) {
  return {
    id: row.id,
    status: row.status,
    priority: row.priority,
    personWithheld: withheld,
    service: { id: row.service_id, name: row.service_name },
    sender: { id: row.sender_organization_id, name: names.get(row.sender_organization_id) ?? '' },
    recipient: { id: row.recipient_organization_id, name: names.get(row.recipient_organization_id) ?? '' },
    needDomain: seesNeed(row, access) ? row.need_domain : null,
    sentAt: iso(row.sent_at),
    openedAt: iso(row.opened_at),
    answeredAt: iso(row.answered_at),
    endedAt: iso(row.ended_at),
    overdue: row.overdue,
    answerDueOn: row.answer_due_on,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentReferralListItem(item: ListedReferral, names: Map<string, string>): ReferralListItem {
  const { row, person } = item;
  return {
    ...sharedFields(row, item.access, names, item.withheld),
    person: person
      ? { id: person.id, givenName: person.givenName, familyName: person.familyName, usedName: person.usedName }
      : null,
  };
}

function presentEvent(event: ReferralEventRow, record: ReferralRecord): Referral['events'][number] {
  return {
    id: event.id,
    fromStatus: event.from_status,
    toStatus: event.to_status,
    reason: event.reason_code ? { code: event.reason_code, text: event.reason_text } : null,
    actor: event.actor_organization_id
      ? {
          userId: event.actor_user_id,
          name: event.actor_user_id ? (record.userNames.get(event.actor_user_id) ?? null) : null,
          organizationId: event.actor_organization_id,
          organizationName: record.organizationNames.get(event.actor_organization_id) ?? '',
        }
      : null,
    at: event.at.toISOString(),
  };
}

export function presentReferral(record: ReferralRecord): Referral {
  const { row, access } = record;
  const user = (id: string | null) => (id ? { userId: id, name: record.userNames.get(id) ?? '' } : null);
  const shown = record.withheld === null;
  return {
    ...sharedFields(row, access, record.organizationNames, record.withheld),
    person: record.person,
    viewerSide: record.side,
    next: record.next,
    needId: seesNeed(row, access) ? row.need_id : null,
    note: shown ? row.note : null,
    sentBy: user(row.sender_user_id),
    openedBy: user(row.opened_by_user_id),
    consentId: row.consent_id,
    reason: row.reason_code ? { code: row.reason_code, text: row.reason_text } : null,
    outcome:
      row.outcome_need && row.outcome_delivered ? { delivered: row.outcome_delivered, needOutcome: row.outcome_need } : null,
    events: record.events.map((event) => presentEvent(event, record)),
  };
}

export function presentReferralSettings(record: ReferralSettingsRecord): ReferralSettings {
  return {
    organizationId: record.organizationId,
    answerWithinBusinessDays: record.answerWithinBusinessDays,
    isDefault: record.isDefault,
    updatedAt: iso(record.updatedAt),
  };
}

/** The weak ETag of a referral at a version. */
export const referralEtag = (version: number) => `W/"${version}"`;
