// For network admins, on a directory organisation's page: which network organisation keeps its
// services' room (its staff may update it), and a way to link another one or unlink it.
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLinkDirectoryOrganization } from '../api/directory-settings';
import { useOrganization, useOrganizations } from '../api/identity';
import { itemsOf } from '../api/paged';
import { problemMessage, splitFieldErrors } from '../ui/problem';
import { SearchSelect } from '../ui/search-select';

export function NetworkLinkPanel(props: { directoryOrganizationId: string; networkOrganizationId: string | null }) {
  const { t } = useTranslation();
  const linked = useOrganization(props.networkOrganizationId ?? undefined);
  const link = useLinkDirectoryOrganization(props.directoryOrganizationId);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizations(debouncedSearch);
  const [picked, setPicked] = useState<string | null>(null);
  const [pickMissing, setPickMissing] = useState(false);
  const fieldError = splitFieldErrors(link.error, ['organizationId'] as const).byField.organizationId;
  // Only an error the field does not explain goes in the alert.
  const otherError = link.isError && !fieldError ? problemMessage(link.error, t) : null;

  const save = (organizationId: string | null) =>
    link.mutate(organizationId, {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: organizationId ? t('directory.link.linked') : t('directory.link.unlinked'),
        });
        setPicked(null);
        setSearch('');
      },
    });

  const linkedName = props.networkOrganizationId
    ? (linked.data?.name ?? (linked.isError ? t('directory.link.unknownOrganization') : t('common.loading')))
    : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="network-link-heading">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3" id="network-link-heading">
            {t('directory.link.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('directory.link.intro')}
          </Text>
        </div>
        <Text role="status">
          {linkedName ? t('directory.link.linkedTo', { name: linkedName }) : t('directory.link.notLinked')}
        </Text>
        {otherError && (
          <Alert color="red" variant="light" title={t('errors.formTitle')}>
            {otherError}
          </Alert>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (picked) save(picked);
            else setPickMissing(true);
          }}
        >
          <Group align="flex-end" gap="sm">
            <SearchSelect
              label={props.networkOrganizationId ? t('directory.link.changeTo') : t('directory.link.linkTo')}
              options={itemsOf(organizations.data)
                .filter((organization) => organization.id !== props.networkOrganizationId)
                .map((organization) => ({ value: organization.id, label: organization.name }))}
              search={search}
              onSearchChange={setSearch}
              searching={organizations.isFetching || search.trim() !== debouncedSearch}
              failed={organizations.isError}
              value={picked}
              onChange={(value) => {
                setPicked(value);
                setPickMissing(false);
                link.reset();
              }}
              error={pickMissing ? t('form.chooseOne') : fieldError}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit" loading={link.isPending && link.variables !== null}>
              {t('directory.link.link')}
            </Button>
            {props.networkOrganizationId && (
              <Button
                variant="default"
                color="red"
                loading={link.isPending && link.variables === null}
                onClick={() => save(null)}
              >
                {t('directory.link.unlink')}
              </Button>
            )}
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
