import type { Db } from './db.ts';

export type AccountKind = 'site' | 'pipeline' | 'external' | 'beneficiaries' | 'loss' | 'adjustment';

export interface MovementRow {
  operation_id: string;
  id: string;
  type: string;
  item_id: string;
  quantity: number;
  entered_quantity: number;
  entered_unit: string;
  from_kind: AccountKind;
  from_ref: string | null;
  to_kind: AccountKind;
  to_ref: string | null;
  occurred_at: string | Date;
  place_admin_unit_id: string | null;
  organization_id: string | null;
  reason: string | null;
  reverses_id: string | null;
  shipment_id: string | null;
  distribution_id: string | null;
}

export interface StoredMovement extends Omit<MovementRow, 'occurred_at' | 'quantity' | 'entered_quantity'> {
  quantity: string;
  entered_quantity: string;
  occurred_at: Date;
  recorded_at: Date;
  /** recorded_at to the microsecond, for keyset cursors (a JS Date keeps milliseconds). */
  recorded_at_exact?: string;
}

/** The ledger's columns in insert order (the bench's COPY uses the same list). */
export const movementColumns = [
  'operation_id',
  'id',
  'type',
  'item_id',
  'quantity',
  'entered_quantity',
  'entered_unit',
  'from_kind',
  'from_ref',
  'to_kind',
  'to_ref',
  'occurred_at',
  'place_admin_unit_id',
  'organization_id',
  'reason',
  'reverses_id',
  'shipment_id',
  'distribution_id',
] as const;

const movementTypes = [
  'uuid',
  'uuid',
  'text',
  'uuid',
  'numeric',
  'numeric',
  'text',
  'text',
  'uuid',
  'text',
  'uuid',
  'timestamptz',
  'uuid',
  'uuid',
  'text',
  'uuid',
  'uuid',
  'uuid',
] as const;

/**
 * Appends ledger lines. One statement per call (unnest of column arrays: 18 parameters whatever
 * the batch size); the balance trigger refuses the whole statement if any stock would go below
 * zero. RETURNING only when the caller presents the rows.
 */
export async function insertMovements(
  db: Db,
  rows: readonly MovementRow[],
  returning = false,
): Promise<StoredMovement[]> {
  if (rows.length === 0) return [];
  const arrays = movementColumns.map((column) => rows.map((row) => row[column]));
  const result = await db.query<StoredMovement>(
    `INSERT INTO stock_movements (${movementColumns.join(', ')})
     SELECT * FROM unnest(${movementTypes.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
     ${returning ? 'RETURNING *' : ''}`,
    arrays,
  );
  return result.rows;
}

export async function findMovement(db: Db, id: string): Promise<StoredMovement | undefined> {
  const result = await db.query<StoredMovement>('SELECT * FROM stock_movements WHERE id = $1', [id]);
  return result.rows[0];
}

export async function isReversed(db: Db, operationId: string, id: string): Promise<boolean> {
  const result = await db.query(
    'SELECT 1 FROM stock_movements WHERE operation_id = $1 AND reverses_id = $2',
    [operationId, id],
  );
  return (result.rowCount ?? 0) > 0;
}

export interface MovementFilter {
  operationId?: string;
  itemId?: string;
  siteId?: string;
  type?: string;
  shipmentId?: string;
  from?: string;
  to?: string;
  limit: number;
  /** Keyset: movements recorded before this (recorded_at, id), newest first. */
  before?: { recordedAt: string; id: string };
}

export async function listMovements(db: Db, filter: MovementFilter): Promise<StoredMovement[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (filter.operationId) add('operation_id = $?', filter.operationId);
  if (filter.itemId) add('item_id = $?', filter.itemId);
  if (filter.siteId)
    add("((from_kind = 'site' AND from_ref = $?) OR (to_kind = 'site' AND to_ref = $?))", filter.siteId);
  if (filter.type) add('type = $?', filter.type);
  if (filter.shipmentId) add('shipment_id = $?', filter.shipmentId);
  if (filter.from) add('occurred_at >= $?', filter.from);
  if (filter.to) add('occurred_at < $?', filter.to);
  if (filter.before) {
    params.push(filter.before.recordedAt, filter.before.id);
    where.push(`(recorded_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const result = await db.query<StoredMovement>(
    `SELECT *, recorded_at::text AS recorded_at_exact FROM stock_movements ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY recorded_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return result.rows;
}

export interface BalanceKey {
  kind: 'site' | 'pipeline';
  ref: string;
  itemId: string;
}

/** Current balances of the given accounts (missing accounts hold zero). */
export async function balancesOf(
  db: Db,
  operationId: string,
  keys: readonly BalanceKey[],
): Promise<Map<string, number>> {
  const result = await db.query<{
    account_kind: string;
    account_ref: string;
    item_id: string;
    quantity: string;
  }>(
    `SELECT b.account_kind, b.account_ref, b.item_id, b.quantity FROM stock_balances b
     JOIN unnest($2::text[], $3::uuid[], $4::uuid[]) AS k(kind, ref, item)
       ON b.account_kind = k.kind AND b.account_ref = k.ref AND b.item_id = k.item
     WHERE b.operation_id = $1`,
    [operationId, keys.map((k) => k.kind), keys.map((k) => k.ref), keys.map((k) => k.itemId)],
  );
  return new Map(
    result.rows.map((row) => [
      balanceKey(row.account_kind, row.account_ref, row.item_id),
      Number(row.quantity),
    ]),
  );
}

export function balanceKey(kind: string, ref: string, itemId: string): string {
  return `${kind}:${ref}:${itemId}`;
}

export interface StockRowOut {
  site_id: string;
  item_id: string;
  quantity: string;
  base_unit: string;
}

export async function stockOnHand(
  db: Db,
  filter: { operationId?: string; itemId?: string; siteId?: string },
): Promise<StockRowOut[]> {
  const result = await db.query<StockRowOut>(
    `SELECT b.account_ref AS site_id, b.item_id, b.quantity, i.base_unit
     FROM stock_balances b JOIN items i ON i.id = b.item_id
     WHERE b.account_kind = 'site' AND b.quantity > 0
       AND ($1::uuid IS NULL OR b.operation_id = $1)
       AND ($2::uuid IS NULL OR b.item_id = $2)
       AND ($3::uuid IS NULL OR b.account_ref = $3)
     ORDER BY b.account_ref, b.item_id`,
    [filter.operationId ?? null, filter.itemId ?? null, filter.siteId ?? null],
  );
  return result.rows;
}

export interface ItemUnitsRow {
  id: string;
  base_unit: string;
  conversions: { unit: string; factor: number }[];
  sector: string;
}

export async function itemsByIds(db: Db, ids: readonly string[]): Promise<Map<string, ItemUnitsRow>> {
  const result = await db.query<ItemUnitsRow>(
    'SELECT id, base_unit, conversions, sector FROM items WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [[...new Set(ids)]],
  );
  return new Map(result.rows.map((row) => [row.id, row]));
}

export async function siteUnits(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const result = await db.query<{ id: string; admin_unit_id: string | null }>(
    'SELECT id, admin_unit_id FROM sites WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [[...new Set(ids)]],
  );
  return new Map(result.rows.map((row) => [row.id, row.admin_unit_id]));
}
