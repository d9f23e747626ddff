import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildSite } from '../../test/builders.ts';
import { testApp, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { recordStockMovement } from './record-stock-movements.ts';
import { reverseStockMovement } from './reverse-stock-movement.ts';

let store: Store;
let ctx: Ctx;
let app: FastifyInstance;
beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  app = await testApp(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const at = '2021-07-24T10:00:00Z';

async function stockOf(siteId: string, itemId: string): Promise<number> {
  const result = await store.db.query<{ quantity: string }>(
    `SELECT quantity FROM stock_balances WHERE account_kind = 'site' AND account_ref = $1 AND item_id = $2`,
    [siteId, itemId],
  );
  return Number(result.rows[0]?.quantity ?? 0);
}

async function movementCount(): Promise<number> {
  return (await store.db.query<{ n: number }>('SELECT count(*) AS n FROM stock_movements')).rows[0]?.n ?? 0;
}

describe('the stock ledger', () => {
  it('converts units, keeps what was entered, and refuses stock below zero in the request’s language', async () => {
    const [site, item] = await Promise.all([buildSite(ctx), buildItem(ctx)]);
    const receipt = await recordStockMovement(ctx, {
      type: 'receipt',
      itemId: item.id,
      quantity: 2,
      unit: 'tonne',
      toSiteId: site.id,
      occurredAt: at,
    });
    expect(receipt).toMatchObject({ quantity: 2000, enteredQuantity: 2, enteredUnit: 'tonne' });
    expect(await stockOf(site.id, item.id)).toBe(2000);

    const before = await movementCount();
    const response = await app.inject({
      method: 'POST',
      url: '/api/stock-movements',
      headers: { 'accept-language': 'ar' },
      payload: {
        type: 'distribution',
        itemId: item.id,
        quantity: 41,
        unit: 'sack',
        fromSiteId: site.id,
        occurredAt: at,
      },
    });
    expect(response.statusCode).toBe(409);
    const { error } = response.json();
    expect(error.code).toBe('ledger.insufficient_stock');
    expect(error.message).toBe(
      'المخزون غير كافٍ: المتوفر 2000 والمطلوب 2050 (بوحدة الصنف الأساسية). لم يُسجَّل شيء.',
    );
    expect(error.details).toMatchObject({ available: 2000, requested: 2050, siteId: site.id });
    expect(await movementCount()).toBe(before);
    expect(await stockOf(site.id, item.id)).toBe(2000);
  });

  it('corrects with reversing entries only, once, and not past what is left', async () => {
    const [a, b, item] = await Promise.all([buildSite(ctx), buildSite(ctx), buildItem(ctx)]);
    const received = await recordStockMovement(ctx, {
      type: 'receipt',
      itemId: item.id,
      quantity: 100,
      unit: 'kg',
      toSiteId: a.id,
      occurredAt: at,
    });
    await recordStockMovement(ctx, {
      type: 'transfer',
      itemId: item.id,
      quantity: 70,
      unit: 'kg',
      fromSiteId: a.id,
      toSiteId: b.id,
      occurredAt: at,
    });
    await expect(reverseStockMovement(ctx, received.id, { reason: 'wrong site' })).rejects.toMatchObject({
      code: 'ledger.insufficient_stock',
    });
    const transfer = (await app.inject({ url: `/api/stock-movements?siteId=${b.id}` })).json().items[0];
    const reversal = await reverseStockMovement(ctx, transfer.id, { reason: 'entered twice' });
    expect(reversal).toMatchObject({
      reversesId: transfer.id,
      from: { kind: 'site', ref: b.id },
      to: { kind: 'site', ref: a.id },
    });
    expect(await stockOf(a.id, item.id)).toBe(100);
    expect(await stockOf(b.id, item.id)).toBe(0);
    await expect(reverseStockMovement(ctx, transfer.id, { reason: 'again' })).rejects.toMatchObject({
      code: 'ledger.already_reversed',
    });
    await expect(reverseStockMovement(ctx, reversal.id, { reason: 'undo' })).rejects.toMatchObject({
      code: 'ledger.reversal_of_reversal',
    });
    // The ledger itself refuses edits, whoever asks.
    await expect(
      store.owner.query('UPDATE stock_movements SET quantity = 1 WHERE id = $1', [transfer.id]),
    ).rejects.toThrow(/immutable/);
    await expect(
      store.owner.query('DELETE FROM stock_movements WHERE id = $1', [transfer.id]),
    ).rejects.toThrow(/immutable/);
  });

  it('lets concurrent movements never overdraw the same stock together', async () => {
    const [site, item] = await Promise.all([buildSite(ctx), buildItem(ctx)]);
    await recordStockMovement(ctx, {
      type: 'receipt',
      itemId: item.id,
      quantity: 100,
      unit: 'kg',
      toSiteId: site.id,
      occurredAt: at,
    });
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        recordStockMovement(ctx, {
          type: 'distribution',
          itemId: item.id,
          quantity: 15,
          unit: 'kg',
          fromSiteId: site.id,
          occurredAt: at,
        }),
      ),
    );
    const done = attempts.filter((a) => a.status === 'fulfilled').length;
    expect(done).toBe(6);
    for (const attempt of attempts) {
      if (attempt.status === 'rejected')
        expect(attempt.reason).toMatchObject({ code: 'ledger.insufficient_stock' });
    }
    expect(await stockOf(site.id, item.id)).toBe(10);
  });

  it('never leaves negative stock, whatever the sequence of movements (property)', async () => {
    const sites = await Promise.all([buildSite(ctx), buildSite(ctx), buildSite(ctx)]);
    const item = await buildItem(ctx);
    const siteIndex = fc.integer({ min: 0, max: 2 });
    const move = fc.oneof(
      fc.record({ type: fc.constant('receipt' as const), to: siteIndex, q: fc.integer({ min: 1, max: 50 }) }),
      fc.record({
        type: fc.constantFrom('distribution' as const, 'loss' as const, 'dispatch' as const),
        from: siteIndex,
        q: fc.integer({ min: 1, max: 60 }),
      }),
      fc.record({
        type: fc.constant('transfer' as const),
        from: siteIndex,
        to: siteIndex,
        q: fc.integer({ min: 1, max: 60 }),
      }),
      fc.record({ type: fc.constant('reverse' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(move, { minLength: 1, maxLength: 15 }), async (moves) => {
        const model = new Map<string, number>(
          await Promise.all(sites.map(async (s) => [s.id, await stockOf(s.id, item.id)] as [string, number])),
        );
        const done: { id: string; from?: string; to?: string; q: number }[] = [];
        for (const m of moves) {
          if (m.type === 'reverse') {
            const target = done.length ? done.splice(m.pick % done.length, 1)[0] : undefined;
            if (!target) continue;
            const ok = !target.to || (model.get(target.to) ?? 0) >= target.q;
            const result = await reverseStockMovement(ctx, target.id, { reason: 'property test' }).then(
              () => true,
              (e) => {
                expect(e).toMatchObject({ code: 'ledger.insufficient_stock' });
                return false;
              },
            );
            expect(result).toBe(ok);
            if (ok) {
              if (target.to) model.set(target.to, (model.get(target.to) ?? 0) - target.q);
              if (target.from) model.set(target.from, (model.get(target.from) ?? 0) + target.q);
            } else {
              done.push(target);
            }
            continue;
          }
          const from = 'from' in m ? sites[m.from]?.id : undefined;
          const to = 'to' in m ? sites[m.to]?.id : undefined;
          if (m.type === 'transfer' && from === to) continue;
          const ok = !from || (model.get(from) ?? 0) >= m.q;
          const input = {
            type: m.type,
            itemId: item.id,
            quantity: m.q,
            unit: 'kg',
            fromSiteId: from,
            toSiteId: to,
            occurredAt: at,
          };
          const result = await recordStockMovement(ctx, input).then(
            (v) => v,
            (e) => {
              expect(e).toMatchObject({ code: 'ledger.insufficient_stock' });
              return undefined;
            },
          );
          expect(Boolean(result)).toBe(ok);
          if (result) {
            if (from) model.set(from, (model.get(from) ?? 0) - m.q);
            if (to) model.set(to, (model.get(to) ?? 0) + m.q);
            done.push({ id: result.id, from, to, q: m.q });
          }
        }
        for (const site of sites) {
          const stock = await stockOf(site.id, item.id);
          expect(stock).toBeGreaterThanOrEqual(0);
          expect(stock).toBe(model.get(site.id));
        }
      }),
      { numRuns: 25 },
    );
    const negatives = await store.db.query('SELECT 1 FROM stock_balances WHERE quantity < 0');
    expect(negatives.rowCount).toBe(0);
  }, 120_000);
});

describe('the restore switch', () => {
  it('is the owner’s alone: the application role cannot make the ledger skip its balances', async () => {
    const [site, item] = await Promise.all([buildSite(ctx), buildItem(ctx)]);
    const client = await store.db.connect();
    let refused = false;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL tansiq.restoring = 'on'`);
      await client.query(
        `INSERT INTO stock_movements (operation_id, id, type, item_id, quantity, entered_quantity, entered_unit,
                                      from_kind, from_ref, to_kind, occurred_at)
         VALUES ('00000000-0000-7000-8000-000000000001', gen_random_uuid(), 'distribution', $1, 5, 5, 'kg',
                 'site', $2, 'beneficiaries', now())`,
        [item.id, site.id],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      expect(error).toMatchObject({ code: '23514' });
      refused = true;
    } finally {
      client.release();
    }
    // The balance trigger still ran: taking stock that is not there was refused.
    expect(refused).toBe(true);
    expect(await stockOf(site.id, item.id)).toBe(0);
    const negatives = await store.db.query('SELECT 1 FROM stock_balances WHERE quantity < 0');
    expect(negatives.rowCount).toBe(0);
  });
});
