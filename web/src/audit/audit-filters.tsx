// Filters of the audit log: what happened, how it ended, and between which days.
import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { auditOutcomes } from '../api/types';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';
import { actionLabel, knownActions } from './audit-labels';

/** The filters as the page address keeps them: days are YYYY-MM-DD, both ends included. */
export type AuditFilterValues = {
  action: string;
  outcome: string;
  from: string;
  to: string;
};

export function AuditFilters(props: {
  values: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
  /** The log's answer when it refused the filters (e.g. "to" before "from"). */
  serverError: unknown;
}) {
  const { t } = useTranslation();
  const form = useServerForm({ initialValues: props.values, serverError: props.serverError });
  const actions =
    knownActions.includes(props.values.action) || !props.values.action ? knownActions : [...knownActions, props.values.action];
  const empty: AuditFilterValues = { action: '', outcome: '', from: '', to: '' };

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={form.onSubmit(props.onApply)} aria-label={t('audit.filters.label')}>
        <FormAlert error={props.serverError} problem={form.problem} />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt={props.serverError ? 'sm' : 0}>
          <NativeSelect
            label={t('audit.filters.action')}
            data={[
              { value: '', label: t('audit.filters.anyAction') },
              ...actions.map((action) => ({ value: action, label: actionLabel(action, t) })),
            ]}
            {...form.text('action')}
          />
          <NativeSelect
            label={t('audit.filters.outcome')}
            data={[
              { value: '', label: t('audit.filters.anyOutcome') },
              ...auditOutcomes.map((outcome) => ({ value: outcome, label: t(`audit.outcomes.${outcome}`) })),
            ]}
            {...form.text('outcome')}
          />
          <TextInput type="date" label={t('audit.filters.from')} {...form.text('from')} />
          <TextInput type="date" label={t('audit.filters.to')} {...form.text('to')} />
        </SimpleGrid>
        <Group mt="md" gap="sm">
          <Button type="submit">{t('audit.filters.apply')}</Button>
          <Button variant="default" onClick={() => props.onApply(empty)}>
            {t('audit.filters.clear')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
