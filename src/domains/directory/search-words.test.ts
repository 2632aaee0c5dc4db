// Correcting a misspelt word: the candidates one edit away, and the nearest of them.
import { describe, expect, it } from 'vitest';
import { editsAllowed, nearestWord, oneEditAway } from './search-words';

describe('correcting a word', () => {
  it('finds the words one edit away: a letter left out, added, changed, or two neighbours swapped', () => {
    const variants = oneEditAway('hlep');
    expect(variants).toEqual(expect.arrayContaining(['help', 'hep', 'hleep', 'blep']));
    expect(variants).not.toContain('hlep');
    expect(oneEditAway('pnatry')).toContain('pantry');
  });

  it('prefers fewer edits, then the more common word', () => {
    const lexicon = [
      { word: 'pantry', entries: 3 },
      { word: 'paltry', entries: 1 },
      { word: 'pastry', entries: 40 },
    ];
    // "pnatry" is one swap from "pantry", two edits from "pastry".
    expect(nearestWord('pnatry', lexicon)).toBe('pantry');
    expect(nearestWord('pahtry', lexicon)).toBe('pastry');
  });

  it('changes a short word by one edit at most, a longer one by two', () => {
    expect(editsAllowed('hlep')).toBe(1);
    // "hlpe" is two edits from "help": too many for four letters.
    expect(nearestWord('hlpe', [{ word: 'help', entries: 9 }])).toBeNull();
    expect(nearestWord('departmnt', [{ word: 'department', entries: 1 }])).toBe('department');
    expect(nearestWord('medicaiid', [{ word: 'medicine', entries: 5 }])).toBeNull();
  });
});
