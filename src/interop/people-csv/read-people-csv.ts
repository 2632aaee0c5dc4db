// Reading a CSV export of the organisation's own lists (a high-utilisation report, a registry) into
// rows of people for the people domain's bulk enrolment. Real exports are messy, so this repairs
// what is unambiguous, with a named warning on the row, and leaves the rest to be rejected row by
// row: a byte-order mark; text that is not UTF-8 (read as Windows-1252, the encoding of Excel on
// Windows); dates as MM/DD/YYYY (DD/MM/YYYY when the first number is above 12), YYYY-MM-DD or an
// Excel day number; spaces around values; a total row at the end; blank rows. A file whose quoting
// is broken cannot be read at all: an error naming the line, before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../platform/http/app-error';
import type { ImportNote, ImportPersonRow } from '../../domains/people';

/** The fields a column may be mapped to, with the person field each fills. */
export const mappableFields = {
  given: 'givenName',
  family: 'familyName',
  used: 'usedName',
  dob: 'birthDate',
  mrn: 'mrn',
  member: 'payer_member_id',
  sex: 'sex',
  pronouns: 'pronouns',
  language: 'preferredLanguage',
  phone: 'phone',
  email: 'email',
  address: 'addressLine',
  city: 'city',
  state: 'state',
  zip: 'postalCode',
} as const;
export type MappableField = keyof typeof mappableFields;

/** Headers recognised without a mapping (compared in lower case, spaces and _ - ignored). */
const usualHeaders: Record<MappableField, string[]> = {
  given: ['given', 'givenname', 'first', 'firstname'],
  family: ['family', 'familyname', 'last', 'lastname', 'surname'],
  used: ['used', 'usedname', 'preferredname', 'nickname'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday'],
  mrn: ['mrn', 'medicalrecordnumber'],
  member: ['member', 'memberid', 'payermemberid'],
  sex: ['sex'],
  pronouns: ['pronouns'],
  language: ['language', 'preferredlanguage'],
  phone: ['phone', 'phonenumber', 'telephone'],
  email: ['email', 'emailaddress'],
  address: ['address', 'addressline', 'street'],
  city: ['city'],
  state: ['state'],
  zip: ['zip', 'zipcode', 'postalcode'],
};

const squash = (header: string) => header.toLowerCase().replace(/[\s_-]+/g, '');

/** `given=First,family=Last,dob=DOB` as a mapping; the field named. */
export function parseMapFlag(text: string): Partial<Record<MappableField, string>> {
  const mapping: Partial<Record<MappableField, string>> = {};
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    const column = at < 0 ? '' : pair.slice(at + 1).trim();
    if (!(key in mappableFields))
      throw AppError.field('map', `"${key}" is not a field (${Object.keys(mappableFields).join(', ')})`);
    if (!column) throw AppError.field('map', `"${key}" needs a column name after =`);
    mapping[key as MappableField] = column;
  }
  return mapping;
}

/** A mapping file: a JSON object of field → column name. */
export function readMappingFile(file: string): Partial<Record<MappableField, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw AppError.field('mapping', `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw AppError.field('mapping', 'must be a JSON object of field → column');
  const mapping: Partial<Record<MappableField, string>> = {};
  for (const [key, column] of Object.entries(parsed)) {
    if (!(key in mappableFields))
      throw AppError.field('mapping', `"${key}" is not a field (${Object.keys(mappableFields).join(', ')})`);
    if (typeof column !== 'string' || !column.trim()) throw AppError.field('mapping', `"${key}" must name a column`);
    mapping[key as MappableField] = column.trim();
  }
  return mapping;
}

export interface PeopleCsv {
  /** Remarks about the whole file (its encoding, a byte-order mark). */
  fileWarnings: ImportNote[];
  /** Field → the column it was read from. */
  columns: Partial<Record<MappableField, string>>;
  rows: ImportPersonRow[];
}

/** The file's text: UTF-8 (without its byte-order mark), or Windows-1252 when it is not valid UTF-8. */
export function decodeCsv(buffer: Buffer): { text: string; warnings: ImportNote[] } {
  const warnings: ImportNote[] = [];
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    warnings.push({ code: 'utf16', message: 'the file is UTF-16 text; it was read as such' });
    return { text: iconv.decode(buffer.subarray(2), 'utf16le'), warnings };
  }
  let bytes = buffer;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    warnings.push({ code: 'byte_order_mark', message: 'the file starts with a byte-order mark; it was left out' });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings };
  } catch {
    warnings.push({
      code: 'windows_1252',
      message: 'the file is not UTF-8 text; it was read as Windows-1252 (check the accented names)',
    });
    return { text: iconv.decode(bytes, 'win1252'), warnings };
  }
}

/** Reads the file; throws AppError (nothing read) when it cannot be read as CSV or the mapping does not fit it. */
export function readPeopleCsv(file: string, mapping: Partial<Record<MappableField, string>> = {}): PeopleCsv {
  const name = path.basename(file);
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw AppError.field('file', `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const { text, warnings: fileWarnings } = decodeCsv(buffer);
  let records: { record: string[]; info: { lines: number } }[];
  // The line the last whole record ended on: a quote never closed opened on the line after it.
  let lastEnd = 0;
  try {
    records = parse(text, {
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const unclosed = error.code === 'CSV_QUOTE_NOT_CLOSED';
      const line = unclosed ? lastEnd + 1 : (error as CsvError & { lines?: number }).lines;
      const reason = unclosed ? `a quoted value opened on line ${line} is never closed` : error.message;
      throw new AppError(
        'bad_request',
        `${name}${line ? `:${line}` : ''}: the file cannot be read as CSV (${reason}); nothing was imported`,
      );
    }
    throw error;
  }
  const [head, ...body] = records;
  if (!head) throw new AppError('bad_request', `${name}: the file is empty; nothing was imported`);
  const header = head.record.map((cell) => cell.trim());

  // Field → column index: the mapping given, else a usual header.
  const columns: Partial<Record<MappableField, string>> = {};
  const index: Partial<Record<MappableField, number>> = {};
  for (const field of Object.keys(mappableFields) as MappableField[]) {
    const wanted = mapping[field];
    const at = wanted
      ? header.findIndex((column) => column.toLowerCase() === wanted.toLowerCase())
      : header.findIndex((column) => usualHeaders[field].includes(squash(column)));
    if (wanted && at < 0)
      throw AppError.field('map', `${field}: the file has no column "${wanted}" (its columns: ${header.join(', ')})`);
    if (at >= 0) {
      columns[field] = header[at];
      index[field] = at;
    }
  }
  for (const field of ['given', 'family', 'dob'] as const) {
    if (index[field] === undefined) {
      throw AppError.field(
        'map',
        `no column for ${field}: name it with --map ${field}=<column> (the file's columns: ${header.join(', ')})`,
      );
    }
  }

  const rows = body.map(({ record, info }) => readRow(record, info.lines, index, columns));
  return { fileWarnings, columns, rows };
}

const totalCell = /^(grand\s+)?totals?\b/i;

function readRow(
  cells: string[],
  line: number,
  index: Partial<Record<MappableField, number>>,
  columns: Partial<Record<MappableField, string>>,
): ImportPersonRow {
  const row: ImportPersonRow = { line, fields: {}, warnings: [], errors: [] };
  if (cells.every((cell) => cell.trim() === '')) {
    return { ...row, skipped: true, warnings: [{ code: 'blank_row', message: 'the row is empty' }] };
  }
  const cell = (field: MappableField) => {
    const at = index[field];
    return at === undefined ? '' : (cells[at] ?? '');
  };
  if (cells.some((value) => totalCell.test(value.trim())) && !cell('dob').trim()) {
    return { ...row, skipped: true, warnings: [{ code: 'total_row', message: 'a total row, not a person' }] };
  }
  const trimmed: string[] = [];
  const identifiers: { kind: string; value: string }[] = [];
  for (const field of Object.keys(mappableFields) as MappableField[]) {
    if (index[field] === undefined) continue;
    const raw = cell(field);
    const value = raw.trim();
    if (value !== raw) trimmed.push(columns[field]!);
    if (!value) continue;
    const target = mappableFields[field];
    if (field === 'mrn' || field === 'member') {
      identifiers.push({ kind: target, value });
    } else if (field === 'dob') {
      const read = readBirthDate(value);
      if ('error' in read) row.errors.push({ field: 'birthDate', message: read.error });
      else {
        row.fields.birthDate = read.date;
        if (read.warning) row.warnings.push({ ...read.warning, field: 'birthDate' });
      }
    } else {
      row.fields[target] = value;
    }
  }
  if (identifiers.length > 0) row.fields.identifiers = identifiers;
  if (trimmed.length > 0)
    row.warnings.push({ code: 'spaces_trimmed', message: `spaces around the values of ${trimmed.join(', ')} were left out` });
  return row;
}

const isoDay = (year: number, month: number, day: number): string | undefined => {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
};

/**
 * A date of birth as exports write it. US order (MM/DD/YYYY) unless the first number cannot be a
 * month; an Excel day number (days since 1899-12-30); ISO. A time of day after it is left out.
 * Whether the day is possible as a birth date (not before 1900, not in the future) is the people
 * domain's check.
 */
export function readBirthDate(text: string): { date: string; warning?: ImportNote } | { error: string } {
  let value = text;
  let timeDropped = false;
  const withTime = /^(\S+)\s+\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp][Mm])?$/.exec(value);
  if (withTime) {
    value = withTime[1]!;
    timeDropped = true;
  }
  const noTime = timeDropped ? { code: 'time_dropped', message: 'the time of day after the date was left out' } : undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) {
    const date = isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date ? { date, ...(noTime && { warning: noTime }) } : { error: 'is not a day the calendar has' };
  }
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (slashed) {
    const first = Number(slashed[1]);
    const second = Number(slashed[2]);
    const year = Number(slashed[3]);
    if (first > 12 && second <= 12) {
      const date = isoDay(year, second, first);
      if (!date) return { error: 'is not a day the calendar has' };
      return {
        date,
        warning: {
          code: 'day_month_order',
          message: "the first number cannot be a month, so this row's date was read as DD/MM/YYYY",
        },
      };
    }
    const date = isoDay(year, first, second);
    return date ? { date, ...(noTime && { warning: noTime }) } : { error: 'is not a day the calendar has (read as MM/DD/YYYY)' };
  }
  const serial = /^(\d{1,6})(\.0+)?$/.exec(value);
  if (serial) {
    const days = Number(serial[1]);
    // Excel's day 60 is 29 February 1900, a day that never was; days after it count from 1899-12-30.
    if (days < 61 || days > 2_958_465) return { error: 'is not a date' };
    const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10);
    return { date, warning: { code: 'excel_date', message: 'an Excel day number, read as the day it counts to' } };
  }
  return { error: 'is not a date as MM/DD/YYYY, YYYY-MM-DD or an Excel day number' };
}
