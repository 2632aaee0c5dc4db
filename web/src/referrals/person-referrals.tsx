// The referrals made for a person, on their page (for the organisation that holds them): each with
// its service and partner, where it stands and, once ended, its outcome.
import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ReferralList } from './referral-list';

export function PersonReferrals(props: { personId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="person-referrals-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="person-referrals-heading">
          {t('referrals.ofPerson')}
        </Title>
        <ReferralList
          filters={{ box: 'outbox', personId: props.personId }}
          labelledBy="person-referrals-heading"
          emptyText={t('referrals.noneForPerson')}
        />
      </Stack>
    </Paper>
  );
}
