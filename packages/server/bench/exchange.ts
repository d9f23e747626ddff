import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uuidv7 } from '@tansiq/core';
import { from as copyFrom } from 'pg-copy-streams';
import { loadConfig } from '../src/config.ts';
import { type Ctx, silentLogger, systemActor } from '../src/services/context.ts';
import { exportRecords } from '../src/services/export-records.ts';
import { importRecords } from '../src/services/import-records.ts';
import type { PgPool as Pool } from '../src/store/db.ts';
import { type BenchEnv, type Benchmark, mebibyte, RssMonitor, Stopwatch } from './bench.ts';

/**
 * Issue 7's measure: N organizations from a CSV through `importRecords` (decoding, HXL and header
 * mapping, natural-key matching, zod validation, one transaction through createRecords) against
 * COPY of the same rows into the same table; then the N rows exported as CSV and XLSX, with the
 * peak RSS each export adds, at N/10 and N rows, to show memory flat as rows grow.
 */

const kinds = ['national_ngo', 'international_ngo', 'un_agency', 'government', 'private'];

function csvOf(n: number): { csv: string; rows: string[][] } {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    rows.push([`Bench Organization ${i}`, `منظمة القياس ${i}`, `BO${i}`, kinds[i % kinds.length] as string]);
  }
  const header = 'Organization (English),Organization (Arabic),Acronym,Type\n';
  return { csv: header + rows.map((r) => r.join(',')).join('\n'), rows };
}

function ctxOf(db: Pool): Ctx {
  return {
    db,
    config: loadConfig({}),
    log: silentLogger,
    now: () => new Date(),
    actor: systemActor,
    lang: 'en',
  };
}

async function copyRows(db: Pool, rows: string[][]): Promise<void> {
  const client = await db.connect();
  try {
    const sink = client.query(
      copyFrom('COPY organizations (id, name_en, name_ar, acronym, kind) FROM STDIN (FORMAT csv)'),
    ) as Writable;
    const done = once(sink, 'finish');
    const chunk: string[] = [];
    for (const row of rows) {
      chunk.push(`${uuidv7()},${row.join(',')}\n`);
      if (chunk.length === 5000) {
        if (!sink.write(chunk.join(''))) await once(sink, 'drain');
        chunk.length = 0;
      }
    }
    sink.end(chunk.join(''));
    await done;
  } finally {
    client.release();
  }
}

/** Runs an export into a sink that counts bytes; returns time, bytes, peak RSS and what it added to the RSS at the start. */
async function timeExport(ctx: Ctx, format: 'csv' | 'xlsx') {
  global.gc?.();
  const monitor = new RssMonitor(10);
  // The JS heap as well: RSS keeps pages V8 has not given back, the heap shows what is live.
  let heapPeak = process.memoryUsage().heapUsed;
  const heapTimer = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  const base = process.memoryUsage().rss;
  const watch = new Stopwatch();
  let bytes = 0;
  let livePeak = 0;
  const liveEvery = 512 * 1024;
  await pipeline(
    exportRecords(ctx, 'organizations', { format, hxl: true }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        const before = Math.floor(bytes / liveEvery);
        bytes += chunk.length;
        // Now and then a full GC, then the heap: what the export really holds, garbage aside.
        if (global.gc && Math.floor(bytes / liveEvery) !== before) {
          global.gc();
          livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
        }
        done();
      },
    }),
  );
  const ms = watch.wallMs;
  const peak = monitor.stop();
  clearInterval(heapTimer);
  return { ms, bytes, peak, heapPeak, livePeak, added: Math.max(0, peak - base) };
}

async function run(env: BenchEnv) {
  const n = env.rows;
  const { log } = env;
  const { csv, rows } = csvOf(n);
  const bytes = new TextEncoder().encode(csv);

  // Exports first, from databases filled by COPY, so that their memory is not the import's leftovers.
  log('  COPY: N rows into a fresh database, and N/10 into another…');
  const copyDb = await env.freshDatabase();
  const copyWatch = new Stopwatch();
  await copyRows(copyDb, rows);
  const copyMs = copyWatch.wallMs;
  const smallDb = await env.freshDatabase();
  await copyRows(smallDb, rows.slice(0, Math.max(1, Math.floor(n / 10))));
  log('  export: CSV and XLSX…');
  const csvSmall = await timeExport(ctxOf(smallDb), 'csv');
  const csvFull = await timeExport(ctxOf(copyDb), 'csv');
  const xlsxSmall = await timeExport(ctxOf(smallDb), 'xlsx');
  const xlsxFull = await timeExport(ctxOf(copyDb), 'xlsx');

  log(`  import: ${n} organizations through importRecords…`);
  const importWatch = new Stopwatch();
  const report = await importRecords(ctxOf(env.db), {
    bytes,
    fileName: 'bench.csv',
    resource: 'organizations',
    dryRun: false,
  });
  const importMs = importWatch.wallMs;
  if (report.created !== n) throw new Error(`import created ${report.created} of ${n}`);
  env.memory.sample();

  const rate = (ms: number) => (n / ms) * 1000;
  return {
    figures: [
      { name: 'import (parse, map, validate, write)', value: rate(importMs), unit: 'rows/s' },
      { name: 'COPY of the same rows', value: rate(copyMs), unit: 'rows/s' },
      { name: 'export CSV', value: rate(csvFull.ms), unit: 'rows/s' },
      { name: 'export XLSX', value: rate(xlsxFull.ms), unit: 'rows/s' },
      { name: `export CSV peak RSS, ${n} rows`, value: csvFull.peak / mebibyte, unit: 'MiB' },
      {
        name: `export CSV peak RSS, ${Math.floor(n / 10)} rows`,
        value: csvSmall.peak / mebibyte,
        unit: 'MiB',
      },
      { name: `export XLSX peak RSS, ${n} rows`, value: xlsxFull.peak / mebibyte, unit: 'MiB' },
      {
        name: `export XLSX peak RSS, ${Math.floor(n / 10)} rows`,
        value: xlsxSmall.peak / mebibyte,
        unit: 'MiB',
      },
      { name: `export CSV peak heap, ${n} rows`, value: csvFull.heapPeak / mebibyte, unit: 'MiB' },
      {
        name: `export CSV peak heap, ${Math.floor(n / 10)} rows`,
        value: csvSmall.heapPeak / mebibyte,
        unit: 'MiB',
      },
      { name: `export XLSX peak heap, ${n} rows`, value: xlsxFull.heapPeak / mebibyte, unit: 'MiB' },
      {
        name: `export XLSX peak heap, ${Math.floor(n / 10)} rows`,
        value: xlsxSmall.heapPeak / mebibyte,
        unit: 'MiB',
      },
      { name: `export CSV live heap after GC, ${n} rows`, value: csvFull.livePeak / mebibyte, unit: 'MiB' },
      {
        name: `export CSV live heap after GC, ${Math.floor(n / 10)} rows`,
        value: csvSmall.livePeak / mebibyte,
        unit: 'MiB',
      },
      { name: `export XLSX live heap after GC, ${n} rows`, value: xlsxFull.livePeak / mebibyte, unit: 'MiB' },
      {
        name: `export XLSX live heap after GC, ${Math.floor(n / 10)} rows`,
        value: xlsxSmall.livePeak / mebibyte,
        unit: 'MiB',
      },
      { name: 'export CSV size', value: csvFull.bytes / mebibyte, unit: 'MiB' },
    ],
    ratios: [
      { name: 'import rate / COPY rate', value: copyMs / importMs, note: 'goal ≥ 0.5' },
      {
        name: 'CSV export memory, N / (N/10) rows',
        value: csvFull.peak / csvSmall.peak,
        note: 'flat ≈ 1',
      },
      {
        name: 'XLSX export memory, N / (N/10) rows',
        value: xlsxFull.peak / xlsxSmall.peak,
        note: 'flat ≈ 1',
      },
    ],
    notes: [
      'import: one importRecords call, one transaction; COPY: CSV format, ids generated while streaming, no search terms',
      'export memory: peak RSS and heap sampled every 10 ms; with --expose-gc, a full GC every 512 KiB of output gives the live heap (and slows the exports); exports run before the import',
    ],
  };
}

export const exchangeBench: Benchmark = {
  name: 'exchange',
  description: 'N organizations imported from CSV vs COPY; N rows exported as CSV and XLSX with peak memory',
  run,
};
