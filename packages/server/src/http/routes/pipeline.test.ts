import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg, buildSite } from '../../../test/builders.ts';
import { testApp, testCtx, testStore } from '../../../test/helpers.ts';
import type { Ctx } from '../../services/context.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let ctx: Ctx;
let app: FastifyInstance;
let aleppo: string;
beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  app = await testApp(store);
  aleppo = (await app.inject({ url: '/api/admin-units?pcode=SY0200' })).json().items[0].id;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const post = async (url: string, payload: unknown, lang = 'en') =>
  await app.inject({ method: 'POST', url, payload: payload as object, headers: { 'accept-language': lang } });

async function pipelineOf(itemId: string) {
  return (await app.inject({ url: `/api/reports/pipeline?itemId=${itemId}` })).json().items[0];
}

async function vaccine() {
  return await buildItem(ctx, {
    names: { en: 'Vaccine', ar: 'لقاح' },
    category: 'vaccine',
    sector: 'health',
    baseUnit: 'dose',
    unitKind: 'count',
    conversions: [{ unit: 'vial', factor: 5 }],
  });
}

describe('shipments', () => {
  it('moves stock pledged → dispatched → received → distributed, one word per stage', async () => {
    const [donor, consignee, warehouse, item] = await Promise.all([
      buildOrg(ctx),
      buildOrg(ctx),
      buildSite(ctx, { adminUnitId: aleppo }),
      vaccine(),
    ]);
    await post('/api/pledges', {
      sourceOrganizationId: donor.id,
      modality: 'in_kind',
      itemId: item.id,
      quantity: 12_000,
      unit: 'dose',
    });
    const created = await post('/api/shipments', {
      donorIds: [donor.id],
      consigneeId: consignee.id,
      destination: { adminUnitId: aleppo, text: 'حلب' },
      lines: [{ itemId: item.id, quantity: 2000, unit: 'vial' }],
    });
    expect(created.statusCode).toBe(201);
    const shipment = created.json();
    expect(shipment).toMatchObject({
      status: 'planned',
      donorIds: [donor.id],
      lines: [{ baseQuantity: 10_000, dispatched: 0 }],
    });
    expect(await pipelineOf(item.id)).toMatchObject({ pledged: 12_000, dispatched: 0 });

    const dispatched = (
      await post(`/api/shipments/${shipment.id}/events`, { status: 'dispatched', occurredOn: '2021-07-20' })
    ).json();
    expect(dispatched).toMatchObject({
      status: 'dispatched',
      lines: [{ dispatched: 10_000, inPipeline: 10_000 }],
    });
    const locked = await app.inject({
      method: 'PATCH',
      url: `/api/shipments/${shipment.id}`,
      payload: { lines: [{ itemId: item.id, quantity: 1, unit: 'dose' }] },
    });
    expect(locked.json().error.code).toBe('shipment.lines_locked');

    const line = shipment.lines[0].id;
    const partial = await post(`/api/shipments/${shipment.id}/receipts`, {
      lineId: line,
      receivedOn: '2021-07-24',
      receivedQuantity: 1500,
      unit: 'vial',
      discrepancyQuantity: 20,
      discrepancyReason: 'broken in transit',
      siteId: warehouse.id,
    });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({
      status: 'received_partial',
      lines: [{ received: 7500, discrepancy: 100, inPipeline: 2400 }],
    });
    const tooMuch = await post(
      `/api/shipments/${shipment.id}/receipts`,
      { lineId: line, receivedOn: '2021-07-25', receivedQuantity: 2401, unit: 'dose', siteId: warehouse.id },
      'ar',
    );
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().error.message).toMatch(/تتجاوز ما تبقّى/);
    const rest = await post(`/api/shipments/${shipment.id}/receipts`, {
      lineId: line,
      receivedOn: '2021-07-25',
      receivedQuantity: 2400,
      siteId: warehouse.id,
      unit: 'dose',
    });
    expect(rest.json()).toMatchObject({ status: 'received', lines: [{ inPipeline: 0 }] });

    const distribution = (
      await post('/api/distributions', {
        organizationId: consignee.id,
        itemId: item.id,
        quantity: 9000,
        unit: 'dose',
        fromSiteId: warehouse.id,
        place: { adminUnitId: aleppo },
        period: { start: '2021-08-01' },
        individuals: 9000,
      })
    ).json();
    expect(distribution.status).toBe('planned');
    expect(await pipelineOf(item.id)).toMatchObject({
      received: 9900,
      inStock: 9900,
      plannedDistribution: 9000,
      distributed: 0,
    });

    const done = await post(`/api/distributions/${distribution.id}/events`, {
      status: 'completed',
      occurredOn: '2021-08-02',
    });
    expect(done.json()).toMatchObject({ status: 'completed' });
    expect(await pipelineOf(item.id)).toMatchObject({
      pledged: 12_000,
      dispatched: 10_000,
      received: 9900,
      lost: 100,
      distributed: 9000,
      inStock: 900,
      inPipeline: 0,
      plannedDistribution: 0,
    });
    const threeW = (await app.inject({ url: `/api/reports/3w?organizationId=${consignee.id}` })).json().items;
    expect(threeW).toEqual([
      expect.objectContaining({
        sector: 'health',
        status: 'completed',
        activities: 1,
        individuals: 9000,
        period: '2021-08-01',
        governorate: expect.objectContaining({ pcode: 'SY02' }),
      }),
    ]);
    const cancel = await post(`/api/distributions/${distribution.id}/events`, {
      status: 'cancelled',
      occurredOn: '2021-08-03',
    });
    expect(cancel.json().error.code).toBe('distribution.completed_cannot_cancel');
  });

  it('refuses a distribution larger than the stock, in the request’s language, writing nothing', async () => {
    const [warehouse, item] = await Promise.all([buildSite(ctx), buildItem(ctx)]);
    await post('/api/stock-movements', {
      type: 'receipt',
      itemId: item.id,
      quantity: 10,
      unit: 'sack',
      toSiteId: warehouse.id,
      occurredAt: '2021-07-01T00:00:00Z',
    });
    const distribution = (
      await post('/api/distributions', {
        itemId: item.id,
        quantity: 1,
        unit: 'tonne',
        fromSiteId: warehouse.id,
      })
    ).json();
    const eventsBefore = (await store.db.query('SELECT count(*)::int AS n FROM status_events')).rows[0].n;
    const movementsBefore = (await store.db.query('SELECT count(*)::int AS n FROM stock_movements')).rows[0]
      .n;
    const refused = await post(
      `/api/distributions/${distribution.id}/events`,
      { status: 'completed', occurredOn: '2021-07-02' },
      'ar',
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'ledger.insufficient_stock',
      details: { available: 500, requested: 1000 },
    });
    expect(refused.json().error.message).toMatch(/^المخزون غير كافٍ/);
    expect((await app.inject({ url: `/api/distributions/${distribution.id}` })).json().status).toBe(
      'planned',
    );
    expect((await store.db.query('SELECT count(*)::int AS n FROM status_events')).rows[0].n).toBe(
      eventsBefore,
    );
    expect((await store.db.query('SELECT count(*)::int AS n FROM stock_movements')).rows[0].n).toBe(
      movementsBefore,
    );
    const noSite = (await post('/api/distributions', { itemId: item.id, quantity: 1, unit: 'kg' })).json();
    const unsourced = await post(`/api/distributions/${noSite.id}/events`, {
      status: 'completed',
      occurredOn: '2021-07-02',
    });
    expect(unsourced.json().error.code).toBe('distribution.no_source_site');
  });

  it('conserves quantities from dispatch through receipt to distribution (property)', async () => {
    const [warehouse, item] = await Promise.all([buildSite(ctx), buildItem(ctx)]);
    const line = fc.record({ sacks: fc.integer({ min: 1, max: 200 }) });
    const receipt = fc.record({
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      missingShare: fc.double({ min: 0, max: 0.2, noNaN: true }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 3 }),
        fc.array(receipt, { minLength: 1, maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (lines, receipts, distributeShare) => {
          const before = await pipelineOf(item.id);
          const shipment = (
            await post('/api/shipments', {
              lines: lines.map((l) => ({ itemId: item.id, quantity: l.sacks, unit: 'sack' })),
            })
          ).json();
          await post(`/api/shipments/${shipment.id}/events`, {
            status: 'dispatched',
            occurredOn: '2021-07-01',
          });
          for (const [index, r] of receipts.entries()) {
            const current = (await app.inject({ url: `/api/shipments/${shipment.id}` })).json();
            const target = current.lines[index % current.lines.length];
            const received = Math.floor(target.inPipeline * r.share);
            const missing = Math.floor((target.inPipeline - received) * r.missingShare);
            if (received + missing === 0) continue;
            const response = await post(`/api/shipments/${shipment.id}/receipts`, {
              lineId: target.id,
              receivedOn: '2021-07-02',
              receivedQuantity: received,
              unit: 'kg',
              discrepancyQuantity: missing,
              ...(missing > 0 ? { discrepancyReason: 'short' } : {}),
              siteId: warehouse.id,
            });
            expect(response.statusCode).toBe(201);
          }
          const stock =
            (await app.inject({ url: `/api/reports/stock?siteId=${warehouse.id}&itemId=${item.id}` })).json()
              .items[0]?.quantity ?? 0;
          const toDistribute = Math.floor(stock * distributeShare);
          if (toDistribute > 0) {
            const d = (
              await post('/api/distributions', {
                itemId: item.id,
                quantity: toDistribute,
                unit: 'kg',
                fromSiteId: warehouse.id,
              })
            ).json();
            expect(
              (
                await post(`/api/distributions/${d.id}/events`, {
                  status: 'completed',
                  occurredOn: '2021-07-03',
                })
              ).statusCode,
            ).toBe(201);
          }
          const after = await pipelineOf(item.id);
          const delta = (key: string) => after[key] - (before?.[key] ?? 0);
          const view = (await app.inject({ url: `/api/shipments/${shipment.id}` })).json();
          const sum = (key: string) =>
            view.lines.reduce((acc: number, l: Record<string, number>) => acc + (l[key] ?? 0), 0);
          // Everything dispatched is received, missing (lost) or still in the pipeline.
          expect(delta('dispatched')).toBe(lines.reduce((acc, l) => acc + l.sacks * 50, 0));
          expect(delta('dispatched')).toBeCloseTo(delta('received') + delta('lost') + delta('inPipeline'), 6);
          expect(sum('inPipeline')).toBeCloseTo(delta('inPipeline'), 6);
          // Everything received into the warehouse is distributed or still in stock.
          expect(delta('received')).toBeCloseTo(delta('distributed') + delta('inStock'), 6);
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
