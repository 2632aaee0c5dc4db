// The network's settings as its pages follow them: what the network stored, else what its
// deployment says (the country from KITH_COUNTRY, the map tiles from KITH_MAP_TILES_URL).
import type { Queryable } from '../../platform/db/database';
import type { DistanceUnit, NetworkSettings } from './identity.schema';
import { readNetworkSettingValues } from './identity.store';

/** What the deployment says, before any setting the network stored. */
export interface NetworkDefaults {
  /** ISO 3166-1 alpha-2. */
  country: string;
  mapTiles: { urlTemplate: string; attribution: string } | null;
}

export const DISTANCE_UNIT_KEY = 'distance_unit';

// Road distances are given in miles in these countries and territories; everywhere else in km.
const milesCountries = new Set(['US', 'GB', 'LR', 'MM', 'PR', 'GU', 'VI', 'AS', 'MP']);

export function usualDistanceUnit(country: string): DistanceUnit {
  return milesCountries.has(country.toUpperCase()) ? 'mi' : 'km';
}

export type NetworkSettingsRecord = NetworkSettings;

export async function findNetworkSettings(q: Queryable, defaults: NetworkDefaults): Promise<NetworkSettingsRecord> {
  const stored = await readNetworkSettingValues(q, [DISTANCE_UNIT_KEY]);
  const unit = stored[DISTANCE_UNIT_KEY];
  const storedUnit = unit === 'mi' || unit === 'km' ? unit : null;
  return {
    country: defaults.country.toUpperCase(),
    distanceUnit: storedUnit ?? usualDistanceUnit(defaults.country),
    usualDistanceUnit: usualDistanceUnit(defaults.country),
    mapTiles: defaults.mapTiles,
  };
}
