// Bulk enrolment: rows read from a list of the organisation's own (a CSV export, read at the edge
// by src/interop/people-csv) added to its records and enrolled in one of its programs, in ONE
// transaction. Each row is checked as a new person would be (the create schema: names, a date of
// birth that is neither impossible nor in the future, well-formed identifiers), then matched: by
// MRN first, else by the duplicate rule of createPerson (same date of birth and a similar name,
// or the same identifier). A match is updated with the row's values and enrolled; no match is
// created; a row that matches several people, or whose identifier another person holds, is
// rejected. Every check runs before the row's first write, so a row is written whole or not at
// all; a database failure rolls back the whole import. A dry run does the same work and rolls it
// back, so it shows exactly what the import would do. One audit row for the import, counts only.
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/database';
import { auditContextOf, authorizeFor, signedInActor, type UseCaseContext } from '../../platform/context';
import { AppError } from '../../platform/http/app-error';
import { findHostOrganization } from '../identity';
import { findProgramByName, insertEnrolment, openEnrolmentExists } from './care.store';
import { CreatePersonBody, type IdentifierInput } from './people.schema';
import {
  duplicateCandidates,
  findPersonForWrite,
  findPersonIdByIdentifier,
  insertIdentifiers,
  insertPerson,
  listIdentifiers,
  takenIdentifiers,
  updatePersonRow,
} from './people.store';
import { changedFields, personValues, valuesOfRow } from './person-values';

/** A repair or a remark about a row (or the file), by name: `excel_date`, `spaces_trimmed` … */
export interface ImportNote {
  code: string;
  field?: string;
  message: string;
}

export interface ImportFieldError {
  field: string;
  message: string;
}

/** One row as the edge read it: the fields of a person (as CreatePersonBody names them), or why not. */
export interface ImportPersonRow {
  line: number;
  fields: Record<string, unknown>;
  warnings: ImportNote[];
  /** Found unreadable at the edge (a date that is no date): rejected as it is. */
  errors: ImportFieldError[];
  /** Not a person at all (a total row, a blank row): skipped, with a warning saying why. */
  skipped?: boolean;
}

export type ImportOutcome = 'created' | 'updated' | 'unchanged' | 'rejected' | 'skipped';

export interface ImportRowResult {
  line: number;
  outcome: ImportOutcome;
  /** The person created or matched (absent for a person a dry run would create). */
  personId?: string;
  /** For a match: by MRN, or by the duplicate rule. */
  matchedBy?: 'mrn' | 'duplicate_rule';
  /** Also enrolled in the program (a match already enrolled is not enrolled twice). */
  enrolled?: boolean;
  /** Fields a match had changed (names, never values). */
  changedFields?: string[];
  warnings: ImportNote[];
  errors: ImportFieldError[];
}

export interface ImportPeopleResult {
  dryRun: boolean;
  program: { id: string; name: string };
  counts: Record<ImportOutcome, number> & { rows: number; warnings: number };
  rows: ImportRowResult[];
}

class DryRunDone extends Error {
  constructor(readonly result: ImportPeopleResult) {
    super('dry run: rolled back');
  }
}

export async function importPeople(
  context: UseCaseContext,
  props: {
    programName: string;
    rows: ImportPersonRow[];
    dryRun: boolean;
    /** For the operator at the CLI: the holder (default: the host). */ holderOrganizationId?: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<ImportPeopleResult> {
  try {
    return await context.db.tx(async (q) => {
      const actor = signedInActor(context);
      const holder = actor?.organizationId ?? props.holderOrganizationId ?? (await findHostOrganization(q))?.id;
      if (!holder) throw new AppError('not_found', 'No organisation to hold the records.');
      await authorizeFor(context, 'person.import', { organizationId: holder }, 'person');
      const program = await findProgramByName(q, holder, props.programName.trim());
      if (!program || !program.active) {
        throw AppError.field('program', `is not an active program of the organisation: "${props.programName}"`, 'not_found');
      }
      const results: ImportRowResult[] = [];
      const mrnLines = new Map<string, number>();
      let done = 0;
      for (const row of props.rows) {
        results.push(
          await importRow(
            q,
            { holder, programId: program.id, userId: actor?.userId ?? null, dryRun: props.dryRun },
            row,
            mrnLines,
          ),
        );
        props.onProgress?.(++done, props.rows.length);
      }
      const counts = countOf(results);
      const result: ImportPeopleResult = {
        dryRun: props.dryRun,
        program: { id: program.id, name: program.name },
        counts,
        rows: results,
      };
      if (props.dryRun) throw new DryRunDone(result);
      await audit(q, auditContextOf(context), {
        action: 'person.import',
        recordType: 'care_program',
        recordId: program.id,
        recordOrganizationId: holder,
        details: { ...counts },
      });
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.result;
    throw error;
  }
}

async function importRow(
  q: Queryable,
  target: { holder: string; programId: string; userId: string | null; dryRun: boolean },
  row: ImportPersonRow,
  mrnLines: Map<string, number>,
): Promise<ImportRowResult> {
  const base = { line: row.line, warnings: row.warnings };
  if (row.skipped) return { ...base, outcome: 'skipped', errors: [] };
  const reject = (errors: ImportFieldError[]): ImportRowResult => ({ ...base, outcome: 'rejected', errors });
  if (row.errors.length > 0) return reject(row.errors);

  const parsed = CreatePersonBody.safeParse(row.fields);
  if (!parsed.success) {
    const identifiers = Array.isArray(row.fields.identifiers) ? (row.fields.identifiers as IdentifierInput[]) : [];
    return reject(
      parsed.error.issues.map((issue) => {
        const [first, index] = issue.path;
        const field =
          first === 'identifiers' && typeof index === 'number'
            ? (identifiers[index]?.kind ?? 'identifiers')
            : String(first ?? 'row');
        return { field, message: issue.message };
      }),
    );
  }
  const body = parsed.data;
  const mrn = body.identifiers.find((identifier) => identifier.kind === 'mrn');
  if (mrn) {
    const earlier = mrnLines.get(mrn.value);
    if (earlier !== undefined) return reject([{ field: 'mrn', message: `is the MRN of line ${earlier} too` }]);
    mrnLines.set(mrn.value, row.line);
  }

  // Match: by MRN, else by the duplicate rule.
  let personId = mrn ? await findPersonIdByIdentifier(q, target.holder, mrn) : undefined;
  let matchedBy: ImportRowResult['matchedBy'] = personId ? 'mrn' : undefined;
  if (!personId) {
    const candidates = await duplicateCandidates(q, target.holder, body);
    if (candidates.length > 1) {
      return reject([
        {
          field: 'name',
          message: `matches ${candidates.length} people on record (name and date of birth, or an identifier): enrol this person by hand`,
        },
      ]);
    }
    personId = candidates[0];
    matchedBy = personId ? 'duplicate_rule' : undefined;
  }

  if (!personId) {
    const taken = await takenIdentifiers(q, target.holder, body.identifiers);
    if (taken.length > 0)
      return reject(taken.map((identifier) => ({ field: identifier.kind, message: 'is on the record of another person' })));
    const values = await personValues(q, undefined, body);
    const person = await insertPerson(q, target.holder, values);
    await insertIdentifiers(q, { id: person.id, holder: target.holder }, body.identifiers);
    await insertEnrolment(q, {
      personId: person.id,
      programId: target.programId,
      enrolledOn: null,
      reason: 'bulk import',
      enrolledBy: target.userId,
    });
    return { ...base, outcome: 'created', ...(!target.dryRun && { personId: person.id }), enrolled: true, errors: [] };
  }

  // A match: check everything first, then write.
  const current = (await findPersonForWrite(q, personId))!;
  const held = await listIdentifiers(q, personId);
  const missing = body.identifiers.filter(
    (identifier) => !held.some((h) => h.kind === identifier.kind && h.value === identifier.value),
  );
  const errors: ImportFieldError[] = [];
  for (const identifier of missing) {
    if (held.some((h) => h.kind === identifier.kind)) {
      errors.push({
        field: identifier.kind,
        message: `differs from the one on record of the person this row matches (by name and date of birth)`,
      });
    }
  }
  const taken = await takenIdentifiers(q, target.holder, missing, personId);
  for (const identifier of taken) errors.push({ field: identifier.kind, message: 'is on the record of another person' });
  if (errors.length > 0) return reject(errors);

  const { identifiers: _identifiers, enrolment: _enrolment, confirmNotDuplicate: _confirm, ...fields } = body;
  // Only the columns the file had: a column the file lacks leaves the record's value as it is.
  const changes = Object.fromEntries(Object.entries(fields).filter(([key]) => key in row.fields));
  const before = valuesOfRow(current);
  const after = await personValues(q, before, changes);
  const changed = changedFields(before, after);
  if (changed.length > 0) await updatePersonRow(q, personId, after);
  await insertIdentifiers(q, { id: personId, holder: target.holder }, missing);
  const enrolled = !(await openEnrolmentExists(q, personId, target.programId));
  if (enrolled) {
    await insertEnrolment(q, {
      personId,
      programId: target.programId,
      enrolledOn: null,
      reason: 'bulk import',
      enrolledBy: target.userId,
    });
  }
  const touched = changed.length > 0 || missing.length > 0 || enrolled;
  return {
    ...base,
    outcome: touched ? 'updated' : 'unchanged',
    personId,
    matchedBy,
    enrolled,
    changedFields: [...changed, ...missing.map((identifier) => identifier.kind)],
    errors: [],
  };
}

function countOf(results: ImportRowResult[]): ImportPeopleResult['counts'] {
  const counts = { rows: results.length, created: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0, warnings: 0 };
  for (const result of results) {
    counts[result.outcome]++;
    counts.warnings += result.warnings.length;
  }
  return counts;
}
