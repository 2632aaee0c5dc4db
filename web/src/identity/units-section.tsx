// An organisation's departments, programs, clinics and teams; admins add new ones.
import { Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../api/identity';
import { itemsOf } from '../api/paged';
import { Loading, QueryError } from '../ui/status';
import { AddUnitForm } from './add-unit-form';

export function UnitsSection(props: { organizationId: string }) {
  const { t } = useTranslation();
  const units = useUnits(props.organizationId);
  const items = itemsOf(units.data);
  const addButton = useRef<HTMLButtonElement>(null);
  // Closing the form gives focus back to the button that opened it.
  const [adding, addForm] = useDisclosure(false, { onClose: () => addButton.current?.focus() });
  const headingId = `units-heading-${props.organizationId}`;
  const formId = `add-unit-${props.organizationId}`;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <div>
            <Title order={3} id={headingId}>
              {t('units.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('units.intro')}
            </Text>
          </div>
          <Button ref={addButton} size="xs" onClick={addForm.toggle} aria-expanded={adding} aria-controls={formId}>
            {t('units.add')}
          </Button>
        </Group>
        <Collapse in={adding} id={formId}>
          {adding && <AddUnitForm organizationId={props.organizationId} onDone={addForm.close} />}
        </Collapse>
        {units.isPending && <Loading />}
        {units.isError && <QueryError error={units.error} onRetry={() => void units.refetch()} />}
        {units.isSuccess && items.length === 0 && <Text c="dimmed">{t('units.none')}</Text>}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table aria-labelledby={headingId} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.columns.name')}</Table.Th>
                  <Table.Th>{t('units.columns.kind')}</Table.Th>
                  <Table.Th>{t('units.columns.description')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((unit) => (
                  <Table.Tr key={unit.id}>
                    <Table.Td fw={600}>{unit.name}</Table.Td>
                    <Table.Td>{t(`unitKinds.${unit.kind}`)}</Table.Td>
                    <Table.Td>{unit.description || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {units.hasNextPage && (
          <Button variant="default" loading={units.isFetchingNextPage} onClick={() => void units.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
