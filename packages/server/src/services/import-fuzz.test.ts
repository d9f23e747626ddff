// Bounded fuzzing of imports (issue 7): whatever the file, an import ends with a report or an
// AppError (ExchangeError for unreadable files), never another exception, and it applies either
// all of the file or none of it. The bench runs more cases.

import { PassThrough } from 'node:stream';
import { AppError } from '@tansiq/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCtx, testStore } from '../../test/helpers.ts';
import { writeXlsx } from '../exchange/xlsx.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { importRecords } from './import-records.ts';

let store: Store;
let ctx: Ctx;
let validXlsx: Uint8Array;

const header = ['Code', 'Item (English)', 'Category', 'Sector', 'Base unit', 'Unit kind'];
const hashtags = ['#item+code', '#item+name+i_en', '#item+type', '#sector', '#item+unit', '#item+unit+kind'];

async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  await writeXlsx(
    output,
    header.map((h, i) => ({ header: h, hashtag: hashtags[i] })),
    rows,
  );
  return new Uint8Array(Buffer.concat(chunks));
}

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  validXlsx = await xlsxOf([
    ['FZ-1', 'Fuzz kit', 'nfi', 'shelter', 'piece', 'count'],
    ['FZ-2', 'Fuzz flour', 'food', 'food_security', 'kg', 'mass'],
  ]);
});
afterAll(() => store.close());

async function itemCount(): Promise<number> {
  return (await store.owner.query<{ n: number }>('SELECT count(*) AS n FROM items')).rows[0]?.n ?? 0;
}

/** Imports the file; checks the all-or-nothing property; returns the error code or 'ok'. */
async function attempt(bytes: Uint8Array, fileName: string): Promise<string> {
  const before = await itemCount();
  try {
    const report = await importRecords(ctx, { bytes, fileName, resource: 'items', dryRun: false });
    expect(await itemCount()).toBe(before + report.created);
    return 'ok';
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(await itemCount()).toBe(before);
    return error.code;
  }
}

const cell = fc.oneof(
  fc.constantFrom(
    'nfi',
    'food',
    'piece',
    'kg',
    'count',
    'mass',
    '=1+2',
    '@SUM(A1)',
    '-3',
    '+cmd',
    'حلب',
    '١٢',
    '',
  ),
  fc.string({ maxLength: 12 }),
  fc.constant('z'.repeat(120_000)),
);
const csvFile = fc
  .record({
    headers: fc.array(fc.constantFrom(...header, 'Code', 'Other', ''), { maxLength: 8 }),
    hxl: fc.boolean(),
    rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 6 }),
    delimiter: fc.constantFrom(',', ';', '\t'),
    encoding: fc.constantFrom('utf-8', 'utf-16le', 'latin1', 'broken'),
  })
  .map(({ headers, hxl, rows, delimiter, encoding }) => {
    const lines = [headers, ...(hxl ? [hashtags] : []), ...rows].map((r) =>
      r.map((c) => (/["\n\r,;\t]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter),
    );
    const text = `${lines.join('\n')}\n`;
    if (encoding === 'utf-16le') return new Uint8Array(Buffer.from(text, 'utf16le'));
    if (encoding === 'latin1') return new Uint8Array(Buffer.from(text, 'latin1'));
    if (encoding === 'broken') return new Uint8Array([...Buffer.from(text), 0xc3, 0x28, 0xff]);
    return new Uint8Array(Buffer.from(text));
  });

describe('imports of hostile files', () => {
  it('CSV: duplicate, missing and odd headers, wrong encodings, enormous cells, formulas', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(csvFile, async (bytes) => {
        outcomes.add(await attempt(bytes, 'fuzz.csv'));
      }),
      { numRuns: 200, seed: 7 },
    );
    // The generator reaches several kinds of failure, not one error over and over.
    expect(outcomes.size).toBeGreaterThan(3);
  }, 120_000);

  it('XLSX: truncated and corrupted workbooks', async () => {
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: validXlsx.length - 1 }),
        fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
        fc.boolean(),
        async (cut, flips, truncate) => {
          const bytes = truncate ? validXlsx.slice(0, cut) : validXlsx.slice();
          for (const flip of flips) if (bytes.length > 0) bytes[flip.at % bytes.length] = flip.byte;
          outcomes.add(await attempt(bytes, 'fuzz.xlsx'));
        },
      ),
      { numRuns: 150, seed: 7 },
    );
    expect(outcomes.size).toBeGreaterThan(1);
  }, 120_000);

  it('keeps formulas as text and reads the intact workbook', async () => {
    expect(await attempt(validXlsx, 'ok.xlsx')).toBe('ok');
    const formula = new TextEncoder().encode(
      `${header.join(',')}\nFZ-3,=HYPERLINK("x"),nfi,shelter,piece,count\n`,
    );
    expect(await attempt(formula, 'formula.csv')).toBe('ok');
    const stored = await store.owner.query("SELECT name_en FROM items WHERE code = 'FZ-3'");
    expect(stored.rows[0]?.name_en).toBe('=HYPERLINK("x")');
  });
});
