// Re-importing a directory through `kith import hsds` (importHsds, files to search index, one
// transaction each): a first import into an empty database, the same files again (nothing
// changed), then files with one service in 100 changed and one in 1,000 new. Each is timed by
// phase (reading the files; validating and writing; rebuilding the search index) and the
// re-imports are shown as ratios to the first import of the same run. Targets: nothing changed
// ≤ 0.25×, 1 % changed ≤ 0.35×, and its index work ≤ 5 % of the first import's.
// BENCH_RUNS runs (default 3) per engine, each in a fresh database; medians are printed.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { importHsds } from '../src/interop/hsds/import';
import type { Engine } from '../src/platform/db/database';
import { openTestDatabase } from '../test/support/engines';
import { writeDirectoryFiles } from './directory-files';

export interface TimedImport {
  seconds: number;
  read: number;
  write: number;
  index: number;
}

export interface ReimportRun {
  first: TimedImport;
  unchanged: TimedImport;
  changed: TimedImport;
}

async function timedImport(db: Parameters<typeof importHsds>[0], file: string): Promise<TimedImport> {
  const started = performance.now();
  let readingEnded = started;
  let indexingStarted: number | undefined;
  await importHsds(db, file, {
    dataset: 'bench',
    onProgress: ({ phase }) => {
      if (phase === 'reading') readingEnded = performance.now();
      if (phase === 'indexing') indexingStarted ??= performance.now();
    },
  });
  const ended = performance.now();
  // Validation runs after the last step of reading: it counts as writing.
  const indexing = indexingStarted ?? ended;
  return {
    seconds: (ended - started) / 1000,
    read: (readingEnded - started) / 1000,
    write: (indexing - readingEnded) / 1000,
    index: (ended - indexing) / 1000,
  };
}

export async function measureReimports(engines: Engine[], total: number): Promise<Map<Engine, ReimportRun[]>> {
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  const folder = path.join(os.tmpdir(), `kith-bench-directory-${total}`);
  const extra = Math.round(total / 1000);
  console.log(`\nwriting ${total.toLocaleString()} services as HSDS JSON (and the variant) to ${folder}…`);
  const original = writeDirectoryFiles(path.join(folder, 'original'), total);
  const changed = writeDirectoryFiles(path.join(folder, 'changed'), total, { changeEvery: 100, extra });
  const results = new Map<Engine, ReimportRun[]>();
  try {
    for (const engine of engines) {
      const list: ReimportRun[] = [];
      for (let run = 1; run <= runs; run++) {
        const db = await openTestDatabase(engine);
        try {
          const first = await timedImport(db, original);
          const unchanged = await timedImport(db, original);
          const changedRun = await timedImport(db, changed);
          list.push({ first, unchanged, changed: changedRun });
          console.log(
            `[${engine}] run ${run}: first ${first.seconds.toFixed(1)} s, nothing changed ${unchanged.seconds.toFixed(1)} s, 1 % changed ${changedRun.seconds.toFixed(1)} s`,
          );
        } finally {
          await db.close();
        }
      }
      results.set(engine, list);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function printReimports(total: number, results: Map<Engine, ReimportRun[]>): void {
  console.log(
    `\nre-import benchmark — ${total.toLocaleString()} services (HSDS JSON); medians of ${[...results.values()][0]?.length ?? 0} runs; ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os.loadavg()[0]!.toFixed(1)}`,
  );
  console.log('engine    import             seconds   (read, write, index)   ratio to first   index ratio');
  for (const [engine, runs] of results) {
    const shown = (name: string, pick: (run: ReimportRun) => TimedImport) => {
      const of = (key: keyof TimedImport) => median(runs.map((run) => pick(run)[key]));
      const ratio = median(runs.map((run) => pick(run).seconds / run.first.seconds));
      const indexRatio = median(runs.map((run) => pick(run).index / run.first.index));
      console.log(
        `${engine.padEnd(9)} ${name.padEnd(18)} ${of('seconds').toFixed(2).padStart(7)}   (${of('read').toFixed(1)}, ${of('write').toFixed(1)}, ${of('index').toFixed(1)})` +
          `${' '.repeat(8)}${ratio.toFixed(2).padStart(6)}×${' '.repeat(10)}${indexRatio.toFixed(3).padStart(6)}×`,
      );
    };
    shown('first', (run) => run.first);
    shown('nothing changed', (run) => run.unchanged);
    shown('1 % changed', (run) => run.changed);
  }
}
