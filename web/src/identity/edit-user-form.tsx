// An admin changes a user: their name, roles and units, and (when the person has forgotten it) a
// new password to share with them. Setting a password signs the user out everywhere and ends
// their API tokens (the server does both).
import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../api/identity';
import type { Role, UpdateUserBody, User } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';
import { minimumPasswordLength, RoleChoices, UnitChoice } from './user-fields';

export function EditUserModal(props: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.user !== null}
      onClose={props.onClose}
      title={props.user ? t('users.editTitle', { name: props.user.displayName }) : ''}
      size="lg"
    >
      {props.user && <EditUserForm user={props.user} onClose={props.onClose} />}
    </Modal>
  );
}

function EditUserForm(props: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = props;
  const update = useUpdateUser();
  const form = useServerForm({
    initialValues: { displayName: user.displayName, roles: user.roles as Role[], unitIds: user.unitIds, password: '' },
    serverError: update.error,
  });

  const submit = form.onSubmit((values) => {
    const body: UpdateUserBody = { displayName: values.displayName.trim(), roles: values.roles, unitIds: values.unitIds };
    // An empty password field leaves the password as it is.
    if (values.password) body.password = values.password;
    update.mutate(
      { userId: user.id, body },
      {
        onSuccess: (changed) => {
          notifications.show({
            color: 'teal',
            message: values.password
              ? t('users.passwordSetNotice', { name: changed.displayName })
              : t('users.changedNotice', { name: changed.displayName }),
          });
          props.onClose();
        },
      },
    );
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {user.email}
        </Text>
        <FormAlert error={update.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
        <TextInput
          label={t('users.fields.displayName')}
          autoComplete="off"
          required
          data-autofocus
          {...form.text('displayName')}
        />
        <RoleChoices value={form.values.roles} onChange={(value) => form.set('roles', value)} error={form.error('roles')} />
        <UnitChoice
          organizationId={user.organizationId}
          value={form.values.unitIds}
          onChange={(value) => form.set('unitIds', value)}
          error={form.error('unitIds')}
        />
        <PasswordInput
          label={t('users.fields.newPassword')}
          description={t('users.fields.newPasswordHelp', { minimum: minimumPasswordLength })}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
          {...form.text('password')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('users.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
