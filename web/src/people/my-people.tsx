// The home page's "my people": the people whose care team I am on first, then others I may see;
// whoever has the most urgent open need first, with their open needs in words.
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNeedDomains } from '../api/directory';
import { useMyPeople } from '../api/people';
import { Loading, QueryError } from '../ui/status';
import { personName } from './people-words';

const severityColor = { low: 'gray', medium: 'blue', high: 'orange', urgent: 'red' } as const;

export function MyPeople() {
  const { t } = useTranslation();
  const mine = useMyPeople();
  const domains = useNeedDomains();
  const domainName = (code: string) => domains.data?.find((domain) => domain.code === code)?.name ?? code;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-people-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="my-people-title">
            {t('people.myPeopleTitle')}
          </Title>
          <Anchor component={Link} to="/people" size="sm">
            {t('people.allPeople')}
          </Anchor>
        </Group>
        {mine.isPending ? (
          <Loading />
        ) : mine.isError ? (
          <QueryError error={mine.error} onRetry={() => void mine.refetch()} />
        ) : mine.data.length === 0 ? (
          <Text>{t('people.myPeopleNone')}</Text>
        ) : (
          <List spacing="xs">
            {mine.data.map(({ person, onMyTeam, openNeeds }) => (
              <List.Item key={person.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/people/${person.id}`}>
                    {personName(person)}
                  </Anchor>
                  {onMyTeam && (
                    <Badge size="sm" variant="light">
                      {t('people.onMyTeam')}
                    </Badge>
                  )}
                  {openNeeds.map((need) => (
                    <Badge key={need.needDomain} size="sm" variant="light" color={severityColor[need.severity]}>
                      {t('people.openNeed', {
                        need: domainName(need.needDomain),
                        severity: t(`screening.needs.severities.${need.severity}`),
                      })}
                    </Badge>
                  ))}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
