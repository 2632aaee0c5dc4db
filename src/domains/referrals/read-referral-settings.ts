// The actor's organisation's answer time for the referrals sent to it (its admins): the one it
// set, or the default.
import { authorizeFor, signedInActor, type NoProps, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { DEFAULT_ANSWER_DAYS } from './business-days';
import { findReferralSettings } from './settings.store';

export interface ReferralSettingsRecord {
  organizationId: string;
  answerWithinBusinessDays: number;
  isDefault: boolean;
  updatedAt: Date | null;
}

export async function readReferralSettings(context: UseCaseContext, _props: NoProps = {}): Promise<ReferralSettingsRecord> {
  const actor = signedInActor(context);
  if (!actor) throw new AppError('unauthenticated', 'Settings are an organisation’s: sign in as one of its admins.');
  await authorizeFor(context, 'referral_settings.read', { organizationId: actor.organizationId }, 'referral_settings');
  const row = await findReferralSettings(context.db, actor.organizationId);
  return {
    organizationId: actor.organizationId,
    answerWithinBusinessDays: row?.answer_within_business_days ?? DEFAULT_ANSWER_DAYS,
    isDefault: !row,
    updatedAt: row?.updated_at ?? null,
  };
}
