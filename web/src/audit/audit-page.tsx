// The audit log: who did what, when, and whether it was allowed. Filters live in the address,
// so a filtered view can be bookmarked or shared with another admin.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuditLog } from '../api/audit';
import { ApiError } from '../api/client';
import { itemsOf } from '../api/paged';
import { auditOutcomes, type AuditFilters as ApiFilters, type AuditOutcome } from '../api/types';
import { Page } from '../ui/page';
import { Loading, QueryError } from '../ui/status';
import { auditCsv, downloadText } from './audit-csv';
import { AuditFilters, type AuditFilterValues } from './audit-filters';
import { AuditTable } from './audit-table';

const day = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD day in the reader's time zone, as the instant it starts. */
function startOfDay(value: string, addDays = 0): string | undefined {
  if (!day.test(value)) return undefined;
  const [year, month, date] = value.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date + addDays).toISOString();
}

function toApiFilters(values: AuditFilterValues): ApiFilters {
  return {
    action: values.action || undefined,
    outcome: (auditOutcomes as readonly string[]).includes(values.outcome) ? (values.outcome as AuditOutcome) : undefined,
    from: startOfDay(values.from),
    // The log's "to" is exclusive: the day the reader picked ends at the next day's start.
    to: startOfDay(values.to, 1),
  };
}

export default function AuditPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const values: AuditFilterValues = {
    action: searchParams.get('action') ?? '',
    outcome: searchParams.get('outcome') ?? '',
    from: searchParams.get('from') ?? '',
    to: searchParams.get('to') ?? '',
  };
  const log = useAuditLog(toApiFilters(values));
  const entries = itemsOf(log.data);
  const filtersRefused = log.error instanceof ApiError && log.error.status === 400;

  const apply = (next: AuditFilterValues) =>
    setSearchParams(Object.fromEntries(Object.entries(next).filter(([, value]) => value !== '')));

  const download = () => {
    const today = new Date().toISOString().slice(0, 10);
    downloadText(`kith-audit-${today}.csv`, auditCsv(entries, t), 'text/csv;charset=utf-8');
  };

  return (
    <Page title={t('audit.title')} description={t('audit.intro')}>
      <AuditFilters
        key={searchParams.toString()}
        values={values}
        onApply={apply}
        serverError={filtersRefused ? log.error : null}
      />
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} size="h4" id="audit-entries">
            {t('audit.entries')}
          </Title>
          <Button variant="default" size="sm" onClick={download} disabled={entries.length === 0}>
            {t('audit.downloadCsv', { count: entries.length })}
          </Button>
        </Group>
        {log.isPending && <Loading />}
        {log.isError && !filtersRefused && <QueryError error={log.error} onRetry={() => void log.refetch()} />}
        <Text size="sm" c="dimmed" role="status">
          {log.isSuccess && (entries.length === 0 ? t('audit.none') : t('audit.shown', { count: entries.length }))}
        </Text>
        {entries.length > 0 && <AuditTable entries={entries} captionId="audit-entries" />}
        {log.hasNextPage && (
          <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Page>
  );
}
