// A member of the network that has no record in the directory: what the network's address book
// says of it (its kind, description, website and phone), so that a search that finds it by name
// leads somewhere.
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOrganization } from '../api/identity';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';
import { BackToResults, isNotFound, NotInDirectory } from './common';

export default function NetworkOrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const organization = useOrganization(organizationId);

  if (organization.isPending) return <Loading />;
  if (organization.isError) {
    return (
      <Page title={t('directory.organization.fallbackTitle')}>
        <BackToResults />
        {isNotFound(organization.error) ? (
          <NotInDirectory text={t('directory.networkOrganization.notFound')} />
        ) : (
          <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
        )}
      </Page>
    );
  }
  const { data } = organization;
  return (
    <Page title={data.name}>
      <Stack gap="xs">
        <BackToResults />
        <Group gap="xs">
          <Badge variant="light" color="teal">
            {t('directory.organization.inNetwork')}
          </Badge>
          <Text c="dimmed">{t(`organizationKinds.${data.kind}`)}</Text>
        </Group>
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="network-organization-about">
        <Stack gap="sm">
          <Title order={2} size="h3" id="network-organization-about">
            {t('directory.organization.about')}
          </Title>
          {data.description ? (
            <Text style={{ whiteSpace: 'pre-line' }}>{data.description}</Text>
          ) : (
            <Text c="dimmed">{t('directory.networkOrganization.noDescription')}</Text>
          )}
          {data.website && /^https?:\/\//i.test(data.website) && (
            <Anchor href={data.website} target="_blank" rel="noreferrer">
              {data.website}
            </Anchor>
          )}
          {data.phone && <Anchor href={`tel:${data.phone}`}>{data.phone}</Anchor>}
        </Stack>
      </Paper>
    </Page>
  );
}
