// Languages as publishers write them: ISO codes ("es,fr", 1.x phone.language), names, or prose
// ("Spanish and Korean.", "ASL with one week's advance notice.", "Accommodations possible.").
// Recognised languages become HSDS 3 language rows with name and code; prose that is not a plain
// list is kept in the rows' note (or in a note-only row when no language is named), never dropped.

/** English name → ISO 639-1 code (639-3 where 639-1 has none), for the languages directories name most. */
const byName: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  french: 'fr',
  german: 'de',
  italian: 'it',
  portuguese: 'pt',
  russian: 'ru',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  japanese: 'ja',
  korean: 'ko',
  vietnamese: 'vi',
  tagalog: 'tl',
  filipino: 'fil',
  arabic: 'ar',
  hindi: 'hi',
  urdu: 'ur',
  bengali: 'bn',
  bangla: 'bn',
  punjabi: 'pa',
  gujarati: 'gu',
  polish: 'pl',
  ukrainian: 'uk',
  greek: 'el',
  persian: 'fa',
  farsi: 'fa',
  dari: 'prs',
  pashto: 'ps',
  hebrew: 'he',
  yiddish: 'yi',
  turkish: 'tr',
  'haitian creole': 'ht',
  creole: 'ht',
  somali: 'so',
  amharic: 'am',
  tigrinya: 'ti',
  swahili: 'sw',
  yoruba: 'yo',
  igbo: 'ig',
  hausa: 'ha',
  twi: 'tw',
  wolof: 'wo',
  thai: 'th',
  lao: 'lo',
  khmer: 'km',
  cambodian: 'km',
  hmong: 'hmn',
  burmese: 'my',
  karen: 'kar',
  nepali: 'ne',
  indonesian: 'id',
  malay: 'ms',
  dutch: 'nl',
  swedish: 'sv',
  norwegian: 'no',
  danish: 'da',
  finnish: 'fi',
  czech: 'cs',
  slovak: 'sk',
  hungarian: 'hu',
  romanian: 'ro',
  bulgarian: 'bg',
  serbian: 'sr',
  croatian: 'hr',
  bosnian: 'bs',
  albanian: 'sq',
  armenian: 'hy',
  georgian: 'ka',
  tamil: 'ta',
  telugu: 'te',
  marathi: 'mr',
  kurdish: 'ku',
  welsh: 'cy',
  irish: 'ga',
  latin: 'la',
  lakota: 'lkt',
  navajo: 'nv',
  'cape verdean creole': 'kea',
  'american sign language': 'ase',
  asl: 'ase',
  'a.s.l': 'ase',
  'sign language': 'sgn',
  signing: 'sgn',
  braille: 'brai',
  'mai mai': 'ymm',
  somalian: 'so',
  phillipino: 'fil',
  philipino: 'fil',
  kiswahili: 'sw',
  taiwanese: 'nan',
  hakka: 'hak',
  'brazilian portuguese': 'pt',
};
// Braille is a writing system, not a language: it is recognised so it is not mistaken for prose,
// but kept only as a note.
const notLanguages = new Set(['brai']);

const nameOfCode = new Map<string, string>();
for (const [name, code] of Object.entries(byName)) {
  if (!nameOfCode.has(code) && name.length > 3)
    nameOfCode.set(
      code,
      name.replace(/\b\w/g, (c) => c.toUpperCase()),
    );
}
nameOfCode.set('ase', 'American Sign Language');
nameOfCode.set('zh', 'Chinese');

export interface Language {
  name?: string;
  code?: string;
  note?: string;
}

/** A single value of a 1.x/2.x `language` column: an ISO code, or a name. */
export function languageFromValue(value: string): Language {
  const lower = value.trim().toLowerCase();
  if (nameOfCode.has(lower)) return { code: lower, name: nameOfCode.get(lower) };
  const code = byName[lower];
  if (code) return { name: value.trim(), code };
  if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value.trim())) return { code: value.trim() };
  return { name: value.trim() };
}

function recognise(token: string): string | undefined {
  const words = token
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z.\s-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words === '') return undefined;
  if (byName[words]) return byName[words];
  if (nameOfCode.has(words) && words.length <= 3) return words;
  // "Limited Spanish", "Materials in Spanish", "ASL interpreter": a short phrase around one name;
  // or a longer one that starts with it ("Spanish speaking counselors available").
  const list = words.split(' ');
  if (list.length > 4) {
    for (let size = 3; size >= 1; size--) {
      const code = byName[list.slice(0, size).join(' ')];
      if (code) return code;
    }
    return undefined;
  }
  for (let size = 3; size >= 1; size--) {
    for (let start = 0; start + size <= list.length; start++) {
      const code = byName[list.slice(start, start + size).join(' ')];
      if (code) return code;
    }
  }
  return undefined;
}

/** The languages named in a free-text or comma-separated field. */
export function languagesFromText(text: string): Language[] {
  const tokens = text
    .split(/\s*(?:,|;|\/|&|\+|\band\b|\bor\b|\.(?=\s|$))\s*/i)
    .map((token) => token.trim())
    .filter(Boolean);
  const codes: string[] = [];
  let plainList = tokens.length > 0;
  for (const token of tokens) {
    const code = recognise(token);
    if (!code) {
      plainList = false;
      continue;
    }
    if (byName[token.toLowerCase()] !== code && token.toLowerCase() !== code) plainList = false;
    if (!codes.includes(code)) codes.push(code);
  }
  const note = plainList ? undefined : text.trim();
  const languages = codes
    .filter((code) => !notLanguages.has(code))
    .map((code) => ({ name: nameOfCode.get(code) ?? code, code, note }));
  return languages.length ? languages : [{ note: text.trim() }];
}
