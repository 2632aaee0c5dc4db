// Reading JSON files: one document (an object, an array, an API page), NDJSON (the API's
// format=ndjson, one item per line), or a top-level array too large for one string (V8 strings
// stop near 512 MB; a generated 500,000-service file passes that), which is split into its
// elements by a byte scanner so each parses alone. Syntax errors say line and column.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../platform/http/app-error';

const LARGE = 256 * 1024 * 1024;

/** One parsed JSON value and the JSON pointer prefix of its place in the file. */
export interface JsonPart {
  value: unknown;
  pointer: string;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let column = 1;
  for (let index = 0; index < position && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      column = 1;
    } else column++;
  }
  return `line ${line}, column ${column}`;
}

function syntaxError(file: string, text: string, error: Error, offset = 0): AppError {
  const position = Number(error.message.match(/position (\d+)/)?.[1] ?? NaN);
  const where = Number.isFinite(position) ? ` at ${lineAndColumn(text, position + offset)}` : '';
  const reason = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return new AppError('bad_request', `${path.basename(file)} is not valid JSON${where}: ${reason}`);
}

/** Each element of a top-level array, as the byte range it spans. */
function* arrayElements(buffer: Buffer): Generator<[number, number]> {
  let index = 0;
  const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
  while (index < buffer.length && isSpace(buffer[index]!)) index++;
  index++; // the opening bracket
  let depth = 0;
  let inString = false;
  let start = -1;
  for (; index < buffer.length; index++) {
    const byte = buffer[index]!;
    if (inString) {
      if (byte === 0x5c) index++;
      else if (byte === 0x22) inString = false;
      continue;
    }
    if (start < 0 && !isSpace(byte) && byte !== 0x2c && byte !== 0x5d) start = index;
    if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) depth++;
    else if (byte === 0x7d || byte === 0x5d) {
      if (depth === 0) {
        if (start >= 0) yield [start, index];
        return;
      }
      depth--;
    } else if (byte === 0x2c && depth === 0) {
      if (start >= 0) yield [start, index];
      start = -1;
    }
  }
  throw new Error('the array is never closed');
}

/** The JSON values of a file, each with its pointer (`#`, `#/12` for the 13th array element or NDJSON line). */
export function* readJsonFile(file: string): Generator<JsonPart> {
  const name = path.basename(file);
  const buffer = fs.readFileSync(file);
  const first = buffer.subarray(0, 64).toString('utf8').trimStart()[0];
  if (first === undefined) throw new AppError('bad_request', `${name} is empty`);
  if (buffer.length > LARGE && first === '[') {
    let index = 0;
    try {
      for (const [start, end] of arrayElements(buffer)) {
        const text = buffer.toString('utf8', start, end);
        try {
          yield { value: JSON.parse(text), pointer: `${name}#/${index}` };
        } catch (error) {
          throw syntaxError(file, text, error as Error);
        }
        index++;
      }
    } catch (error) {
      if (error instanceof AppError) throw new AppError('bad_request', `${error.message} (in element ${index} of the array)`);
      throw new AppError('bad_request', `${name} is not valid JSON: ${(error as Error).message}`);
    }
    return;
  }
  if (buffer.length > LARGE) {
    yield* ndjson(file, buffer);
    return;
  }
  const text = buffer.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // NDJSON is many documents, one a line: not one valid document, but a valid file.
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (first === '{' && lines.length > 1 && lines.every((line) => /^\s*\{.*\}\s*$/.test(line))) {
      yield* ndjson(file, buffer);
      return;
    }
    throw syntaxError(file, text, error as Error);
  }
  yield { value, pointer: `${name}#` };
}

function* ndjson(file: string, buffer: Buffer): Generator<JsonPart> {
  const name = path.basename(file);
  let start = 0;
  let line = 0;
  while (start < buffer.length) {
    let end = buffer.indexOf(0x0a, start);
    if (end < 0) end = buffer.length;
    const text = buffer.toString('utf8', start, end).trim();
    line++;
    start = end + 1;
    if (text === '') continue;
    try {
      yield { value: JSON.parse(text), pointer: `${name}:${line}#` };
    } catch (error) {
      throw new AppError('bad_request', `${name}:${line} is not valid JSON: ${(error as Error).message}`);
    }
  }
}
