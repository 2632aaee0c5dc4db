// Reading a backup file (the format is in backup-format.ts): its lines, its first line, and the
// one kind of error every damaged or foreign file ends in, so the CLI prints one clear line.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../platform/http/app-error';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader } from './backup-format';

export function parseHeader(file: string, line: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    // Reported below: what matters is that it is not our header.
  }
  if (header?.format !== BACKUP_FORMAT) throw damaged(file, 'it does not start like a Kith backup');
  if (typeof header.version === 'number' && header.version > BACKUP_VERSION) {
    throw new AppError(
      'conflict',
      `${file} is a version ${header.version} backup; this Kith reads version ${BACKUP_VERSION}. Upgrade Kith, then restore.`,
    );
  }
  if (header.version !== BACKUP_VERSION) throw damaged(file, `its format version (${String(header.version)}) is unknown`);
  if (!Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw damaged(file, 'its first line is incomplete');
  return header as BackupHeader;
}

export function parseLine(file: string, line: string, lineNumber: number): unknown[] | Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(line);
    if (value !== null && typeof value === 'object') return value as unknown[] | Record<string, unknown>;
  } catch {
    // Reported below.
  }
  throw damaged(file, `line ${lineNumber} is not a JSON row or object`);
}

/** The lines of a gzip'd file; a file that is not gzip, or is cut short, ends in a clear AppError. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const source = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip).setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'Z_BUF_ERROR') throw damaged(file, 'it ends in the middle (the file was cut short)');
    if (code === 'Z_DATA_ERROR') throw damaged(file, 'it is not a gzip file, or is damaged');
    throw error;
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (rest !== '') yield rest;
}

export function damaged(file: string, reason: string): AppError {
  return new AppError('bad_request', `${file} is not a usable Kith backup: ${reason}. The database was not changed.`);
}

export function plural(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

export function describeTotals(totals: { tables: number; rows: number }): string {
  return `${plural(totals.tables, 'table')}, ${plural(totals.rows, 'row')}`;
}

export function fileSize(file: string): string {
  const bytes = fs.statSync(file).size;
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}
