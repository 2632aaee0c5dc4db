// "Possible duplicates" on a person's page: the people the holder has on record who may be this
// same person (the duplicate check of enrolment: same date of birth, a similar name), each with a
// link to their record and the merge that keeps this one. Shown to those who may merge, and only
// when there is someone to show.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePossibleDuplicates } from '../api/people';
import { personName } from './people-words';

export function PossibleDuplicates(props: { personId: string }) {
  const { t } = useTranslation();
  const duplicates = usePossibleDuplicates(props.personId, true);
  if (!duplicates.data || duplicates.data.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('people.duplicates.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('people.duplicates.title')}
        </Title>
        <Text size="sm">{t('people.duplicates.intro', { count: duplicates.data.length })}</Text>
        {duplicates.data.map((candidate) => {
          const name = personName(candidate);
          return (
            <Group key={candidate.id} justify="space-between">
              <div>
                <Anchor component={Link} to={`/people/${candidate.id}`}>
                  {name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {[
                    candidate.demographics && t('people.duplicates.born', { date: candidate.demographics.birthDate }),
                    candidate.contact?.phone,
                    t('people.duplicates.recorded', { date: candidate.createdAt.slice(0, 10) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </div>
              <Button
                component={Link}
                to={`/people/${props.personId}/merge/${candidate.id}`}
                variant="light"
                size="xs"
                aria-label={t('people.duplicates.mergeLabel', { name })}
              >
                {t('people.duplicates.merge')}
              </Button>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
