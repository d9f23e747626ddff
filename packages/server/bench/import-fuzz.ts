import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  type FuzzFile,
  fuzzCategories,
  fuzzFiles,
  importFuzzFile,
  prepareFuzzFiles,
} from '../test/import-fuzz-files.ts';
import { type BenchEnv, type Benchmark, mebibyte, Stopwatch, systemCtx } from './bench.ts';

/**
 * Issue 7's fuzz run: N generated hostile files (test/import-fuzz-files.ts: truncated, damaged and
 * malformed XLSX, zip bombs, wrong encodings, enormous cells, many columns, duplicate and missing
 * headers, HXL rows in odd places, formulas, empty files, junk) through `importRecords` against one
 * database, a third of them as dry runs, items and organizations. Every file must end in a report or
 * a clear AppError (a crash is anything else) and change the database all or nothing (a partial
 * import is any other change). Crashes and partial imports are printed and their files saved.
 */

const DEFAULT_FILES = 10_000;
// Files whose failures are printed one by one; the rest are counted.
const PRINTED = 20;

function extensionOf(file: FuzzFile): string {
  const dot = file.fileName.lastIndexOf('.');
  return dot === -1 ? '' : file.fileName.slice(dot);
}

/** Saves a failing file and what went wrong beside it, for a minimal reproduction. */
function save(dir: string, index: number, file: FuzzFile, dryRun: boolean, what: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${index}-${file.category}`);
  fs.writeFileSync(`${base}${extensionOf(file)}`, file.bytes);
  fs.writeFileSync(
    `${base}.txt`,
    `${JSON.stringify({ variant: file.variant, resource: file.resource, fileName: file.fileName, mapping: file.mapping, dryRun })}\n${what}\n`,
  );
  return `${base}${extensionOf(file)}`;
}

async function run(env: BenchEnv) {
  const n = env.rows;
  const seed = Number(process.env.TANSIQ_FUZZ_SEED ?? 1);
  const foundDir = path.join(os.tmpdir(), 'fuzz-found');
  const ctx = systemCtx(env.db);
  const outcomes = new Map<string, number>();
  const categories = new Map<string, number>();
  const failures: string[] = [];
  let crashes = 0;
  let partial = 0;
  let bytes = 0;
  let importMs = 0;
  let slowest = { ms: 0, what: '' };
  let done = 0;

  env.log('  building the zip bombs…');
  prepareFuzzFiles();
  global.gc?.();
  const baseline = env.memory.sample();
  env.log(`  ${n} files, seed ${seed}…`);
  const watch = new Stopwatch();
  for (const file of fuzzFiles(n, seed)) {
    const index = done++;
    const dryRun = index % 3 === 0;
    const verdict = await importFuzzFile(ctx, env.db, file, dryRun);
    env.memory.sample();
    bytes += file.bytes.length;
    importMs += verdict.ms;
    outcomes.set(verdict.outcome, (outcomes.get(verdict.outcome) ?? 0) + 1);
    categories.set(file.category, (categories.get(file.category) ?? 0) + 1);
    if (verdict.ms > slowest.ms)
      slowest = { ms: verdict.ms, what: `${file.category} (${file.variant}), ${file.bytes.length} bytes` };

    const problems: string[] = [];
    if (verdict.crash !== null) {
      crashes++;
      const error = verdict.crash;
      problems.push(`crash: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    if (verdict.partial !== null) {
      partial++;
      problems.push(`partial import: ${verdict.partial}`);
    }
    if (problems.length > 0) {
      const saved = save(foundDir, index, file, dryRun, problems.join('\n'));
      if (failures.length < PRINTED) {
        const first = problems[0]?.split('\n').slice(0, 2).join(' ') ?? '';
        failures.push(`file ${index}, ${file.category} (${file.variant}): ${first} — saved as ${saved}`);
      }
    }
    if (done % 1000 === 0) {
      env.log(
        `  ${done} files, ${crashes} crashes, ${partial} partial, RSS ${Math.round(env.memory.sample() / mebibyte)} MiB`,
      );
    }
  }
  const wallMs = watch.wallMs;
  if (crashes + partial > failures.length)
    failures.push(`… and ${crashes + partial - failures.length} more, all saved in ${foundDir}`);

  const missing = fuzzCategories.filter((c) => !categories.has(c));
  if (missing.length > 0) failures.push(`categories never generated: ${missing.join(', ')}`);

  const histogram = [...outcomes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([outcome, count]) => `${String(count).padStart(6)}  ${outcome}`);
  return {
    figures: [
      { name: 'files', value: done, unit: 'files' },
      { name: 'crashes (not a report, not a clear AppError)', value: crashes, unit: 'files' },
      { name: 'partial imports (not all or nothing)', value: partial, unit: 'files' },
      {
        name: 'files through the whole loop (with the checks)',
        value: (done / wallMs) * 1000,
        unit: 'files/s',
      },
      { name: 'files through importRecords alone', value: (done / importMs) * 1000, unit: 'files/s' },
      { name: 'slowest file', value: slowest.ms / 1000, unit: 's' },
      { name: 'bytes of input', value: bytes / mebibyte, unit: 'MiB' },
      { name: 'RSS before the first file (generators ready)', value: baseline / mebibyte, unit: 'MiB' },
      { name: 'peak RSS during the run', value: env.memory.peak / mebibyte, unit: 'MiB' },
    ],
    ratios: [],
    notes: [
      `seed ${seed} (TANSIQ_FUZZ_SEED); every third file a dry run; maxBytes ${ctx.config.importMaxBytes} (TANSIQ_IMPORT_MAX_BYTES)`,
      `categories: ${[...categories.entries()].map(([c, k]) => `${c} ${k}`).join(', ')}`,
      `slowest file: ${slowest.what}`,
      `outcomes (files, outcome):\n${histogram.map((line) => `      ${line}`).join('\n')}`,
      'crash: anything thrown that is not an AppError, or AppError `internal`; partial: on an error or a dry run any change to items, organizations or import_batches, on success a change other than report.created rows and one batch',
    ],
    failures,
  };
}

export const importFuzzBench: Benchmark = {
  name: 'import-fuzz',
  description:
    'N generated hostile files through importRecords: outcomes, crashes, partial imports, peak memory',
  defaultRows: DEFAULT_FILES,
  run,
};
