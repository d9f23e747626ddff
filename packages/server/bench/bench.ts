import { loadConfig } from '../src/config.ts';
import { type Ctx, silentLogger, systemActor } from '../src/services/context.ts';
import type { PgPool as Pool } from '../src/store/db.ts';

/**
 * What the harness (run.ts) and the benchmarks share. A benchmark measures; the harness owns the
 * database server, the databases and the printing.
 */

/** One measured value: `rows/s`, `s`, `MiB`, `µs/row`… */
export interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** A dimensionless comparison of two figures measured in the same run, printed as `2.50×`. */
export interface Ratio {
  name: string;
  value: number;
  /** What the ratio means, in a few words. */
  note?: string;
}

export interface BenchResult {
  figures: Figure[];
  ratios: Ratio[];
  /** Printed under the tables: what was compared, what was verified. */
  notes: string[];
  /** What the benchmark found wrong: printed after its figures, and the run fails. */
  failures?: string[];
}

export interface BenchEnv {
  /** A pool on a fresh, migrated database of this benchmark's own, dropped afterwards. */
  db: Pool;
  /** One more fresh, migrated database (also dropped afterwards), for a path that must start empty. */
  freshDatabase(): Promise<Pool>;
  /** The row count asked for with `--rows` (default 100,000). */
  rows: number;
  /** Samples of the process RSS over the whole benchmark; sample() after each batch of work. */
  memory: RssMonitor;
  /** Progress, to stderr: stdout carries the figures. */
  log(line: string): void;
}

export interface Benchmark {
  name: string;
  description: string;
  /** false: it measures code alone (extraction), and the harness starts no database for it. */
  database?: true;
  /** The rows it measures when `--rows` is not given, if not the harness's default. */
  defaultRows?: number;
  run(env: BenchEnv): Promise<BenchResult>;
}

/** A benchmark that needs no database: it gets the rest of the environment. */
export interface PureBenchmark {
  name: string;
  description: string;
  database: false;
  run(env: Pick<BenchEnv, 'rows' | 'memory' | 'log'>): Promise<BenchResult>;
}

/**
 * Peak resident set size. A timer samples while the event loop is free; long synchronous work
 * (validating a batch) starves the timer, so callers also sample() between batches.
 */
export class RssMonitor {
  #peak = 0;
  #timer: NodeJS.Timeout;

  constructor(intervalMs = 20) {
    this.sample();
    this.#timer = setInterval(() => this.sample(), intervalMs);
    this.#timer.unref();
  }

  sample(): number {
    const rss = process.memoryUsage().rss;
    if (rss > this.#peak) this.#peak = rss;
    return rss;
  }

  /** Peak so far, in bytes. */
  get peak(): number {
    return this.#peak;
  }

  stop(): number {
    clearInterval(this.#timer);
    this.sample();
    return this.#peak;
  }
}

export const mebibyte = 1024 * 1024;

/** Wall and process CPU time of one stretch of work. */
export class Stopwatch {
  readonly #wallStart = performance.now();
  readonly #cpuStart = process.cpuUsage();

  /** Milliseconds since start. */
  get wallMs(): number {
    return performance.now() - this.#wallStart;
  }

  /** Milliseconds of CPU (user + system) this process used since start, across all its threads. */
  get cpuMs(): number {
    const used = process.cpuUsage(this.#cpuStart);
    return (used.user + used.system) / 1000;
  }
}

/** A connection string pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A connection string fit to print: no password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/** The context a benchmark calls services with: the system actor, default configuration, no logging. */
export function systemCtx(db: Pool): Ctx {
  return {
    db,
    config: loadConfig({}),
    log: silentLogger,
    now: () => new Date(),
    actor: systemActor,
    lang: 'en',
  };
}
