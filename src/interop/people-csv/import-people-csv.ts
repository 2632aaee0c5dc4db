// `kith import people <csv>`: a CSV export read at the edge (read-people-csv.ts), then enrolled
// by the people domain's use case in one transaction; and the report the operator reads.
import type { UseCaseContext } from '../../platform/context';
import { importPeople, type ImportNote, type ImportPeopleResult } from '../../domains/people';
import { readPeopleCsv, type MappableField } from './read-people-csv';

export interface PeopleCsvReport extends ImportPeopleResult {
  file: string;
  fileWarnings: ImportNote[];
  columns: Partial<Record<MappableField, string>>;
}

export async function importPeopleCsv(
  context: UseCaseContext,
  file: string,
  options: {
    programName: string;
    mapping?: Partial<Record<MappableField, string>>;
    dryRun?: boolean;
    holderOrganizationId?: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<PeopleCsvReport> {
  const csv = readPeopleCsv(file, options.mapping);
  const result = await importPeople(context, {
    programName: options.programName,
    rows: csv.rows,
    dryRun: options.dryRun ?? false,
    holderOrganizationId: options.holderOrganizationId,
    onProgress: options.onProgress,
  });
  return { file, fileWarnings: csv.fileWarnings, columns: csv.columns, ...result };
}

/** The report as lines for the terminal: the counts, then each row rejected or repaired (up to `limit` of each). */
export function formatPeopleReport(report: PeopleCsvReport, limit = 50): string {
  const { counts } = report;
  const lines: string[] = [];
  const verb = report.dryRun ? 'Would import' : 'Imported';
  lines.push(
    `${verb} ${counts.rows} rows into ${report.program.name}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected, ${counts.skipped} skipped.`,
  );
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  for (const warning of report.fileWarnings) lines.push(`warning: ${warning.message} (${warning.code})`);
  const rejected = report.rows.filter((row) => row.outcome === 'rejected');
  for (const row of rejected.slice(0, limit)) {
    lines.push(`line ${row.line}: rejected: ${row.errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`);
  }
  if (rejected.length > limit) lines.push(`… and ${rejected.length - limit} more rejected rows (see --report)`);
  const warned = report.rows.filter((row) => row.warnings.length > 0);
  for (const row of warned.slice(0, limit)) {
    lines.push(
      `line ${row.line}: ${row.outcome}: ${row.warnings.map((warning) => `${warning.message} (${warning.code})`).join('; ')}`,
    );
  }
  if (warned.length > limit) lines.push(`… and ${warned.length - limit} more rows with warnings (see --report)`);
  return lines.join('\n');
}
