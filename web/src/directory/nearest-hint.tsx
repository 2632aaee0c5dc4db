// When nothing matches within the distance asked: how far the nearest match is, and one button
// that widens the search to the smallest offered distance reaching it.
import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DistanceUnit } from '../api/types';
import { formatDistance } from './format';
import { radiusReaching } from './search-query';

export function NearestHint(props: {
  radiusKm: number;
  nearest: { distanceMetres: number };
  unit: DistanceUnit;
  onWiden: (radiusKm: number) => void;
}) {
  const { t } = useTranslation();
  const { unit } = props;
  const nearestKm = props.nearest.distanceMetres / 1000;
  const widened = radiusReaching(nearestKm, unit);
  return (
    <Stack gap="xs" align="flex-start">
      <Text fw={600}>
        {t('directory.results.nearestBeyond', {
          radius: formatDistance(props.radiusKm, unit),
          distance: formatDistance(nearestKm, unit),
        })}
      </Text>
      <Button onClick={() => props.onWiden(widened)}>
        {t('directory.results.widenTo', { radius: formatDistance(widened, unit) })}
      </Button>
    </Stack>
  );
}
