// A service's room as its staff last reported it: the badge with its age, the numbers behind it,
// whether it takes referrals, and who updated it.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Intake } from '../api/directory';
import { CapacityBadge } from './capacity-badge';

export function RoomCard(props: { intake: Intake }) {
  const { t } = useTranslation();
  const { intake } = props;
  const facts: string[] = [];
  if (intake.openSlots !== null) facts.push(t('directory.room.openSlots', { count: intake.openSlots }));
  if (intake.waitlistLength !== null) facts.push(t('directory.room.waitlistLength', { count: intake.waitlistLength }));
  if (intake.daysToFirstContact !== null) {
    facts.push(
      intake.daysToFirstContact === 0
        ? t('directory.room.firstContactSameDay')
        : t('directory.room.firstContact', { count: intake.daysToFirstContact }),
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="room-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="room-heading">
          {t('directory.room.title')}
        </Title>
        <div role="status" aria-live="polite">
          <CapacityBadge
            size="xl"
            status={intake.capacityStatus}
            openSlots={intake.openSlots}
            waitlistLength={intake.waitlistLength}
            updatedAt={intake.capacityUpdatedAt}
          />
        </div>
        <Group gap="xs">
          {intake.acceptingReferrals ? (
            <Badge size="lg" variant="light" color="teal">
              {t('directory.room.accepting')}
            </Badge>
          ) : (
            <Badge size="lg" variant="light" color="red">
              {t('directory.room.notAccepting')}
            </Badge>
          )}
        </Group>
        {facts.length > 0 && (
          <List size="sm" spacing={2}>
            {facts.map((fact) => (
              <List.Item key={fact}>{fact}</List.Item>
            ))}
          </List>
        )}
        {intake.capacityNote && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {intake.capacityNote}
          </Text>
        )}
        {intake.capacityUpdatedBy && (
          <Text size="sm" c="dimmed">
            {t('directory.room.updatedBy', { name: intake.capacityUpdatedBy })}
          </Text>
        )}
        {!intake.capacityStatus && (
          <Text size="sm" c="dimmed">
            {t('directory.room.neverReported')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
