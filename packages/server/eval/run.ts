/**
 * `npm run eval [-- --failures N] [-- --only duckling|recognizers|seed]`: the extractor against the
 * peer suites of `shared/eval` and the founding article, all through the real command
 * (`tansiq extract --batch`), as a partner's evaluation would run it. Prints pass rates per dimension
 * and per suite, and for the article each `must` item found or missing and each `must_not` violated.
 * Exit 0 when the founding article passes, 1 when it does not, 2 when the shared folder is missing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import type { Extraction } from '../src/extract/types.ts';
import { checkFacts, type FactsFile, formatFactsReport, referenceTimeOf } from './facts.ts';
import { loadSuites, type SuiteCase, type SuiteName } from './suites.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const command = path.join(repoRoot, 'packages/server/bin/tansiq.js');
const goals: Record<SuiteName, number> = { duckling: 0.95, recognizers: 0.85 };
const titles: Record<SuiteName, string> = {
  duckling: 'Duckling (Arabic corpora)',
  recognizers: 'Recognizers-Text (Arabic specs, gold cases)',
};

interface Line {
  id: string;
  text: string;
  referenceTime?: string;
  published?: string;
}

type Answer = { id: string; result: Extraction } | { id: string; error: string; code?: string };

/** Runs `tansiq extract --batch` over the lines and collects its answers by id. */
async function runBatch(lines: readonly Line[]): Promise<Map<string, Answer>> {
  const child = spawn(process.execPath, [command, 'extract', '--batch'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const answers = new Map<string, Answer>();
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const answer = JSON.parse(buffer.slice(0, newline)) as Answer;
      answers.set(String(answer.id), answer);
      buffer = buffer.slice(newline + 1);
    }
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  for (const line of lines) {
    if (!child.stdin.write(`${JSON.stringify(line)}\n`))
      await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`tansiq extract --batch exited with ${code}`);
  return answers;
}

function percent(passed: number, total: number): string {
  return total === 0 ? '—' : `${((100 * passed) / total).toFixed(1)}%`;
}

function printSuite(
  suite: SuiteName,
  cases: readonly SuiteCase[],
  unscored: Map<string, number>,
  answers: Map<string, Answer>,
  showFailures: number,
): void {
  const byDimension = new Map<string, { passed: number; total: number; failures: string[] }>();
  let passed = 0;
  for (const c of cases) {
    const answer = answers.get(c.id);
    const ok = answer !== undefined && 'result' in answer && c.pass(answer.result);
    const row = byDimension.get(c.dimension) ?? { passed: 0, total: 0, failures: [] };
    row.total++;
    if (ok) {
      row.passed++;
      passed++;
    } else {
      const got =
        answer === undefined
          ? 'no answer'
          : 'error' in answer
            ? `error: ${answer.error}`
            : summarizeAnswer(c.dimension, answer.result);
      row.failures.push(`${JSON.stringify(c.input)}  expected ${JSON.stringify(c.expected)}  got ${got}`);
    }
    byDimension.set(c.dimension, row);
  }
  const width = Math.max(24, ...[...byDimension.keys()].map((name) => name.length));
  console.log(`\n${titles[suite]}`);
  for (const [dimension, row] of [...byDimension].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(
      `  ${dimension.padEnd(width)} ${String(row.passed).padStart(5)}/${String(row.total).padEnd(5)} ${percent(row.passed, row.total).padStart(6)}`,
    );
  }
  const goal = goals[suite];
  const rate = cases.length === 0 ? 0 : passed / cases.length;
  console.log(
    `  ${'all scored cases'.padEnd(width)} ${String(passed).padStart(5)}/${String(cases.length).padEnd(5)} ${percent(passed, cases.length).padStart(6)}   goal ≥ ${goal * 100}%: ${rate >= goal ? 'met' : 'NOT met'}`,
  );
  const notScored = [...unscored].map(([reason, count]) => `${count} ${reason}`).join('; ');
  if (notScored) console.log(`  not scored: ${notScored}`);
  if (showFailures > 0) {
    for (const [dimension, row] of byDimension) {
      if (row.failures.length === 0) continue;
      console.log(`  failures in ${dimension} (${row.failures.length}):`);
      for (const failure of row.failures.slice(0, showFailures)) console.log(`    ${failure}`);
    }
  }
}

function summarizeAnswer(dimension: string, result: Extraction): string {
  const list =
    dimension.startsWith('Time') || dimension.startsWith('DateTime')
      ? result.dates.map((d) => ({ value: d.value, grain: d.grain, text: d.text }))
      : dimension === 'AmountOfMoney'
        ? result.quantities.map((q) => ({
            value: q.value,
            unit: q.unit,
            qualifier: q.qualifier,
            text: q.text,
          }))
        : result.numbers.map((n) => ({ value: n.value, text: n.text }));
  return JSON.stringify(list);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      failures: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm run eval -- [--failures N] [--only duckling|recognizers|seed]\n\n  --failures N  list up to N failing cases per dimension\n  --only S      one suite, or the founding article',
    );
    return 0;
  }
  const showFailures = Number(values.failures ?? 0);
  const config = loadConfig(process.env);
  if (!fs.existsSync(path.join(config.sharedDir, 'eval'))) {
    console.error(`The shared folder is not at ${config.sharedDir} (set TANSIQ_SHARED_DIR).`);
    return 2;
  }
  const only = values.only;
  const suites = loadSuites(config.sharedDir);
  const cases = suites.cases.filter((c) => only === undefined || c.suite === only);
  const lines: Line[] = cases.map((c) => ({ id: c.id, text: c.input, referenceTime: c.referenceTime }));

  const articlePath = path.join(config.sharedDir, 'corpus', 'seed-article.txt');
  const facts = JSON.parse(
    fs.readFileSync(path.join(config.sharedDir, 'corpus', 'seed-article.facts.json'), 'utf8'),
  ) as FactsFile;
  const withArticle = only === undefined || only === 'seed';
  const referenceTime = referenceTimeOf(facts);
  if (withArticle) {
    if (!referenceTime) throw new Error('the facts file names no referenceTime in its notes');
    lines.push({ id: 'seed-article', text: fs.readFileSync(articlePath, 'utf8'), referenceTime });
  }

  const started = performance.now();
  const answers = await runBatch(lines);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${lines.length} inputs through tansiq extract --batch in ${seconds.toFixed(1)} s`);

  for (const suite of ['duckling', 'recognizers'] as const) {
    if (only !== undefined && only !== suite) continue;
    const unscored = new Map<string, number>();
    for (const u of suites.unscored.filter((u) => u.suite === suite)) {
      const key = `${u.dimension}: ${u.reason}`;
      unscored.set(key, (unscored.get(key) ?? 0) + 1);
    }
    printSuite(
      suite,
      cases.filter((c) => c.suite === suite),
      unscored,
      answers,
      showFailures,
    );
  }

  if (!withArticle) return 0;
  console.log(`\nFounding article (${facts.file}, no publication date, referenceTime ${referenceTime})`);
  const answer = answers.get('seed-article');
  if (!answer || !('result' in answer)) {
    console.log(`  no result: ${answer && 'error' in answer ? answer.error : 'no answer'}`);
    return 1;
  }
  const report = checkFacts(answer.result, facts);
  for (const line of formatFactsReport(report)) console.log(`  ${line}`);
  return report.passed ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
