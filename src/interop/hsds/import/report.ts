// What an import says when it is done: the format it detected, per object type how many records
// were inserted, updated, unchanged and rejected, how many were imported with repairs by each rule
// (see repairs.ts), and every repaired and rejected record with its path and the rule or reason. A real directory can have thousands of rejections, so the printed report shows the
// first ones and says how to get them all (--verbose, or --rejections FILE as JSON).
import type { HsdsObjectName, KeptEdit } from '../../../domains/directory/index';
import type { Rejection, Repair, Warning } from './records';
import { repairRules, type RepairRule } from './repairs';
import { linkOrder } from './validate';
import type { WriteCounts } from './write';

export interface ObjectCounts extends WriteCounts {
  rejected: number;
}

export interface ImportReport {
  source: string;
  format: string;
  dataset: string;
  counts: Partial<Record<HsdsObjectName, ObjectCounts>>;
  /** Records that did not go in, each with where it was and why. */
  rejections: Rejection[];
  /** Records that went in repaired by a named rule (repairs.ts), each with its place. */
  repairs: Repair[];
  /** How many records each rule repaired, by rule name. */
  repairCounts: Partial<Record<RepairRule, number>>;
  /** Fields a partner changed in Kith that the source says otherwise: the partner's value was kept. */
  keptEdits: KeptEdit[];
  /** Records that went in with something left out (a link to a parent that does not exist). */
  warnings: Warning[];
  /** Services of the data set the source no longer has, now defunct (with --retire-missing). */
  retired: { id: string; name: string }[];
  /** Rows of HSDS tables Kith does not store (metadata…), by table. */
  skipped: Record<string, number>;
  /** CSV rows, or top-level JSON objects, read from the source. */
  rowsRead: number;
  seconds: number;
}

const pad = (text: string | number, width: number) => String(text).padStart(width);

export function formatReport(report: ImportReport, options: { limit?: number } = {}): string {
  const limit = options.limit ?? 50;
  const lines: string[] = [];
  lines.push(`Imported ${report.source}`);
  lines.push(`  format:  ${report.format}`);
  lines.push(`  dataset: ${report.dataset}`);
  lines.push(`  ${report.rowsRead} source rows or objects read; ${report.seconds.toFixed(1)} s in all`);
  lines.push('');
  lines.push(`  ${'object'.padEnd(24)}${pad('inserted', 10)}${pad('updated', 10)}${pad('unchanged', 11)}${pad('rejected', 10)}`);
  for (const [type, count] of Object.entries(report.counts)) {
    lines.push(
      `  ${type.padEnd(24)}${pad(count.inserted, 10)}${pad(count.updated, 10)}${pad(count.unchanged, 11)}${pad(count.rejected, 10)}`,
    );
  }
  for (const [table, rows] of Object.entries(report.skipped)) {
    lines.push(`  ${table}: ${rows} rows skipped (Kith does not store this HSDS table)`);
  }
  if (report.retired.length) {
    lines.push(
      '',
      `${report.retired.length} service(s) of ${report.dataset} no longer in the source, now defunct (out of search):`,
    );
    for (const service of report.retired.slice(0, limit)) lines.push(`  ${service.id}: ${service.name}`);
    if (report.retired.length > limit) lines.push(`  … and ${report.retired.length - limit} more`);
  }
  const repaired = Object.entries(report.repairCounts);
  if (repaired.length) {
    lines.push('', `${report.repairs.length} repair(s): records imported with repairs, by rule:`);
    for (const [rule, count] of repaired) {
      lines.push(`  ${rule.padEnd(30)}${pad(count, 7)}  ${repairRules[rule as RepairRule]}`);
    }
    for (const repair of report.repairs.slice(0, limit)) {
      lines.push(`  ${repair.path}: ${repair.object}${repair.id ? ` ${repair.id}` : ''}: ${repair.rule}: ${repair.message}`);
    }
    if (report.repairs.length > limit) lines.push(`  … and ${report.repairs.length - limit} more (--verbose lists them all)`);
  }
  if (report.keptEdits.length) {
    lines.push('', `${report.keptEdits.length} field(s) a partner changed in Kith kept over the source's value:`);
    for (const edit of report.keptEdits.slice(0, limit)) {
      lines.push(`  ${edit.recordType} ${edit.recordId} (${edit.recordName}): ${edit.field}`);
    }
    if (report.keptEdits.length > limit) lines.push(`  … and ${report.keptEdits.length - limit} more`);
  }
  if (report.warnings.length) {
    lines.push('', `${report.warnings.length} record(s) imported with a link left out:`);
    for (const warning of report.warnings.slice(0, limit)) {
      lines.push(`  ${warning.path}: ${warning.object}${warning.id ? ` ${warning.id}` : ''}: ${warning.message}`);
    }
    if (report.warnings.length > limit) lines.push(`  … and ${report.warnings.length - limit} more`);
  }
  if (report.rejections.length) {
    lines.push('', `${report.rejections.length} record(s) rejected:`);
    for (const rejection of report.rejections.slice(0, limit)) {
      lines.push(`  ${rejection.path}: ${rejection.object}${rejection.id ? ` ${rejection.id}` : ''}: ${rejection.reason}`);
    }
    if (report.rejections.length > limit) {
      lines.push(
        `  … and ${report.rejections.length - limit} more (--verbose lists them all; --rejections FILE writes them as JSON)`,
      );
    }
  } else lines.push('', 'No record was rejected.');
  return lines.join('\n');
}

/** Counts rejections per object type into the write counts. */
export function countsWithRejections(
  written: Partial<Record<HsdsObjectName, WriteCounts>>,
  rejections: Rejection[],
): Partial<Record<HsdsObjectName, ObjectCounts>> {
  const found: Partial<Record<string, ObjectCounts>> = {};
  for (const [type, count] of Object.entries(written)) found[type] = { ...count, rejected: 0 };
  for (const rejection of rejections) {
    const count = (found[rejection.object] ??= { inserted: 0, updated: 0, unchanged: 0, rejected: 0 });
    count.rejected++;
  }
  // In link order (organizations before their services…), then anything else rejected (unreadable rows).
  const ordered: Partial<Record<string, ObjectCounts>> = {};
  for (const type of [...linkOrder, ...Object.keys(found)]) if (found[type]) ordered[type] = found[type];
  return ordered as Partial<Record<HsdsObjectName, ObjectCounts>>;
}

/** Repairs per rule, in the order repairs.ts lists the rules. */
export function countRepairs(repairs: readonly Repair[]): Partial<Record<RepairRule, number>> {
  const counts: Partial<Record<RepairRule, number>> = {};
  for (const rule of Object.keys(repairRules) as RepairRule[]) {
    const count = repairs.filter((repair) => repair.rule === rule).length;
    if (count) counts[rule] = count;
  }
  return counts;
}
