// A list of API tokens (never their secrets): name, first characters, when made and last used,
// active or revoked; each active token with a Revoke button that asks first. Used on My account
// for one's own tokens, and in the users list for an admin looking at a user's tokens.
import { Alert, Badge, Button, Code, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevokeApiToken } from '../api/identity';
import type { ApiToken } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { problemMessage } from '../ui/problem';

export function ApiTokenList(props: {
  tokens: ApiToken[];
  /** The heading above the list: names the table, and takes the keyboard after a revoke. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  // After a revoke the button that opened the dialog is gone: focus goes to the list's heading.
  const focusHeading = useRef(false);

  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table aria-labelledby={props.headingId} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('tokens.columns.name')}</Table.Th>
              <Table.Th>{t('tokens.columns.prefix')}</Table.Th>
              <Table.Th>{t('tokens.columns.createdAt')}</Table.Th>
              <Table.Th>{t('tokens.columns.lastUsedAt')}</Table.Th>
              <Table.Th>{t('tokens.columns.status')}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t('tokens.columns.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>
                  <Text size="sm" fw={600} style={{ wordBreak: 'break-word' }}>
                    {token.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(token.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.neverUsed')}</Text>
                </Table.Td>
                <Table.Td>
                  {token.revokedAt ? (
                    <>
                      <Badge color="gray" variant="light">
                        {t('tokens.revoked')}
                      </Badge>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('tokens.revokedAt', { when: formatDateTime(token.revokedAt) })}
                      </Text>
                    </>
                  ) : (
                    <Badge color="teal" variant="light">
                      {t('tokens.active')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {!token.revokedAt && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      onClick={() => setRevoking(token)}
                      aria-label={t('tokens.revokeNamed', { name: token.name })}
                    >
                      {t('tokens.revoke')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        onExitTransitionEnd={() => {
          if (focusHeading.current) document.getElementById(props.headingId)?.focus();
          focusHeading.current = false;
        }}
        title={t('tokens.confirmTitle')}
      >
        {/* Mounted only while open, so an earlier failure does not show again. */}
        {revoking && (
          <ConfirmRevoke
            token={revoking}
            onCancel={() => setRevoking(null)}
            onRevoked={() => {
              focusHeading.current = true;
              setRevoking(null);
            }}
          />
        )}
      </Modal>
    </>
  );
}

function ConfirmRevoke(props: { token: ApiToken; onCancel: () => void; onRevoked: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const confirm = () =>
    revoke.mutate(props.token.id, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('tokens.revokedNotice', { name: props.token.name }) });
        props.onRevoked();
      },
    });

  return (
    <Stack gap="md">
      <Text>{t('tokens.confirmText', { name: props.token.name })}</Text>
      {revoke.isError && (
        <Alert color="red" variant="light" title={t('errors.formTitle')}>
          {problemMessage(revoke.error, t)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={revoke.isPending} onClick={confirm}>
          {t('tokens.confirmRevoke')}
        </Button>
      </Group>
    </Stack>
  );
}
