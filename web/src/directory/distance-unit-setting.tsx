// For network admins: the unit every page shows distances in (miles or kilometres). Until one is
// chosen, the usual unit of the network's country is used; choosing it again keeps following it.
import { NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNetworkSettings, useUpdateNetworkSettings } from '../api/network-settings';
import { distanceUnits, type DistanceUnit } from '../api/types';
import { problemMessage } from '../ui/problem';

export function DistanceUnitSetting() {
  const { t } = useTranslation();
  const settings = useNetworkSettings();
  const update = useUpdateNetworkSettings();
  if (!settings.data) return null;
  const current = settings.data;
  const usual = current.usualDistanceUnit;
  const choose = (unit: DistanceUnit) =>
    update.mutate(
      { distanceUnit: unit === usual ? null : unit },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t('directory.settings.distanceSaved', { unit: t(`directory.settings.units.${saved.distanceUnit}`) }),
          }),
      },
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="distance-unit-heading">
      <Stack gap="xs">
        <Title order={2} size="h4" id="distance-unit-heading">
          {t('directory.settings.distanceTitle')}
        </Title>
        <Text size="sm">{t('directory.settings.distanceIntro')}</Text>
        {update.isError && (
          <Text size="sm" c="red.9" role="alert">
            {problemMessage(update.error, t)}
          </Text>
        )}
        <NativeSelect
          label={t('directory.settings.distanceUnit')}
          maw={320}
          value={current.distanceUnit}
          disabled={update.isPending}
          onChange={(event) => choose(event.currentTarget.value as DistanceUnit)}
          data={distanceUnits.map((unit) => ({
            value: unit,
            label:
              unit === usual
                ? t('directory.settings.unitUsual', { unit: t(`directory.settings.units.${unit}`) })
                : t(`directory.settings.units.${unit}`),
          }))}
        />
      </Stack>
    </Paper>
  );
}
