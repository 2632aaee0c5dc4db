// A service's intake as the directory shows it: the stored row with the name of whoever last said
// how much room there is (a user of the identity domain, asked through its public face).
import type { Queryable } from '../../platform/db/database';
import { userDisplayNames } from '../identity';
import { findIntake, type IntakeRow } from './intake.store';

export interface IntakeRecord extends IntakeRow {
  capacity_updated_by_name: string | null;
}

export async function findIntakeRecord(q: Queryable, serviceId: string): Promise<IntakeRecord | undefined> {
  const row = await findIntake(q, serviceId);
  if (!row) return undefined;
  const names = row.capacity_updated_by ? await userDisplayNames(q, [row.capacity_updated_by]) : new Map<string, string>();
  return { ...row, capacity_updated_by_name: row.capacity_updated_by ? (names.get(row.capacity_updated_by) ?? null) : null };
}
