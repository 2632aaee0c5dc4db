// One organisation: its details, its users and its departments and programs.
import { Anchor, Badge, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../api/identity';
import { Loading, QueryError } from '../ui/status';
import { UnitsSection } from './units-section';
import { UsersSection } from './users-section';

export function OrganizationDetail(props: { organizationId: string; takeFocus?: boolean }) {
  const { t } = useTranslation();
  const organization = useOrganization(props.organizationId);
  const heading = useRef<HTMLHeadingElement>(null);
  const loadedId = organization.data?.id;

  useEffect(() => {
    // When the admin has just picked this organisation, take them to it (on a tablet it is
    // below the list); on a page that opens with it, focus stays where the browser put it.
    if (loadedId && props.takeFocus) {
      heading.current?.focus();
      heading.current?.scrollIntoView({ block: 'start' });
    }
  }, [loadedId, props.takeFocus]);

  if (organization.isPending) return <Loading />;
  if (organization.isError) return <QueryError error={organization.error} onRetry={() => void organization.refetch()} />;
  const data = organization.data;

  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2} ref={heading} tabIndex={-1} className="page-heading">
              {data.name}
            </Title>
            {data.isHost && <Badge variant="light">{t('organizations.host')}</Badge>}
          </Group>
          <Text c="dimmed">{t(`organizationKinds.${data.kind}`)}</Text>
          {data.description && <Text>{data.description}</Text>}
          {(data.website || data.phone) && (
            <Group gap="lg">
              {data.website && (
                <Anchor href={data.website} target="_blank" rel="noopener noreferrer">
                  {data.website}
                  <VisuallyHidden>{t('common.opensInNewTab')}</VisuallyHidden>
                </Anchor>
              )}
              {data.phone && <Text>{t('organizations.phoneLine', { phone: data.phone })}</Text>}
            </Group>
          )}
        </Stack>
      </Paper>
      <UsersSection organizationId={data.id} />
      <UnitsSection organizationId={data.id} />
    </Stack>
  );
}
