import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, testCtx, testStore } from '../../test/helpers.ts';
import { parseCsv } from '../exchange/csv.ts';
import { openTable } from '../exchange/hxl/reader.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { exportRecords } from './export-records.ts';
import { type ImportInput, importRecords, listImportBatches } from './import-records.ts';

const sharedFile = path.join(testConfig().sharedDir, 'data', 'syria-adm2-pcodes.csv');

let store: Store;
let ctx: Ctx;
beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
});
afterAll(() => store.close());

const text = (csv: string) => new TextEncoder().encode(csv);
const run = (resource: string, csv: string | Uint8Array, extra: Partial<ImportInput> = {}) =>
  importRecords(ctx, {
    bytes: typeof csv === 'string' ? text(csv) : csv,
    fileName: 'file.csv',
    resource,
    dryRun: false,
    ...extra,
  });

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

async function count(table: string): Promise<number> {
  const result = await store.owner.query<{ n: number }>(
    `SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`,
  );
  return result.rows[0]?.n ?? 0;
}

describe('import → export → edit → import (issue 7 acceptance)', () => {
  it.skipIf(!fs.existsSync(sharedFile))(
    'updates the edited admin unit instead of duplicating it',
    async () => {
      const bytes = new Uint8Array(fs.readFileSync(sharedFile));
      const unitsBefore = await count('admin_units');
      const first = await run('admin-units', bytes, { fileName: 'syria-adm2-pcodes.csv' });
      expect(first).toMatchObject({ rows: 62, created: 0, errors: [] });
      expect(first.created + first.updated + first.unchanged).toBe(62);

      const csv = (await collect(exportRecords(ctx, 'admin-units', { format: 'csv', hxl: true }))).toString(
        'utf8',
      );
      const rows = parseCsv(csv.replace(/^\uFEFF/, ''));
      expect(rows[1]?.[0]).toBe('#meta+id');
      const pcodeAt = rows[1]?.indexOf('#adm+code') ?? -1;
      const nameAt = rows[1]?.indexOf('#adm+name+i_en') ?? -1;
      const aleppo = rows.find((r) => r[pcodeAt] === 'SY0200') as string[];
      aleppo[nameAt] = 'Jebel Saman (edited)';
      const edited = rows
        .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','))
        .join('\n');

      const second = await run('admin-units', edited, { fileName: 'edited.csv' });
      expect(second).toMatchObject({ updated: 1, created: 0, status: 'applied', errors: [] });
      expect(await count('admin_units')).toBe(unitsBefore);
      const stored = await store.owner.query("SELECT name_en FROM admin_units WHERE pcode = 'SY0200'");
      expect(stored.rows[0]?.name_en).toBe('Jebel Saman (edited)');

      const again = await run('admin-units', edited, { fileName: 'edited.csv' });
      expect(again).toMatchObject({ updated: 0, created: 0, status: 'unchanged' });
      const batches = await listImportBatches(ctx);
      expect(batches[0]).toMatchObject({ id: again.batchId, status: 'unchanged', sha256: second.sha256 });
      expect(batches.length).toBeGreaterThanOrEqual(3);
    },
  );
});

describe('imports', () => {
  it('maps Arabic headers, plans a dry run, then creates, and the same file again changes nothing', async () => {
    const csv =
      'المنظمة (بالعربية),المنظمة (بالإنجليزية),الاختصار,النوع\nمنظمة الاختبار,Test Relief,TRX,national_ngo\n';
    const before = await count('organizations');
    const plan = await run('organizations', csv, { dryRun: true });
    expect(plan).toMatchObject({ status: 'dry_run', created: 1, updated: 0, batchId: null });
    expect(await count('organizations')).toBe(before);
    expect((await run('organizations', csv)).created).toBe(1);
    const twice = await run('organizations', csv);
    expect(twice).toMatchObject({ created: 0, updated: 0, unchanged: 1, status: 'unchanged' });
    expect(await count('organizations')).toBe(before + 1);
  });

  it('tells its progress a chunk of 2,000 records at a time, ending at the rows read', async () => {
    const rows = Array.from({ length: 4500 }, (_, i) => `Progress Org ${i},PRG${i},national_ngo`);
    const seen: number[] = [];
    const report = await run('organizations', `Organization (English),Acronym,Type\n${rows.join('\n')}\n`, {
      dryRun: true,
      onProgress: (done) => seen.push(done),
    });
    expect(report).toMatchObject({ rows: 4500, created: 4500, errors: [] });
    expect(seen).toEqual([2000, 4000, 4500]);
  });

  it('reports errors by line and column and imports nothing', async () => {
    const csv = '#org+name+i_en,#org+acronym,#org+type\nGood Org,GO1,national_ngo\nBad Org,BO1,not_a_kind\n';
    const before = await count('organizations');
    const plan = await run('organizations', csv, { dryRun: true });
    expect(plan.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'C', field: 'kind', code: expect.any(String) }),
    ]);
    const error = await run('organizations', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import.rows_invalid');
    expect(await count('organizations')).toBe(before);
  });

  it('matches admin names in Arabic or English to p-codes, and says when a name is unknown', async () => {
    const csv =
      'Site (English),Type,Admin unit\nCamp A,idp_camp,الباب\nCamp B,idp_camp,Al Bab\nCamp C,idp_camp,Atlantis\n';
    const plan = await run('sites', csv, { dryRun: true });
    expect(plan.created).toBe(2);
    expect(plan.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'C', code: 'admin_not_found', header: 'Admin unit' }),
    ]);
  });

  it('uses a saved mapping, and refuses files it cannot read with an exchange error', async () => {
    const csv = 'Nom,Sigle,Genre\nMapped Org,MO1,national_ngo\n';
    const mapping = { Nom: 'names.en', Sigle: 'acronym', Genre: 'kind' };
    expect(await run('organizations', csv, { dryRun: true, mapping })).toMatchObject({ created: 1 });
    await expect(run('organizations', csv, { dryRun: true })).rejects.toMatchObject({
      code: 'import.no_columns',
    });
    await expect(run('nothing', csv)).rejects.toMatchObject({ code: 'import.unknown_resource' });
    await expect(
      run('items', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { fileName: 'x.xlsx' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^exchange\./) });
  });
});

describe('pledges', () => {
  it('resolves donor, item and place, keeps the place as written, and matches on the natural key', async () => {
    await run('organizations', 'Organization (English),Acronym,Type\nPledge Donor,PDX,donor_government\n');
    await run(
      'items',
      'Code,Item (English),Category,Sector,Base unit,Unit kind\nPL-1,Pledge flour,food,food_security,kg,mass\n',
    );
    const csv =
      'Pledge (English),Donor,Modality,Item,Quantity,Unit,Start,Place\n' +
      'Winter flour,PDX,in_kind,PL-1,5000,kg,2025-01-10,الباب\n';
    const plan = await run('pledges', csv, { dryRun: true });
    expect(plan.errors).toEqual([]);
    const first = await run('pledges', csv);
    expect(first).toMatchObject({ created: 1, errors: [] });
    const stored = await store.owner.query(
      "SELECT place_text, place_admin_unit_id IS NOT NULL AS placed, quantity FROM pledges WHERE title_en = 'Winter flour'",
    );
    expect(stored.rows[0]).toMatchObject({ place_text: 'الباب', placed: true });
    expect(await run('pledges', csv)).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
      status: 'unchanged',
    });
    const edited = csv.replace('5000', '6000');
    expect(await run('pledges', edited)).toMatchObject({ created: 0, updated: 1 });
  });
});

describe('exports', () => {
  it('writes an XLSX with the HXL row and Arabic headers that reads back', async () => {
    const bytes = await collect(
      exportRecords({ ...ctx, lang: 'ar' }, 'items', { format: 'xlsx', hxl: true }),
    );
    const table = await openTable(new Uint8Array(bytes), { fileName: 'items.xlsx' });
    expect(table.hxl).toBe(true);
    expect(table.columns.map((c) => c.header)).toContain('الرمز');
  });

  it('writes GeoJSON points and JSON views', async () => {
    const geo = JSON.parse(
      (await collect(exportRecords(ctx, 'admin-units', { format: 'geojson', hxl: false }))).toString(),
    );
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.length).toBeGreaterThan(0);
    const json = JSON.parse(
      (await collect(exportRecords(ctx, 'items', { format: 'json', hxl: false }))).toString(),
    );
    expect(Array.isArray(json)).toBe(true);
  });
});
