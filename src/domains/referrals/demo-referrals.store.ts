// Writing the demo's referrals in bulk, with every event of each: one statement per table (the
// demo's start stays fast). Only the demo seeder calls this, in its own transaction, as the
// operator; the ids are made here, everything else (the moments too) is handed in, and the
// table's CHECKs hold it to the same rules as a referral made through the API.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/database';
import type { NeedOutcome, ReferralReasonCode, ReferralStatus } from './referral-states';
import type { ReferralPriority } from './referrals.schema';

export interface DemoReferralEvent {
  from: ReferralStatus | null;
  to: ReferralStatus;
  reasonCode: ReferralReasonCode | null;
  reasonText: string | null;
  actorUserId: string | null;
  actorOrganizationId: string;
  at: Date;
}

export interface DemoReferralInput {
  personId: string;
  needId: string | null;
  needDomain: string | null;
  serviceId: string;
  serviceName: string;
  senderOrganizationId: string;
  senderUserId: string;
  recipientOrganizationId: string;
  consentId: string | null;
  status: ReferralStatus;
  reasonCode: ReferralReasonCode | null;
  reasonText: string | null;
  outcome: { delivered: string; needOutcome: NeedOutcome } | null;
  priority: ReferralPriority;
  note: string | null;
  createdAt: Date;
  sentAt: Date | null;
  openedAt: Date | null;
  openedByUserId: string | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  /** What the need was before accepting took it on (accepted and later, still open). */
  needBefore: {
    status: 'identified' | 'in_scope' | 'out_of_scope' | 'being_addressed';
    addressedByOrganizationId: string | null;
  } | null;
  /** From the first (null → draft or requested) to the last, whose `to` is `status`. */
  events: DemoReferralEvent[];
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export async function bulkInsertDemoReferrals(q: Queryable, referrals: DemoReferralInput[]): Promise<string[]> {
  const ids = referrals.map(() => randomUUID());
  if (referrals.length === 0) return ids;
  await q.query(
    `INSERT INTO referrals (id, person_id, need_id, need_domain, service_id, service_name, sender_organization_id, sender_user_id,
                            recipient_organization_id, consent_id, status, reason_code, reason_text, outcome_delivered,
                            outcome_need, priority, note, opened_at, opened_by_user_id, sent_at, answered_at, ended_at,
                            need_status_before, need_addressed_by_before, version, created_at, updated_at)
     SELECT r.id, r.person_id, r.need_id, r.need_domain, r.service_id, r.service_name, r.sender_organization_id, r.sender_user_id,
            r.recipient_organization_id, r.consent_id, r.status, r.reason_code, r.reason_text, r.outcome_delivered,
            r.outcome_need, r.priority, r.note, r.opened_at, r.opened_by_user_id, r.sent_at, r.answered_at, r.ended_at,
            r.need_status_before, r.need_addressed_by_before, r.version, r.created_at, r.updated_at
       FROM jsonb_to_recordset($1::jsonb) AS r (
              id uuid, person_id uuid, need_id uuid, need_domain text, service_id uuid, service_name text,
              sender_organization_id uuid, sender_user_id uuid, recipient_organization_id uuid, consent_id uuid, status text,
              reason_code text, reason_text text, outcome_delivered text, outcome_need text, priority text, note text,
              opened_at timestamptz, opened_by_user_id uuid, sent_at timestamptz, answered_at timestamptz, ended_at timestamptz,
              need_status_before text, need_addressed_by_before uuid, version integer, created_at timestamptz,
              updated_at timestamptz)`,
    [
      JSON.stringify(
        referrals.map((referral, index) => ({
          id: ids[index],
          person_id: referral.personId,
          need_id: referral.needId,
          need_domain: referral.needDomain,
          service_id: referral.serviceId,
          service_name: referral.serviceName,
          sender_organization_id: referral.senderOrganizationId,
          sender_user_id: referral.senderUserId,
          recipient_organization_id: referral.recipientOrganizationId,
          consent_id: referral.consentId,
          status: referral.status,
          reason_code: referral.reasonCode,
          reason_text: referral.reasonText,
          outcome_delivered: referral.outcome?.delivered ?? null,
          outcome_need: referral.outcome?.needOutcome ?? null,
          priority: referral.priority,
          note: referral.note,
          opened_at: iso(referral.openedAt),
          opened_by_user_id: referral.openedByUserId,
          sent_at: iso(referral.sentAt),
          answered_at: iso(referral.answeredAt),
          ended_at: iso(referral.endedAt),
          need_status_before: referral.needBefore?.status ?? null,
          need_addressed_by_before: referral.needBefore?.addressedByOrganizationId ?? null,
          version: referral.events.length,
          created_at: referral.createdAt.toISOString(),
          updated_at: (referral.events.at(-1)?.at ?? referral.createdAt).toISOString(),
        })),
      ),
    ],
  );
  await q.query(
    `INSERT INTO referral_events (referral_id, from_status, to_status, reason_code, reason_text, actor_user_id,
                                  actor_organization_id, at)
     SELECT e.referral_id, e.from_status, e.to_status, e.reason_code, e.reason_text, e.actor_user_id, e.actor_organization_id, e.at
       FROM jsonb_to_recordset($1::jsonb) AS e (referral_id uuid, from_status text, to_status text, reason_code text,
                                                reason_text text, actor_user_id uuid, actor_organization_id uuid, at timestamptz)
      ORDER BY e.at`,
    [
      JSON.stringify(
        referrals.flatMap((referral, index) =>
          referral.events.map((event) => ({
            referral_id: ids[index],
            from_status: event.from,
            to_status: event.to,
            reason_code: event.reasonCode,
            reason_text: event.reasonText,
            actor_user_id: event.actorUserId,
            actor_organization_id: event.actorOrganizationId,
            at: event.at.toISOString(),
          })),
        ),
      ),
    ],
  );
  return ids;
}
