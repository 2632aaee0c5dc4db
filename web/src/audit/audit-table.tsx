// The audit log's rows, newest first.
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditOutcome } from '../api/types';
import { formatDateTime } from '../i18n/format';
import { actionLabel, actorLabel, recordLabel } from './audit-labels';

const outcomeColor: Record<AuditOutcome, string> = { success: 'teal', denied: 'red', failure: 'orange' };

export function AuditTable(props: { entries: AuditEntry[]; captionId: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table aria-labelledby={props.captionId} striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.columns.time')}</Table.Th>
            <Table.Th>{t('audit.columns.who')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            <Table.Th>{t('audit.columns.outcome')}</Table.Th>
            <Table.Th>{t('audit.columns.record')}</Table.Th>
            <Table.Th>{t('audit.columns.ip')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Table.Td>
              <Table.Td>{actorLabel(entry, t)}</Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(entry.action, t)}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {entry.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={outcomeColor[entry.outcome]}>
                  {t(`audit.outcomes.${entry.outcome}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{recordLabel(entry, t)}</Text>
                {entry.recordName && <Text size="sm">{entry.recordName}</Text>}
                {entry.recordId && (
                  <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {entry.recordId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {entry.ip ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
