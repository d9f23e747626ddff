import {
  AppError,
  type ReverseMovementInput,
  ReverseMovementInput as ReverseSchema,
  type StockMovementView,
  uuidv7,
} from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { findMovement, isReversed } from '../store/ledger.ts';
import { requireOwnSite } from './access.ts';
import { appendLedger } from './append-ledger.ts';
import type { Ctx } from './context.ts';
import { presentMovement } from './record-stock-movements.ts';
import { validate } from './validate.ts';

/**
 * Corrects a ledger line the only way a ledger allows: a new line with the legs swapped, pointing
 * at the one it reverses. A line is reversed at most once; a reversal that would overdraw stock
 * (the goods were already moved on) is refused like any other movement.
 */
export async function reverseStockMovement(ctx: Ctx, id: string, raw: unknown): Promise<StockMovementView> {
  const input: ReverseMovementInput = validate(ReverseSchema, raw);
  return await inTransaction(ctx.db, async (tx) => {
    const original = await findMovement(tx, id);
    if (!original) throw new AppError('record.not_found', { resource: 'stock-movement', id });
    await requireOwnSite(ctx, tx, [
      original.from_kind === 'site' ? original.from_ref : null,
      original.to_kind === 'site' ? original.to_ref : null,
    ]);
    if (original.reverses_id) throw new AppError('ledger.reversal_of_reversal', { id });
    if (await isReversed(tx, original.operation_id, id))
      throw new AppError('ledger.already_reversed', { id });
    const [stored] = await appendLedger(
      tx,
      [
        {
          operation_id: original.operation_id,
          id: uuidv7(ctx.now().getTime()),
          type: original.type,
          item_id: original.item_id,
          quantity: Number(original.quantity),
          entered_quantity: Number(original.entered_quantity),
          entered_unit: original.entered_unit,
          from_kind: original.to_kind,
          from_ref: original.to_ref,
          to_kind: original.from_kind,
          to_ref: original.from_ref,
          occurred_at: input.occurredAt ?? ctx.now().toISOString(),
          place_admin_unit_id: original.place_admin_unit_id,
          organization_id: original.organization_id,
          reason: input.reason,
          reverses_id: original.id,
          shipment_id: original.shipment_id,
          distribution_id: original.distribution_id,
        },
      ],
      true,
    );
    if (!stored) throw new AppError('internal');
    return presentMovement(stored);
  });
}
