import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg } from '../../../test/builders.ts';
import { cliRunner } from '../../../test/cli.ts';
import { testCtx, testStore } from '../../../test/helpers.ts';
import type { Store } from '../../store/open.ts';

// Written for this test: a distribution in Homs, a meeting to come in Damascus, and a sentence
// about refugees arriving that the extractor reads as a delivery (the analyst rejects it).
const bulletin = [
  'الهلال الأحمر يوزع سلالاً غذائية في حمص',
  '',
  'أعلنت منظمة الصحة العالمية أمس عن توزيع 500 سلة غذائية على الأسر النازحة في حمص.',
  '',
  'وسيعقد اجتماع تنسيقي في دمشق يوم الأحد 10 آذار 2024 بمشاركة الأمم المتحدة واللجنة الدولية للصليب الأحمر.',
  '',
  'ووصل نحو 2000 لاجئ إلى حلب خلال الشهر الماضي.',
].join('\n');

let store: Store & { appUrl: string; ownerUrl: string };
let run: ReturnType<typeof cliRunner>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-review-'));

beforeAll(async () => {
  store = await testStore();
  run = cliRunner(store);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('tansiq review', () => {
  it('lists, accepts with an edit, rejects, and extracts again without duplicates', async () => {
    const ctx = testCtx(store);
    const outlet = await buildOrg(ctx, { names: { ar: 'نشرة حمص', en: 'Homs Bulletin' }, kind: 'media' });
    const file = path.join(dir, 'bulletin.txt');
    fs.writeFileSync(file, bulletin);
    const added = await run(
      'source',
      'add',
      file,
      '--kind',
      'news_article',
      '--published',
      '2024-03-05',
      '--outlet',
      outlet.id,
      '--json',
    );
    expect(added.code, added.err).toBe(0);
    const sourceId = JSON.parse(added.out).source.id;

    const listed = await run('review', 'list', '--source', sourceId, '--json');
    expect(listed.code, listed.err).toBe(0);
    const { items } = JSON.parse(listed.out);
    expect(items.map((c: { type: string }) => c.type)).toEqual(['distribution', 'meeting', 'delivery']);
    const [distribution, meeting, delivery] = items;
    expect(distribution.quote.text).toBe(
      'أعلنت منظمة الصحة العالمية أمس عن توزيع 500 سلة غذائية على الأسر النازحة في حمص.',
    );

    const table = await run('review', 'list', '--source', sourceId);
    expect(table.out).toContain(`${distribution.id}  pending  event:distribution`);
    expect(table.out).toContain('→ distributions  needs: quantities.0.itemId');

    const refused = await run('review', 'accept', distribution.id, '--lang', 'ar');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('قبول هذا المرشَّح يحتاج إلى quantities.0.itemId');

    const basket = await buildItem(ctx, {
      names: { en: 'Family food basket', ar: 'سلة غذائية عائلية' },
      baseUnit: 'food_basket',
      unitKind: 'count',
      conversions: [],
    });
    const accepted = await run('review', 'accept', distribution.id, '--item', basket.id, '--json');
    expect(accepted.code, accepted.err).toBe(0);
    const result = JSON.parse(accepted.out);
    expect(result.record).toMatchObject({
      itemId: basket.id,
      quantity: 500,
      unit: 'food_basket',
      place: { text: 'حمص' },
      period: { start: '2024-03-04' },
      status: 'planned',
    });
    const figure = result.claims.find((c: { field: string }) => c.field === 'quantity');
    expect(figure).toMatchObject({
      value: { amount: 500, unit: 'food_basket' },
      quote: { text: '500 سلة غذائية' },
      claimant: { organizationId: outlet.id },
      reporterRole: 'primary',
    });

    const provenance = await run('provenance', 'distributions', result.record.id);
    expect(provenance.code, provenance.err).toBe(0);
    expect(provenance.out).toContain('500 سلة غذائية');

    const rejected = await run('review', 'reject', delivery.id, '--reason', 'وصول لاجئين وليس شحنة');
    expect(rejected.code, rejected.err).toBe(0);
    expect(rejected.out).toBe(`candidate ${delivery.id}: rejected\n`);

    const held = await run('review', 'accept', meeting.id, '--lang', 'ar');
    expect(held.code, held.err).toBe(0);
    expect(held.out).toMatch(/^المرشَّح .+: قُبل — أُنشئ meetings [0-9a-f-]{36}\n/);

    const again = await run('review', 'extract', sourceId);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toBe(`${sourceId}: 0 new candidates, 3 already queued\n`);
    const twice = await run('review', 'accept', delivery.id);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('already rejected');
    expect((await run('review', 'list', '--status', 'pending')).out).toBe('No candidates.\n');
  });

  it('refuses a malformed id and bad JSON as usage errors', async () => {
    const bad = await run('review', 'accept', 'not-an-id');
    expect(bad.code).toBe(1);
    const json = await run('review', 'accept', '0190c3a0-0000-7000-8000-000000000000', '--record', '{oops');
    expect(json.code).toBe(2);
    expect(json.err).toContain('--record is not valid JSON');
  });
});
