import { messages } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/cli/table.ts';
import type { Ctx } from '../src/services/context.ts';
import { listStockMovements } from '../src/services/list-stock-movements.ts';
import { recordStockMovement } from '../src/services/record-stock-movements.ts';
import { reportPipeline } from '../src/services/report-pipeline.ts';
import { reportStock } from '../src/services/report-stock.ts';
import type { Store } from '../src/store/open.ts';
import { buildItem, buildOrg, buildSite } from './builders.ts';
import { cliRunner } from './cli.ts';
import { testCtx, testStore } from './helpers.ts';

/**
 * The report and record commands, run in-process through `main` on this file's own database
 * (DATABASE_URL: no embedded server), against the same services the API calls.
 */
let store: Store & { appUrl: string; ownerUrl: string };
let ctx: Ctx;
let tansiq: ReturnType<typeof cliRunner>;
let item: { id: string };
let site: { id: string };
let org: { id: string };

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  tansiq = cliRunner(store);
  org = await buildOrg(ctx, { names: { ar: 'الهلال الأحمر العربي السوري', en: 'Syrian Arab Red Crescent' } });
  site = await buildSite(ctx, { names: { ar: 'مستودع دمشق', en: 'Damascus warehouse' } });
  item = await buildItem(ctx, { names: { ar: 'طحين القمح', en: 'Wheat flour' } });
  await recordStockMovement(ctx, {
    type: 'receipt',
    itemId: item.id,
    quantity: 10,
    unit: 'sack',
    toSiteId: site.id,
    occurredAt: '2021-07-26T09:00:00Z',
    organizationId: org.id,
  });
});
afterAll(async () => {
  await store.close();
});

describe('tansiq report', () => {
  it('prints the service result as JSON with --json, filters included', async () => {
    const all = await tansiq('report', 'pipeline', '--json');
    expect(all.code, all.err).toBe(0);
    expect(JSON.parse(all.out)).toEqual(await reportPipeline(ctx, {}));

    const one = await tansiq('report', 'pipeline', '--item-id', item.id, '--from', '2021-01-01', '--json');
    expect(one.code, one.err).toBe(0);
    const expected = await reportPipeline(ctx, { itemId: item.id, from: '2021-01-01' });
    expect(JSON.parse(one.out)).toEqual(expected);
    expect(expected.items).toHaveLength(1);
    expect(expected.items[0]?.inStock).toBe(500);
  });

  it('prints an aligned table with headers and names in Arabic', async () => {
    const result = await tansiq('report', 'pipeline', '--item-id', item.id, '--lang', 'ar');
    expect(result.code, result.err).toBe(0);
    const [header, rule, row, ...rest] = result.out.trimEnd().split('\n');
    expect(rest).toEqual([]);
    for (const label of ['الصنف', 'الوحدة', 'متعهَّد به', 'مُرسَل', 'مُستلَم', 'مُوزَّع', 'في المخزون']) {
      expect(header).toContain(label);
    }
    expect(row).toContain('طحين القمح');
    expect(row).toMatch(/\b500\b/);
    // Columns line up: the rule's dashes are as wide as the header, counted in code points.
    expect(displayWidth(rule ?? '')).toBe(displayWidth(header ?? ''));

    const english = await tansiq('report', 'stock', '--site-id', site.id, '--lang', 'en');
    expect(english.code, english.err).toBe(0);
    expect(english.out).toMatch(/^site\s+item\s+quantity\s+unit\n/);
    expect(english.out).toMatch(/Damascus warehouse\s+Wheat flour\s+500\s+kg/);

    const arabicStock = await tansiq('report', 'stock', '--site-id', site.id, '--lang', 'ar');
    expect(arabicStock.out).toMatch(/مستودع دمشق\s+طحين القمح\s+500\s+kg/);
  });

  it('runs every report in both languages', async () => {
    for (const name of ['pipeline', '3w', 'stock', 'conditioned-aid', 'returns', 'meetings-timeline']) {
      for (const lang of ['ar', 'en']) {
        const result = await tansiq('report', name, '--lang', lang);
        expect(result.code, `${name} ${lang}: ${result.err}`).toBe(0);
        expect(result.out.length).toBeGreaterThan(0);
      }
    }
  });

  it('refuses a bad value (1) with the field message, and an unknown report or flag as usage (2)', async () => {
    const badDate = await tansiq('report', 'pipeline', '--from', 'yesterday', '--lang', 'ar');
    expect(badDate.code).toBe(1);
    expect(badDate.err).toContain('الطلب غير صالح');
    expect(badDate.err).toContain('--from ليس تاريخًا (YYYY-MM-DD) صالحًا');

    const badId = await tansiq('report', 'stock', '--item-id', 'not-a-uuid', '--lang', 'en');
    expect(badId.code).toBe(1);
    expect(badId.err).toContain('--item-id is not a valid UUID');

    const badEnum = await tansiq('report', 'returns', '--counting-method', 'guess', '--lang', 'en');
    expect(badEnum.code).toBe(1);
    expect(badEnum.err).toContain('--counting-method must be one of');

    const unknown = await tansiq('report', 'bogus', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no report "bogus"');

    const unknownFlag = await tansiq('report', 'pipeline', '--site-id', site.id);
    expect(unknownFlag.code).toBe(2);
    expect((await tansiq('report')).code).toBe(2);
  });

  it('lists the filters with --help', async () => {
    const pipeline = await tansiq('report', 'pipeline', '--help', '--lang', 'en');
    expect(pipeline.code).toBe(0);
    for (const flag of ['--item-id ID', '--admin-unit-id ID', '--from DATE', '--to DATE', '--json']) {
      expect(pipeline.out).toContain(flag);
    }
    const returns = await tansiq('report', 'returns', '--help', '--lang', 'en');
    expect(returns.out).toContain('--counting-method METHOD');
    expect(returns.out).toContain('registration');

    const all = await tansiq('report', '--help', '--lang', 'ar');
    expect(all.code).toBe(0);
    expect(all.out).toContain('meetings-timeline');
    expect(all.out).toContain('--place-admin-unit-id ID');

    const general = await tansiq('--help');
    expect(general.out).toContain('report pipeline');
    expect(general.out).toContain('record movement');
  });
});

describe('tansiq record', () => {
  it('records a movement and reverses it, as one line or as JSON', async () => {
    const line = await tansiq(
      'record',
      'movement',
      '--type',
      'distribution',
      '--item',
      item.id,
      '--quantity',
      '2',
      '--unit',
      'sack',
      '--from-site',
      site.id,
      '--at',
      '2021-08-01T10:00:00+03:00',
      '--lang',
      'en',
    );
    expect(line.code, line.err).toBe(0);
    expect(line.out.trimEnd().split('\n')).toHaveLength(1);
    expect(line.out).toMatch(
      /^recorded \S+ {2}distribution {2}2 sack \(100\) Wheat flour {2}Damascus warehouse → beneficiaries/,
    );
    const id = line.out.split(/\s+/)[1] ?? '';

    const reversed = await tansiq('record', 'reverse', id, '--reason', 'entered twice', '--json');
    expect(reversed.code, reversed.err).toBe(0);
    const view = JSON.parse(reversed.out);
    expect(view).toMatchObject({ reversesId: id, quantity: 100, reason: 'entered twice' });
    expect(view.to).toEqual({ kind: 'site', ref: site.id });

    const again = await tansiq('record', 'reverse', id, '--reason', 'again', '--lang', 'en');
    expect(again.code).toBe(1);
    expect(again.err).toContain(`The stock movement ${id} was already reversed.`);
    expect((await tansiq('record', 'reverse', 'nope', '--reason', 'x')).code).toBe(1);
    expect((await tansiq('record', 'reverse', id)).code).toBe(2);
  });

  it('refuses an overdraw with the Arabic message and writes nothing', async () => {
    const before = await listStockMovements(ctx, { itemId: item.id, limit: 500 });
    const stockBefore = await reportStock(ctx, { itemId: item.id });
    const result = await tansiq(
      'record',
      'movement',
      '--type',
      'distribution',
      '--item',
      item.id,
      '--quantity',
      '1000',
      '--unit',
      'kg',
      '--from-site',
      site.id,
      '--lang',
      'ar',
    );
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    const message = messages.ar['ledger.insufficient_stock'];
    expect(result.err).toContain(message.slice(0, message.indexOf('{')));
    expect(result.err).toContain('لم يُسجَّل شيء');
    expect(result.err).toMatch(/500/);
    expect(await listStockMovements(ctx, { itemId: item.id, limit: 500 })).toEqual(before);
    expect(await reportStock(ctx, { itemId: item.id })).toEqual(stockBefore);
  });

  it('treats missing flags as usage (2) and bad values as refused (1), naming the flags', async () => {
    const missing = await tansiq('record', 'movement', '--type', 'receipt', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--item, --quantity, --unit');

    const noSite = await tansiq(
      'record',
      'movement',
      '--type',
      'receipt',
      '--item',
      item.id,
      '--quantity',
      'many',
      '--unit',
      'kg',
      '--lang',
      'en',
    );
    expect(noSite.code).toBe(1);
    expect(noSite.err).toContain('--quantity must be a number');
    const receipt = ['record', 'movement', '--type', 'receipt', '--item', item.id, '--unit', 'kg'];
    const noTarget = await tansiq(...receipt, '--quantity', '5', '--lang', 'ar');
    expect(noTarget.code).toBe(1);
    expect(noTarget.err).toContain('--to-site هذا النوع من الحركات يحتاج هذا الموقع');

    const help = await tansiq('record', 'movement', '--help', '--lang', 'en');
    expect(help.code).toBe(0);
    for (const flag of [
      '--type T',
      '--item ID',
      '--quantity Q',
      '--unit U',
      '--from-site ID',
      '--to-site ID',
    ]) {
      expect(help.out).toContain(flag);
    }
    for (const flag of ['--at ISO', '--reason TEXT', '--organization ID', '--json'])
      expect(help.out).toContain(flag);
  });
});
