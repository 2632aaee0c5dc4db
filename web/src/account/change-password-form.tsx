// Change my own password: the current one (so a computer left signed in cannot take the account
// over), the new one twice, and whether to revoke my API tokens too. The server ends my other
// sessions; this one goes on.
import { Alert, Button, Checkbox, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangeOwnPassword } from '../api/identity';
import { FormAlert } from '../ui/form-alert';
import { useSignedInUser } from '../ui/session-guard';
import { useServerForm } from '../ui/use-server-form';

// Shown as a hint only; the server holds the rules.
const minimumPasswordLength = 12;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const change = useChangeOwnPassword();
  // What the last change did, for the confirmation; cleared when the next one is sent.
  const [done, setDone] = useState<{ tokensRevoked: boolean } | null>(null);
  const form = useServerForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '', revokeApiTokens: false },
    serverError: change.error,
    // The server checks the current password and the rules; only the typing twice is checked here.
    validate: (values) => ({
      confirmPassword: values.confirmPassword !== values.newPassword ? t('account.password.notSame') : undefined,
    }),
  });
  const visibilityLabel = { 'aria-label': t('form.showPassword') };
  // Mantine's PasswordInput does not mark its input invalid itself: screen readers (and the
  // alert, which takes the keyboard to the first invalid field) need aria-invalid.
  const password = (key: 'currentPassword' | 'newPassword' | 'confirmPassword') => ({
    ...form.text(key),
    'aria-invalid': Boolean(form.error(key)),
  });

  const submit = form.onSubmit((values) => {
    setDone(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword, revokeApiTokens: values.revokeApiTokens },
      {
        onSuccess: () => {
          setDone({ tokensRevoked: values.revokeApiTokens });
          form.reset();
        },
      },
    );
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="change-password-heading">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm" maw={480}>
          <Title order={2} size="h3" id="change-password-heading">
            {t('account.password.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('account.password.intro')}
          </Text>
          {done && (
            <Alert color="teal" variant="light" role="status">
              {t('account.password.done')}
              {done.tokensRevoked && ` ${t('account.password.doneTokens')}`}
            </Alert>
          )}
          <FormAlert error={change.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          {/* For password managers: whose password this is. */}
          <input type="text" name="username" autoComplete="username" value={me.user.email} readOnly hidden />
          <PasswordInput
            label={t('account.password.current')}
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={visibilityLabel}
            {...password('currentPassword')}
          />
          <PasswordInput
            label={t('account.password.new')}
            description={t('account.password.newHelp', { minimum: minimumPasswordLength })}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={visibilityLabel}
            {...password('newPassword')}
          />
          <PasswordInput
            label={t('account.password.confirm')}
            description={t('account.password.confirmHelp')}
            autoComplete="new-password"
            required
            visibilityToggleButtonProps={visibilityLabel}
            {...password('confirmPassword')}
          />
          <Checkbox
            label={t('account.password.revokeTokens')}
            description={t('account.password.revokeTokensHelp')}
            checked={form.values.revokeApiTokens}
            onChange={(event) => form.set('revokeApiTokens', event.currentTarget.checked)}
            error={form.error('revokeApiTokens')}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
