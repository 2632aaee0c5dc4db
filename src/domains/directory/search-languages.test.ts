// A language's name among a search's words, in English or in Spanish, becomes the language filter.
import { describe, expect, it } from 'vitest';
import { readLanguage } from './search-languages';
import { queryWords } from './search-words';

const read = (text: string) => readLanguage(queryWords(text));

describe('reading a language from the words', () => {
  it('takes the English or Spanish name of a language out of the words', () => {
    expect(read('spanish food pantry')).toMatchObject({ code: 'es', rest: ['food', 'pantry'] });
    expect(read('despensa en Español')).toMatchObject({ code: 'es', rest: ['despensa'] });
    expect(read('vietnamese clinic')).toMatchObject({ code: 'vi', rest: ['clinic'] });
    expect(read('chino')).toMatchObject({ code: 'zh', rest: [] });
    expect(read('legal aid in arabic')).toMatchObject({ code: 'ar', rest: ['legal', 'aid'] });
    expect(read('francés')).toMatchObject({ code: 'fr', rest: [] });
    expect(read('ruso')).toMatchObject({ code: 'ru', rest: [] });
  });

  it('reads a name of several words, and the word that says the same again after it', () => {
    expect(read('haitian creole legal help')).toMatchObject({ code: 'ht', rest: ['legal', 'help'] });
    expect(read('criollo haitiano')).toMatchObject({ code: 'ht', rest: [] });
    expect(read('russian-speaking counselor')).toMatchObject({ code: 'ru', rest: ['counselor'] });
  });

  it('matches every value the index may hold for the language: its code and its names', () => {
    expect(read('spanish')?.values).toEqual(['es', 'spanish', 'español']);
  });

  it('leaves words that name no language, and English, the directory’s own language', () => {
    expect(read('food pantry')).toBeNull();
    expect(read('english classes')).toBeNull();
    // Part of a name is not the name.
    expect(read('haitian community')).toBeNull();
  });
});
