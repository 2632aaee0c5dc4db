// Open now, closed now, or hours not known, with the hours when the directory has them.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpeningHours } from '../api/directory';
import { hoursLine } from './format';
import { ClockIcon } from './icons';

export function OpenStatus(props: { openNow: boolean | null; hours?: OpeningHours[] }) {
  const { t } = useTranslation();
  const hoursText = (props.hours ?? [])
    .map((hours) => hoursLine(hours, t))
    .filter(Boolean)
    .join('; ');
  const label =
    props.openNow === true
      ? t('directory.open.now')
      : props.openNow === false
        ? t('directory.open.closed')
        : t('directory.open.unknown');
  const color = props.openNow === true ? 'teal' : 'gray';
  return (
    <Group gap={6} wrap="nowrap" align="center" component="span" display="inline-flex">
      <Badge
        component="span"
        size="lg"
        variant={props.openNow === true ? 'light' : 'outline'}
        color={color}
        leftSection={<ClockIcon />}
      >
        {label}
      </Badge>
      {hoursText && (
        <Text component="span" size="sm" c="dimmed">
          {hoursText}
        </Text>
      )}
    </Group>
  );
}
