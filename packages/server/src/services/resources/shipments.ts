import {
  AppError,
  ShipmentInput,
  type ShipmentLineInput,
  ShipmentListQuery,
  ShipmentPatch,
  ShipmentView,
  shipmentStatuses,
  toBaseQuantity,
  uuidv7,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import type { Db } from '../../store/db.ts';
import { balanceKey, balancesOf, itemsByIds, type MovementRow } from '../../store/ledger.ts';
import { existingIds, type Row } from '../../store/registry.ts';
import {
  dispatchedShipments,
  donorsOf,
  type LineRow,
  linesOf,
  type NewLine,
  replaceDonors,
  replaceLines,
} from '../../store/shipments.ts';
import { statusEventsOf } from '../../store/status-events.ts';
import { appendLedger } from '../append-ledger.ts';
import type { Ctx } from '../context.ts';
import { presentStatusEvent } from '../record-status-event.ts';
import {
  defined,
  defineResource,
  meta,
  periodColumns,
  presentPeriod,
  titleColumns,
  titlesOf,
} from '../resource.ts';

interface ShipmentExtra {
  donorIds: string[];
  lines: ShipmentView['lines'];
  history: ShipmentView['statusHistory'];
}

/** Each shipment's lines with their quantity in the item's base unit: one lookup of the items for all. */
async function preparedLines(
  tx: Db,
  shipments: readonly { row: Row; lines: readonly ShipmentLineInput[] }[],
  now: number,
): Promise<{ operationId: string; shipmentId: string; lines: NewLine[] }[]> {
  const items = await itemsByIds(
    tx,
    shipments.flatMap((s) => s.lines.map((line) => line.itemId)),
  );
  return shipments.map(({ row, lines }) => ({
    operationId: String(row.operation_id),
    shipmentId: row.id,
    lines: lines.map((line, index) => {
      const item = items.get(line.itemId);
      if (!item) {
        throw new AppError('record.reference_missing', {
          field: `lines.${index}.itemId`,
          resource: 'item',
          value: line.itemId,
        });
      }
      let baseQuantity: number;
      try {
        baseQuantity = toBaseQuantity(
          { baseUnit: item.base_unit, conversions: item.conversions },
          line.quantity,
          line.unit,
        );
      } catch (error) {
        if (error instanceof AppError)
          throw new AppError(error.code, { ...error.details, field: `lines.${index}.unit` });
        throw error;
      }
      return {
        id: line.id ?? uuidv7(now),
        itemId: line.itemId,
        quantity: line.quantity,
        unit: line.unit,
        baseQuantity,
        approximate: line.approximate,
      };
    }),
  }));
}

/** The ledger lines that put a shipment's goods in (or back out of) its pipeline. */
async function pipelineMovements(
  ctx: Ctx,
  tx: Db,
  row: Row,
  occurredOn: string,
  direction: 'dispatch' | 'return',
): Promise<MovementRow[]> {
  const lines = await linesOf(tx, [row.id]);
  if (lines.length === 0) throw new AppError('shipment.not_dispatched', { id: row.id });
  const originSite = (row.origin_site_id as string | null) ?? null;
  const origin: [MovementRow['from_kind'], string | null] = originSite
    ? ['site', originSite]
    : ['external', null];
  const pipeline: [MovementRow['from_kind'], string | null] = ['pipeline', row.id];
  const remaining =
    direction === 'return'
      ? await balancesOf(
          tx,
          String(row.operation_id),
          lines.map((l) => ({ kind: 'pipeline' as const, ref: row.id, itemId: l.item_id })),
        )
      : undefined;
  const movements: MovementRow[] = [];
  const returnedItems = new Set<string>();
  for (const line of lines) {
    let quantity = Number(line.base_quantity);
    if (remaining) {
      // A return sends back what is still in the pipeline, once per item.
      if (returnedItems.has(line.item_id)) continue;
      returnedItems.add(line.item_id);
      quantity = remaining.get(balanceKey('pipeline', row.id, line.item_id)) ?? 0;
      if (quantity <= 0) continue;
    }
    const [from, to] = direction === 'dispatch' ? [origin, pipeline] : [pipeline, origin];
    movements.push({
      operation_id: String(row.operation_id),
      id: uuidv7(ctx.now().getTime()),
      type: direction,
      item_id: line.item_id,
      quantity,
      entered_quantity: remaining ? quantity : Number(line.quantity),
      entered_unit: remaining ? 'base' : line.unit,
      from_kind: from[0],
      from_ref: from[1],
      to_kind: to[0],
      to_ref: to[1],
      occurred_at: occurredOn,
      place_admin_unit_id: (row.destination_admin_unit_id as string | null) ?? null,
      organization_id: (row.consignee_id as string | null) ?? null,
      reason: null,
      reverses_id: null,
      shipment_id: row.id,
      distribution_id: null,
    });
  }
  return movements;
}

export const shipments = defineResource({
  resource: 'shipment',
  write: 'records.write',
  path: 'shipments',
  table: {
    table: 'shipments',
    columns: [
      'operation_id',
      'reference',
      'title_ar',
      'title_en',
      'consignee_id',
      'origin_site_id',
      'origin_admin_unit_id',
      'origin_text',
      'destination_admin_unit_id',
      'destination_site_id',
      'destination_site_types',
      'destination_text',
      'mode',
      'period_start',
      'period_end',
      'date_precision',
      'sensitivity',
    ],
    derived: `t.status, aid_political_condition('shipment', t.id) AS political_condition`,
  },
  input: ShipmentInput,
  patch: ShipmentPatch,
  query: ShipmentListQuery,
  view: ShipmentView,
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      reference: input.reference,
      ...titleColumns(input.titles),
      consignee_id: input.consigneeId,
      origin_site_id: input.originSiteId,
      origin_admin_unit_id: input.origin === undefined ? undefined : (input.origin.adminUnitId ?? null),
      origin_text: input.origin === undefined ? undefined : (input.origin.text ?? null),
      destination_admin_unit_id:
        input.destination === undefined ? undefined : (input.destination.adminUnitId ?? null),
      destination_site_id: input.destination === undefined ? undefined : (input.destination.siteId ?? null),
      destination_text: input.destination === undefined ? undefined : (input.destination.text ?? null),
      destination_site_types: input.destinationSiteTypes,
      mode: input.mode,
      ...periodColumns(input.period),
      sensitivity: input.sensitivity,
    }),
  present: (row, extra) => {
    const children = extra as ShipmentExtra | undefined;
    return {
      ...meta(row),
      operationId: String(row.operation_id),
      reference: (row.reference as string | null) ?? null,
      titles: titlesOf(row),
      donorIds: children?.donorIds ?? [],
      consigneeId: (row.consignee_id as string | null) ?? null,
      originSiteId: (row.origin_site_id as string | null) ?? null,
      origin: {
        adminUnitId: (row.origin_admin_unit_id as string | null) ?? null,
        text: (row.origin_text as string | null) ?? null,
      },
      destination: {
        adminUnitId: (row.destination_admin_unit_id as string | null) ?? null,
        siteId: (row.destination_site_id as string | null) ?? null,
        text: (row.destination_text as string | null) ?? null,
      },
      destinationSiteTypes: (row.destination_site_types as string[]) ?? [],
      mode: row.mode as ShipmentView['mode'],
      status: row.status as ShipmentView['status'],
      statusHistory: children?.history ?? [],
      period: presentPeriod(row),
      sensitivity: row.sensitivity as ShipmentView['sensitivity'],
      lines: children?.lines ?? [],
      conditionedOnPoliticalAgreement: row.political_condition === true,
    };
  },
  children: {
    // The lists of all the shipments written at once, in a few statements: an import writes thousands.
    write: async (ctx, tx, parents) => {
      const withDonors = parents.filter((p) => Array.isArray(p.input.donorIds));
      if (withDonors.length > 0) {
        const known = await existingIds(
          tx,
          'organizations',
          withDonors.flatMap((p) => p.input.donorIds as string[]),
        );
        for (const { input } of withDonors) {
          const donorIds = input.donorIds as string[];
          const missing = donorIds.findIndex((id) => !known.has(id));
          if (missing >= 0) {
            throw new AppError('record.reference_missing', {
              field: `donorIds.${missing}`,
              resource: 'organization',
              value: donorIds[missing],
            });
          }
        }
        await replaceDonors(
          tx,
          withDonors.map(({ row, input }) => ({
            operationId: String(row.operation_id),
            shipmentId: row.id,
            donorIds: input.donorIds as string[],
          })),
        );
      }
      const withLines = parents.filter((p) => Array.isArray(p.input.lines));
      if (withLines.length > 0) {
        const dispatched = await dispatchedShipments(
          tx,
          withLines.map((p) => p.id),
        );
        const locked = withLines.find((p) => dispatched.has(p.row.id));
        if (locked) throw new AppError('shipment.lines_locked', { id: locked.row.id });
        const lines = await preparedLines(
          tx,
          withLines.map(({ row, input }) => ({ row, lines: input.lines as ShipmentLineInput[] })),
          ctx.now().getTime(),
        );
        await replaceLines(tx, lines);
      }
    },
    load: async (db, rows) => {
      const ids = rows.map((row) => row.id);
      // One after the other: `db` may be a transaction's single connection.
      const donors = await donorsOf(db, ids);
      const lines = await linesOf(db, ids);
      const events = await statusEventsOf(db, ids);
      const dispatched = await dispatchedShipments(db, ids);
      // Lines come ordered by shipment: one pass groups them (a page of an export has thousands).
      const linesBy = new Map<string, LineRow[]>();
      for (const line of lines) {
        const mine = linesBy.get(line.shipment_id);
        if (mine) mine.push(line);
        else linesBy.set(line.shipment_id, [line]);
      }
      return new Map(
        rows.map((row): [string, ShipmentExtra] => [
          row.id,
          {
            donorIds: donors.get(row.id) ?? [],
            history: (events.get(row.id) ?? []).map(presentStatusEvent),
            lines: (linesBy.get(row.id) ?? []).map((line) => {
              const base = Number(line.base_quantity);
              const sent = dispatched.has(row.id) ? base : 0;
              const received = Number(line.received);
              const discrepancy = Number(line.discrepancy);
              return {
                id: line.id,
                itemId: line.item_id,
                quantity: Number(line.quantity),
                unit: line.unit,
                baseQuantity: base,
                approximate: line.approximate,
                dispatched: sent,
                received,
                discrepancy,
                inPipeline: Math.max(0, sent - received - discrepancy),
              };
            }),
          },
        ]),
      );
    },
  },
  statuses: {
    values: shipmentStatuses,
    onEvent: async (ctx, tx, row, event) => {
      const dispatched = (await dispatchedShipments(tx, [row.id])).has(row.id);
      if (event.status === 'dispatched' && !dispatched) {
        await appendLedger(tx, await pipelineMovements(ctx, tx, row, event.occurredOn, 'dispatch'));
      } else if (event.status === 'returned' && dispatched) {
        await appendLedger(tx, await pipelineMovements(ctx, tx, row, event.occurredOn, 'return'));
      } else if (event.status === 'cancelled' && dispatched) {
        throw new AppError('shipment.lines_locked', { id: row.id });
      }
    },
  },
  searchText: (row) =>
    searchTerms(
      row.reference as string,
      row.title_ar as string,
      row.title_en as string,
      row.origin_text as string,
      row.destination_text as string,
    ),
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    { field: 'consigneeId', column: 'consignee_id', table: 'organizations', resource: 'organization' },
    { field: 'originSiteId', column: 'origin_site_id', table: 'sites', resource: 'site' },
    {
      field: 'origin.adminUnitId',
      column: 'origin_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    {
      field: 'destination.adminUnitId',
      column: 'destination_admin_unit_id',
      table: 'admin_units',
      resource: 'admin-unit',
    },
    { field: 'destination.siteId', column: 'destination_site_id', table: 'sites', resource: 'site' },
  ],
  uniques: { shipments_pkey: 'id' },
  filters: {
    operationId: 'operation_id',
    status: 'status',
    consigneeId: 'consignee_id',
    itemId: 'EXISTS (SELECT 1 FROM shipment_lines l WHERE l.shipment_id = t.id AND l.item_id = $?)',
    destinationAdminUnitId: 'admin_unit_within(t.destination_admin_unit_id, $?)',
    conditionedOnPoliticalAgreement: `aid_political_condition('shipment', t.id)`,
  },
  sorts: {
    createdAt: 'created_at',
    updatedAt: 'updated_at',
    periodStart: 'period_start',
    reference: 'reference',
  },
  defaultSort: 'createdAt',
});
