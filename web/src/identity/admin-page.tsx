// Organisations & users. A network admin picks any organisation of the network (?org=…); an
// admin of one organisation sees only their own.
import { Grid, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { OrganizationDetail } from './organization-detail';
import { OrganizationList } from './organization-list';

export default function AdminPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const [picked, setPicked] = useState(false);

  if (!me.networkAdmin) {
    return (
      <Page title={t('admin.title')} description={t('admin.organizationIntro')}>
        <OrganizationDetail organizationId={me.organization.id} />
      </Page>
    );
  }

  const selectedId = searchParams.get('org');
  const select = (organizationId: string) => {
    setPicked(true);
    setSearchParams({ org: organizationId });
  };
  return (
    <Page title={t('admin.title')} description={t('admin.networkIntro')}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <OrganizationList selectedId={selectedId} onSelect={select} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          {selectedId ? (
            <OrganizationDetail organizationId={selectedId} takeFocus={picked} />
          ) : (
            <Paper withBorder p="lg">
              <Text c="dimmed">{t('admin.pickOrganization')}</Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </Page>
  );
}
