import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliRunner } from '../../../test/cli.ts';
import { testStore } from '../../../test/helpers.ts';
import { openTable } from '../../exchange/hxl/reader.ts';
import type { Store } from '../../store/open.ts';

let store: Store & { appUrl: string; ownerUrl: string };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-exchange-'));

let tansiq: ReturnType<typeof cliRunner>;
const run = (args: string[]) => tansiq(...args);

beforeAll(async () => {
  store = await testStore();
  tansiq = cliRunner(store, { PATH: process.env.PATH });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tansiq import / export / template', () => {
  it('plans, imports and exports items, and writes a template with lists', async () => {
    const file = path.join(dir, 'items.csv');
    fs.writeFileSync(
      file,
      'Code,Item (English),Category,Sector,Base unit,Unit kind\nCLI-1,Cli kit,nfi,shelter,piece,count\n',
    );
    const plan = await run(['import', file, '--as', 'items', '--dry-run']);
    expect(plan).toMatchObject({ code: 0 });
    expect(plan.out).toContain('would create 1, update 0, unchanged 0, errors 0');
    expect((await run(['import', file, '--as', 'items'])).code).toBe(0);
    const again = await run(['import', file, '--as', 'items', '--json']);
    expect(JSON.parse(again.out)).toMatchObject({ created: 0, unchanged: 1, status: 'unchanged' });

    const out = path.join(dir, 'items.xlsx');
    expect((await run(['export', 'items', '--format', 'xlsx', '--out', out])).code).toBe(0);
    const table = await openTable(new Uint8Array(fs.readFileSync(out)), { fileName: out });
    const rows = [];
    for await (const row of table.rows) rows.push(row.values);
    expect(rows.some((r) => r.includes('CLI-1'))).toBe(true);

    const csv = await run(['export', 'items', '--format', 'csv', '--hxl']);
    expect(csv.out.split('\r\n')[1]).toContain('#item+code');

    const template = path.join(dir, 'sites-template.xlsx');
    expect((await run(['template', 'sites', '--out', template, '--lang', 'ar'])).code).toBe(0);
    const opened = await openTable(new Uint8Array(fs.readFileSync(template)), { fileName: template });
    expect(opened.hxl).toBe(true);
    expect(opened.columns.map((c) => c.header)).toContain('الوحدة الإدارية');
  });

  it('refuses a bad file with exit code 1 and a one-line reason', async () => {
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const result = await run(['import', file, '--as', 'items']);
    expect(result.code).toBe(1);
    expect(result.err.trim().split('\n')).toHaveLength(1);
  });

  it('writes the file annotated with its errors', async () => {
    const file = path.join(dir, 'errors.csv');
    fs.writeFileSync(
      file,
      'Code,Item (English),Category,Sector,Base unit,Unit kind\nE-1,Bad,nothing,shelter,piece,count\n',
    );
    const annotated = path.join(dir, 'errors.xlsx');
    const result = await run(['import', file, '--as', 'items', '--errors', annotated]);
    expect(result.code).toBe(1);
    const table = await openTable(new Uint8Array(fs.readFileSync(annotated)), { fileName: annotated });
    expect(table.columns[0]?.header).toBe('Errors');
    const rows = [];
    for await (const row of table.rows) rows.push(row.values);
    expect(rows[0]?.[0]).toMatch(/^C: /);
    expect(rows[0]?.[1]).toBe('E-1');
  });
});
