import {
  AppError,
  type StockMovementInput,
  StockMovementInput as StockMovementSchema,
  type StockMovementView,
  toBaseQuantity,
  uuidv7,
} from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import {
  type AccountKind,
  itemsByIds,
  type MovementRow,
  type StoredMovement,
  siteUnits,
} from '../store/ledger.ts';
import { existingIds } from '../store/registry.ts';
import { requireOwnSite } from './access.ts';
import { appendLedger } from './append-ledger.ts';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

/** The two legs each movement type moves stock between. */
export function legsOf(input: Pick<StockMovementInput, 'type' | 'fromSiteId' | 'toSiteId'>): {
  from: [AccountKind, string | null];
  to: [AccountKind, string | null];
} {
  const from = input.fromSiteId ?? null;
  const to = input.toSiteId ?? null;
  switch (input.type) {
    case 'receipt':
      return { from: ['external', null], to: ['site', to] };
    case 'dispatch':
      return { from: ['site', from], to: ['external', null] };
    case 'transfer':
      return { from: ['site', from], to: ['site', to] };
    case 'distribution':
      return { from: ['site', from], to: ['beneficiaries', null] };
    case 'loss':
      return { from: ['site', from], to: ['loss', null] };
    case 'adjustment':
      return from
        ? { from: ['site', from], to: ['adjustment', null] }
        : { from: ['adjustment', null], to: ['site', to] };
  }
}

export function presentMovement(row: StoredMovement): StockMovementView {
  return {
    id: row.id,
    operationId: row.operation_id,
    type: row.type as StockMovementView['type'],
    itemId: row.item_id,
    quantity: Number(row.quantity),
    enteredQuantity: Number(row.entered_quantity),
    enteredUnit: row.entered_unit,
    from: { kind: row.from_kind, ref: row.from_ref },
    to: { kind: row.to_kind, ref: row.to_ref },
    occurredAt: new Date(row.occurred_at).toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    placeAdminUnitId: row.place_admin_unit_id,
    organizationId: row.organization_id,
    reason: row.reason,
    reversesId: row.reverses_id,
    shipmentId: row.shipment_id,
    distributionId: row.distribution_id,
  };
}

/**
 * Records stock movements as ledger lines, all in one transaction or none: validated, units
 * converted to each item's base unit, sites and organizations checked. Imports and the bench send
 * thousands per call; `present: false` skips building views they do not read.
 */
export async function recordStockMovements(
  ctx: Ctx,
  inputs: readonly unknown[],
  options: { present?: boolean } = {},
): Promise<StockMovementView[]> {
  const batch = inputs.length > 1;
  const movements = inputs.map((raw, index) => validate(StockMovementSchema, raw, batch ? { index } : {}));
  return await inTransaction(ctx.db, async (tx) => {
    const items = await itemsByIds(
      tx,
      movements.map((m) => m.itemId),
    );
    const siteIds = movements
      .flatMap((m) => [m.fromSiteId, m.toSiteId])
      .filter((id): id is string => Boolean(id));
    const sites = await siteUnits(tx, siteIds);
    for (const m of movements) await requireOwnSite(ctx, tx, [m.fromSiteId, m.toSiteId]);
    const orgIds = movements.map((m) => m.organizationId).filter((id): id is string => Boolean(id));
    const orgs = await existingIds(tx, 'organizations', orgIds);
    const rows = movements.map((m, index): MovementRow => {
      const at = batch ? { index } : {};
      const item = items.get(m.itemId);
      if (!item)
        throw new AppError('record.reference_missing', {
          field: 'itemId',
          resource: 'item',
          value: m.itemId,
          ...at,
        });
      for (const field of ['fromSiteId', 'toSiteId'] as const) {
        const site = m[field];
        if (site && !sites.has(site)) {
          throw new AppError('record.reference_missing', { field, resource: 'site', value: site, ...at });
        }
      }
      if (m.organizationId && !orgs.has(m.organizationId)) {
        throw new AppError('record.reference_missing', {
          field: 'organizationId',
          resource: 'organization',
          value: m.organizationId,
          ...at,
        });
      }
      const { from, to } = legsOf(m);
      const placeSite = m.fromSiteId ?? m.toSiteId;
      return {
        operation_id: m.operationId,
        id: m.id ?? uuidv7(ctx.now().getTime()),
        type: m.type,
        item_id: m.itemId,
        quantity: toBaseQuantityAt(item, m.quantity, m.unit, at),
        entered_quantity: m.quantity,
        entered_unit: m.unit,
        from_kind: from[0],
        from_ref: from[1],
        to_kind: to[0],
        to_ref: to[1],
        occurred_at: m.occurredAt,
        place_admin_unit_id: placeSite ? (sites.get(placeSite) ?? null) : null,
        organization_id: m.organizationId ?? null,
        reason: m.reason ?? null,
        reverses_id: null,
        shipment_id: null,
        distribution_id: null,
      };
    });
    const stored = await appendLedger(tx, rows, options.present !== false);
    return stored.map(presentMovement);
  });
}

function toBaseQuantityAt(
  item: { base_unit: string; conversions: { unit: string; factor: number }[] },
  quantity: number,
  unit: string,
  at: Record<string, unknown>,
): number {
  try {
    return toBaseQuantity({ baseUnit: item.base_unit, conversions: item.conversions }, quantity, unit);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, { ...error.details, field: 'unit', ...at });
    throw error;
  }
}

export async function recordStockMovement(ctx: Ctx, input: unknown): Promise<StockMovementView> {
  const [view] = await recordStockMovements(ctx, [input]);
  return view as StockMovementView;
}
