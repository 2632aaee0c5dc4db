// The one rule for text Kith accepts from anyone (the API, the CLI, cursors): no control
// characters. A NUL cannot be stored by PostgreSQL at all, and ESC and the other C0/C1 controls
// rewrite terminals and confuse every reader downstream. Tab, line feed and carriage return are
// allowed only where text is multi-line (a description, a note); names, search words, query
// parameters and path segments are one line. Broken characters (lone UTF-16 surrogates, which is
// what invalid UTF-8 becomes) are refused too.
import { z } from 'zod';

// C0 controls but tab, LF and CR; DEL; C1 controls.
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const lineBreakOrTab = /[\t\n\r\u2028\u2029]/;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type TextKind = 'one-line' | 'multi-line';

export const textMessages = {
  control: 'must not hold control characters (such as NUL or ESC)',
  oneLine: 'must be on one line, without tabs or line breaks',
  broken: 'holds a broken character (the text is not valid UTF-8)',
} as const;

/** Why `value` is not acceptable text of this kind, or undefined when it is. */
export function textFault(value: string, kind: TextKind): string | undefined {
  if (controlCharacter.test(value)) return textMessages.control;
  if (loneSurrogate.test(value)) return textMessages.broken;
  if (kind === 'one-line' && lineBreakOrTab.test(value)) return textMessages.oneLine;
  return undefined;
}

function checked(kind: TextKind) {
  // Trimmed first: a name pasted with a trailing line break is repaired, not refused.
  return z
    .string()
    .trim()
    .superRefine((value, context) => {
      const fault = textFault(value, kind);
      if (fault) context.addIssue({ code: 'custom', message: fault });
    });
}

/** A trimmed string on one line: names, titles, search words, identifiers. */
export const oneLineText = () => checked('one-line');
/** A trimmed string that may hold tabs and line breaks: descriptions, notes, messages. */
export const multiLineText = () => checked('multi-line');

/**
 * Makes control characters of stored text visible (`\x1b` for ESC), for printing to a terminal:
 * text written before these rules, or by a direct SQL import, must not rewrite the screen.
 */
export function visible(value: string): string {
  return value.replace(
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g,
    (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}
