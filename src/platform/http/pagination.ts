// Keyset pagination: an opaque cursor holds the sort key of the last row served, so every page
// is an index range scan however deep the list goes.
import { z } from 'zod';
import { AppError } from './app-error';

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((part) => ['string', 'number'].includes(typeof part))) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the field error
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
