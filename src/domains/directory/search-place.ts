// Where a search is near: a point, a postal code the directory knows (the centroid of its places),
// any other US ZIP code (its centre, see postal-places.ts) or part of an address; and the grid cells that cover the circle around it.
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { postalCodeCentre } from './postal-places';
import { addressPoint, postalCodeCentroid } from './search.store';

export interface Origin {
  latitude: number;
  longitude: number;
  label: string;
}

export const DEFAULT_RADIUS_KM = 10;
/** The largest radius a search may ask for (SearchQuery.radiusKm), and how far "the nearest" looks. */
export const MAX_RADIUS_KM = 200;

export async function resolveOrigin(q: Queryable, place: { lat?: number; lon?: number; near?: string }): Promise<Origin | null> {
  if (place.lat !== undefined && place.lon !== undefined) {
    return { latitude: place.lat, longitude: place.lon, label: `${place.lat}, ${place.lon}` };
  }
  if (!place.near) return null;
  const near = place.near.trim();
  const centroid = await postalCodeCentroid(q, near);
  if (centroid) return { ...centroid, label: near };
  const zip = await postalCodeCentre(q, near);
  if (zip) return { latitude: zip.latitude, longitude: zip.longitude, label: near };
  const address = await addressPoint(q, near);
  if (address) return { latitude: address.latitude, longitude: address.longitude, label: address.address };
  throw AppError.field('query.near', 'is not a US ZIP code or address the directory knows');
}

const CELL_LEVELS = 9;
const MAX_COVERING_CELLS = 36;

/**
 * The grid cells (see directory_cell_tokens) that cover a circle: of the finest level that needs
 * at most MAX_COVERING_CELLS of them. Null when the circle reaches a pole or crosses the 180th
 * meridian, where the grid's rows and columns do not run on (such a search walks).
 */
export function coveringCells(origin: { latitude: number; longitude: number }, radiusMetres: number): string[] | null {
  const latitudeSpan = radiusMetres / 111_195;
  const longitudeSpan = latitudeSpan / Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180));
  if (Math.abs(origin.latitude) + latitudeSpan >= 90 || Math.abs(origin.longitude) + longitudeSpan >= 180) return null;
  for (let level = 0; level < CELL_LEVELS; level++) {
    const size = 0.005 * 2 ** level;
    const row = (latitude: number) => Math.floor((latitude + 90) / size);
    const column = (longitude: number) => Math.floor((longitude + 180) / size);
    const rows = [row(origin.latitude - latitudeSpan), row(origin.latitude + latitudeSpan)] as const;
    const columns = [column(origin.longitude - longitudeSpan), column(origin.longitude + longitudeSpan)] as const;
    const count = (rows[1] - rows[0] + 1) * (columns[1] - columns[0] + 1);
    if (count > MAX_COVERING_CELLS && level < CELL_LEVELS - 1) continue;
    const cells: string[] = [];
    for (let r = rows[0]; r <= rows[1]; r++) for (let c = columns[0]; c <= columns[1]; c++) cells.push(`g${level}:${r}:${c}`);
    return cells;
  }
  return [];
}
