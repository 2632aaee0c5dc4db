// Kith's capacity of a service, published as HSDS 3.1's service_capacity (capacities[] on the
// service; 3.0.1 validators accept it as an extension field). Only the public figure goes out:
// open slots and when they were counted, never who updated them.
import type { Queryable } from '../../../platform/db/database';
import { uuidV5 } from '../../../platform/ids';
import { listOpenSlots } from '../../../domains/directory/index';
import type { HsdsJson } from './hsds-values';

/** Kith's namespace for the ids of records it derives (capacity records, the Slot unit). */
const kithNamespace = 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b';
export const slotUnit: HsdsJson = { id: uuidV5('unit:slot', kithNamespace), name: 'Slot' };

/** The capacity record of each of `serviceIds` that has a count of open slots. */
export async function capacitiesOf(q: Queryable, serviceIds: readonly string[]): Promise<Map<string, HsdsJson>> {
  const rows = await listOpenSlots(q, serviceIds);
  return new Map(
    rows.map((row) => [
      row.service_id,
      {
        // Derived from the service id: one capacity record per service, stable across exports.
        id: uuidV5(`capacity:${row.service_id}`, kithNamespace),
        unit: slotUnit,
        available: row.open_slots,
        updated: new Date(row.updated).toISOString(),
      },
    ]),
  );
}
