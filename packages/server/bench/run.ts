import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isAppError } from '@tansiq/core';
import pg from 'pg';
import { createPool, type PgPool as Pool } from '../src/store/db.ts';
import { openEmbedded } from '../src/store/embedded.ts';
import { migrate } from '../src/store/migrate.ts';
import {
  type Benchmark,
  type BenchResult,
  mebibyte,
  type PureBenchmark,
  RssMonitor,
  redactUrl,
  Stopwatch,
  withDatabase,
} from './bench.ts';
import { exchangeBench } from './exchange.ts';
import { extractBench } from './extract.ts';
import { importFuzzBench } from './import-fuzz.ts';
import { ledgerBench } from './ledger.ts';
import { registryInsert } from './registry-insert.ts';
import { webBench } from './web.ts';

/**
 * `npm run bench [-- --only NAME] [-- --rows N]`: runs the benchmarks, each on fresh databases of
 * its own, and prints what they measured. Speed goals live here; tests never check timing.
 *
 * The server is BENCH_DATABASE_URL or TEST_DATABASE_URL (a superuser URL) when set, else an
 * embedded PostgreSQL started in a temporary folder for this run.
 */

/** Every benchmark, in the order they run. A new benchmark is a file of its own, listed here. */
const benchmarks: readonly (Benchmark | PureBenchmark)[] = [
  registryInsert,
  ledgerBench,
  extractBench,
  webBench,
  exchangeBench,
  importFuzzBench,
];

const defaultRows = 100_000;

const usage = `usage: npm run bench -- [--only NAME] [--rows N]

  --only NAME   run one benchmark: ${benchmarks.map((b) => b.name).join(', ')}
  --rows N      rows per benchmark (default ${defaultRows}; exchange: 1,000,000; import-fuzz: 10,000 files)

  The database server is BENCH_DATABASE_URL or TEST_DATABASE_URL (a superuser URL such as
  postgres://postgres@127.0.0.1:5432/postgres) when set, else an embedded PostgreSQL started in a
  temporary folder. Each benchmark gets fresh databases, dropped afterwards.`;

class UsageError extends Error {}

interface Options {
  selected: readonly (Benchmark | PureBenchmark)[];
  /** From `--rows`; without it, each benchmark's own default, else `defaultRows`. */
  rows: number | undefined;
}

function parseOptions(args: string[]): Options | 'help' {
  let values: { only?: string; rows?: string; help?: boolean };
  try {
    values = parseArgs({
      args,
      options: { only: { type: 'string' }, rows: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  let rows: number | undefined;
  if (values.rows !== undefined) {
    rows = Number(values.rows.replaceAll('_', ''));
    if (!Number.isSafeInteger(rows) || rows < 1) throw new UsageError(`--rows wants a positive integer`);
  }
  const selected = values.only === undefined ? benchmarks : benchmarks.filter((b) => b.name === values.only);
  if (selected.length === 0) throw new UsageError(`no benchmark named "${values.only}"`);
  return { selected, rows };
}

interface Server {
  url: string;
  label: string;
  stop(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) return { url, label: redactUrl(url), stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-bench-'));
  // The server may run as another user (as root: `postgres`), who must reach the cluster inside.
  fs.chmodSync(dir, 0o755);
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  log(`starting an embedded PostgreSQL in ${dir}…`);
  try {
    const embedded = await openEmbedded({ dataDir: dir, holder: 'cli' });
    return {
      url: embedded.superUrl,
      label: `embedded PostgreSQL (temporary, ${dir})`,
      stop: async () => {
        await embedded.release();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Fresh, migrated databases on the server, all dropped by dropAll(). */
function databases(admin: pg.Client, serverUrl: string) {
  const created: { name: string; pool: Pool }[] = [];
  return {
    async create(): Promise<Pool> {
      const name = `tansiq_bench_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
      const pool = createPool(withDatabase(serverUrl, name), 4);
      created.push({ name, pool });
      await migrate(pool, undefined);
      return pool;
    },
    async dropAll(): Promise<void> {
      for (const { name, pool } of created.splice(0)) {
        await pool.end().catch(() => undefined);
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }
    },
  };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  if (abs >= 1) return value.toFixed(2);
  if (abs === 0) return '0';
  return value.toPrecision(2);
}

/** Left-aligned text columns, right-aligned number columns. */
function table(header: string[], rows: string[][], numeric: boolean[]): string[] {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return numeric[i] ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map((row) => line(row))].map(
    (text) => `  ${text}`,
  );
}

function printResult(
  bench: Benchmark | PureBenchmark,
  result: BenchResult,
  wallMs: number,
  peakRss: number,
): void {
  const figures = [
    ...result.figures,
    { name: 'wall time (whole benchmark, with its databases)', value: wallMs / 1000, unit: 's' },
    { name: 'peak RSS (whole benchmark)', value: peakRss / mebibyte, unit: 'MiB' },
  ];
  const out = [
    '',
    `${bench.name} — ${bench.description}`,
    '',
    ...table(
      ['figure', 'value', 'unit'],
      figures.map((f) => [f.name, formatNumber(f.value), f.unit]),
      [false, true, false],
    ),
  ];
  if (result.ratios.length > 0) {
    out.push(
      '',
      ...table(
        ['ratio', 'value', 'meaning'],
        result.ratios.map((r) => [r.name, `${r.value.toFixed(2)}×`, r.note ?? '']),
        [false, true, false],
      ),
    );
  }
  if (result.notes.length > 0) out.push('', ...result.notes.map((note) => `  - ${note}`));
  if (result.failures && result.failures.length > 0)
    out.push(
      '',
      `  FAILED: ${result.failures.length}`,
      ...result.failures.map((failure) => `  ✗ ${failure}`),
    );
  console.log(out.join('\n'));
}

/** The machine, and the database server when one runs (no benchmark selected may need one). */
async function machineFacts(
  rows: number | undefined,
  database?: { admin: pg.Client; server: Server },
): Promise<void> {
  const cpus = os.cpus();
  const facts: [string, string][] = [
    ['node', `${process.version} (${process.platform} ${process.arch})`],
    ['cpus', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`],
    ['memory', `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`],
  ];
  if (database) {
    const { admin, server } = database;
    const setting = async (name: string) =>
      (await admin.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name] ?? '?';
    // One client runs one query at a time: ask in turn.
    const settings: string[] = [];
    for (const name of ['shared_buffers', 'synchronous_commit', 'fsync', 'max_wal_size'])
      settings.push(`${name}=${await setting(name)}`);
    facts.push(
      ['postgresql', await setting('server_version')],
      ['settings', settings.join(', ')],
      ['server', server.label],
    );
  }
  facts.push([
    'rows',
    rows === undefined ? `${formatNumber(defaultRows)} unless a benchmark says` : formatNumber(rows),
  ]);
  const width = Math.max(...facts.map(([name]) => name.length));
  console.log(['machine', ...facts.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`)].join('\n'));
}

function describe(error: unknown): string {
  if (isAppError(error)) {
    const details = JSON.stringify(error.details, null, 2);
    return `${error.code} ${details.length > 2000 ? `${details.slice(0, 2000)}…` : details}\n${error.stack ?? ''}`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** A benchmark without a database; 1 when it failed. */
async function runPure(bench: PureBenchmark, rows: number): Promise<number> {
  log(`\n${bench.name}…`);
  const memory = new RssMonitor();
  const watch = new Stopwatch();
  try {
    const result = await bench.run({ rows, memory, log });
    printResult(bench, result, watch.wallMs, memory.stop());
    return result.failures && result.failures.length > 0 ? 1 : 0;
  } catch (error) {
    memory.stop();
    console.log(`\n${bench.name} — FAILED`);
    log(describe(error));
    return 1;
  }
}

async function main(): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log(`${error.message}\n\n${usage}`);
    return 2;
  }
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  const { selected, rows } = options;

  const server = selected.some((bench) => bench.database !== false) ? await startServer() : null;
  let failures = 0;
  try {
    const admin = server ? new pg.Client({ connectionString: server.url }) : null;
    await admin?.connect();
    try {
      await machineFacts(rows, admin && server ? { admin, server } : undefined);
      for (const bench of selected) {
        if (bench.database === false || !admin || !server) {
          if (bench.database === false) failures += await runPure(bench, rows ?? defaultRows);
          continue;
        }
        log(`\n${bench.name}: preparing a fresh database…`);
        const memory = new RssMonitor();
        const watch = new Stopwatch();
        const dbs = databases(admin, server.url);
        try {
          const db = await dbs.create();
          const result = await bench.run({
            db,
            freshDatabase: dbs.create,
            rows: rows ?? bench.defaultRows ?? defaultRows,
            memory,
            log,
          });
          printResult(bench, result, watch.wallMs, memory.stop());
          if (result.failures && result.failures.length > 0) failures++;
        } catch (error) {
          failures++;
          memory.stop();
          console.log(`\n${bench.name} — FAILED`);
          log(describe(error));
        } finally {
          await dbs.dropAll();
        }
      }
    } finally {
      await admin?.end();
    }
  } finally {
    await server?.stop();
  }
  if (failures > 0) log(`\n${failures} of ${selected.length} benchmarks failed`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(describe(error));
    process.exitCode = 1;
  },
);
