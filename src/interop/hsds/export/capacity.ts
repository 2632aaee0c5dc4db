// Kith's capacity of a service, published as HSDS 3.1's service_capacity (capacities[] on the
// service; 3.0.1 validators accept it as an extension field). Only the public figure goes out:
// open slots and when they were counted, never who updated them.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../../platform/db/database';
import type { HsdsJson } from './hsds-values';

/** RFC 4122 version-5 UUID of `name` in `namespace`: the same input always gives the same id. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Kith's namespace for the ids of records it derives (capacity records, the Slot unit). */
const kithNamespace = 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
export const slotUnit: HsdsJson = { id: uuidV5(kithNamespace, 'unit:slot'), name: 'Slot' };

interface CapacityRow {
  service_id: string;
  open_slots: number;
  updated: Date;
}

/** The capacity record of each of `serviceIds` that has a count of open slots. */
export async function capacitiesOf(q: Queryable, serviceIds: readonly string[]): Promise<Map<string, HsdsJson>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await q.query<CapacityRow>(
    `SELECT service_id, open_slots, COALESCE(capacity_updated_at, updated_at) AS updated
       FROM directory_service_intake
      WHERE service_id = ANY($1::uuid[]) AND open_slots IS NOT NULL`,
    [serviceIds],
  );
  return new Map(
    rows.map((row) => [
      row.service_id,
      {
        // Derived from the service id: one capacity record per service, stable across exports.
        id: uuidV5(kithNamespace, `capacity:${row.service_id}`),
        unit: slotUnit,
        available: row.open_slots,
        updated: new Date(row.updated).toISOString(),
      },
    ]),
  );
}
