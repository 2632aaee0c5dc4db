// An organisation's users: their roles, units and whether they can sign in; add one, turn an
// account off and on again, change their name, roles, units or password, or open a user's API
// tokens to revoke one.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits, useUpdateUser, useUserApiTokens, useUsers } from '../api/identity';
import { itemsOf } from '../api/paged';
import type { User } from '../api/types';
import { formatDateTime, formatList } from '../i18n/format';
import { problemMessage } from '../ui/problem';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';
import { AddUserModal } from './add-user-form';
import { EditUserModal } from './edit-user-form';
import { ApiTokenList } from './api-token-list';

export function UsersSection(props: { organizationId: string }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const users = useUsers(props.organizationId);
  const units = useUnits(props.organizationId);
  const unitNames = new Map(itemsOf(units.data).map((unit) => [unit.id, unit.name]));
  const updateUser = useUpdateUser();
  const [adding, addModal] = useDisclosure(false);
  const [editing, setEditing] = useState<User | null>(null);
  // The users whose API tokens are open below their row.
  const [tokensOpen, setTokensOpen] = useState<ReadonlySet<string>>(new Set());
  const toggleTokens = (userId: string) =>
    setTokensOpen((current) => {
      const next = new Set(current);
      if (!next.delete(userId)) next.add(userId);
      return next;
    });
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

  const rows = itemsOf(users.data).flatMap((user) => {
    const busy = updateUser.isPending && updateUser.variables.userId === user.id;
    const showTokens = tokensOpen.has(user.id);
    const tokensId = `user-tokens-${user.id}`;
    const row = (
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
            <Badge color="red" variant="light">
              {t('users.status.disabled')}
            </Badge>
          ) : (
            <Badge color="teal" variant="light">
              {t('users.status.active')}
            </Badge>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {user.lastSignInAt ? t('users.lastSignIn', { when: formatDateTime(user.lastSignInAt) }) : t('users.neverSignedIn')}
          </Text>
        </Table.Td>
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            {user.id === me.user.id ? (
              <Text size="sm" c="dimmed">
                {t('users.you')}
              </Text>
            ) : (
              <Button
                size="xs"
                variant="default"
                loading={busy}
                onClick={() => setDisabled(user, !user.disabled)}
                aria-label={
                  user.disabled
                    ? t('users.enableNamed', { name: user.displayName })
                    : t('users.disableNamed', { name: user.displayName })
                }
              >
                {user.disabled ? t('users.enable') : t('users.disable')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => setEditing(user)}
              aria-label={t('users.editNamed', { name: user.displayName })}
            >
              {t('users.edit')}
            </Button>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => toggleTokens(user.id)}
              aria-expanded={showTokens}
              aria-controls={showTokens ? tokensId : undefined}
              aria-label={t('tokens.ofUser.showNamed', { name: user.displayName })}
            >
              {t('tokens.ofUser.show')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
    );
    if (!showTokens) return [row];
    return [
      row,
      <Table.Tr key={`${user.id}-tokens`} id={tokensId}>
        <Table.Td colSpan={4}>
          <UserTokens user={user} />
        </Table.Td>
      </Table.Tr>,
    ];
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
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
    </Paper>
  );
}

/** One user's API tokens, below their row: an admin revokes one that leaked or is no longer needed. */
function UserTokens(props: { user: User }) {
  const { t } = useTranslation();
  const tokens = useUserApiTokens(props.user.id);
  const headingId = `user-tokens-heading-${props.user.id}`;
  return (
    <Stack gap="xs" py="xs">
      <Title order={4} size="h5" id={headingId} tabIndex={-1} className="page-heading">
        {t('tokens.ofUser.title', { name: props.user.displayName })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('tokens.ofUser.intro')}
      </Text>
      {tokens.isPending && <Loading />}
      {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.isSuccess && tokens.data.length === 0 && (
        <Text size="sm">{t('tokens.noneOfUser', { name: props.user.displayName })}</Text>
      )}
      {tokens.isSuccess && tokens.data.length > 0 && <ApiTokenList tokens={tokens.data} headingId={headingId} />}
    </Stack>
  );
}
