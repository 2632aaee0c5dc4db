// Words of a search that name a language ("spanish food pantry", "comida en español"): they
// filter by the language its services are offered in instead of being matched as text. The names
// come from Intl.DisplayNames in English and Spanish, for every language with a two-letter code.
import { queryWords } from './search-words';

/** A language the words named: its code, the values the index may hold for it, and the words taken. */
export interface WordsLanguage {
  code: string;
  /** Any of these in an entry's languages (the index holds each language's code and name, lower case). */
  values: string[];
  /** The query's words left once the language's name (and "speaking" after it) is taken out. */
  rest: string[];
}

// English is the directory's own language: "english classes" asks for a class, not for services
// offered in English, which nearly every service is.
const notAFilter = new Set(['en']);
// "spanish speaking", "spanish-speakers": the word after the name says the same again.
const sayingTheSame = new Set(['speaking', 'speaker', 'speakers', 'speak', 'language', 'languages', 'hablante', 'hablantes']);

const inTheLanguage = new Set(['in', 'en']);

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
// Languages without a two-letter code that services in the United States often offer.
const threeLetterCodes = ['hmn', 'yue', 'fil', 'ase', 'prs', 'kea', 'ilo', 'chk'];

function* twoLetterCodes(): Generator<string> {
  for (const first of LETTERS) for (const second of LETTERS) yield first + second;
}

interface LanguageName {
  code: string;
  words: string[];
  values: string[];
}

let names: LanguageName[] | undefined;

/** Every language name in English and in Spanish, as query words, longest first. */
function languageNames(): LanguageName[] {
  if (names) return names;
  const inEnglish = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const inSpanish = new Intl.DisplayNames(['es'], { type: 'language', fallback: 'none' });
  const found: LanguageName[] = [];
  for (const code of [...twoLetterCodes(), ...threeLetterCodes]) {
    const english = inEnglish.of(code);
    // ICU names only the codes it knows; "fallback: none" leaves the others out.
    if (!english || notAFilter.has(code)) continue;
    const spanish = inSpanish.of(code);
    const written = [english, spanish].filter((name) => name !== undefined);
    const values = [code, ...new Set(written.map((name) => name.toLowerCase()))];
    for (const name of new Set(written)) {
      const words = queryWords(name);
      if (words.length > 0) found.push({ code, words, values });
    }
  }
  names = found.sort((a, b) => b.words.length - a.words.length);
  return names;
}

/** The first language the words name, or null. Only one language is a filter at a time. */
export function readLanguage(words: string[]): WordsLanguage | null {
  for (let start = 0; start < words.length; start++) {
    for (const language of languageNames()) {
      const length = language.words.length;
      if (!language.words.every((word, index) => words[start + index] === word)) continue;
      let end = start + length;
      while (end < words.length && sayingTheSame.has(words[end]!)) end++;
      // "food pantry in spanish", "comida en español": the word before the name goes with it.
      const from = start > 0 && inTheLanguage.has(words[start - 1]!) ? start - 1 : start;
      return { code: language.code, values: language.values, rest: [...words.slice(0, from), ...words.slice(end)] };
    }
  }
  return null;
}
