import { AppError, type StockMovementListQuery, type StockMovementView } from '@tansiq/core';
import { findMovement, listMovements } from '../store/ledger.ts';
import type { Ctx } from './context.ts';
import { presentMovement } from './record-stock-movements.ts';

function decodeCursor(cursor: string | undefined): { recordedAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      r?: unknown;
      i?: unknown;
    };
    if (typeof parsed.r === 'string' && typeof parsed.i === 'string')
      return { recordedAt: parsed.r, id: parsed.i };
  } catch {
    // fall through
  }
  throw new AppError('validation.invalid', { fields: [{ field: 'cursor', code: 'invalid' }] });
}

/** The ledger, newest first, with a keyset cursor: it grows by millions of lines. */
export async function listStockMovements(
  ctx: Ctx,
  query: StockMovementListQuery,
): Promise<{ items: StockMovementView[]; nextCursor: string | null }> {
  const rows = await listMovements(ctx.db, {
    ...query,
    before: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentMovement),
    nextCursor:
      rows.length > query.limit && last
        ? Buffer.from(
            JSON.stringify({ r: last.recorded_at_exact ?? last.recorded_at.toISOString(), i: last.id }),
          ).toString('base64url')
        : null,
  };
}

export async function getStockMovement(ctx: Ctx, id: string): Promise<StockMovementView> {
  const row = await findMovement(ctx.db, id);
  if (!row) throw new AppError('record.not_found', { resource: 'stock-movement', id });
  return presentMovement(row);
}
