// An organisation's users: their roles, units and whether they can sign in; add one, or turn an
// account off and on again.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUnits, useUpdateUser, useUsers } from '../api/identity';
import { itemsOf } from '../api/paged';
import type { User } from '../api/types';
import { formatDateTime, formatList } from '../i18n/format';
import { problemMessage } from '../ui/problem';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';
import { AddUserModal } from './add-user-form';

export function UsersSection(props: { organizationId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const users = useUsers(props.organizationId);
  const units = useUnits(props.organizationId);
  const unitNames = new Map(itemsOf(units.data).map((unit) => [unit.id, unit.name]));
  const updateUser = useUpdateUser();
  const [adding, addModal] = useDisclosure(false);
  const headingId = `users-heading-${props.organizationId}`;

  const setDisabled = (user: User, disabled: boolean) =>
    updateUser.mutate(
      { userId: user.id, body: { disabled } },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: disabled
              ? t('users.disabledNotice', { name: user.displayName })
              : t('users.enabledNotice', { name: user.displayName }),
          }),
        onError: (error) => notifications.show({ color: 'red', title: t('errors.formTitle'), message: problemMessage(error, t) }),
      },
    );

  const rows = itemsOf(users.data).map((user) => {
    const busy = updateUser.isPending && updateUser.variables.userId === user.id;
    return (
      <Table.Tr key={user.id}>
        <Table.Td>
          <Text fw={600}>{user.displayName}</Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {user.email}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatList(user.roles.map((role) => t(`roles.${role}.name`)))}</Text>
          {user.unitIds.length > 0 && (
            <Text size="sm" c="dimmed">
              {formatList(user.unitIds.map((id) => unitNames.get(id) ?? t('users.unknownUnit')))}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {user.disabled ? (
            <Badge color="red" variant="light">{t('users.status.disabled')}</Badge>
          ) : (
            <Badge color="teal" variant="light">{t('users.status.active')}</Badge>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {user.lastSignInAt
              ? t('users.lastSignIn', { when: formatDateTime(user.lastSignInAt) })
              : t('users.neverSignedIn')}
          </Text>
        </Table.Td>
        <Table.Td>
          {user.id === me.user.id ? (
            <Text size="sm" c="dimmed">{t('users.you')}</Text>
          ) : (
            <Button
              size="xs"
              variant="default"
              loading={busy}
              onClick={() => setDisabled(user, !user.disabled)}
              aria-label={user.disabled ? t('users.enableNamed', { name: user.displayName }) : t('users.disableNamed', { name: user.displayName })}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          )}
        </Table.Td>
      </Table.Tr>
    );
  });

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} id={headingId}>
            {t('users.title')}
          </Title>
          <Button size="xs" onClick={addModal.open}>
            {t('users.add')}
          </Button>
        </Group>
        {users.isPending && <Loading />}
        {users.isError && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
        {users.isSuccess && rows.length === 0 && <Text c="dimmed">{t('users.none')}</Text>}
        {rows.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby={headingId} verticalSpacing="sm" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.columns.user')}</Table.Th>
                  <Table.Th>{t('users.columns.rolesAndUnits')}</Table.Th>
                  <Table.Th>{t('users.columns.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('users.columns.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{rows}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {users.hasNextPage && (
          <Button variant="default" loading={users.isFetchingNextPage} onClick={() => void users.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
      <AddUserModal organizationId={props.organizationId} opened={adding} onClose={addModal.close} />
    </Paper>
  );
}
