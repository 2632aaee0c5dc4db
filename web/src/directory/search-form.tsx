// The words and the place of a search: "What do they need?", "Near" (a ZIP code or an address)
// and how far. The server's complaints (a place it does not know) show beside their field.
import { Anchor, Button, Grid, Group, NativeSelect, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../ui/form-alert';
import { useServerForm } from '../ui/use-server-form';
import { PlaceIcon } from './icons';
import type { DistanceUnit } from '../api/types';
import { defaultRadiusKmOf, radiusChoicesKm } from './search-query';
import { formatDistance } from './format';

export type SearchFormValues = {
  q: string;
  near: string;
  radiusKm: string;
};

export function SearchForm(props: {
  values: SearchFormValues;
  onSearch: (values: SearchFormValues) => void;
  /** The search's answer when the server refused it (400), else null. */
  serverError: unknown;
  searching: boolean;
  /** The search is near a point (the device's place) rather than a typed place. */
  nearPoint: boolean;
  onUsePoint: (point: { latitude: number; longitude: number } | null) => void;
  /** The network's unit of distance: the choices are round numbers of it. */
  unit: DistanceUnit;
}) {
  const { t } = useTranslation();
  const form = useServerForm({ initialValues: props.values, serverError: props.serverError });
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const canLocate = typeof navigator !== 'undefined' && 'geolocation' in navigator && window.isSecureContext;
  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        // About 10 m is close enough, and keeps the address short.
        const round = (value: number) => Math.round(value * 10_000) / 10_000;
        props.onUsePoint({ latitude: round(position.coords.latitude), longitude: round(position.coords.longitude) });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 5 * 60_000 },
    );
  };
  const choices = radiusChoicesKm(props.unit);
  const radius = form.values.radiusKm || String(defaultRadiusKmOf(props.unit));
  const radiusOptions = choices.includes(Number(radius)) ? choices.map(String) : [...choices.map(String), radius];

  return (
    <form noValidate role="search" aria-label={t('directory.search.label')} onSubmit={form.onSubmit(props.onSearch)}>
      <FormAlert error={props.serverError} problem={form.problem} />
      <Grid gutter="sm" align="flex-end" mt={props.serverError ? 'sm' : 0}>
        <Grid.Col span={{ base: 12, sm: 6, lg: 5 }}>
          <TextInput
            type="search"
            label={t('directory.search.what')}
            description={t('directory.search.whatHelp')}
            autoComplete="off"
            {...form.text('q')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput
            label={t('directory.search.near')}
            description={t('directory.search.nearHelp')}
            autoComplete="off"
            leftSection={<PlaceIcon />}
            placeholder={props.nearPoint ? t('directory.search.nearPoint') : undefined}
            {...form.text('near')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 6, lg: 2 }}>
          <NativeSelect
            label={t('directory.search.distance')}
            description={t('directory.search.distanceHelp')}
            data={radiusOptions.map((value) => ({
              value,
              label: t('directory.search.within', { distance: formatDistance(Number(value), props.unit) }),
            }))}
            value={radius}
            onChange={(event) => form.set('radiusKm', event.currentTarget.value)}
            error={form.error('radiusKm')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 6, lg: 2 }}>
          <Button type="submit" fullWidth loading={props.searching}>
            {t('directory.search.submit')}
          </Button>
        </Grid.Col>
      </Grid>
      {(props.nearPoint || canLocate || locating === 'failed') && (
        <Group gap="sm" mt={6}>
          {props.nearPoint ? (
            <Anchor component="button" type="button" size="sm" onClick={() => props.onUsePoint(null)}>
              {t('directory.search.stopUsingMyPlace')}
            </Anchor>
          ) : (
            canLocate && (
              <Anchor component="button" type="button" size="sm" onClick={locate} disabled={locating === 'busy'}>
                {locating === 'busy' ? t('directory.search.locating') : t('directory.search.useMyPlace')}
              </Anchor>
            )
          )}
          {locating === 'failed' && (
            <Text size="sm" c="red.9" role="alert">
              {t('directory.search.locationFailed')}
            </Text>
          )}
        </Group>
      )}
    </form>
  );
}
