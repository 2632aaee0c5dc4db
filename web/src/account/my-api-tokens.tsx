// My API tokens: the list, a small form to make one, and its secret shown once with a way to
// copy it.
import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateApiToken, useMyApiTokens } from '../api/identity';
import type { CreatedApiToken } from '../api/types';
import { ApiTokenList } from '../identity/api-token-list';
import { FormAlert } from '../ui/form-alert';
import { Loading, QueryError } from '../ui/status';
import { useServerForm } from '../ui/use-server-form';

const headingId = 'my-tokens-heading';

export function MyApiTokens() {
  const { t } = useTranslation();
  const tokens = useMyApiTokens();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId} tabIndex={-1} className="page-heading">
          {t('tokens.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tokens.intro')}
        </Text>
        {tokens.isPending && <Loading />}
        {tokens.isError && <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.isSuccess && tokens.data.length === 0 && <Text>{t('tokens.none')}</Text>}
        {tokens.isSuccess && tokens.data.length > 0 && <ApiTokenList tokens={tokens.data} headingId={headingId} />}
        <MakeTokenForm />
      </Stack>
    </Paper>
  );
}

function MakeTokenForm() {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  // The secret lives only here, in memory, until the person says they have copied it.
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const form = useServerForm({ initialValues: { name: '' }, serverError: create.error });

  const submit = form.onSubmit((values) =>
    create.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (token) => {
          setCreated(token);
          form.reset();
        },
      },
    ),
  );

  return (
    <Stack gap="sm" mt="sm">
      {created && <NewTokenSecret token={created} onDone={() => setCreated(null)} />}
      <form noValidate onSubmit={submit} aria-labelledby="make-token-heading">
        <Stack gap="sm" maw={480}>
          <Title order={3} size="h4" id="make-token-heading">
            {t('tokens.make.title')}
          </Title>
          <FormAlert error={create.error} problem={form.problem} hasClientErrors={form.hasClientErrors} />
          <TextInput
            label={t('tokens.make.name')}
            description={t('tokens.make.nameHelp')}
            autoComplete="off"
            required
            {...form.text('name')}
          />
          <Group>
            <Button type="submit" variant="light" loading={create.isPending}>
              {t('tokens.make.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function NewTokenSecret(props: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" variant="light" title={t('tokens.secret.title')} role="status">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('tokens.secret.warning')}
        </Text>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            label={t('tokens.secret.label', { name: props.token.name })}
            value={props.token.token}
            readOnly
            spellCheck={false}
            autoComplete="off"
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            style={{ flex: 1 }}
          />
          <CopyButton value={props.token.token}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'light' : 'filled'} color={copied ? 'teal' : undefined} onClick={copy}>
                {copied ? t('tokens.secret.copied') : t('tokens.secret.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button variant="default" size="xs" onClick={props.onDone}>
            {t('tokens.secret.done')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
