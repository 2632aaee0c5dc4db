// Sign in with email and password; then back to the page the person came from.
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useMe, useSignIn } from '../api/session';
import { FormAlert } from '../ui/form-alert';
import { useDocumentTitle } from '../ui/page';
import { safeNextPath } from '../ui/session-guard';
import { Loading } from '../ui/status';
import { useServerForm } from '../ui/use-server-form';

export default function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams] = useSearchParams();
  const signIn = useSignIn();
  const form = useServerForm({ initialValues: { email: '', password: '' }, serverError: signIn.error });
  useDocumentTitle(t('signIn.title'));
  // Too many tries (from this account or this network): the server says in plain words how long
  // to wait; nothing is wrong with the fields.
  const tooManyTries = signIn.error instanceof ApiError && signIn.error.status === 429 ? signIn.error : undefined;

  if (me.data) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  if (me.isPending) return <Loading />;

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <form noValidate onSubmit={form.onSubmit((values) => signIn.mutate(values))}>
          <Stack gap="md">
            <Text fw={800} size="xl" c="teal.9">
              {t('shell.brand')}
            </Text>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            {tooManyTries ? (
              <Alert color="orange" variant="light" title={t('signIn.tooManyTriesTitle')}>
                {tooManyTries.problem.detail ?? t('signIn.tooManyTries')}
              </Alert>
            ) : (
              <FormAlert error={signIn.error} problem={form.problem} />
            )}
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              {...form.text('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              visibilityToggleButtonProps={{ 'aria-label': t('form.showPassword') }}
              {...form.text('password')}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('signIn.submit')}
            </Button>
            <Text size="sm" c="dimmed">
              {t('signIn.help')}
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
