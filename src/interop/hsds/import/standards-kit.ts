// For tests: the shared standards kit (official HSDS schemas and examples, the real Baltimore
// sample) lives next to the repository, not in it: ../shared/standards, or KITH_STANDARDS_DIR.
// In a user's clone it is absent and those tests skip with one line saying why; under CI=true its
// absence is a failure, never a silent skip.
import fs from 'node:fs';
import path from 'node:path';

if (process.env.HSDS_STANDARDS_DIR !== undefined) {
  // The old name: a copy it points to would be silently passed over for the default one.
  throw new Error('HSDS_STANDARDS_DIR is no longer read: set KITH_STANDARDS_DIR (the standards folder, holding hsds/).');
}

export const standardsDir = path.resolve(
  process.env.KITH_STANDARDS_DIR ?? path.join(import.meta.dirname, '../../../../../shared/standards'),
);

export const baltimoreSample = path.join(standardsDir, 'sample-data/baltimore-bchd-charmcare-icarol-2019');
export const hsdsExamples = path.join(standardsDir, 'hsds/3.0.1/examples');
export const hsdsSchemas = path.join(standardsDir, 'hsds');

const warned = new Set<string>();

/** True when `folder` (or file) exists; otherwise warns once (or throws under CI) and returns false. */
export function standardsAvailable(folder: string, what: string): boolean {
  if (fs.existsSync(folder)) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${what} is missing at ${folder} (set KITH_STANDARDS_DIR)`);
  if (!warned.has(folder)) {
    console.warn(
      `${what} tests skipped: ${folder} is absent (the shared standards kit sits next to the repository; set KITH_STANDARDS_DIR).`,
    );
    warned.add(folder);
  }
  return false;
}
