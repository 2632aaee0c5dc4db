// The population list: the people the signed-in user may see, filtered by program and care team,
// searched by name, MRN or date of birth, sorted, one page at a time, and as a CSV.
import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { itemsOf } from '../api/paged';
import { peopleCsvUrl, useCarePrograms, usePeople, type PeopleFilters } from '../api/people';
import { useNeedDomains } from '../api/directory';
import { needStatuses, peopleSorts, type PeopleSort } from '../api/types';
import { Page } from '../ui/page';
import { useSignedInUser } from '../ui/session-guard';
import { Loading, QueryError } from '../ui/status';
import { accessCell } from './access-words';
import { canWritePeople, personName } from './people-words';
import { LastReachedCell, LastReachedSelect } from '../outreach/last-reached';

export default function PeopleListPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [filters, setFilters] = useState<PeopleFilters>({ q: '', programId: '', mine: false, sort: 'name' });
  const [typed, setTyped] = useState('');
  const people = usePeople(filters);
  // Programs are the care plan's: offered to the staff who see it (a leader's filter by program would find nobody).
  const staff = canWritePeople(me);
  const programs = useCarePrograms(staff);
  const needDomains = useNeedDomains();
  const items = itemsOf(people.data);

  return (
    <Page
      title={t('people.listTitle')}
      description={me.organization.isHost ? t('people.listIntroHolder') : t('people.listIntroPartner')}
      actions={
        canWritePeople(me) && (
          <Button component={Link} to="/people/new">
            {t('people.enrolAction')}
          </Button>
        )
      }
    >
      <Paper withBorder p="md">
        <form
          role="search"
          aria-label={t('people.filtersLabel')}
          onSubmit={(event) => {
            event.preventDefault();
            setFilters((current) => ({ ...current, q: typed }));
          }}
        >
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label={t('people.search')}
              description={t('people.searchHint')}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            {staff && (
              <NativeSelect
                label={t('people.program')}
                value={filters.programId}
                onChange={(event) => setFilters((current) => ({ ...current, programId: event.currentTarget.value }))}
                data={[
                  { value: '', label: t('people.anyProgram') },
                  ...(programs.data ?? []).map((program) => ({ value: program.id, label: program.name })),
                ]}
              />
            )}
            <NativeSelect
              label={t('screening.filter.needDomain')}
              value={filters.needDomain ?? ''}
              onChange={(event) => setFilters((current) => ({ ...current, needDomain: event.currentTarget.value }))}
              data={[
                { value: '', label: t('screening.filter.anyNeed') },
                ...(needDomains.data ?? []).map((domain) => ({ value: domain.code, label: domain.name })),
              ]}
            />
            <NativeSelect
              label={t('screening.filter.needStatus')}
              value={filters.needStatus ?? ''}
              onChange={(event) => setFilters((current) => ({ ...current, needStatus: event.currentTarget.value }))}
              data={[
                { value: '', label: t('screening.filter.open') },
                ...needStatuses.map((status) => ({ value: status, label: t(`screening.needs.statuses.${status}`) })),
              ]}
            />
            <LastReachedSelect
              value={filters.lastReached ?? ''}
              onChange={(lastReached) => setFilters((current) => ({ ...current, lastReached }))}
            />
            <NativeSelect
              label={t('people.sort')}
              value={filters.sort}
              onChange={(event) => setFilters((current) => ({ ...current, sort: event.currentTarget.value as PeopleSort }))}
              data={peopleSorts.map((sort) => ({ value: sort, label: t(`people.sorts.${sort}`) }))}
            />
            <Checkbox
              label={t('people.onlyMine')}
              checked={filters.mine}
              onChange={(event) => setFilters((current) => ({ ...current, mine: event.currentTarget.checked }))}
            />
            <Button type="submit">{t('people.searchButton')}</Button>
          </Group>
        </form>
      </Paper>
      {people.isPending ? (
        <Loading />
      ) : people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('people.shown', { count: items.length })}
            </Text>
            <Anchor href={peopleCsvUrl(filters)} size="sm">
              {t('people.downloadCsv')}
            </Anchor>
          </Group>
          {items.length === 0 ? (
            <Text>{t('people.none')}</Text>
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('people.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.birthDate')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.phone')}</Table.Th>
                  <Table.Th scope="col">{t('outreach.lastReached.column')}</Table.Th>
                  <Table.Th scope="col">{t('people.columns.access')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((person) => (
                  <Table.Tr key={person.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${person.id}`}>
                        {personName(person)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{person.demographics?.birthDate ?? t('people.notShared')}</Table.Td>
                    <Table.Td>{person.contact?.phone ?? (person.contact ? '' : t('people.notShared'))}</Table.Td>
                    <Table.Td>
                      <LastReachedCell person={person} />
                    </Table.Td>
                    <Table.Td>{accessCell(t, person.access)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {people.hasNextPage && (
            <Button variant="default" onClick={() => void people.fetchNextPage()} loading={people.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Page>
  );
}
