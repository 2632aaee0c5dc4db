// How a search near a place reads the index. It either walks outwards from the place through the
// spatial index, testing each entry, until the page is full ("walk": cheap when matches are dense
// near the place), or reads the entries that pass every filter from the facet and text indexes and
// sorts them by distance ("filter": cheap when matches are few). The facet counts say which.
import type { Queryable } from '../../platform/db/database';
import { facetCounts } from './search.store';

export type SearchPlan = 'walk' | 'filter';

export interface PlanInputs {
  /** The facet groups of the filters (see facetGroupsOf). */
  groups: string[][];
  cells: string[];
  words: string[];
  lastIsPrefix: boolean;
  /** Entries the page needs: offset + limit + 1. */
  wanted: number;
}

// Rough costs in microseconds, measured on the benchmark's directory: reading one posting of a GIN
// index, reading and testing one entry found through a bitmap, and one entry of a walk.
const COST_POSTING = 0.15;
const COST_FILTERED_ENTRY = 4;
const COST_WALKED_ENTRY = 5;

/**
 * Chooses between walking and filtering from the facet counts: the entries of the covering cells,
 * each filter's share of the directory (taken as independent), and the share of the rarest word
 * (the last word counted as a prefix).
 */
export async function choosePlan(q: Queryable, inputs: PlanInputs): Promise<SearchPlan> {
  const stats = await facetCounts(q, [...inputs.groups.flat(), ...inputs.cells, '*'], inputs.words, inputs.lastIsPrefix);
  const count = (token: string) => Number(stats.counts[token] ?? 0);
  const total = count('*');
  if (total === 0) return 'filter';
  const inCells = inputs.cells.reduce((sum, cell) => sum + count(cell), 0);
  let expected = inCells;
  let postings = inCells + stats.words.reduce((sum, entries) => sum + entries, 0);
  for (const group of inputs.groups) {
    const entries = group.reduce((sum, token) => sum + count(token), 0);
    postings += entries;
    expected *= Math.min(1, entries / total);
  }
  if (stats.words.length) expected *= Math.min(1, Math.min(...stats.words) / total);
  const filterCost = postings * COST_POSTING + expected * COST_FILTERED_ENTRY;
  const walkCost = Math.min(inCells, (inputs.wanted * inCells) / Math.max(expected, 1)) * COST_WALKED_ENTRY;
  return walkCost < filterCost ? 'walk' : 'filter';
}
