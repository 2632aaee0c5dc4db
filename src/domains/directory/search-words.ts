// The words of a search: what counts as a word, which words the directory knows, misspelt words
// replaced by the nearest word it knows ("pantyr" → pantry, "hlep" → help), and the text query
// the index is asked. A word the directory holds anywhere is never replaced.
import damerauLevenshtein from 'damerau-levenshtein';
import type { Queryable } from '../../platform/db/database';
import { correctionCandidates, knownWords } from './search.store';

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

/** Words of a known vocabulary outside the directory's index (the network's organisations' names), with a weight each. */
export type ExtraWords = ReadonlyMap<string, number>;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one edit away (a letter left out, added, changed, or two neighbours swapped). Trigram
 * similarity barely sees a swap in a short word ("hlep" and "help" share one trigram of five), so
 * these are looked up as they are.
 */
export function oneEditAway(word: string): string[] {
  const variants = new Set<string>();
  for (let index = 0; index <= word.length; index++) {
    const before = word.slice(0, index);
    const after = word.slice(index);
    if (after) variants.add(before + after.slice(1));
    if (after.length > 1) variants.add(before + after[1]! + after[0]! + after.slice(2));
    for (const letter of LETTERS) {
      variants.add(before + letter + after);
      if (after) variants.add(before + letter + after.slice(1));
    }
  }
  variants.delete(word);
  return [...variants];
}

/** Edits a correction may make: one in a short word, two in a longer one. */
export function editsAllowed(word: string): number {
  return word.length <= 4 ? 1 : 2;
}

/** The nearest of the candidates: fewest edits (a swap of neighbours is one), then the most common, then by letter. */
export function nearestWord(word: string, candidates: { word: string; entries: number }[]): string | null {
  const allowed = editsAllowed(word);
  let best: { word: string; edits: number; entries: number } | null = null;
  for (const candidate of candidates) {
    const edits = damerauLevenshtein(word, candidate.word).steps;
    if (edits === 0 || edits > allowed) continue;
    const better =
      !best ||
      edits < best.edits ||
      (edits === best.edits &&
        (candidate.entries > best.entries || (candidate.entries === best.entries && candidate.word < best.word)));
    if (better) best = { word: candidate.word, edits, entries: candidate.entries };
  }
  return best?.word ?? null;
}

const correctable = (word: string) => word.length >= 3 && !/^\d+$/.test(word);

/**
 * Replaces words the directory does not know by their nearest known word; with `verbatim`, only
 * tells whether the last word is matched as a beginning. The last word that begins known words is
 * taken as being typed ("pant" → pantry, pants), not corrected.
 */
export async function correctWords(
  q: Queryable,
  words: string[],
  options: { extraWords: ExtraWords; verbatim?: boolean },
): Promise<Correction> {
  const checked = words.filter(correctable);
  if (checked.length === 0) return { words, corrected: false, lastIsPrefix: false };
  const last = words[words.length - 1]!;
  const lexicon = await knownWords(q, checked, correctable(last) ? last : null);
  const known = new Set([...lexicon.known, ...checked.filter((word) => options.extraWords.has(word))]);
  const unknown = [...new Set(checked)].filter((word) => !known.has(word) && !(word === last && lexicon.lastBeginsWords));
  const replacement = new Map<string, string>();
  if (!options.verbatim && unknown.length > 0) {
    const candidates = [
      ...(await correctionCandidates(q, unknown, [...new Set(unknown.flatMap(oneEditAway))])),
      ...[...options.extraWords].map(([word, entries]) => ({ word, entries })),
    ];
    for (const word of unknown) {
      const nearest = nearestWord(word, candidates);
      if (nearest) replacement.set(word, nearest);
    }
  }
  return {
    words: words.map((word) => replacement.get(word) ?? word),
    corrected: replacement.size > 0,
    // A known or corrected word is whole; matching it as a prefix too ("care" → career) would
    // read many more index entries for results nobody asked for.
    lastIsPrefix: correctable(last) && !known.has(last) && !replacement.has(last),
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
