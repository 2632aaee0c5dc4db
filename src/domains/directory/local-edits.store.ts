// SQL of partners' edits of their own directory records. The edited value is written into the
// directory row itself (every page, the search index and the HSDS API read it there), and each
// edited field is kept in directory_local_edit with what the source said, so that an import that
// rewrites the row puts the edit back, and says so.
import type { Queryable } from '../../platform/db/database';
import type { TableRow } from '../../platform/db/tables.generated';

export type LocalEditRow = TableRow<'directory_local_edit'>;
export type EditableRecordType = LocalEditRow['record_type'];

/** The columns a partner may edit, by record type: the only names this file puts into SQL. */
export const editableColumns = {
  organization: ['description', 'website', 'email'],
  service: ['description', 'url', 'email', 'application_process', 'eligibility_description', 'fees_description'],
} as const satisfies Record<EditableRecordType, readonly string[]>;
export type EditableColumn<T extends EditableRecordType> = (typeof editableColumns)[T][number];

const tables = { organization: 'hsds_organization', service: 'hsds_service' } as const;

function checkedColumn(recordType: EditableRecordType, column: string): string {
  if (!(editableColumns[recordType] as readonly string[]).includes(column)) {
    throw new Error(`${column} is not an editable column of ${recordType}`);
  }
  return column;
}

export async function listLocalEdits(
  q: Queryable,
  recordType: EditableRecordType,
  recordIds: readonly string[],
): Promise<LocalEditRow[]> {
  if (!recordIds.length) return [];
  return q.query<LocalEditRow>(
    `SELECT record_type, record_id, field, value, source_value, edited_by, edited_at, source_changed_at
       FROM directory_local_edit WHERE record_type = $1 AND record_id = ANY ($2::uuid[]) ORDER BY record_id, field`,
    [recordType, recordIds],
  );
}

/** The record's current values of these columns (locked until the transaction ends), or undefined when there is no such record. */
export async function lockEditableValues(
  q: Queryable,
  recordType: EditableRecordType,
  recordId: string,
): Promise<Record<string, string | null> | undefined> {
  const columns = editableColumns[recordType].join(', ');
  const rows = await q.query<Record<string, string | null>>(
    `SELECT ${columns} FROM ${tables[recordType]} WHERE id = $1 FOR UPDATE`,
    [recordId],
  );
  return rows[0];
}

/**
 * Writes a partner's value into the record, and keeps the edit with the source's value (the one
 * the record held before its first edit). A value equal to the source's is no longer an edit.
 */
export async function writeLocalEdit(
  q: Queryable,
  edit: {
    recordType: EditableRecordType;
    recordId: string;
    column: string;
    value: string | null;
    current: string | null;
    userId: string | null;
  },
): Promise<void> {
  const column = checkedColumn(edit.recordType, edit.column);
  await q.query(`UPDATE ${tables[edit.recordType]} SET ${column} = $2 WHERE id = $1`, [edit.recordId, edit.value]);
  await q.query(
    `INSERT INTO directory_local_edit (record_type, record_id, field, value, source_value, edited_by)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (record_type, record_id, field) DO UPDATE SET value = EXCLUDED.value, edited_by = EXCLUDED.edited_by, edited_at = now()`,
    [edit.recordType, edit.recordId, column, edit.value, edit.current, edit.userId],
  );
  await q.query(
    `DELETE FROM directory_local_edit
      WHERE record_type = $1 AND record_id = $2 AND field = $3 AND value IS NOT DISTINCT FROM source_value`,
    [edit.recordType, edit.recordId, column],
  );
}

export interface KeptEditRow {
  record_type: EditableRecordType;
  record_id: string;
  field: string;
  /** What the import brought, which the partner's edit replaced again. */
  source_value: string | null;
  record_name: string;
  /** The source brought a value it had not brought before (not just the one the partner replaced). */
  source_changed: boolean;
}

/**
 * After an import sent these records (all of them when `everything`), each either rewritten with
 * the source's values or found equal to them: puts partners' edits back over the source's values,
 * notes the source's value on each edit, and answers the edits it put back. An edited field whose
 * record was found equal holds what the source says, so its edit is done. Edits of records the
 * import did not send (a record it rejected, or skipped as unchanged) are as they were.
 */
export async function reapplyLocalEdits(
  q: Queryable,
  recordType: EditableRecordType,
  scope: { everything: boolean; recordIds: readonly string[] },
): Promise<KeptEditRow[]> {
  if (!scope.everything && !scope.recordIds.length) return [];
  const table = tables[recordType];
  const kept: KeptEditRow[] = [];
  for (const column of editableColumns[recordType]) {
    // The source now says what the partner said: the edit has done its work.
    await q.query(
      `DELETE FROM directory_local_edit e USING ${table} r
        WHERE r.id = e.record_id AND e.record_type = $1 AND e.field = $2 AND ($3 OR e.record_id = ANY ($4::uuid[]))
          AND r.${column} IS NOT DISTINCT FROM e.value`,
      [recordType, column, scope.everything, scope.recordIds],
    );
    // The row holds the source's value now: note it on the edit, then put the edit back.
    const rows = await q.query<KeptEditRow>(
      `WITH edits AS (
         SELECT e.record_id, e.value, r.${column} AS incoming,
                e.source_value IS DISTINCT FROM r.${column} AS source_changed
           FROM directory_local_edit e JOIN ${table} r ON r.id = e.record_id
          WHERE e.record_type = $1 AND e.field = $2 AND ($3 OR e.record_id = ANY ($4::uuid[]))
            AND r.${column} IS DISTINCT FROM e.value
          FOR UPDATE OF e
       ), noted AS (
         UPDATE directory_local_edit e SET source_value = edits.incoming,
                source_changed_at = CASE WHEN edits.source_changed THEN now() ELSE e.source_changed_at END
           FROM edits WHERE e.record_type = $1 AND e.field = $2 AND e.record_id = edits.record_id
       )
       UPDATE ${table} r SET ${column} = edits.value FROM edits WHERE r.id = edits.record_id
       RETURNING $1::text AS record_type, r.id::text AS record_id, $2::text AS field, edits.incoming AS source_value, r.name AS record_name,
                 edits.source_changed`,
      [recordType, column, scope.everything, scope.recordIds],
    );
    kept.push(...rows);
  }
  return kept;
}
