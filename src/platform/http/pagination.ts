// Keyset pagination: an opaque cursor holds the sort key of the last row served, so every page
// is an index range scan however deep the list goes.
import { z } from 'zod';
import { AppError } from './app-error';
import { textFault } from './text';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * What each part of a list's sort key is: `text` (one line, as long as a cursor allows) or `id`
 * (a whole number a bigint column holds and JavaScript keeps exactly).
 */
export type CursorPart = 'text' | 'id';
type PartValue<P extends CursorPart> = P extends 'id' ? number : string;

function partIsValid(part: CursorPart, value: unknown): boolean {
  if (part === 'id') return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  return typeof value === 'string' && value.length <= 500 && textFault(value, 'one-line') === undefined;
}

/**
 * The sort key a cursor holds, checked part by part before it reaches SQL: a cursor this list did
 * not give out (`["abc"]` where an id is due, `[1e30]`, a NUL in a name) is a 400 naming the field.
 */
export function decodeCursor<const Parts extends readonly CursorPart[]>(
  cursor: string | undefined,
  parts: Parts,
): { [K in keyof Parts]: PartValue<Parts[K]> } | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    // fall through to the field error
  }
  if (Array.isArray(key) && key.length === parts.length && parts.every((part, index) => partIsValid(part, key[index]))) {
    return key as { [K in keyof Parts]: PartValue<Parts[K]> };
  }
  throw AppError.field('query.cursor', 'is not a cursor this list gave out');
}

/** Fetch `limit + 1` rows; this trims the extra one and makes the next cursor from the last row. */
export function pageOf<Row>(rows: Row[], limit: number, keyOf: (row: Row) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
