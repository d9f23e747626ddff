import { AppError } from '@tansiq/core';
import type { Db } from '../store/db.ts';
import {
  type BalanceKey,
  balanceKey,
  balancesOf,
  insertMovements,
  type MovementRow,
  type StoredMovement,
} from '../store/ledger.ts';

interface PgError {
  code?: string;
  constraint?: string;
}

const tracked = (kind: string): kind is 'site' | 'pipeline' => kind === 'site' || kind === 'pipeline';

/**
 * Appends ledger lines inside the caller's transaction, in a savepoint so that a refusal leaves
 * the transaction usable for the explanation. The database refuses stock below zero (a CHECK on
 * the derived balances, under the balance row's lock, so concurrent movements cannot together
 * overdraw); this turns the refusal into `ledger.insufficient_stock` naming the first line that
 * overdraws, what is available and what was asked.
 */
export async function appendLedger(
  tx: Db,
  rows: readonly MovementRow[],
  returning = false,
): Promise<StoredMovement[]> {
  await tx.query('SAVEPOINT ledger_append');
  try {
    const stored = await insertMovements(tx, rows, returning);
    await tx.query('RELEASE SAVEPOINT ledger_append');
    return stored;
  } catch (error) {
    await tx.query('ROLLBACK TO SAVEPOINT ledger_append');
    const pgError = error as PgError;
    if (pgError.code === '23514' && pgError.constraint === 'stock_balances_not_negative') {
      throw await explainShortfall(tx, rows, error);
    }
    throw error;
  }
}

async function explainShortfall(tx: Db, rows: readonly MovementRow[], cause: unknown): Promise<AppError> {
  const keys: BalanceKey[] = [];
  for (const row of rows) {
    if (tracked(row.from_kind) && row.from_ref)
      keys.push({ kind: row.from_kind, ref: row.from_ref, itemId: row.item_id });
    if (tracked(row.to_kind) && row.to_ref)
      keys.push({ kind: row.to_kind, ref: row.to_ref, itemId: row.item_id });
  }
  const operationId = rows[0]?.operation_id ?? '';
  const balances = await balancesOf(tx, operationId, keys);
  for (const [index, row] of rows.entries()) {
    if (tracked(row.to_kind) && row.to_ref) {
      const key = balanceKey(row.to_kind, row.to_ref, row.item_id);
      balances.set(key, (balances.get(key) ?? 0) + row.quantity);
    }
    if (tracked(row.from_kind) && row.from_ref) {
      const key = balanceKey(row.from_kind, row.from_ref, row.item_id);
      const available = balances.get(key) ?? 0;
      if (available < row.quantity) {
        return new AppError(
          'ledger.insufficient_stock',
          {
            itemId: row.item_id,
            account: row.from_kind,
            [row.from_kind === 'site' ? 'siteId' : 'shipmentId']: row.from_ref,
            available,
            requested: row.quantity,
            ...(rows.length > 1 ? { index } : {}),
          },
          { cause },
        );
      }
      balances.set(key, available - row.quantity);
    }
  }
  // Another transaction took the stock between the refusal and this look: say so plainly.
  return new AppError(
    'ledger.insufficient_stock',
    { available: 0, requested: rows[0]?.quantity ?? 0 },
    { cause },
  );
}
