// The alert above a form: what went wrong with the whole request, or a pointer to the fields.
import { Alert, List } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { problemMessage, sentence, type SplitProblem } from './problem';

export function FormAlert(props: { error: unknown; problem: SplitProblem<string>; hasClientErrors?: boolean }) {
  const { t } = useTranslation();
  const { error, problem, hasClientErrors } = props;
  const alert = useRef<HTMLDivElement>(null);
  const shown = Boolean(error || hasClientErrors);

  useEffect(() => {
    // Take the person to the first field to fix; the alert itself is read out by screen readers.
    if (shown) alert.current?.closest('form')?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [shown, error]);

  if (!shown) return null;

  const placedCount = Object.keys(problem.byField).length;
  const onlyFieldErrors =
    hasClientErrors || (error instanceof ApiError && error.problem.code === 'validation_failed' && problem.unplaced.length === 0);
  const message =
    onlyFieldErrors || (placedCount > 0 && problem.unplaced.length === 0) ? t('errors.checkFields') : problemMessage(error, t);

  return (
    <Alert ref={alert} color="red" variant="light" title={t('errors.formTitle')}>
      {message}
      {problem.unplaced.length > 0 && (
        <List size="sm" mt="xs">
          {problem.unplaced.map((entry) => (
            <List.Item key={`${entry.field}:${entry.message}`}>
              {t('errors.fieldLine', { field: entry.field, message: sentence(entry.message) })}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
