import { stockOnHand } from '../store/ledger.ts';
import type { Ctx } from './context.ts';

/** Stock on hand per site and item, derived from the ledger. */
export async function reportStock(
  ctx: Ctx,
  query: { operationId?: string; itemId?: string; siteId?: string },
) {
  const rows = await stockOnHand(ctx.db, query);
  return {
    items: rows.map((row) => ({
      siteId: row.site_id,
      itemId: row.item_id,
      quantity: Number(row.quantity),
      baseUnit: row.base_unit,
    })),
  };
}
