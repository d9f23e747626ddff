import {
  PipelineQuery,
  PipelineRow,
  ReverseMovementInput,
  ShipmentReceiptInput,
  ShipmentView,
  StockMovementInput,
  StockMovementListQuery,
  StockMovementView,
  StockQuery,
  StockRow,
  ThreeWQuery,
  ThreeWRow,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import { getStockMovement, listStockMovements } from '../../services/list-stock-movements.ts';
import { recordShipmentReceipt } from '../../services/record-shipment-receipt.ts';
import { recordStockMovement } from '../../services/record-stock-movements.ts';
import { report3w } from '../../services/report-3w.ts';
import { reportPipeline } from '../../services/report-pipeline.ts';
import { reportStock } from '../../services/report-stock.ts';
import type { Resource } from '../../services/resource.ts';
import { shipments } from '../../services/resources/shipments.ts';
import { reverseStockMovement } from '../../services/reverse-stock-movement.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';
import { provenanceRoute } from './resources.ts';

const IdParams = z.object({ id: Uuid });

/** The stock ledger (append-only: no PATCH, no DELETE), shipment receipts, and pipeline reports. */
export const ledgerRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'GET',
    url: '/api/stock-movements',
    summary: 'Ledger lines, newest first (keyset cursor)',
    tag: 'stock-movements',
    access: 'signed_in',
    query: StockMovementListQuery,
    response: z.object({ items: z.array(StockMovementView), nextCursor: z.string().nullable() }),
    handler: ({ query }, req) => listStockMovements(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/stock-movements/:id',
    summary: 'One ledger line',
    tag: 'stock-movements',
    access: 'signed_in',
    params: IdParams,
    response: StockMovementView,
    handler: ({ params }, req) => getStockMovement(ctxOf(req), params.id),
  }),
  provenanceRoute('stock-movements', 'stock movement'),
  defineRoute({
    method: 'POST',
    url: '/api/stock-movements',
    summary: 'Record a stock movement (refused, with nothing written, if it would take stock below zero)',
    tag: 'stock-movements',
    access: 'records.write',
    body: StockMovementInput,
    response: StockMovementView,
    status: 201,
    handler: ({ body }, req) => recordStockMovement(ctxOf(req), body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/stock-movements/:id/reverse',
    summary: 'Correct a ledger line with a reversing entry',
    tag: 'stock-movements',
    access: 'records.write',
    params: IdParams,
    body: ReverseMovementInput,
    response: StockMovementView,
    status: 201,
    handler: ({ params, body }, req) => reverseStockMovement(ctxOf(req), params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/shipments/:id/receipts',
    record: { resource: shipments as Resource, write: true },
    summary: 'Record what arrived of a shipment line, and what did not (with a reason)',
    tag: 'shipments',
    access: 'records.write',
    params: IdParams,
    body: ShipmentReceiptInput,
    response: ShipmentView,
    status: 201,
    handler: ({ params, body }, req) => recordShipmentReceipt(ctxOf(req), params.id, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/pipeline',
    summary: 'Pledged → dispatched → received → distributed, lost, in pipeline and in stock, per item',
    tag: 'reports',
    access: 'signed_in',
    query: PipelineQuery,
    response: z.object({ items: z.array(PipelineRow) }),
    handler: ({ query }, req) => reportPipeline(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/3w',
    summary: 'Who does what where: organization × sector × governorate × period',
    tag: 'reports',
    access: 'signed_in',
    query: ThreeWQuery,
    response: z.object({ items: z.array(ThreeWRow) }),
    handler: ({ query }, req) => report3w(ctxOf(req), query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/reports/stock',
    summary: 'Stock on hand per site and item (derived from the ledger)',
    tag: 'reports',
    access: 'signed_in',
    query: StockQuery,
    response: z.object({ items: z.array(StockRow) }),
    handler: ({ query }, req) => reportStock(ctxOf(req), query),
  }),
];
