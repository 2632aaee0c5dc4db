// Add a user to an organisation: who they are, what they do (roles), where they work (units),
// and a first password to share with them.
import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../api/identity';
import type { Role } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';
import { minimumPasswordLength, RoleChoices, UnitChoice } from './user-fields';

export function AddUserModal(props: { organizationId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('users.addTitle')} size="lg">
      {props.opened && <AddUserForm organizationId={props.organizationId} onClose={props.onClose} />}
    </Modal>
  );
}

function AddUserForm(props: { organizationId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const form = useServerForm({
    initialValues: { email: '', displayName: '', roles: [] as Role[], unitIds: [] as string[], password: '' },
    // The server checks every field (and the password rules) and says which one is wrong.
    serverError: create.error,
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { organizationId: props.organizationId, ...values, email: values.email.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'teal', message: t('users.added', { name: user.displayName }) });
          props.onClose();
        },
      },
    ),
  );

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('form.requiredNote')}
        </Text>
        <FormAlert error={create.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
        <TextInput
          label={t('users.fields.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          required
          data-autofocus
          {...form.text('email')}
        />
        <TextInput label={t('users.fields.displayName')} autoComplete="off" required {...form.text('displayName')} />
        <RoleChoices value={form.values.roles} onChange={(value) => form.set('roles', value)} error={form.error('roles')} />
        <UnitChoice
          organizationId={props.organizationId}
          value={form.values.unitIds}
          onChange={(value) => form.set('unitIds', value)}
          error={form.error('unitIds')}
        />
        <PasswordInput
          label={t('users.fields.password')}
          description={t('users.fields.passwordHelp', { minimum: minimumPasswordLength })}
          autoComplete="new-password"
          required
          visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
          {...form.text('password')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={props.onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('users.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
