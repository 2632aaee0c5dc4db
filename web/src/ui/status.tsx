// Loading and error states that say what is going on, in words a screen reader reads out.
import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isForbidden, problemMessage } from './problem';

export function Loading(props: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader size="md" aria-hidden />
      <VisuallyHidden>{props.label ?? t('common.loading')}</VisuallyHidden>
    </Center>
  );
}

export function QueryError(props: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isForbidden(props.error)) return <NoAccessAlert />;
  return (
    <Alert color="red" variant="light" title={t('errors.loadTitle')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problemMessage(props.error, t)}</Text>
        {props.onRetry && (
          <Button size="xs" variant="default" onClick={props.onRetry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function NoAccessAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('noAccess.message')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('noAccess.help')}</Text>
        <Button component={Link} to="/" size="xs" variant="default">
          {t('common.goHome')}
        </Button>
      </Stack>
    </Alert>
  );
}
