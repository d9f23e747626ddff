import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { importGazetteer } from './import-gazetteer.ts';

const dataDir = path.join(testConfig().sharedDir, 'data');
const read = (name: string) => fs.readFileSync(path.join(dataDir, name), 'utf8');

let store: Store;
let ctx: Ctx;
beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
});
afterAll(() => store.close());

async function snapshot() {
  const result = await store.db.query(
    'SELECT pcode, name_ar, name_en, updated_at, boundary IS NOT NULL AS has_boundary FROM admin_units ORDER BY pcode',
  );
  return result.rows;
}

async function changeCount() {
  return (await store.db.query<{ n: number }>('SELECT count(*) AS n FROM changes')).rows[0]?.n;
}

describe('gazetteer import', () => {
  it('finds the 62 districts of the OCHA table matched and unchanged, and changes nothing', async () => {
    const before = await snapshot();
    const changesBefore = await changeCount();
    const report = await importGazetteer(ctx, {
      content: read('syria-adm2-pcodes.csv'),
      fileName: 'syria-adm2-pcodes.csv',
      dryRun: false,
    });
    expect(report).toMatchObject({ rows: 62, matched: 62, unchanged: 62, updated: 0, created: 0 });
    expect(report.unmatched).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(await changeCount()).toBe(changesBefore);
  });

  it('restores district names that were edited, and only those', async () => {
    await store.db.query(
      `UPDATE admin_units SET name_en = 'Edited', name_ar = 'معدل' WHERE pcode IN ('SY0200', 'SY1300')`,
    );
    const dry = await importGazetteer(ctx, {
      content: read('syria-adm2-pcodes.csv'),
      fileName: 'adm2.csv',
      dryRun: true,
    });
    expect(dry).toMatchObject({ matched: 62, unchanged: 60, updated: 2 });
    expect(
      (await store.db.query(`SELECT name_en FROM admin_units WHERE pcode = 'SY0200'`)).rows[0].name_en,
    ).toBe('Edited');

    const report = await importGazetteer(ctx, {
      content: read('syria-adm2-pcodes.csv'),
      fileName: 'adm2.csv',
      dryRun: false,
    });
    expect(report).toMatchObject({ matched: 62, unchanged: 60, updated: 2 });
    expect(report.changes.map((c) => c.pcode).sort()).toEqual(['SY0200', 'SY1300']);
    const restored = await store.db.query(
      `SELECT pcode, name_en, name_ar FROM admin_units WHERE pcode IN ('SY0200', 'SY1300') ORDER BY pcode`,
    );
    expect(restored.rows).toEqual([
      { pcode: 'SY0200', name_en: 'Jebel Saman', name_ar: 'جبل سمعان' },
      expect.objectContaining({ pcode: 'SY1300' }),
    ]);
    expect(restored.rows[1].name_en).not.toBe('Edited');
    const again = await importGazetteer(ctx, {
      content: read('syria-adm2-pcodes.csv'),
      fileName: 'adm2.csv',
      dryRun: false,
    });
    expect(again).toMatchObject({ unchanged: 62, updated: 0 });
  });

  it('adds governorate boundaries from GeoJSON joined on name, and sub-districts from the 2015 table', async () => {
    const boundaries = await importGazetteer(ctx, {
      content: read('geoboundaries-syr-adm1.geojson'),
      fileName: 'geoboundaries-syr-adm1.geojson',
      dryRun: false,
    });
    expect(boundaries).toMatchObject({ rows: 14, matched: 14, updated: 14, created: 0 });
    expect(boundaries.ambiguous).toEqual([]);
    expect(
      boundaries.changes.every((c) => c.fields.includes('boundary') && !c.fields.includes('centre')),
    ).toBe(true);
    const withBoundary = await store.db.query<{ n: number }>(
      'SELECT count(*) AS n FROM admin_units WHERE level = 1 AND boundary IS NOT NULL',
    );
    expect(withBoundary.rows[0]?.n).toBe(14);

    const subdistricts = await importGazetteer(ctx, {
      content: read('syria-adm3-pcodes-2015.csv'),
      fileName: 'syria-adm3-pcodes-2015.csv',
      dryRun: false,
    });
    expect(subdistricts).toMatchObject({ rows: 270, created: 270 });
    const atareb = await store.db.query(
      `SELECT u.name_en, p.pcode AS parent FROM admin_units u JOIN admin_units p ON p.id = u.parent_id WHERE u.pcode = 'SY020001'`,
    );
    expect(atareb.rows[0]).toEqual({ name_en: 'Atareb', parent: 'SY0200' });
  });

  it('refuses a file it cannot read as a gazetteer, changing nothing', async () => {
    const before = await snapshot();
    await expect(
      importGazetteer(ctx, { content: 'just some words\nand more', fileName: 'notes.txt', dryRun: false }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^gazetteer\./) });
    expect(await snapshot()).toEqual(before);
  });
});
