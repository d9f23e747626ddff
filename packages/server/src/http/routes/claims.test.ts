import { createHash } from 'node:crypto';
import { defaultOperationId, uuidv7 } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg, buildSite } from '../../../test/builders.ts';
import { cliRunner } from '../../../test/cli.ts';
import { type TestApp, testApp, testCtx, testStore } from '../../../test/helpers.ts';
import type { Ctx } from '../../services/context.ts';
import type { Store } from '../../store/open.ts';

let store: Store & { appUrl: string; ownerUrl: string };
let ctx: Ctx;
let app: TestApp;

/** An article of our own making: claims quote it by UTF-16 offsets. */
const article =
  'دمشق — قالت وزارة الدفاع الروسية إن نحو 160 طنًا من المساعدات الإنسانية وصلت إلى حلب.\n' +
  'Moscow — The Russian Ministry of Defence said that about 160 tonnes of humanitarian aid arrived in Aleppo.\n' +
  'Local sources put the figure at 120 tonnes.';

async function insertSource(text: string | null, title: string): Promise<string> {
  const id = uuidv7();
  await store.db.query(
    `INSERT INTO sources (operation_id, id, kind, title, published_on, content, content_sha256, content_length)
     VALUES ($1, $2, 'news_article', $3, '2021-07-25', $4, $5, $6)`,
    [
      defaultOperationId,
      id,
      title,
      text,
      text === null ? null : createHash('sha256').update(text).digest('hex'),
      text?.length ?? null,
    ],
  );
  return id;
}

/** The span of `words` in the article, as a claim quotes it. */
function quoteOf(words: string, text = article) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in the text: ${words}`);
  return { start, end: start + words.length, text: words };
}

const post = async (url: string, payload: unknown, lang = 'en') =>
  await app.inject({ method: 'POST', url, payload: payload as object, headers: { 'accept-language': lang } });
const get = async (url: string) => await app.inject({ url });

let mod: { id: string };
let localNgo: { id: string };
let articleId: string;
let noTextId: string;
let shipment: { id: string; lines: { id: string }[] };
let warehouse: { id: string };

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  app = await testApp(store);
  mod = await buildOrg(ctx, {
    names: { en: 'Russian Ministry of Defence', ar: 'وزارة الدفاع الروسية' },
    kind: 'government',
  });
  localNgo = await buildOrg(ctx, { names: { en: 'Local council', ar: 'المجلس المحلي' } });
  articleId = await insertSource(article, 'Aid reaches Aleppo');
  noTextId = await insertSource(null, 'A statement known by its metadata only');
  warehouse = await buildSite(ctx);
  const flour = await buildItem(ctx);
  shipment = (
    await post('/api/shipments', {
      titles: { en: 'Russian aid to Aleppo' },
      donorIds: [mod.id],
      lines: [{ itemId: flour.id, quantity: 160, unit: 'tonne', approximate: true }],
    })
  ).json();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const claimOf = (overrides: Record<string, unknown> = {}) => ({
  subject: { resource: 'shipments', id: shipment.id },
  field: 'lines.0.quantity',
  value: { amount: 160, unit: 'tonne', approximate: true },
  claimant: { organizationId: mod.id },
  sourceId: articleId,
  quote: quoteOf('about 160 tonnes of humanitarian aid arrived in Aleppo'),
  claimedOn: { date: '2021-07-25' },
  reporterRole: 'secondary',
  ...overrides,
});

describe('claims', () => {
  it('keeps a quote that is the source text exactly, and shows the source without its text', async () => {
    const created = await post('/api/claims', claimOf());
    expect(created.statusCode).toBe(201);
    const claim = created.json();
    expect(article.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.text);
    expect(claim).toMatchObject({
      subject: { resource: 'shipments', id: shipment.id },
      status: 'reported',
      verifications: [],
      source: {
        id: articleId,
        kind: 'news_article',
        title: 'Aid reaches Aleppo',
        published: { date: '2021-07-25', precision: 'day' },
      },
      claimedOn: { date: '2021-07-25', precision: 'day' },
    });
    expect(JSON.stringify(claim)).not.toContain('Local sources');
    // An Arabic span, counted in UTF-16 code units as JavaScript strings count them.
    const arabic = await post(
      '/api/claims',
      claimOf({ quote: quoteOf('نحو 160 طنًا من المساعدات الإنسانية') }),
    );
    expect(arabic.statusCode).toBe(201);
  });

  it('refuses a quote that is not the source text, in both languages', async () => {
    const quote = quoteOf('about 160 tonnes');
    const shifted = { ...quote, start: quote.start + 1, end: quote.end + 1 };
    const en = await post('/api/claims', claimOf({ quote: shifted }));
    expect(en.statusCode).toBe(422);
    expect(en.json().error).toMatchObject({
      code: 'claim.quote_mismatch',
      details: { start: shifted.start },
    });
    expect(en.json().error.message).toMatch(/does not match the source text/);
    const ar = await post('/api/claims', claimOf({ quote: { ...quote, text: 'about 170 tonnes' } }), 'ar');
    expect(ar.statusCode).toBe(422);
    expect(ar.json().error.code).toBe('claim.quote_mismatch');
    expect(ar.json().error.message).toMatch(/لا يطابق الاقتباس نص المصدر/);
    const pastTheEnd = await post(
      '/api/claims',
      claimOf({ quote: { start: article.length - 3, end: article.length + 2, text: 'es.' } }),
    );
    expect(pastTheEnd.json().error.code).toBe('claim.quote_mismatch');
    const noText = await post('/api/claims', claimOf({ sourceId: noTextId }));
    expect(noText.statusCode).toBe(422);
    expect(noText.json().error.code).toBe('claim.source_has_no_text');
    const unquoted = await post('/api/claims', claimOf({ sourceId: noTextId, quote: undefined }));
    expect(unquoted.statusCode).toBe(201);
    expect(unquoted.json().quote).toBeNull();
  });

  it('refuses a claim about a record that does not exist', async () => {
    const missing = uuidv7();
    const response = await post(
      '/api/claims',
      claimOf({ subject: { resource: 'meetings', id: missing }, field: 'attendance', value: 'boycotted' }),
      'ar',
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'record.reference_missing',
      details: { field: 'subject.id', resource: 'meeting', value: missing },
    });
    const unknownResource = await post(
      '/api/claims',
      claimOf({ subject: { resource: 'users', id: missing } }),
    );
    expect(unknownResource.statusCode).toBe(400);
  });

  it('never edits what was said: value, subject, field and quote cannot be patched', async () => {
    const claim = (await post('/api/claims', claimOf())).json();
    const refused = await app.inject({
      method: 'PATCH',
      url: `/api/claims/${claim.id}`,
      payload: { value: { amount: 1, unit: 'tonne' } },
    });
    expect(refused.statusCode).toBe(400);
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/claims/${claim.id}`,
      payload: { sensitivity: 'restricted', timePrecision: 'day', placePrecision: 'admin1' },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      sensitivity: 'restricted',
      timePrecision: 'day',
      placePrecision: 'admin1',
      value: claim.value,
      quote: claim.quote,
    });
  });
});

describe('contradictions', () => {
  it('links two claims giving different values for the same subject and field, and keeps both', async () => {
    const item = await buildItem(ctx);
    const target = (
      await post('/api/shipments', { lines: [{ itemId: item.id, quantity: 160, unit: 'tonne' }] })
    ).json();
    const about = { subject: { resource: 'shipments', id: target.id } };
    const first = (await post('/api/claims', claimOf(about))).json();
    // The same figure in kilograms says the same thing: no contradiction.
    const same = (
      await post(
        '/api/claims',
        claimOf({
          ...about,
          value: { amount: 160_000, unit: 'kg' },
          quote: undefined,
          reporterRole: 'primary',
        }),
      )
    ).json();
    const second = (
      await post(
        '/api/claims',
        claimOf({
          ...about,
          value: { amount: 120, unit: 'tonne' },
          claimant: { organizationId: localNgo.id },
          quote: quoteOf('Local sources put the figure at 120 tonnes.'),
        }),
      )
    ).json();
    expect(second.contradictionIds.sort()).toEqual([first.id, same.id].sort());
    expect((await get(`/api/claims/${first.id}`)).json()).toMatchObject({
      status: 'reported',
      contradictionIds: [second.id],
      value: { amount: 160, unit: 'tonne', approximate: true },
    });
    const listed = (await get(`/api/claims/${first.id}/contradictions`)).json();
    expect(listed.items.map((c: { id: string }) => c.id)).toEqual([second.id]);
    const bySubject = (await get(`/api/claims?subjectId=${target.id}&field=lines.0.quantity`)).json();
    expect(bySubject.total).toBe(3);

    const provenance = (await get(`/api/shipments/${target.id}/provenance`)).json();
    expect(provenance.claims.map((c: { id: string }) => c.id).sort()).toEqual(
      [first.id, same.id, second.id].sort(),
    );
    const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]);
    expect(provenance.contradictions).toEqual(
      expect.arrayContaining([pair(first.id, second.id), pair(same.id, second.id)]),
    );
    expect(provenance.contradictions).toHaveLength(2);
  });
});

describe('verification', () => {
  it('keeps who, when, how and why of every status change, in order', async () => {
    const claim = (await post('/api/claims', claimOf())).json();
    const steps = [
      { toStatus: 'disputed', method: 'cross_check', reason: { en: 'Local sources give 120 tonnes' } },
      {
        toStatus: 'corroborated',
        method: 'partner_report',
        reason: { ar: 'أكّد شريك ميداني الوصول' },
        byOrganizationId: localNgo.id,
        evidenceSourceId: articleId,
      },
      {
        toStatus: 'confirmed',
        method: 'field_visit',
        reason: { en: 'Seen at the warehouse', ar: 'شوهدت في المستودع' },
      },
    ];
    let view = claim;
    for (const step of steps) {
      const response = await post(`/api/claims/${claim.id}/verifications`, step);
      expect(response.statusCode).toBe(201);
      view = response.json();
    }
    expect(view.status).toBe('confirmed');
    expect(view.verifications).toMatchObject([
      {
        fromStatus: 'reported',
        toStatus: 'disputed',
        method: 'cross_check',
        actor: `user:${app.testUser.id}`,
        reason: steps[0]?.reason,
      },
      {
        fromStatus: 'disputed',
        toStatus: 'corroborated',
        byOrganizationId: localNgo.id,
        evidenceSourceId: articleId,
      },
      { fromStatus: 'corroborated', toStatus: 'confirmed', method: 'field_visit', byOrganizationId: null },
    ]);
    const times = view.verifications.map((v: { verifiedAt: string }) => v.verifiedAt);
    expect([...times].sort()).toEqual(times);
    const confirmed = (await get(`/api/claims?status=confirmed&claimantOrganizationId=${mod.id}`)).json();
    expect(confirmed.items.map((c: { id: string }) => c.id)).toContain(claim.id);
  });

  it('refuses to confirm a retracted claim, in both languages, and writes nothing', async () => {
    const claim = (await post('/api/claims', claimOf())).json();
    const retracted = await post(`/api/claims/${claim.id}/verifications`, {
      toStatus: 'retracted',
      method: 'source_correction',
      reason: { en: 'The ministry withdrew the figure' },
    });
    expect(retracted.json().status).toBe('retracted');
    const confirm = { toStatus: 'confirmed', method: 'official_confirmation', reason: { en: 'Confirmed' } };
    const en = await post(`/api/claims/${claim.id}/verifications`, confirm);
    expect(en.statusCode).toBe(409);
    expect(en.json().error).toMatchObject({
      code: 'claim.transition_refused',
      message: 'A retracted claim cannot become confirmed.',
      details: { from: 'retracted', to: 'confirmed' },
    });
    const ar = await post(`/api/claims/${claim.id}/verifications`, confirm, 'ar');
    expect(ar.statusCode).toBe(409);
    expect(ar.json().error.message).toBe('لا يمكن تحويل حالة الادعاء من «مسحوب» إلى «مؤكَّد».');
    const after = (await get(`/api/claims/${claim.id}`)).json();
    expect(after).toMatchObject({ status: 'retracted' });
    expect(after.verifications).toHaveLength(1);
  });

  it('answers 404 for a claim that does not exist, and 422 for an unknown evidence source', async () => {
    const body = { toStatus: 'confirmed', method: 'other', reason: { en: 'x' } };
    expect((await post(`/api/claims/${uuidv7()}/verifications`, body)).statusCode).toBe(404);
    const claim = (await post('/api/claims', claimOf())).json();
    const response = await post(`/api/claims/${claim.id}/verifications`, {
      ...body,
      evidenceSourceId: uuidv7(),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.field).toBe('evidenceSourceId');
  });
});

describe('provenance', () => {
  it("lists a shipment's claims with their sources, quotes and verification history", async () => {
    const item = await buildItem(ctx);
    const target = (
      await post('/api/shipments', { lines: [{ itemId: item.id, quantity: 5, unit: 'tonne' }] })
    ).json();
    const claim = (
      await post('/api/claims', claimOf({ subject: { resource: 'shipments', id: target.id } }))
    ).json();
    const other = (
      await post(
        '/api/claims',
        claimOf({
          subject: { resource: 'shipments', id: target.id },
          field: 'period',
          value: { start: '2021-07-24' },
          sourceId: noTextId,
          quote: undefined,
        }),
      )
    ).json();
    await post(`/api/claims/${claim.id}/verifications`, {
      toStatus: 'corroborated',
      method: 'document_review',
      reason: { en: 'Matches the waybill' },
    });
    const response = await get(`/api/shipments/${target.id}/provenance`);
    expect(response.statusCode).toBe(200);
    const provenance = response.json();
    expect(provenance.subject).toEqual({ resource: 'shipments', id: target.id });
    expect(provenance.claims).toMatchObject([
      {
        id: claim.id,
        status: 'corroborated',
        quote: claim.quote,
        verifications: [
          { fromStatus: 'reported', toStatus: 'corroborated', reason: { en: 'Matches the waybill' } },
        ],
      },
      { id: other.id, quote: null, field: 'period' },
    ]);
    expect(provenance.sources.map((s: { id: string }) => s.id).sort()).toEqual([articleId, noTextId].sort());
    expect(provenance.contradictions).toEqual([]);
    expect(JSON.stringify(provenance)).not.toContain('Local sources');

    expect((await get(`/api/shipments/${uuidv7()}/provenance`)).statusCode).toBe(404);
    const empty = (await get(`/api/organizations/${mod.id}/provenance`)).json();
    expect(empty).toEqual({
      subject: { resource: 'organizations', id: mod.id },
      claims: [],
      sources: [],
      contradictions: [],
    });
  });

  it('is served for ledger lines too, and by the CLI', async () => {
    const item = await buildItem(ctx);
    const line = (
      await post('/api/stock-movements', {
        type: 'receipt',
        itemId: item.id,
        quantity: 10,
        unit: 'kg',
        toSiteId: warehouse.id,
        occurredAt: '2021-07-26T09:00:00Z',
      })
    ).json();
    const claim = (
      await post(
        '/api/claims',
        claimOf({
          subject: { resource: 'stock-movements', id: line.id },
          field: 'quantity',
          value: { amount: 10, unit: 'kg' },
        }),
      )
    ).json();
    const provenance = (await get(`/api/stock-movements/${line.id}/provenance`)).json();
    expect(provenance.claims.map((c: { id: string }) => c.id)).toEqual([claim.id]);
    expect((await get(`/api/stock-movements/${uuidv7()}/provenance`)).statusCode).toBe(404);

    const run = cliRunner(store);
    const json = await run('provenance', 'stock-movements', line.id, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual(provenance);
    const text = await run('provenance', 'stock-movements', line.id, '--lang', 'ar');
    expect(text.code).toBe(0);
    expect(text.out).toContain('وزارة الدفاع الروسية');
    expect(text.out).toContain('«about 160 tonnes of humanitarian aid arrived in Aleppo»');
    const unknown = await run('provenance', 'nothing', line.id);
    expect(unknown.code).toBe(1);
  });
});

describe('claimed vs confirmed', () => {
  it('shows 160 tonnes claimed against the kilograms the ledger shows received', async () => {
    const flour = await buildItem(ctx);
    const target = (
      await post('/api/shipments', {
        donorIds: [mod.id],
        lines: [{ itemId: flour.id, quantity: 160, unit: 'tonne' }],
      })
    ).json();
    const about = { subject: { resource: 'shipments', id: target.id } };
    const claimed = (await post('/api/claims', claimOf(about))).json();
    const local = (
      await post(
        '/api/claims',
        claimOf({
          ...about,
          value: { amount: 120, unit: 'tonne' },
          claimant: { organizationId: localNgo.id },
          quote: quoteOf('Local sources put the figure at 120 tonnes.'),
        }),
      )
    ).json();
    const report = async () =>
      (await get(`/api/reports/claimed-vs-confirmed?subjectId=${target.id}`)).json().items as {
        recorded: Record<string, unknown>;
        claims: Record<string, unknown>[];
      }[];

    const before = await report();
    expect(before).toHaveLength(1);
    expect(before[0]?.recorded).toEqual({
      value: 0,
      basis: 'ledger_received',
      dispatched: 0,
      planned: 160_000,
    });

    expect(
      (await post(`/api/shipments/${target.id}/events`, { status: 'dispatched', occurredOn: '2021-07-20' }))
        .statusCode,
    ).toBe(201);
    const receipt = await post(`/api/shipments/${target.id}/receipts`, {
      lineId: target.lines[0].id,
      receivedOn: '2021-07-24',
      receivedQuantity: 160_000,
      unit: 'kg',
      siteId: warehouse.id,
    });
    expect(receipt.statusCode).toBe(201);

    const [row] = await report();
    expect(row).toMatchObject({
      subject: { resource: 'shipments', id: target.id },
      field: 'lines.0.quantity',
      itemId: flour.id,
      unit: 'kg',
      recorded: { value: 160_000, basis: 'ledger_received', dispatched: 160_000, planned: 160_000 },
    });
    expect(row?.claims).toMatchObject([
      {
        claimId: claimed.id,
        amount: 160,
        unit: 'tonne',
        approximate: true,
        comparable: 160_000,
        difference: 0,
        ratio: 1,
        status: 'reported',
        claimant: { organizationId: mod.id, names: { en: 'Russian Ministry of Defence' } },
        source: { id: articleId, title: 'Aid reaches Aleppo' },
        quote: 'about 160 tonnes of humanitarian aid arrived in Aleppo',
      },
      { claimId: local.id, comparable: 120_000, difference: -40_000, ratio: 0.75 },
    ]);
  });

  it('compares distributions with the ledger and return figures with the record', async () => {
    const item = await buildItem(ctx);
    const org = await buildOrg(ctx);
    const distribution = (
      await post('/api/distributions', {
        organizationId: org.id,
        itemId: item.id,
        quantity: 20,
        unit: 'sack',
        individuals: 500,
      })
    ).json();
    await post(
      '/api/claims',
      claimOf({
        subject: { resource: 'distributions', id: distribution.id },
        field: 'quantity',
        value: { amount: 1, unit: 'tonne' },
      }),
    );
    await post(
      '/api/claims',
      claimOf({
        subject: { resource: 'distributions', id: distribution.id },
        field: 'individuals',
        value: 600,
        quote: undefined,
      }),
    );
    const rows = (
      await get(
        `/api/reports/claimed-vs-confirmed?subjectResource=distributions&subjectId=${distribution.id}`,
      )
    ).json().items;
    expect(rows).toMatchObject([
      {
        field: 'individuals',
        unit: null,
        recorded: { value: 500, basis: 'record' },
        claims: [{ comparable: 600, difference: 100, ratio: 1.2 }],
      },
      {
        field: 'quantity',
        unit: 'kg',
        recorded: { value: 0, basis: 'ledger_distributed', planned: 1000 },
        claims: [{ comparable: 1000, difference: 1000, ratio: null }],
      },
    ]);
  });
});
