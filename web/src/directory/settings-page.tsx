// Directory settings, for network admins: which services a search by need finds (each need has
// rules; a rule names a taxonomy term of the directory, or a keyword that terms contain), and the
// organisations imported data named without including them.
import { Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNeedDomains } from '../api/directory';
import { useNeedDomainRules } from '../api/directory-settings';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';
import { AddRuleForm } from './add-rule-form';
import { DistanceUnitSetting } from './distance-unit-setting';
import { NeedDomainRules } from './need-domain-rules';
import { PlaceholderOrganizations } from './placeholder-organizations';

export default function DirectorySettingsPage() {
  const { t } = useTranslation();
  const needDomains = useNeedDomains();
  const rules = useNeedDomainRules();

  return (
    <Page title={t('directory.settings.title')} description={t('directory.settings.intro')}>
      <DistanceUnitSetting />
      {needDomains.isPending || rules.isPending ? (
        <Loading />
      ) : needDomains.isError ? (
        <QueryError error={needDomains.error} onRetry={() => void needDomains.refetch()} />
      ) : rules.isError ? (
        <QueryError error={rules.error} onRetry={() => void rules.refetch()} />
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            {/* Beside a long list of rules on wide screens, the form stays in view while scrolling. */}
            <Stack gap="md" style={{ position: 'sticky', top: 'calc(60px + var(--mantine-spacing-md))' }}>
              <AddRuleForm needDomains={needDomains.data} />
              <Text size="sm" c="dimmed">
                {t('directory.settings.keywordNote')}
              </Text>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <NeedDomainRules needDomains={needDomains.data} rules={rules.data} />
              <PlaceholderOrganizations />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Page>
  );
}
