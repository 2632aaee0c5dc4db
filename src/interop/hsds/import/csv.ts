// Reading CSV tables: streamed in chunks (a 500,000-row services.csv never sits in memory as one
// string), quoted cells may hold newlines and stray quotes, and every row knows the line it starts
// on so a rejection can say `services.csv:1204`. A file that cannot be read at all (an opening
// quote that never closes) is a malformed file: the import stops before anything is written.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/http/app-error';
import { cleanText, type Row } from './context';
import { CsvError, parse, type Options } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';

/** Column names as publishers vary them ("Location ID", "location-id") in one spelling. */
export const normalizeColumn = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

// csv-parse (a maintained parser) reads RFC 4180 and what real exports do: quoted newlines,
// doubled quotes, a byte-order mark, CRLF, and quotes inside unquoted cells.
const csvOptions: Options = { bom: true, relax_quotes: true, relax_column_count: true, skip_empty_lines: true, info: true };

function malformed(file: string, error: unknown): AppError {
  const name = path.basename(file);
  if (error instanceof CsvError) {
    const line = (error as CsvError & { lines?: number }).lines;
    return new AppError('bad_request', `${name}${line ? `:${line}` : ''}: ${error.message}, so the file cannot be read`);
  }
  return new AppError(
    'bad_request',
    `${name}: this CSV file cannot be read (${error instanceof Error ? error.message : String(error)})`,
  );
}

/** The header of a CSV file, normalized; read from its first bytes only. */
export function readHeader(file: string): string[] {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const length = fs.readSync(handle, buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, length).toString('utf8');
    // Only the first record is wanted: cut at the first line end outside quotes by parsing a prefix.
    const [header] = parseSync(text, { ...csvOptions, info: false, to_line: 1, relax_quotes: true }) as string[][];
    return (header ?? []).map(normalizeColumn);
  } catch (error) {
    throw malformed(file, error);
  } finally {
    fs.closeSync(handle);
  }
}

export interface CsvRowHandler {
  row: (row: Row, line: number) => void;
  /** A row whose cells do not fit the header; the import rejects it. */
  bad: (line: number, reason: string) => void;
  /** Bytes read so far, for the progress bar. */
  progress?: (bytes: number) => void;
}

/** Streams the rows of a CSV file as header → cleaned value records. */
export async function eachCsvRow(file: string, handler: CsvRowHandler): Promise<void> {
  const stream = fs.createReadStream(file, { highWaterMark: 4 << 20 });
  const parser = stream.pipe(parse(csvOptions));
  let header: string[] | undefined;
  stream.on('data', (chunk: Buffer | string) => handler.progress?.((bytes += chunk.length)));
  let bytes = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = record;
      // info.lines is the line the record ends on; a record spanning lines reports where it ends.
      const line = info.lines;
      if (!header) {
        header = cells.map(normalizeColumn);
        continue;
      }
      if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
        handler.bad(line, `the row has ${cells.length} cells but the header has ${header.length} columns`);
        continue;
      }
      const row: Row = {};
      for (let index = 0; index < header.length; index++) {
        const value = cleanText(cells[index]);
        if (value !== undefined) row[header[index]!] = value;
      }
      handler.row(row, line);
    }
  } catch (error) {
    stream.destroy();
    throw malformed(file, error);
  }
}
