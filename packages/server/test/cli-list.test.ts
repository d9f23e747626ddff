import { messages } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/cli/table.ts';
import type { Ctx } from '../src/services/context.ts';
import { createRecord } from '../src/services/create-records.ts';
import { getRecord } from '../src/services/get-record.ts';
import { ingestSource } from '../src/services/ingest-source.ts';
import { listRecords } from '../src/services/list-records.ts';
import { claims } from '../src/services/resources/claims.ts';
import { allResources } from '../src/services/resources/index.ts';
import { organizations } from '../src/services/resources/registry.ts';
import { shipments } from '../src/services/resources/shipments.ts';
import type { Store } from '../src/store/open.ts';
import { buildItem, buildOrg } from './builders.ts';
import { cliRunner } from './cli.ts';
import { testCtx, testStore } from './helpers.ts';

/**
 * `list`, `get` and `claim verify`, run in-process through `main` on this file's own database
 * (DATABASE_URL: no embedded server), against the same services the API calls.
 */
let store: Store & { appUrl: string; ownerUrl: string };
let ctx: Ctx;
let tansiq: ReturnType<typeof cliRunner>;
let icrc: { id: string };
let shipment: { id: string };
let claim: { id: string };

const article =
  'Aleppo — The ICRC said that about 160 tonnes of humanitarian aid arrived in Aleppo on Sunday.';

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  tansiq = cliRunner(store);
  icrc = await buildOrg(ctx, {
    names: { ar: 'اللجنة الدولية للصليب الأحمر', en: 'International Committee of the Red Cross' },
    acronym: 'ICRC',
    kind: 'red_cross_red_crescent',
  });
  await buildOrg(ctx, { names: { ar: 'الهلال الأحمر العربي السوري', en: 'Syrian Arab Red Crescent' } });
  const flour = await buildItem(ctx, { names: { ar: 'طحين القمح', en: 'Wheat flour' } });
  shipment = await createRecord(ctx, shipments, {
    titles: { ar: 'مساعدات إلى حلب', en: 'Aid to Aleppo' },
    donorIds: [icrc.id],
    lines: [{ itemId: flour.id, quantity: 160, unit: 'tonne', approximate: true }],
  });
  const { source } = await ingestSource(ctx, {
    kind: 'news_article',
    title: 'Aid reaches Aleppo',
    text: article,
  });
  const words = 'about 160 tonnes of humanitarian aid';
  const start = article.indexOf(words);
  claim = await createRecord(ctx, claims, {
    subject: { resource: 'shipments', id: shipment.id },
    field: 'lines.0.quantity',
    value: { amount: 160, unit: 'tonne', approximate: true },
    claimant: { organizationId: icrc.id },
    sourceId: source.id,
    quote: { start, end: start + words.length, text: words },
  });
});
afterAll(async () => {
  await store.close();
});

describe('tansiq list', () => {
  it('searches in Arabic and prints the page as the API answers it with --json', async () => {
    const result = await tansiq('list', 'organizations', '--q', 'الصليب', '--json');
    expect(result.code, result.err).toBe(0);
    const page = JSON.parse(result.out);
    expect(page.items.map((org: { id: string }) => org.id)).toEqual([icrc.id]);
    expect(page).toEqual(await listRecords(ctx, organizations, { q: 'الصليب', limit: 50 }));
    expect(result.err).toBe('');
  });

  it('prints the 14 governorates as an aligned table with Arabic names and headers', async () => {
    const result = await tansiq('list', 'admin-units', '--level', '1', '--sort', 'pcode', '--lang', 'ar');
    expect(result.code, result.err).toBe(0);
    const [header, rule, ...rows] = result.out.trimEnd().split('\n');
    expect(rows).toHaveLength(14);
    for (const label of ['المعرّف', 'الاسم', 'الرمز المكاني', 'المستوى']) expect(header).toContain(label);
    expect(displayWidth(rule ?? '')).toBe(displayWidth(header ?? ''));
    expect(rows[0]).toMatch(/مدينة دمشق\s+SY01\s+1\s+SY$/);
    expect(rows[1]).toContain('حلب');
    expect(rows[13]).toContain('القنيطرة');
    expect(result.err).toContain('المجموع: 14');
    expect(result.err).not.toContain('--cursor');

    const english = await tansiq('list', 'admin-units', '--level', '1', '--limit', '2', '--lang', 'en');
    expect(english.out).toMatch(/^id\s+name\s+p-code\s+level\s+parent p-code\n/);
    expect(english.out.trimEnd().split('\n')).toHaveLength(4);
    const cursor = /next page: --cursor (\S+)/.exec(english.err)?.[1] ?? '';
    expect(cursor).not.toBe('');
    const next = await tansiq(
      'list',
      'admin-units',
      '--level',
      '1',
      '--limit',
      '2',
      '--cursor',
      cursor,
      '--json',
    );
    expect(JSON.parse(next.out).items).toHaveLength(2);
  });

  it('filters claims by subject', async () => {
    const result = await tansiq('list', 'claims', '--subject-id', shipment.id, '--json');
    expect(result.code, result.err).toBe(0);
    const page = JSON.parse(result.out);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ id: claim.id, field: 'lines.0.quantity', status: 'reported' });

    const table = await tansiq('list', 'claims', '--status', 'reported', '--lang', 'en');
    expect(table.out).toMatch(/^id\s+field\s+status\s+reporter role\n/);
    expect(table.out).toContain(`${claim.id}  lines.0.quantity  reported`);
  });

  it('refuses a bad value (1) naming the flag, and an unknown resource or flag as usage (2)', async () => {
    const badLevel = await tansiq('list', 'admin-units', '--level', '9', '--lang', 'en');
    expect(badLevel.code).toBe(1);
    expect(badLevel.err).toContain('--level');
    const badSort = await tansiq('list', 'organizations', '--sort', 'colour', '--lang', 'en');
    expect(badSort.code).toBe(1);
    expect(badSort.err).toContain('--sort');
    const badId = await tansiq('list', 'claims', '--subject-id', 'nope', '--lang', 'ar');
    expect(badId.code).toBe(1);
    expect(badId.err).toContain('الطلب غير صالح');
    expect(badId.err).toContain('--subject-id');

    const unknown = await tansiq('list', 'bananas', '--lang', 'en');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no resource "bananas"');
    const foreign = await tansiq('list', 'organizations', '--level', '1', '--lang', 'en');
    expect(foreign.code).toBe(2);
    expect(foreign.err).toContain('organizations does not take --level');
    expect((await tansiq('list', 'organizations', '--colour', 'red')).code).toBe(2);
    expect((await tansiq('list')).code).toBe(2);
  });

  it('lists the resources and filters with --help', async () => {
    const help = await tansiq('list', '--help', '--lang', 'en');
    expect(help.code).toBe(0);
    for (const path of ['organizations', 'admin-units', 'population-movements', 'claims', 'operations']) {
      expect(help.out).toContain(path);
    }
    for (const flag of [
      '--q TEXT',
      '--limit N',
      '--cursor C',
      '--sort FIELD',
      '--subject-id ID',
      '--level N',
    ]) {
      expect(help.out).toContain(flag);
    }
    expect((await tansiq('--help')).out).toContain('claim verify');
  });

  it('runs every resource in both languages', async () => {
    for (const { path } of allResources) {
      for (const lang of ['ar', 'en']) {
        const result = await tansiq('list', path, '--lang', lang);
        expect(result.code, `${path} ${lang}: ${result.err}`).toBe(0);
        expect(result.out.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('tansiq get', () => {
  it('prints the record as JSON, as GET /api/R/:id answers', async () => {
    const result = await tansiq('get', 'shipments', shipment.id);
    expect(result.code, result.err).toBe(0);
    expect(JSON.parse(result.out)).toEqual(await getRecord(ctx, shipments, shipment.id));
    expect(JSON.parse((await tansiq('get', 'shipments', shipment.id, '--json')).out).id).toBe(shipment.id);

    const missing = await tansiq('get', 'shipments', icrc.id, '--lang', 'en');
    expect(missing.code).toBe(1);
    expect((await tansiq('get', 'shipments', 'nope')).code).toBe(1);
    expect((await tansiq('get', 'bananas', shipment.id)).code).toBe(2);
  });
});

describe('tansiq claim verify', () => {
  it('moves a claim through its statuses, and refuses a retracted claim with the Arabic message', async () => {
    const confirmed = await tansiq(
      'claim',
      'verify',
      claim.id,
      '--to',
      'confirmed',
      '--method',
      'official_confirmation',
      '--reason',
      'The consignee confirmed the receipt',
      '--by-organization',
      icrc.id,
      '--lang',
      'en',
    );
    expect(confirmed.code, confirmed.err).toBe(0);
    expect(confirmed.out).toBe(`claim ${claim.id}: reported → confirmed\n`);

    const retracted = await tansiq(
      'claim',
      'verify',
      claim.id,
      '--to',
      'retracted',
      '--method',
      'source_correction',
      '--reason',
      'سحبت الوكالة الخبر',
      '--json',
    );
    expect(retracted.code, retracted.err).toBe(0);
    const view = JSON.parse(retracted.out);
    expect(view.status).toBe('retracted');
    expect(view.verifications).toHaveLength(2);
    expect(view.verifications[0]).toMatchObject({
      fromStatus: 'reported',
      toStatus: 'confirmed',
      byOrganizationId: icrc.id,
      reason: { en: 'The consignee confirmed the receipt' },
    });
    // A reason in Arabic script is kept as Arabic unless --reason-lang says otherwise.
    expect(view.verifications[1].reason).toEqual({ ar: 'سحبت الوكالة الخبر' });

    const refused = await tansiq(
      'claim',
      'verify',
      claim.id,
      '--to',
      'confirmed',
      '--method',
      'cross_check',
      '--reason',
      'again',
      '--lang',
      'ar',
    );
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain(
      messages.ar['claim.transition_refused'].replace('{from}', 'مسحوب').replace('{to}', 'مؤكَّد'),
    );
    const after = await getRecord(ctx, claims, claim.id);
    expect(after.status).toBe('retracted');
    expect(after.verifications).toHaveLength(2);
  });

  it('treats missing flags as usage (2) and bad values as refused (1)', async () => {
    const missing = await tansiq('claim', 'verify', claim.id, '--to', 'confirmed', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--method, --reason');
    const badMethod = await tansiq(
      'claim',
      'verify',
      claim.id,
      ...['--to', 'disputed', '--method', 'guess', '--reason', 'x', '--lang', 'en'],
    );
    expect(badMethod.code).toBe(1);
    expect(badMethod.err).toContain('--method must be one of');
    const badLang = await tansiq(
      'claim',
      'verify',
      claim.id,
      ...['--to', 'disputed', '--method', 'other', '--reason', 'x', '--reason-lang', 'fr'],
    );
    expect(badLang.code).toBe(1);
    expect(badLang.err).toContain('--reason-lang');
  });
});
