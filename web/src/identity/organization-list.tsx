// The network's organisations: search by name, load more, pick one; network admins add new ones.
import { Button, Group, NavLink, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../api/identity';
import { itemsOf } from '../api/paged';
import { Loading, QueryError } from '../ui/status';
import { AddOrganizationModal } from './add-organization-form';

export function OrganizationList(props: { selectedId: string | null; onSelect: (organizationId: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizations(debouncedSearch);
  const items = itemsOf(organizations.data);
  const [adding, addModal] = useDisclosure(false);

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="organizations-heading">
            {t('organizations.title')}
          </Title>
          <Button size="xs" onClick={addModal.open}>
            {t('organizations.add')}
          </Button>
        </Group>
        <TextInput
          type="search"
          label={t('organizations.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {organizations.isPending && <Loading />}
        {organizations.isError && <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />}
        {organizations.isSuccess && items.length === 0 && (
          <Text c="dimmed" role="status">
            {debouncedSearch ? t('organizations.noMatch', { search: debouncedSearch }) : t('organizations.none')}
          </Text>
        )}
        <Stack component="ul" gap={2} className="plain-list" aria-labelledby="organizations-heading">
          {items.map((organization) => {
            const current = organization.id === props.selectedId;
            return (
              <li key={organization.id}>
                <NavLink
                  component="button"
                  type="button"
                  label={organization.name}
                  description={t(`organizationKinds.${organization.kind}`)}
                  active={current}
                  aria-current={current ? 'true' : undefined}
                  onClick={() => props.onSelect(organization.id)}
                />
              </li>
            );
          })}
        </Stack>
        {organizations.hasNextPage && (
          <Button variant="default" loading={organizations.isFetchingNextPage} onClick={() => void organizations.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
      <AddOrganizationModal
        opened={adding}
        onClose={addModal.close}
        onAdded={(organization) => props.onSelect(organization.id)}
      />
    </Paper>
  );
}
