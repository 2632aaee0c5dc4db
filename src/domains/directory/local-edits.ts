// Partners' edits of their own directory records: the fields a body names are written into the
// record and kept as edits (see local-edits.store.ts); after an import, the edits go back over
// what the source brought and the import's report lists where the source now disagrees.
import type { Queryable } from '../../platform/db/database';
import type { WrittenRecords } from './hsds.store';
import {
  editableColumns,
  lockEditableValues,
  reapplyLocalEdits,
  writeLocalEdit,
  type EditableColumn,
  type EditableRecordType,
  type KeptEditRow,
} from './local-edits.store';

/** A body's field names to the record's columns. */
export const serviceDetailColumns = {
  description: 'description',
  url: 'url',
  email: 'email',
  applicationProcess: 'application_process',
  eligibility: 'eligibility_description',
  fees: 'fees_description',
} as const satisfies Record<string, EditableColumn<'service'>>;

export const organizationDetailColumns = {
  description: 'description',
  website: 'website',
  email: 'email',
} as const satisfies Record<string, EditableColumn<'organization'>>;

/**
 * Writes the fields the body names (an empty text clears, as null does) and answers the names of
 * those that changed, or undefined when there is no such record. Call it inside a transaction.
 */
export async function editDetails<T extends EditableRecordType>(
  q: Queryable,
  edit: {
    /** Which kind of record: a service or an organisation. */
    record: T;
    recordId: string;
    columns: Record<string, EditableColumn<T>>;
    body: Record<string, string | null | undefined>;
    userId: string | null;
  },
): Promise<string[] | undefined> {
  const current = await lockEditableValues(q, edit.record, edit.recordId);
  if (!current) return undefined;
  const changed: string[] = [];
  for (const [field, column] of Object.entries(edit.columns)) {
    const given = edit.body[field];
    if (given === undefined) continue;
    const value = given === null || given === '' ? null : given;
    if (value === current[column]) continue;
    await writeLocalEdit(q, {
      recordType: edit.record,
      recordId: edit.recordId,
      column,
      value,
      current: current[column] ?? null,
      userId: edit.userId,
    });
    changed.push(field);
  }
  return changed;
}

/** A body field's name for a column, as the API and the web app name it. */
export function fieldOfColumn(recordType: EditableRecordType, column: string): string {
  const columns: Record<string, string> = recordType === 'service' ? serviceDetailColumns : organizationDetailColumns;
  return Object.keys(columns).find((field) => columns[field] === column) ?? column;
}

export interface KeptEdit {
  recordType: EditableRecordType;
  recordId: string;
  recordName: string;
  /** The field as the API names it (applicationProcess, website…). */
  field: string;
  sourceValue: string | null;
}

/**
 * After an import wrote these records: partners' edits go back over the source's values, and the
 * answer lists those whose source brought a new value (a source that still says what it said
 * when the partner changed the field is not news, however often a tabular re-import rewrites it).
 */
export async function keepLocalEditsAfterImport(q: Queryable, written: WrittenRecords): Promise<KeptEdit[]> {
  const kept: KeptEditRow[] = [];
  for (const recordType of Object.keys(editableColumns) as EditableRecordType[]) {
    kept.push(
      ...(await reapplyLocalEdits(q, recordType, {
        everything: written.everything,
        recordIds: written.sent[recordType],
      })),
    );
  }
  return kept
    .filter((row) => row.source_changed)
    .map((row) => ({
      recordType: row.record_type,
      recordId: row.record_id,
      recordName: row.record_name,
      field: fieldOfColumn(row.record_type, row.field),
      sourceValue: row.source_value,
    }));
}
