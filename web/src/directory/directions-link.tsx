// "Directions": a link that opens the service's place in a maps site (Google Maps' cross-platform
// directions address, which phones open in their maps app). The place is its coordinates when the
// directory has them, else its address; nothing about the person being helped is sent.
import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function directionsHref(place: {
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}): string | null {
  const destination =
    place.latitude !== null && place.longitude !== null ? `${place.latitude},${place.longitude}` : place.address?.trim();
  if (!destination) return null;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}

export function DirectionsLink(props: {
  name: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}) {
  const { t } = useTranslation();
  const href = directionsHref(props);
  if (!href) return null;
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      size="sm"
      aria-label={t('directory.result.directionsTo', { name: props.name })}
    >
      {t('directory.result.directions')}
    </Anchor>
  );
}
