// The home page's "my people": the people whose care team I am on first, then others I may see.
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyPeople } from '../api/people';
import { Loading, QueryError } from '../ui/status';
import { personName } from './people-words';

export function MyPeople() {
  const { t } = useTranslation();
  const mine = useMyPeople();
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
            {mine.data.map(({ person, onMyTeam }) => (
              <List.Item key={person.id}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/people/${person.id}`}>
                    {personName(person)}
                  </Anchor>
                  {onMyTeam && (
                    <Badge size="sm" variant="light">
                      {t('people.onMyTeam')}
                    </Badge>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
