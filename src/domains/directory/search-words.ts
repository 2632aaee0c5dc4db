// The words of a search: what counts as a word, misspelt words replaced by the nearest word the
// directory knows ("pantyr" → pantry), and the text query the index is asked.
import type { Queryable } from '../../platform/db/database';
import { knownWords } from './search.store';

/** Lower-case words of a query, accents removed; only letters and digits survive (no query syntax). */
export function queryWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .slice(0, 12);
}

export interface Correction {
  words: string[];
  corrected: boolean;
  /** The last word is not a whole word the directory knows: it is matched as a beginning ("pant" → pantry). */
  lastIsPrefix: boolean;
}

/** Replaces words the directory does not know by their nearest known word. */
export async function correctWords(q: Queryable, words: string[]): Promise<Correction> {
  const candidates = words.filter((word) => word.length >= 3 && !/^\d+$/.test(word));
  if (candidates.length === 0) return { words, corrected: false, lastIsPrefix: false };
  const rows = await knownWords(q, candidates);
  const replacement = new Map(rows.filter((row) => !row.known && row.nearest).map((row) => [row.word, row.nearest!]));
  const last = words[words.length - 1]!;
  const lastRow = rows.find((row) => row.word === last);
  return {
    words: words.map((word) => replacement.get(word) ?? word),
    corrected: replacement.size > 0,
    // A known or corrected word is whole; matching it as a prefix too ("care" → career) would
    // read many more index entries for results nobody asked for.
    lastIsPrefix: lastRow !== undefined && !lastRow.known && !lastRow.nearest,
  };
}

/**
 * The words as tsquery text, every word required: `weight` '' for anywhere in the entry, 'A' for
 * the service's own name (see search-index.store.ts).
 */
export function tsqueryText(correction: Correction, weight: '' | 'A'): string {
  return correction.words
    .map((word, index) => {
      const prefix = index === correction.words.length - 1 && correction.lastIsPrefix;
      return prefix ? `${word}:*${weight}` : weight ? `${word}:${weight}` : word;
    })
    .join(' & ');
}
