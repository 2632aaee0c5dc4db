// The cursors of the searches of screenings, answers and needs: the sort key of the last row of a
// page, checked before it reaches SQL (a cursor this list did not give out is a 400 naming it).
import { AppError } from '../../platform/http/app-error';
import { decodeCursor } from '../../platform/http/pagination';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const refused = () => AppError.field('query.cursor', 'is not a cursor this list gave out');

/** A cursor holding the id of the last row. */
export function decodeIdCursor(cursor: string | undefined): string | undefined {
  const key = decodeCursor(cursor, ['text'] as const);
  if (key && !uuid.test(key[0])) throw refused();
  return key?.[0];
}

/** A cursor holding the screening id and the item number of the last answered item. */
export function decodeItemCursor(cursor: string | undefined): { screeningId: string; itemNumber: number } | undefined {
  const key = decodeCursor(cursor, ['text', 'id'] as const);
  if (!key) return undefined;
  if (!uuid.test(key[0]) || key[1] < 1 || key[1] > 100_000) throw refused();
  return { screeningId: key[0], itemNumber: key[1] };
}
