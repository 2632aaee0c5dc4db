// The small dialog a move that asks something opens: the reason (a list, and words for "another
// reason"), or for a completion what was delivered and whether the need was met. One-click moves
// (accept, start, resume, send) need no dialog. Used on the inbox's rows and a referral's page.
import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  needOutcomes,
  referralReasonCodes,
  type NeedOutcome,
  type ReferralReasonCode,
  type ReferralStatus,
  type ReferralTransitionBody,
} from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { splitFieldErrors } from '../ui/problem';
import { isDestructive, reasonRule, takesOutcome } from './referral-rules';

export function MoveDialog(props: {
  to: ReferralStatus | null;
  /** What the referral is (the person and the service), for the dialog's words. */
  about: string;
  pending: boolean;
  error: unknown;
  onMove: (body: ReferralTransitionBody) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.to !== null}
      onClose={props.onClose}
      title={props.to ? t(`referrals.moves.${props.to as Exclude<ReferralStatus, 'draft'>}`) : ''}
    >
      {props.to && <MoveFields key={props.to} {...props} to={props.to} />}
    </Modal>
  );
}

function MoveFields(props: {
  to: ReferralStatus;
  about: string;
  pending: boolean;
  error: unknown;
  onMove: (body: ReferralTransitionBody) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { to } = props;
  const rule = reasonRule(to);
  const outcome = takesOutcome(to);
  const [reasonCode, setReasonCode] = useState<ReferralReasonCode | ''>('');
  const [reasonText, setReasonText] = useState('');
  const [delivered, setDelivered] = useState('');
  const [needOutcome, setNeedOutcome] = useState<NeedOutcome | ''>('');
  const [checked, setChecked] = useState(false);
  const problem = splitFieldErrors(props.error, ['reasonCode', 'reasonText', 'outcome']);

  const errors = {
    reasonCode: rule === 'required' && !reasonCode ? t('referrals.move.chooseReason') : undefined,
    reasonText: reasonCode === 'other' && !reasonText.trim() ? t('referrals.move.sayReason') : undefined,
    delivered: outcome && !delivered.trim() ? t('referrals.move.sayDelivered') : undefined,
    needOutcome: outcome && !needOutcome ? t('referrals.move.chooseOutcome') : undefined,
  };
  const shown = (key: keyof typeof errors) => (checked ? errors[key] : undefined);

  const submit = () => {
    setChecked(true);
    if (Object.values(errors).some(Boolean)) return;
    props.onMove({
      to,
      reasonCode: reasonCode || null,
      reasonText: reasonCode && reasonText.trim() ? reasonText.trim() : null,
      outcome: outcome && needOutcome ? { delivered: delivered.trim(), needOutcome } : null,
    });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Text size="sm">{props.about}</Text>
        {!props.pending && <FormAlert error={props.error} problem={problem} />}
        {rule !== 'none' && (
          <Select
            label={t('referrals.move.reason')}
            required={rule === 'required'}
            description={rule === 'optional' ? t('referrals.move.reasonOptional') : undefined}
            value={reasonCode || null}
            onChange={(value) => setReasonCode((value ?? '') as ReferralReasonCode | '')}
            clearable={rule === 'optional'}
            error={shown('reasonCode') ?? problem.byField.reasonCode}
            data={referralReasonCodes.map((code) => ({ value: code, label: t(`referrals.reasons.${code}`) }))}
            comboboxProps={{ withinPortal: false }}
          />
        )}
        {rule !== 'none' && reasonCode !== '' && (
          <TextInput
            label={reasonCode === 'other' ? t('referrals.move.otherReason') : t('referrals.move.reasonWords')}
            required={reasonCode === 'other'}
            maxLength={500}
            value={reasonText}
            onChange={(event) => setReasonText(event.currentTarget.value)}
            error={shown('reasonText') ?? problem.byField.reasonText}
          />
        )}
        {outcome && (
          <>
            <Textarea
              label={t('referrals.move.delivered')}
              description={t('referrals.move.deliveredHint')}
              required
              autosize
              minRows={2}
              maxLength={2000}
              value={delivered}
              onChange={(event) => setDelivered(event.currentTarget.value)}
              error={shown('delivered') ?? problem.byField.outcome}
            />
            <Radio.Group
              label={t('referrals.move.needOutcome')}
              required
              value={needOutcome}
              onChange={(value) => setNeedOutcome(value as NeedOutcome)}
              error={shown('needOutcome')}
            >
              <Stack gap={4} mt={4}>
                {needOutcomes.map((code) => (
                  <Radio key={code} value={code} label={t(`referrals.needOutcomes.${code}`)} />
                ))}
              </Stack>
            </Radio.Group>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={props.pending} color={isDestructive(to) ? 'red' : undefined}>
            {t(`referrals.moves.${to as Exclude<ReferralStatus, 'draft'>}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
