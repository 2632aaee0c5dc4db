// How a service's room changed over time, newest first: a table, since every trend has one.
import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CapacityHistoryEntry } from '../api/directory';
import { formatDateTime } from '../i18n/format';
import { capacityLabel } from './capacity-badge';

const rowsShownFirst = 10;

export function CapacityHistory(props: { history: CapacityHistoryEntry[] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const rows = [...props.history].sort((a, b) => Date.parse(b.recordedAt) - Date.parse(a.recordedAt));
  const shown = showAll ? rows : rows.slice(0, rowsShownFirst);
  const number = (value: number | null) => (value === null ? '—' : String(value));
  const yesNo = (value: boolean | null) =>
    value === null ? '—' : value ? t('directory.history.yes') : t('directory.history.no');

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="history-heading">
          {t('directory.history.title')}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed">{t('directory.history.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table striped verticalSpacing="xs" aria-labelledby="history-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.history.when')}</Table.Th>
                  <Table.Th>{t('directory.history.room')}</Table.Th>
                  <Table.Th>{t('directory.history.openSlots')}</Table.Th>
                  <Table.Th>{t('directory.history.waitlist')}</Table.Th>
                  <Table.Th>{t('directory.history.accepting')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((entry, index) => (
                  <Table.Tr key={`${entry.recordedAt}-${index}`}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={entry.recordedAt}>{formatDateTime(entry.recordedAt)}</time>
                    </Table.Td>
                    <Table.Td>{capacityLabel(t, entry.capacityStatus)}</Table.Td>
                    <Table.Td>{number(entry.openSlots)}</Table.Td>
                    <Table.Td>{number(entry.waitlistLength)}</Table.Td>
                    <Table.Td>{yesNo(entry.acceptingReferrals)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {rows.length > rowsShownFirst && (
          <Button variant="default" size="xs" onClick={() => setShowAll((all) => !all)} style={{ alignSelf: 'flex-start' }}>
            {showAll ? t('directory.history.showFewer') : t('directory.history.showAll', { count: rows.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
