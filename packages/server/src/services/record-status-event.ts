import { AppError, type StatusEventView, statusEventInput, uuidv7 } from '@tansiq/core';
import { type Db, inTransaction } from '../store/db.ts';
import { findRow, type Row } from '../store/registry.ts';
import {
  insertStatusEvents,
  refreshStatus,
  type StatusEventRow,
  statusEventsOf,
} from '../store/status-events.ts';
import { findWritable } from './access.ts';
import type { Ctx } from './context.ts';
import { presentRows, type Resource } from './resource.ts';
import { validate } from './validate.ts';

export type StatusEventInput = {
  status: string;
  occurredOn: string;
  precision: 'day' | 'month' | 'year';
  notes?: { ar?: string; en?: string };
};

export function presentStatusEvent(row: StatusEventRow): StatusEventView {
  const notes: StatusEventView['notes'] = {};
  if (row.note_ar) notes.ar = row.note_ar;
  if (row.note_en) notes.en = row.note_en;
  return {
    id: row.id,
    status: row.status,
    occurredOn: row.occurred_on,
    precision: row.date_precision,
    notes,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/**
 * Records a dated status change and makes the latest event the record's status. A resource may
 * refuse a transition, or act on it (a shipment dispatched moves stock), in the same transaction.
 */
export async function recordStatusEvent<View>(
  ctx: Ctx,
  resource: Resource<View>,
  id: string,
  raw: unknown,
): Promise<View> {
  const statuses = resource.statuses;
  if (!statuses) throw new AppError('record.not_found', { resource: resource.resource, id });
  const event = validate(statusEventInput(statuses.values), raw) as StatusEventInput;
  return await inTransaction(ctx.db, async (tx) => {
    const row = await findWritable(ctx, tx, resource, id);
    const updated = await applyStatusEvents(ctx, tx, resource, row, [event]);
    const [view] = await presentRows(tx, resource, [updated]);
    return view as View;
  });
}

/**
 * Records events of one record (in date order, each seen by the resource's onEvent) and makes
 * the latest the record's status. Shared by POST …/events and by a create that brings its
 * status history along.
 */
export async function applyStatusEvents(
  ctx: Ctx,
  tx: Db,
  resource: Resource,
  row: Row,
  events: readonly StatusEventInput[],
): Promise<Row> {
  const statuses = resource.statuses;
  if (!statuses || events.length === 0) return row;
  const ordered = [...events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  let current = row;
  for (const event of ordered) {
    await statuses.onEvent?.(ctx, tx, current, event);
    await insertStatusEvents(tx, [
      {
        id: uuidv7(ctx.now().getTime()),
        operationId: String(row.operation_id),
        resource: resource.resource,
        recordId: row.id,
        status: event.status,
        occurredOn: event.occurredOn,
        precision: event.precision,
        noteAr: event.notes?.ar,
        noteEn: event.notes?.en,
      },
    ]);
    await refreshStatus(tx, resource.table.table, row.id);
    current = (await findRow(tx, resource.table, row.id)) ?? current;
  }
  return current;
}

/** For a create: applies each new record's `statusHistory` (when it brings one). */
export async function recordInitialStatusEvents(
  ctx: Ctx,
  tx: Db,
  resource: Resource,
  created: readonly { row: Row; input: Record<string, unknown> }[],
): Promise<Row[]> {
  const settled: Row[] = [];
  for (const { row, input } of created) {
    const history = input.statusHistory;
    settled.push(
      Array.isArray(history) && history.length > 0
        ? await applyStatusEvents(ctx, tx, resource, row, history as StatusEventInput[])
        : row,
    );
  }
  return settled;
}

/** `children` for a resource whose only extra is its status history: `{ history }` per row. */
export const statusHistoryChildren = {
  load: async (db: Db, rows: Row[]): Promise<Map<string, { history: StatusEventView[] }>> => {
    const events = await statusEventsOf(
      db,
      rows.map((row) => row.id),
    );
    return new Map(
      rows.map((row) => [row.id, { history: (events.get(row.id) ?? []).map(presentStatusEvent) }]),
    );
  },
};
