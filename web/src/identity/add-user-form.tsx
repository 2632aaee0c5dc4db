// Add a user to an organisation: who they are, what they do (roles), where they work (units),
// and a first password to share with them.
import { Button, Checkbox, Group, Modal, MultiSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUnits } from '../api/identity';
import { itemsOf } from '../api/paged';
import { roles, type Role } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';

// Shown as a hint only; the server holds the rule.
const minimumPasswordLength = 12;

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
  const units = useUnits(props.organizationId);
  const unitOptions = itemsOf(units.data).map((unit) => ({ value: unit.id, label: unit.name }));
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
        <Checkbox.Group
          label={t('users.fields.roles')}
          description={t('users.fields.rolesHelp')}
          withAsterisk
          value={form.values.roles}
          onChange={(value) => form.set('roles', value as Role[])}
          error={form.error('roles')}
        >
          <Stack gap="xs" mt="xs">
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(`roles.${role}.name`)} description={t(`roles.${role}.description`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <MultiSelect
          label={t('users.fields.units')}
          description={unitOptions.length > 0 ? t('users.fields.unitsHelp') : t('users.fields.noUnits')}
          data={unitOptions}
          disabled={unitOptions.length === 0}
          searchable
          clearable
          value={form.values.unitIds}
          onChange={(value) => form.set('unitIds', value)}
          error={form.error('unitIds')}
          nothingFoundMessage={t('users.fields.noUnitMatch')}
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
