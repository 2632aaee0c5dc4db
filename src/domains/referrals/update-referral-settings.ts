// Sets the actor's organisation's answer time for the referrals sent to it (its admins): from 1
// to 30 business days. Audited in the same transaction.
import { audit } from '../../platform/audit/audit';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { DEFAULT_ANSWER_DAYS } from './business-days';
import type { ReferralSettingsRecord } from './read-referral-settings';
import type { ReferralSettingsBody } from './referrals.schema';
import { findReferralSettings, upsertReferralSettings } from './settings.store';

export async function updateReferralSettings(
  context: UseCaseContext,
  props: { body: ReferralSettingsBody },
): Promise<ReferralSettingsRecord> {
  const actor = signedInActor(context);
  if (!actor) throw new AppError('unauthenticated', 'Settings are an organisation’s: sign in as one of its admins.');
  await authorizeFor(context, 'referral_settings.update', { organizationId: actor.organizationId }, 'referral_settings');
  return context.db.tx(async (q) => {
    const before = await findReferralSettings(q, actor.organizationId);
    const row = await upsertReferralSettings(q, actor.organizationId, {
      answerWithinBusinessDays: props.body.answerWithinBusinessDays,
      updatedBy: actor.userId,
    });
    await audit(q, auditContextOf(context), {
      action: 'referral_settings.update',
      recordType: 'referral_settings',
      recordId: actor.organizationId,
      recordOrganizationId: actor.organizationId,
      details: {
        from: before?.answer_within_business_days ?? DEFAULT_ANSWER_DAYS,
        to: row.answer_within_business_days,
      },
    });
    return {
      organizationId: row.organization_id,
      answerWithinBusinessDays: row.answer_within_business_days,
      isDefault: false,
      updatedAt: row.updated_at,
    };
  });
}
