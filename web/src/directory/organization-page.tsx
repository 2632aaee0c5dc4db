// One organisation of the directory: what it does, how to reach it, and its services with their room.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDirectoryOrganization, type DirectoryOrganization } from '../api/directory';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';
import { CapacityBadge } from './capacity-badge';
import { BackToResults, ContactLines, isNotFound, NotInDirectory, useBackTo } from './common';
import { EditOrganizationDetailsModal } from './edit-details';
import { NetworkLinkPanel } from './network-link-panel';

export default function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId } = useParams();
  const organization = useDirectoryOrganization(organizationId);

  if (organization.isPending) return <Loading />;
  if (organization.isError) {
    return (
      <Page title={t('directory.organization.fallbackTitle')}>
        <BackToResults />
        {isNotFound(organization.error) ? (
          <NotInDirectory text={t('directory.organization.notFound')} />
        ) : (
          <QueryError error={organization.error} onRetry={() => void organization.refetch()} />
        )}
      </Page>
    );
  }
  return <OrganizationView organization={organization.data} />;
}

function OrganizationView(props: { organization: DirectoryOrganization }) {
  const { t } = useTranslation();
  const { organization } = props;
  const me = useSignedInUser();
  const backTo = useBackTo();
  const hasContacts = organization.phones.length > 0 || organization.email || organization.website;
  const [editing, editModal] = useDisclosure(false);

  return (
    <Page title={organization.name}>
      <Stack gap="xs">
        <BackToResults />
        {organization.networkOrganizationId && (
          <Group>
            <Badge variant="light" color="teal">
              {t('directory.organization.inNetwork')}
            </Badge>
          </Group>
        )}
      </Stack>

      <Paper withBorder p="md" component="section" aria-labelledby="organization-about">
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <Title order={2} size="h3" id="organization-about">
              {t('directory.organization.about')}
            </Title>
            {organization.canEditDetails && (
              <Button variant="light" size="sm" onClick={editModal.open}>
                {t('directory.details.edit')}
              </Button>
            )}
          </Group>
          {organization.description ? (
            <Text style={{ whiteSpace: 'pre-line' }}>{organization.description}</Text>
          ) : (
            <Text c="dimmed">{t('directory.organization.noDescription')}</Text>
          )}
          {hasContacts && (
            <div>
              <Title order={3} size="h5" mb={4}>
                {t('directory.organization.contact')}
              </Title>
              <ContactLines phones={organization.phones} email={organization.email} website={organization.website} />
            </div>
          )}
        </Stack>
      </Paper>

      {organization.canEditDetails && (
        <EditOrganizationDetailsModal organization={organization} opened={editing} onClose={editModal.close} />
      )}

      {/* The server refuses the link to anyone else; the panel is for network admins only. */}
      {me.networkAdmin && (
        <NetworkLinkPanel directoryOrganizationId={organization.id} networkOrganizationId={organization.networkOrganizationId} />
      )}

      <section aria-labelledby="organization-services">
        <Title order={2} size="h3" id="organization-services" mb="sm">
          {t('directory.organization.services', { count: organization.services.length })}
        </Title>
        {organization.services.length === 0 ? (
          <Text c="dimmed">{t('directory.organization.noServices')}</Text>
        ) : (
          <Stack component="ul" className="plain-list" gap="sm">
            {organization.services.map((service) => (
              <li key={service.id}>
                <Paper withBorder p="md" component="article" aria-labelledby={`service-${service.id}`}>
                  <Stack gap={6}>
                    <Title order={3} size="h4" id={`service-${service.id}`}>
                      <Anchor component={Link} to={`/directory/services/${service.id}`} state={{ backTo }} inherit>
                        {service.name}
                      </Anchor>
                    </Title>
                    {service.summary && (
                      <Text size="sm" lineClamp={3}>
                        {service.summary}
                      </Text>
                    )}
                    <Group gap="sm">
                      <CapacityBadge status={service.capacityStatus} />
                      {!service.acceptingReferrals && (
                        <Badge variant="light" color="red">
                          {t('directory.room.notAccepting')}
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                </Paper>
              </li>
            ))}
          </Stack>
        )}
      </section>
    </Page>
  );
}
