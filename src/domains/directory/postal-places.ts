// Where a postal code is: the centre of a US ZIP code, from the `zipcodes` package's table (about
// 42,000 US ZIP codes, PO-box ZIPs included, offline; BSD licence, coordinates from GeoNames,
// CC BY 4.0). The import places a location without coordinates at its ZIP code's centre, and the
// search's "near" accepts any US ZIP code through it. Codes are keyed by the directory's one rule
// (directory_postal_code_key, in SQL), so "21201-1234" and " 21201" are 21201 here as everywhere.
import type ZipCodes from 'zipcodes';
import type { Queryable } from '../../platform/db/database';
import { postalCodeKeys } from './search.store';

export interface PostalPlace {
  /** The postal code as the directory keys it (a US ZIP code's five digits). */
  postalCode: string;
  latitude: number;
  longitude: number;
}

// The table is 5 MB of JavaScript: loaded the first time a ZIP code is looked up, not with every
// `kith` command.
let table: Promise<typeof ZipCodes> | undefined;
const zipcodes = () => (table ??= import('zipcodes').then((module) => module.default));

/** The centre of a US ZIP code already keyed by directory_postal_code_key, if the table knows it. */
async function zipCentre(key: string): Promise<PostalPlace | undefined> {
  if (!/^\d{5}$/.test(key)) return undefined;
  const found = (await zipcodes()).lookup(key);
  if (!found || found.country !== 'US' || !Number.isFinite(found.latitude) || !Number.isFinite(found.longitude)) {
    return undefined;
  }
  return { postalCode: key, latitude: found.latitude, longitude: found.longitude };
}

/** The centres of postal codes as written in addresses, by the code as written (codes not found are absent). */
export async function postalCodeCentres(q: Queryable, codes: readonly string[]): Promise<Map<string, PostalPlace>> {
  const found = new Map<string, PostalPlace>();
  if (codes.length === 0) return found;
  for (const { code, key } of await postalCodeKeys(q, [...new Set(codes)])) {
    const place = key === null ? undefined : await zipCentre(key);
    if (place) found.set(code, place);
  }
  return found;
}

/** The centre of one postal code as a person typed it. */
export async function postalCodeCentre(q: Queryable, code: string): Promise<PostalPlace | undefined> {
  return (await postalCodeCentres(q, [code])).get(code);
}
