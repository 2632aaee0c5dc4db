import { describe, expect, it } from 'vitest';
import { oneLineText, textFault, visible } from './text';

describe('the text rule', () => {
  it('refuses C0 and C1 controls and broken characters, and line breaks only in one-line text', () => {
    for (const bad of ['\u0000', 'a\u0007b', '\u001b[2J', '\u007f', '\u009b31m', 'x\ud800']) {
      expect(textFault(bad, 'multi-line'), JSON.stringify(bad)).toBeDefined();
    }
    expect(textFault('one\ntwo\tthree\r\n', 'multi-line')).toBeUndefined();
    expect(textFault('one\ntwo', 'one-line')).toMatch(/one line/);
    expect(textFault('Café — 🍎 «Ñandú» 北京', 'one-line')).toBeUndefined();
  });

  it('trims before it judges, so a pasted trailing line break is repaired', () => {
    expect(oneLineText().parse('  Eastside Pantry\n')).toBe('Eastside Pantry');
    expect(oneLineText().safeParse('East\nside').success).toBe(false);
  });

  it('makes control characters visible for a terminal', () => {
    expect(visible('\u001b[2JPwned\u0000')).toBe('\\x1b[2JPwned\\x00');
    expect(visible('Line one\r\nLine two\tTab')).toBe('Line one\\x0d\nLine two\tTab');
  });
});
