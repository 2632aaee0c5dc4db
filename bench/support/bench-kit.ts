// What every benchmark shares: the engines to measure (both where a PostgreSQL server answers,
// PGlite alone otherwise; BENCH_ENGINES=postgres or pglite picks one) and percentiles.
import type { Engine } from '../../src/platform/db/database';
import { serverUnavailableReason } from '../../test/support/engines';

export async function benchEngines(): Promise<Engine[]> {
  const available: Engine[] = (await serverUnavailableReason()) ? ['pglite'] : ['postgres', 'pglite'];
  const chosen = process.env.BENCH_ENGINES?.split(',').map((name) => name.trim());
  return chosen ? available.filter((engine) => chosen.includes(engine)) : available;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
