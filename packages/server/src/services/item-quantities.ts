import { AppError, toBaseQuantity } from '@tansiq/core';
import type { Db } from '../store/db.ts';
import { itemsByIds } from '../store/ledger.ts';
import type { ColumnValues } from '../store/registry.ts';

/**
 * Fills `base_quantity` from `quantity` + `unit` with the item's own units, for rows whose item,
 * quantity or unit is being written (on update, the stored values fill the gaps).
 */
export async function fillBaseQuantities(
  tx: Db,
  rows: { values: ColumnValues; current?: Record<string, unknown> }[],
): Promise<void> {
  const pick = (row: (typeof rows)[number], column: string) =>
    column in row.values ? row.values[column] : row.current?.[column];
  const touched = rows.filter((row) => ['item_id', 'quantity', 'unit'].some((c) => c in row.values));
  const items = await itemsByIds(
    tx,
    touched.map((row) => pick(row, 'item_id')).filter((id): id is string => typeof id === 'string'),
  );
  for (const row of touched) {
    const itemId = pick(row, 'item_id');
    const quantity = pick(row, 'quantity');
    const unit = pick(row, 'unit');
    if (
      typeof itemId !== 'string' ||
      quantity === null ||
      quantity === undefined ||
      typeof unit !== 'string'
    ) {
      continue;
    }
    const item = items.get(itemId);
    if (!item)
      throw new AppError('record.reference_missing', { field: 'itemId', resource: 'item', value: itemId });
    try {
      row.values.base_quantity = toBaseQuantity(
        { baseUnit: item.base_unit, conversions: item.conversions },
        Number(quantity),
        unit,
      );
    } catch (error) {
      if (error instanceof AppError) throw new AppError(error.code, { ...error.details, field: 'unit' });
      throw error;
    }
  }
}
