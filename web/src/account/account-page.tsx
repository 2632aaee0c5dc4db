// My account: who I am in Kith, a new password, and my API tokens. For everyone signed in.
import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatList } from '../i18n/format';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { ChangePasswordForm } from './change-password-form';
import { MyApiTokens } from './my-api-tokens';

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const facts = [
    { term: t('account.name'), value: me.user.displayName },
    { term: t('account.email'), value: me.user.email },
    { term: t('account.organization'), value: me.organization.name },
    {
      term: t('account.roles', { count: me.user.roles.length }),
      value: formatList(me.user.roles.map((role) => t(`roles.${role}.name`))),
    },
  ];

  return (
    <Page title={t('account.title')} description={t('account.intro')}>
      <Paper withBorder p="md" component="section" aria-labelledby="account-about-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="account-about-heading">
            {t('account.aboutTitle')}
          </Title>
          <Box
            component="dl"
            m={0}
            style={{ display: 'grid', gridTemplateColumns: 'minmax(8rem, max-content) 1fr', columnGap: '1rem', rowGap: '0.5rem' }}
          >
            {facts.map((fact) => (
              <div key={fact.term} style={{ display: 'contents' }}>
                <Text component="dt" fw={600}>
                  {fact.term}
                </Text>
                <Text component="dd" m={0} style={{ wordBreak: 'break-word' }}>
                  {fact.value}
                </Text>
              </div>
            ))}
          </Box>
          <Text size="sm" c="dimmed">
            {t('account.aboutHelp')}
          </Text>
        </Stack>
      </Paper>
      <ChangePasswordForm />
      <MyApiTokens />
    </Page>
  );
}
