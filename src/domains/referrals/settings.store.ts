// The SQL of each organisation's answer time for the referrals sent to it (referral_settings).
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';

export type ReferralSettingsRow = TableRow<'referral_settings'>;

export async function findReferralSettings(q: Queryable, organizationId: string): Promise<ReferralSettingsRow | undefined> {
  return (await q.query<ReferralSettingsRow>('SELECT * FROM referral_settings WHERE organization_id = $1', [organizationId]))[0];
}

export async function upsertReferralSettings(
  q: Queryable,
  organizationId: string,
  input: { answerWithinBusinessDays: number; updatedBy: string | null },
): Promise<ReferralSettingsRow> {
  const rows = await q.query<ReferralSettingsRow>(
    `INSERT INTO referral_settings (organization_id, answer_within_business_days, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (organization_id) DO UPDATE
       SET answer_within_business_days = EXCLUDED.answer_within_business_days, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`,
    [organizationId, input.answerWithinBusinessDays, input.updatedBy],
  );
  return rows[0]!;
}
