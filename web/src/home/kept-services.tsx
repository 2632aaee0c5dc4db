// A partner's home: the directory organisations their organisation keeps, with each service's
// room, updated in two clicks (Update room, then what is true today). The numbers, a note and how
// to refer are on the service's own page. The server says which services this user may update.
import { Anchor, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  capacityStatuses,
  useKeptOrganizations,
  useUpdateIntake,
  type KeptOrganization,
  type KeptService,
} from '../api/directory';
import { CapacityBadge, capacityLabel } from '../directory/capacity-badge';
import { EditOrganizationDetailsModal, EditServiceDetailsModal } from '../directory/edit-details';
import { problemMessage } from '../ui/problem';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';

export function KeptServices() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const kept = useKeptOrganizations();
  return (
    <Stack gap="sm" component="section" aria-labelledby="kept-services-heading">
      <div>
        <Title order={2} size="h3" id="kept-services-heading">
          {t('home.partner.title')}
        </Title>
        <Text size="sm">{t('home.partner.intro')}</Text>
      </div>
      {kept.isPending ? (
        <Loading />
      ) : kept.isError ? (
        <QueryError error={kept.error} onRetry={() => void kept.refetch()} />
      ) : kept.data.length === 0 ? (
        <Paper withBorder p="md">
          <Text>{t('home.partner.none', { organization: me.organization.name })}</Text>
        </Paper>
      ) : (
        kept.data.map((organization) => <KeptOrganizationCard key={organization.id} organization={organization} />)
      )}
    </Stack>
  );
}

function KeptOrganizationCard(props: { organization: KeptOrganization }) {
  const { t } = useTranslation();
  const { organization } = props;
  const [editing, editModal] = useDisclosure(false);
  const headingId = `kept-${organization.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={headingId}>
            <Anchor component={Link} to={`/directory/organizations/${organization.id}`} inherit>
              {organization.name}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {t('home.partner.services', { count: organization.services.length })}
          </Text>
        </div>
        {organization.services.length === 0 ? (
          <Text size="sm">{t('home.partner.noServices')}</Text>
        ) : (
          <Stack component="ul" className="plain-list" gap="xs">
            {organization.services.map((service) => (
              <li key={service.id}>
                <KeptServiceRow service={service} canEditDetails={organization.canEditDetails} />
              </li>
            ))}
          </Stack>
        )}
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('home.partner.contact')}
          </Text>
          {organization.website && (
            <Text size="sm">
              {t('home.partner.website')}: {organization.website}
            </Text>
          )}
          {organization.email && (
            <Text size="sm">
              {t('home.partner.email')}: {organization.email}
            </Text>
          )}
          {organization.phones.length > 0 && (
            <Text size="sm">
              {t('home.partner.phones')}: {organization.phones.join(', ')}
            </Text>
          )}
          {organization.description && <Text size="sm">{organization.description}</Text>}
          <Text size="sm" c="dimmed">
            {t('home.partner.editNote')}
          </Text>
          {organization.canEditDetails && (
            <Group>
              <Button variant="light" size="sm" onClick={editModal.open}>
                {t('home.partner.editOrganization')}
              </Button>
            </Group>
          )}
        </Stack>
      </Stack>
      <EditOrganizationDetailsModal organization={organization} opened={editing} onClose={editModal.close} />
    </Paper>
  );
}

function KeptServiceRow(props: { service: KeptService; canEditDetails: boolean }) {
  const { t } = useTranslation();
  const { service } = props;
  const [editing, editModal] = useDisclosure(false);
  const update = useUpdateIntake(service.id);
  const choose = (status: KeptService['capacityStatus'] & string) =>
    update.mutate(
      { capacityStatus: status },
      {
        onSuccess: (intake) =>
          notifications.show({
            color: 'teal',
            message: t('home.partner.saved', {
              name: service.name,
              room: capacityLabel(t, intake.capacityStatus, intake),
            }),
          }),
      },
    );
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/directory/services/${service.id}`} fw={600}>
            {service.name}
          </Anchor>
          <CapacityBadge
            size="md"
            status={service.capacityStatus}
            openSlots={service.openSlots}
            waitlistLength={service.waitlistLength}
            updatedAt={service.capacityUpdatedAt}
          />
          {update.isError && (
            <Text size="sm" c="red.9" role="alert">
              {problemMessage(update.error, t)}
            </Text>
          )}
        </Stack>
        {service.canUpdateCapacity ? (
          <Group gap="xs">
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button loading={update.isPending} aria-label={t('home.partner.updateRoomOf', { name: service.name })}>
                  {t('home.partner.updateRoom')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {capacityStatuses.map((status) => (
                  <Menu.Item key={status} onClick={() => choose(status)}>
                    {t(`directory.update.choices.${status}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {props.canEditDetails && (
              <Button
                variant="default"
                onClick={editModal.open}
                aria-label={t('directory.details.editOf', { name: service.name })}
              >
                {t('directory.details.edit')}
              </Button>
            )}
            <Anchor component={Link} to={`/directory/services/${service.id}`} size="sm">
              {t('home.partner.moreOptions')}
            </Anchor>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('home.partner.notYours')}
          </Text>
        )}
      </Group>
      {props.canEditDetails && (
        <EditServiceDetailsModal serviceId={service.id} serviceName={service.name} opened={editing} onClose={editModal.close} />
      )}
    </Paper>
  );
}
