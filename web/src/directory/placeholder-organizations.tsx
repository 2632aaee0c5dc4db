// The stand-in organisations imports made for organisations their data names and does not have:
// the admin's list of what to ask the publisher for (or import), most services waiting first.
import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePlaceholderOrganizations } from '../api/directory-settings';
import { formatDateTime, formatList } from '../i18n/format';
import { Loading } from '../ui/status';

export function PlaceholderOrganizations() {
  const { t } = useTranslation();
  const placeholders = usePlaceholderOrganizations();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="placeholders-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="placeholders-heading">
          {t('directory.settings.placeholders.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('directory.settings.placeholders.intro')}
        </Text>
        {placeholders.isPending ? (
          <Loading />
        ) : placeholders.isError ? (
          <Alert color="red">{t('directory.settings.placeholders.loadError')}</Alert>
        ) : placeholders.data.length === 0 ? (
          <Text size="sm">{t('directory.settings.placeholders.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table striped verticalSpacing="xs" aria-labelledby="placeholders-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('directory.settings.placeholders.name')}</Table.Th>
                  <Table.Th>{t('directory.settings.placeholders.dataset')}</Table.Th>
                  <Table.Th>{t('directory.settings.placeholders.records')}</Table.Th>
                  <Table.Th>{t('directory.settings.placeholders.since')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {placeholders.data.map((placeholder) => (
                  <Table.Tr key={placeholder.id}>
                    <Table.Td>{placeholder.sourceId}</Table.Td>
                    <Table.Td>{placeholder.dataset}</Table.Td>
                    <Table.Td>
                      {formatList([
                        t('directory.settings.placeholders.services', { count: placeholder.services }),
                        t('directory.settings.placeholders.locations', { count: placeholder.locations }),
                      ])}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <time dateTime={placeholder.createdAt}>{formatDateTime(placeholder.createdAt)}</time>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
