// Languages as directories write them. Story: a coordinator filters by Spanish; a location whose
// export says "Spanish and Korean." must match, and "Accommodations possible." must still be shown.
import { describe, expect, it } from 'vitest';
import { languageFromValue, languagesFromText } from './languages';

describe('languages in prose', () => {
  it('names languages of a list, and keeps prose around them as a note', () => {
    expect(languagesFromText('Spanish and Korean.')).toEqual([
      { name: 'Spanish', code: 'es', note: undefined },
      { name: 'Korean', code: 'ko', note: undefined },
    ]);
    expect(languagesFromText("ASL with one week's advance notice.")).toEqual([
      { name: 'American Sign Language', code: 'ase', note: "ASL with one week's advance notice." },
    ]);
  });

  it('keeps text that names no language, never dropping it', () => {
    expect(languagesFromText('Accommodations possible.')).toEqual([{ note: 'Accommodations possible.' }]);
  });

  it('reads 1.x language cells as codes or names', () => {
    expect(languageFromValue('es')).toEqual({ code: 'es', name: 'Spanish' });
    expect(languageFromValue('Vietnamese')).toEqual({ name: 'Vietnamese', code: 'vi' });
    expect(languageFromValue('Klingon')).toEqual({ name: 'Klingon' });
  });
});
