// Languages reach the screen by their names, never as codes: the web app's formatter, run in Node by Vitest
// (whose ICU data is the same full set as the browser's).
import { expect, it } from 'vitest';
import { languageName, languageNames } from './format';

it('names a language by its code, once, whether the data gave a code or a name', () => {
  expect(languageNames(['es', 'Spanish', 'ase', 'vi'])).toEqual(['Spanish', 'American Sign Language', 'Vietnamese']);
});

it('keeps a code no language names as it was written', () => {
  expect(languageName('qaa')).toBe('qaa');
  expect(languageName('not a code')).toBe('not a code');
});
