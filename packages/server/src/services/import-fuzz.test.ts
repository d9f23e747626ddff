// Bounded fuzzing of imports (issue 7): whatever the file, an import ends with a report or an
// AppError (ExchangeError for unreadable files), never another exception, and it applies either
// all of the file or none of it. The files come from test/import-fuzz-files.ts; the bench
// (bench/import-fuzz.ts) runs 10,000 of them and more.

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCtx, testStore } from '../../test/helpers.ts';
import { type FuzzCategory, type FuzzFile, fuzzFile, importFuzzFile } from '../../test/import-fuzz-files.ts';
import { buildXlsx, sheet } from '../exchange/fixtures/hxl/build-xlsx.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';

let store: Store;
let ctx: Ctx;

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
});
afterAll(() => store.close());

/** Imports the file; fails on a crash or a partial import; returns the outcome (`ok` or the error code). */
async function attempt(file: FuzzFile, dryRun = false): Promise<string> {
  const verdict = await importFuzzFile(ctx, store.owner, file, dryRun);
  if (verdict.crash !== null) throw verdict.crash;
  expect(verdict.partial, `${file.category} (${file.variant})`).toBeNull();
  return verdict.outcome;
}

/** Runs files of the given categories, real and dry runs mixed; returns the outcomes and categories reached. */
async function fuzz(categories: readonly FuzzCategory[], numRuns: number) {
  const outcomes = new Set<string>();
  const reached = new Set<FuzzCategory>();
  const files = fc.oneof(...categories.map((c) => fuzzFile(c)));
  await fc.assert(
    fc.asyncProperty(files, fc.boolean(), async (file, dryRun) => {
      reached.add(file.category);
      outcomes.add(await attempt(file, dryRun));
    }),
    { numRuns, seed: 7 },
  );
  expect([...reached].sort()).toEqual([...categories].sort());
  return outcomes;
}

describe('imports of hostile files', () => {
  it('CSV: duplicate, missing and odd headers, wrong encodings, enormous cells, formulas', async () => {
    const outcomes = await fuzz(['csv'], 150);
    // The generator reaches several kinds of failure, and files that import.
    expect(outcomes.size).toBeGreaterThan(3);
    expect(outcomes).toContain('ok');
  }, 60_000);

  it('XLSX: well-formed, truncated, damaged and malformed workbooks', async () => {
    const outcomes = await fuzz(['xlsx', 'xlsx-truncated', 'xlsx-damaged', 'xlsx-malformed'], 200);
    expect(outcomes.size).toBeGreaterThan(5);
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('exchange.malformed_xlsx/truncated');
  }, 60_000);

  it('zip bombs, HXL JSON, empty files and binary junk', async () => {
    const outcomes = await fuzz(['zip-bomb', 'json', 'empty', 'junk'], 120);
    expect(outcomes).toContain('exchange.malformed_xlsx/zip_bomb');
    expect(outcomes).toContain('exchange.unsupported_format');
  }, 60_000);

  it('keeps formulas as text and reads the intact workbook', async () => {
    const header = 'Code,Item (English),Category,Sector,Base unit,Unit kind';
    const formula: FuzzFile = {
      category: 'csv',
      variant: 'formula',
      resource: 'items',
      fileName: 'formula.csv',
      bytes: new TextEncoder().encode(`${header}\nFZ-F1,=HYPERLINK("x"),nfi,shelter,piece,count\n`),
    };
    expect(await attempt(formula)).toBe('ok');
    const stored = await store.owner.query("SELECT name_en FROM items WHERE code = 'FZ-F1'");
    expect(stored.rows[0]?.name_en).toBe('=HYPERLINK("x")');

    const cells = (values: string[]) =>
      values.map((v) => `<c t="inlineStr"><is><t>${v}</t></is></c>`).join('');
    const workbook: FuzzFile = {
      category: 'xlsx',
      variant: 'intact',
      resource: 'items',
      fileName: 'ok.xlsx',
      bytes: buildXlsx({
        sheets: {
          data: sheet(
            `<row>${cells(header.split(','))}</row><row>${cells(['FZ-X1', '+cmd', 'food', 'food_security', 'kg', 'mass'])}</row>`,
          ),
        },
      }),
    };
    expect(await attempt(workbook)).toBe('ok');
    const item = await store.owner.query("SELECT name_en FROM items WHERE code = 'FZ-X1'");
    expect(item.rows[0]?.name_en).toBe('+cmd');
  });
});
