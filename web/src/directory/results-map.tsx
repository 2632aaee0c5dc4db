// The results on a map, beside the list (which stays first on the page, for keyboard and screen
// reader users; the map adds nothing the list lacks). Markers are numbered as the list; the place
// searched from and the distance's circle are drawn; a click on a marker picks its result in the
// list. Tiles come from the network's tile server; with none reachable the markers still show on
// the map's plain background. Leaflet draws with plain HTML and SVG, no WebGL.
import 'leaflet/dist/leaflet.css';
import { Box, Paper, Text } from '@mantine/core';
import L from 'leaflet';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResult } from '../api/directory';
import type { NetworkSettings } from '../api/types';

export interface MapOrigin {
  latitude: number;
  longitude: number;
}

/** The list, then the map beside it on wide screens (below it on narrow ones). */
export function ResultsWithMap(props: { list: ReactNode; map: ReactNode }) {
  return (
    <div className="results-with-map">
      <div className="results-with-map-list">{props.list}</div>
      <div className="results-with-map-map">{props.map}</div>
    </div>
  );
}

export function ResultsMap(props: {
  results: SearchResult[];
  origin: MapOrigin | null;
  radiusKm: number | null;
  tiles: NetworkSettings['mapTiles'];
  selectedEntryId: string | null;
  onSelect: (index: number) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement | null>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, L.Marker>());
  const onSelect = useRef(props.onSelect);
  onSelect.current = props.onSelect;

  // The map itself, once; its tiles when the network names a tile server.
  useEffect(() => {
    if (!container.current) return;
    // No animations: a map taken away mid-animation (the page left) would throw, and none are needed.
    const created = L.map(container.current, {
      scrollWheelZoom: false,
      zoomSnap: 0.5,
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    });
    created.attributionControl.setPrefix(false);
    // A view from the start: layers are drawn only on a map that has one (the results set the real one).
    created.setView([39.5, -98.35], 3);
    if (props.tiles) {
      L.tileLayer(props.tiles.urlTemplate, { attribution: props.tiles.attribution, maxZoom: 19, crossOrigin: false }).addTo(
        created,
      );
    }
    layers.current = L.layerGroup().addTo(created);
    map.current = created;
    return () => {
      created.remove();
      map.current = null;
      layers.current = null;
    };
  }, [props.tiles]);

  // The markers of the results, the place searched from and the circle, fitted into view.
  const placed = props.results
    .map((result, index) => ({ result, index }))
    .filter(({ result }) => result.latitude !== null && result.longitude !== null);
  const key = JSON.stringify([placed.map(({ result }) => result.entryId), props.origin, props.radiusKm, props.tiles]);
  useEffect(() => {
    const group = layers.current;
    const current = map.current;
    if (!group || !current) return;
    group.clearLayers();
    markers.current.clear();
    const bounds = L.latLngBounds([]);
    if (props.origin) {
      const center = L.latLng(props.origin.latitude, props.origin.longitude);
      if (props.radiusKm) {
        const circle = L.circle(center, { radius: props.radiusKm * 1000, weight: 1, fillOpacity: 0.05, interactive: false });
        group.addLayer(circle);
        bounds.extend(center.toBounds(props.radiusKm * 2000));
      }
      group.addLayer(
        L.circleMarker(center, { radius: 7, weight: 3, color: '#1c7ed6', fillOpacity: 1, fillColor: '#fff', interactive: false }),
      );
      bounds.extend(center);
    }
    for (const { result, index } of placed) {
      const number = index + 1;
      const point = L.latLng(result.latitude!, result.longitude!);
      const marker = L.marker(point, {
        icon: L.divIcon({ className: 'result-marker', html: String(number), iconSize: [28, 28], iconAnchor: [14, 14] }),
        title: t('directory.map.marker', { number, name: result.serviceName }),
        alt: t('directory.map.marker', { number, name: result.serviceName }),
        keyboard: true,
        riseOnHover: true,
      });
      marker.on('click', () => onSelect.current(index));
      marker.on('keypress', (event: L.LeafletKeyboardEvent) => {
        if (event.originalEvent.key === 'Enter' || event.originalEvent.key === ' ') onSelect.current(index);
      });
      group.addLayer(marker);
      markers.current.set(result.entryId, marker);
      bounds.extend(point);
    }
    if (bounds.isValid()) current.fitBounds(bounds, { padding: [24, 24], maxZoom: 15, animate: false });
    else current.setView([39.5, -98.35], 3, { animate: false });
    // `key` stands for the results, the origin and the radius.
  }, [key]);

  // The picked result's marker stands out.
  useEffect(() => {
    for (const [entryId, marker] of markers.current) {
      const element = marker.getElement();
      element?.classList.toggle('result-marker-selected', entryId === props.selectedEntryId);
      if (entryId === props.selectedEntryId) marker.setZIndexOffset(1000);
      else marker.setZIndexOffset(0);
    }
  }, [props.selectedEntryId, key]);

  return (
    <Paper withBorder component="section" aria-label={t('directory.map.label')} className="results-map-frame">
      <Box ref={container} className="results-map" data-testid="results-map" />
      <Text size="xs" c="dimmed" px="sm" py={4}>
        {placed.length > 0 ? t('directory.map.note') : t('directory.map.noPlace')}
      </Text>
    </Paper>
  );
}
