// Makes a referral of a person the actor's organisation holds, to a service of the directory: kept
// as a draft, or sent at once (then under a live consent naming the recipient: see sending.ts).
// With an Idempotency-Key, a retry of the same request by the same user answers with the referral
// the first one made (no second row); the same key with another body is refused. The referral,
// its first event and its audit row are written in one transaction.
import { createHash } from 'node:crypto';
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { guardPerson } from '../people';
import { findNeedRow, openNeedStatuses } from '../screening';
import { guardReferral } from './guard';
import { loadReferralRecord, type ReferralRecord } from './referral-record';
import { firstStatus } from './referral-states';
import type { CreateReferralBody } from './referrals.schema';
import { findReferralByIdempotencyKey, insertReferral, insertReferralEvent } from './referrals.store';
import { consentForSending, referralTarget } from './sending';

/** The request as its hash sees it: every field, in one order, with its default. */
function requestHash(body: CreateReferralBody): string {
  const canonical = {
    personId: body.personId,
    needId: body.needId ?? null,
    serviceId: body.serviceId,
    priority: body.priority,
    note: body.note ?? null,
    send: body.send,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

const keyReused = () =>
  AppError.field(
    'header.idempotency-key',
    'was used before with another request: send a new key for a new referral, or the same request to retry',
    'unprocessable',
  );

export async function createReferral(
  context: UseCaseContext,
  props: { body: CreateReferralBody; idempotencyKey?: string; timeZone: string },
): Promise<{ record: ReferralRecord; replayed: boolean }> {
  const { body, timeZone } = props;
  const actor = signedInActor(context);
  const key = actor && props.idempotencyKey !== undefined ? props.idempotencyKey : undefined;
  const hash = key !== undefined ? requestHash(body) : null;
  return context.db.tx(async (q) => {
    const replay = async (existing: { id: string; request_hash: string }) => {
      if (existing.request_hash !== hash) throw keyReused();
      return {
        record: await loadReferralRecord(q, context, await guardReferral(q, context, existing.id, { timeZone })),
        replayed: true,
      };
    };
    if (actor && key !== undefined) {
      const existing = await findReferralByIdempotencyKey(q, actor.userId, key);
      if (existing) return replay(existing);
    }

    const { row: person, access } = await guardPerson(q, context, body.personId, 'person.read');
    await authorizeFor(
      context,
      'referral.create',
      { id: person.id, organizationId: person.holder_organization_id, visible: true },
      'person',
    );
    const need = body.needId ? await findNeedRow(q, person.id, body.needId, access.categories) : undefined;
    if (body.needId && !need) throw AppError.field('needId', 'is not a need of this person');
    if (need && !openNeedStatuses.includes(need.status))
      throw AppError.field('needId', 'has been closed (met, declined or not applicable): a referral is for an open need');
    const senderOrganizationId = actor?.organizationId ?? person.holder_organization_id;
    const target = await referralTarget(q, { serviceId: body.serviceId, senderOrganizationId, sending: body.send });
    const consent = body.send
      ? await consentForSending(q, { personId: person.id, target, needSensitive: need?.sensitive ?? null })
      : undefined;
    const status = firstStatus(body.send);
    const id = await insertReferral(q, {
      personId: person.id,
      needId: need?.id ?? null,
      needDomain: need?.need_domain ?? null,
      needSensitive: need?.sensitive ?? null,
      serviceId: target.serviceId,
      serviceName: target.serviceName,
      senderOrganizationId,
      senderUserId: actor?.userId ?? null,
      recipientOrganizationId: target.recipientOrganizationId,
      consentId: consent?.id ?? null,
      status,
      priority: body.priority,
      note: body.note ?? null,
      idempotencyKey: key ?? null,
      requestHash: hash,
    });
    if (!id) {
      // The same key, in a request that committed while this one ran.
      const existing = actor && key !== undefined ? await findReferralByIdempotencyKey(q, actor.userId, key) : undefined;
      if (!existing) throw new AppError('conflict');
      return replay(existing);
    }
    await insertReferralEvent(q, {
      referralId: id,
      from: null,
      to: status,
      reasonCode: null,
      reasonText: null,
      actorUserId: actor?.userId ?? null,
      actorOrganizationId: senderOrganizationId,
    });
    await audit(q, auditContextOf(context), {
      action: 'referral.create',
      recordType: 'referral',
      recordId: id,
      recordOrganizationId: senderOrganizationId,
      personId: person.id,
      details: {
        status,
        priority: body.priority,
        serviceId: target.serviceId,
        recipientOrganizationId: target.recipientOrganizationId,
        needId: need?.id ?? null,
        consentId: consent?.id ?? null,
      },
    });
    return { record: await loadReferralRecord(q, context, await guardReferral(q, context, id, { timeZone })), replayed: false };
  });
}
