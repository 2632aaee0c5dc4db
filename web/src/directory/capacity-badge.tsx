// A service's room in a few words ("Room available", "Waitlist: 12", "No room right now") and how
// old that report is ("updated 3 days ago"); an old report says it may be out of date.
import { Badge, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CapacityStatus } from '../api/directory';
import { ageInDays, staleAfterDays, updatedAgo } from './format';

const statusColor: Record<CapacityStatus, string> = {
  available: 'teal',
  waitlist: 'orange',
  no_capacity: 'red',
  assessment_required: 'blue',
};

export function capacityLabel(
  t: TFunction,
  status: CapacityStatus | null | undefined,
  numbers: { openSlots?: number | null; waitlistLength?: number | null } = {},
): string {
  switch (status) {
    case 'available':
      return numbers.openSlots != null && numbers.openSlots > 0
        ? t('directory.capacity.roomFor', { count: numbers.openSlots })
        : t('directory.capacity.available');
    case 'waitlist':
      return numbers.waitlistLength != null
        ? t('directory.capacity.waitlistOf', { count: numbers.waitlistLength })
        : t('directory.capacity.waitlist');
    case 'no_capacity':
      return t('directory.capacity.noCapacity');
    case 'assessment_required':
      return t('directory.capacity.assessmentRequired');
    case null:
    case undefined:
      return t('directory.capacity.unknown');
  }
}

export function CapacityBadge(props: {
  status: CapacityStatus | null | undefined;
  openSlots?: number | null;
  waitlistLength?: number | null;
  updatedAt?: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  const stale = props.updatedAt ? ageInDays(props.updatedAt) > staleAfterDays : false;
  return (
    <Group gap={6} wrap="wrap" component="span" display="inline-flex">
      <Badge component="span" size={props.size ?? 'lg'} variant="light" color={props.status ? statusColor[props.status] : 'gray'}>
        {capacityLabel(t, props.status, props)}
      </Badge>
      {props.updatedAt && (
        <Text component="span" size="sm" c={stale ? 'orange.9' : 'dimmed'}>
          {stale ? t('directory.capacity.stale', { updated: updatedAgo(props.updatedAt, t) }) : updatedAgo(props.updatedAt, t)}
        </Text>
      )}
    </Group>
  );
}
