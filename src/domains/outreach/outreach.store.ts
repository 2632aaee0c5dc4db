// The SQL of contacts with a person (outreach_contacts). Reads take the categories the people
// domain's access rule computed for the viewer and answer nothing without 'care_plan', so a
// use case that forgot its guard still could not leak a contact.
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { decodeCursor, pageOf } from '../../platform/http/pagination';
import type { TableRow } from '../../platform/db/tables.generated';
import type { OutreachMethod } from './outreach.schema';

export type ContactRow = TableRow<'outreach_contacts'>;

export interface ContactInput {
  personId: string;
  contactedAt: string;
  method: OutreachMethod;
  reached: boolean;
  note: string | null;
  recordedBy: string | null;
  recordedByOrganizationId: string | null;
}

export async function insertContact(q: Queryable, input: ContactInput): Promise<ContactRow> {
  const rows = await q.query<ContactRow>(
    `INSERT INTO outreach_contacts (person_id, contacted_at, method, reached, note, recorded_by, recorded_by_organization_id)
     VALUES ($1, $2::timestamptz, $3, $4, $5, $6, $7) RETURNING *`,
    [
      input.personId,
      input.contactedAt,
      input.method,
      input.reached,
      input.note,
      input.recordedBy,
      input.recordedByOrganizationId,
    ],
  );
  return rows[0]!;
}

/** The sort key of a contact as a cursor holds it: the moment in UTC to the microsecond, and the id. */
const sortKey = `to_char(c.contacted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const cursorId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A moment as `sortKey` writes it, one the calendar has (2026-02-31 is not). */
const isCursorMoment = (text: string) =>
  /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(text) &&
  !Number.isNaN(Date.parse(text)) &&
  new Date(Date.parse(text)).toISOString().slice(0, 19) === text.slice(0, 19);

/** A person's contacts, newest first, one page (keyset: the last contact served). */
export async function listContactRows(
  q: Queryable,
  props: { personId: string; categories: readonly string[]; limit: number; cursor?: string },
) {
  const after = decodeCursor(props.cursor, ['text', 'text']);
  // A cursor's parts reach SQL as a timestamp and a uuid: one this list did not give out is a 400, not a cast error.
  if (after && !(isCursorMoment(after[0]) && cursorId.test(after[1])))
    throw AppError.field('query.cursor', 'is not a cursor this list gave out');
  const rows = await q.query<ContactRow & { sort_key: string }>(
    `SELECT c.*, ${sortKey} AS sort_key FROM outreach_contacts c
      WHERE c.person_id = $1 AND 'care_plan' = ANY ($2::text[])
        AND ($3::timestamptz IS NULL OR (c.contacted_at, c.id) < ($3::timestamptz, $4::uuid))
      ORDER BY c.contacted_at DESC, c.id DESC
      LIMIT $5`,
    [props.personId, props.categories, after?.[0] ?? null, after?.[1] ?? null, props.limit + 1],
  );
  return pageOf(rows, props.limit, (row) => [row.sort_key, row.id]);
}

/** Every contact of one record moves to another record of the same person (a merge); their ids. */
export async function moveContacts(q: Queryable, fromPersonId: string, toPersonId: string): Promise<string[]> {
  const rows = await q.query<{ id: string }>('UPDATE outreach_contacts SET person_id = $2 WHERE person_id = $1 RETURNING id', [
    fromPersonId,
    toPersonId,
  ]);
  return rows.map((row) => row.id);
}
