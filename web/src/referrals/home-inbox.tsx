// The inbox on a partner's home page: the referrals sent to their organisation, overdue first,
// filtered by where the work stands, each accepted or declined from its row.
import { Anchor, Group, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BoxPanel } from './referrals-page';
import type { StateFilter } from './referral-rules';

export function HomeInbox() {
  const { t } = useTranslation();
  const [state, setState] = useState<StateFilter>('all');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="home-inbox-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h3" id="home-inbox-heading">
            {t('referrals.boxes.inbox')}
          </Title>
          <Anchor component={Link} to="/referrals?box=inbox" size="sm">
            {t('referrals.allReferrals')}
          </Anchor>
        </Group>
        <BoxPanel box="inbox" state={state} onState={setState} />
      </Stack>
    </Paper>
  );
}
