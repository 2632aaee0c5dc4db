// The organisations a search's words name, listed before its services: a directory organisation
// opens its directory page; a member of the network without a directory record opens its page
// in the network's address book.
import { Anchor, Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FoundOrganization } from '../api/directory';

export function organizationHref(organization: FoundOrganization): string {
  return organization.directoryOrganizationId
    ? `/directory/organizations/${organization.directoryOrganizationId}`
    : `/directory/network/${organization.networkOrganizationId}`;
}

export function OrganizationResults(props: { organizations: FoundOrganization[]; backTo: string }) {
  const { t } = useTranslation();
  if (props.organizations.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="directory-organizations">
      <Stack gap="xs">
        <Title order={3} size="h5" id="directory-organizations">
          {t('directory.organizations.title', { count: props.organizations.length })}
        </Title>
        <Stack component="ul" className="plain-list" gap={6} aria-labelledby="directory-organizations">
          {props.organizations.map((organization) => (
            <li key={`${organization.directoryOrganizationId ?? ''}-${organization.networkOrganizationId ?? ''}`}>
              <Group gap="xs">
                <Anchor component={Link} to={organizationHref(organization)} state={{ backTo: props.backTo }} fw={600}>
                  {organization.name}
                </Anchor>
                {organization.networkOrganizationId && (
                  <Badge variant="light" color="teal" size="sm">
                    {t('directory.organizations.inNetwork')}
                  </Badge>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
