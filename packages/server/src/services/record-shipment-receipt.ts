import {
  AppError,
  ShipmentReceiptInput as ReceiptSchema,
  type ShipmentReceiptInput,
  type ShipmentView,
  toBaseQuantity,
  uuidv7,
} from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { itemsByIds, type MovementRow, siteUnits } from '../store/ledger.ts';
import { findRow } from '../store/registry.ts';
import { dispatchedShipments, insertReceipt, linesOf } from '../store/shipments.ts';
import { appendLedger } from './append-ledger.ts';
import type { Ctx } from './context.ts';
import { applyStatusEvents } from './record-status-event.ts';
import { presentRows } from './resource.ts';
import { shipments } from './resources/shipments.ts';
import { validate } from './validate.ts';

/**
 * Records what arrived of a shipment line, and what did not with its reason. The received
 * quantity leaves the shipment's pipeline for the receiving site (or the consignee, when its
 * stock is not kept here); the missing quantity goes to loss. Nothing can be received that was
 * not dispatched, so dispatched = received + missing + still in the pipeline, always. The
 * shipment's status follows: received when every line is accounted for, else received_partial.
 */
export async function recordShipmentReceipt(
  ctx: Ctx,
  shipmentId: string,
  raw: unknown,
): Promise<ShipmentView> {
  const input: ShipmentReceiptInput = validate(ReceiptSchema, raw);
  return await inTransaction(ctx.db, async (tx) => {
    const shipment = await findRow(tx, shipments.table, shipmentId, true);
    if (!shipment) throw new AppError('record.not_found', { resource: 'shipment', id: shipmentId });
    if (!(await dispatchedShipments(tx, [shipmentId])).has(shipmentId)) {
      throw new AppError('shipment.not_dispatched', { id: shipmentId });
    }
    const lines = await linesOf(tx, [shipmentId]);
    const line = lines.find((l) => l.id === input.lineId);
    if (!line)
      throw new AppError('record.reference_missing', {
        field: 'lineId',
        resource: 'shipment',
        value: input.lineId,
      });
    const item = (await itemsByIds(tx, [line.item_id])).get(line.item_id);
    if (!item)
      throw new AppError('record.reference_missing', {
        field: 'lineId',
        resource: 'item',
        value: line.item_id,
      });
    const units = { baseUnit: item.base_unit, conversions: item.conversions };
    const unit = input.unit ?? line.unit;
    const received = toBaseQuantity(units, input.receivedQuantity, unit);
    const missing = toBaseQuantity(units, input.discrepancyQuantity, unit);
    const open = Number(line.base_quantity) - Number(line.received) - Number(line.discrepancy);
    if (received + missing > open + 1e-9) {
      throw new AppError('shipment.receipt_exceeds_dispatched', {
        available: open,
        requested: received + missing,
      });
    }
    const siteId = input.siteId ?? null;
    const siteUnit = siteId ? (await siteUnits(tx, [siteId])).get(siteId) : undefined;
    if (siteId && siteUnit === undefined) {
      throw new AppError('record.reference_missing', { field: 'siteId', resource: 'site', value: siteId });
    }
    const operationId = String(shipment.operation_id);
    await insertReceipt(tx, {
      operationId,
      id: uuidv7(ctx.now().getTime()),
      shipmentId,
      lineId: line.id,
      receivedOn: input.receivedOn,
      receivedQuantity: received,
      discrepancyQuantity: missing,
      discrepancyReason: input.discrepancyReason ?? null,
      siteId,
    });
    const leg = (
      to: MovementRow['to_kind'],
      toRef: string | null,
      quantity: number,
      reason: string | null,
    ): MovementRow => ({
      operation_id: operationId,
      id: uuidv7(ctx.now().getTime()),
      type: to === 'loss' ? 'loss' : 'receipt',
      item_id: line.item_id,
      quantity,
      entered_quantity: to === 'loss' ? input.discrepancyQuantity : input.receivedQuantity,
      entered_unit: unit,
      from_kind: 'pipeline',
      from_ref: shipmentId,
      to_kind: to,
      to_ref: toRef,
      occurred_at: input.receivedOn,
      place_admin_unit_id: siteUnit ?? (shipment.destination_admin_unit_id as string | null) ?? null,
      organization_id: (shipment.consignee_id as string | null) ?? null,
      reason,
      reverses_id: null,
      shipment_id: shipmentId,
      distribution_id: null,
    });
    const movements: MovementRow[] = [];
    if (received > 0) movements.push(leg(siteId ? 'site' : 'external', siteId, received, null));
    if (missing > 0) movements.push(leg('loss', null, missing, input.discrepancyReason ?? null));
    await appendLedger(tx, movements);

    const accounted = lines.every((l) => {
      const extra = l.id === line.id ? received + missing : 0;
      return Number(l.received) + Number(l.discrepancy) + extra >= Number(l.base_quantity) - 1e-9;
    });
    const status = accounted ? 'received' : 'received_partial';
    const updated = await applyStatusEvents(ctx, tx, shipments, shipment, [
      { status, occurredOn: input.receivedOn, precision: 'day' },
    ]);
    const [view] = await presentRows(tx, shipments, [updated]);
    return view as ShipmentView;
  });
}
