// What sending a referral asks, whether it is made sent or a draft is sent later: a service of the
// directory that a member organisation of the network offers (the recipient), taking referrals
// now; and a live consent of the person (not revoked, begun, not ended) for a referral or for care
// coordination that names the recipient ('sud' too, for a need flagged so). Without one the
// answer is a 422 that says what consent is missing, so the web app can offer to record it there
// and then; nothing is written.
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { findReferralService } from '../directory';
import { organizationNames } from '../identity';
import { listPersonConsents, type ConsentRow } from '../people';

export interface ReferralTarget {
  serviceId: string;
  serviceName: string;
  recipientOrganizationId: string;
  recipientName: string;
}

/** The service and who receives a referral to it; `sending`: it must take referrals now. */
export async function referralTarget(
  q: Queryable,
  props: { serviceId: string; senderOrganizationId: string; sending: boolean },
): Promise<ReferralTarget> {
  const service = await findReferralService(q, props.serviceId);
  if (!service) throw AppError.field('serviceId', 'is not a service of the directory');
  const recipient = service.network_organization_id;
  if (!recipient)
    throw AppError.field('serviceId', 'is not offered by an organisation of the network, so a referral cannot reach it');
  if (recipient === props.senderOrganizationId)
    throw AppError.field('serviceId', 'is offered by your own organisation: a referral goes to another one');
  if (props.sending && service.status !== 'active')
    throw AppError.field('serviceId', 'is not active in the directory', 'unprocessable');
  if (props.sending && !service.accepting_referrals)
    throw AppError.field('serviceId', 'is not taking referrals now', 'unprocessable');
  const names = await organizationNames(q, [recipient]);
  return {
    serviceId: service.id,
    serviceName: service.name,
    recipientOrganizationId: recipient,
    recipientName: names.get(recipient) ?? '',
  };
}

/**
 * The consent a referral goes under: a live one naming the recipient, for a referral (preferred)
 * or for care coordination, the most recently recorded first.
 */
export async function consentForSending(
  q: Queryable,
  props: { personId: string; target: ReferralTarget; needSensitive: string | null },
): Promise<ConsentRow> {
  const { target } = props;
  const usable = (await listPersonConsents(q, props.personId, target.recipientOrganizationId))
    .filter((consent) => consent.active && (consent.purpose === 'referral' || consent.purpose === 'care_coordination'))
    .filter((consent) => !props.needSensitive || consent.categories.includes('sud'))
    .sort(
      (a, b) =>
        Number(b.purpose === 'referral') - Number(a.purpose === 'referral') || b.recorded_at.getTime() - a.recorded_at.getTime(),
    );
  const consent = usable[0];
  if (consent) return consent;
  const categories = props.needSensitive ? ['sud'] : [];
  throw new AppError(
    'consent_required',
    `consent: the person has no live consent to share their information with ${target.recipientName} for a referral${
      categories.length ? ' that names substance use disorder records' : ''
    }; record one, then send`,
    {
      errors: [
        {
          field: 'consent',
          message: `is needed: a live consent for a referral to ${target.recipientName}${categories.length ? ', naming substance use disorder records' : ''}`,
        },
      ],
      data: {
        missingConsent: {
          personId: props.personId,
          granteeOrganizationId: target.recipientOrganizationId,
          granteeName: target.recipientName,
          purpose: 'referral',
          categories,
        },
      },
    },
  );
}
