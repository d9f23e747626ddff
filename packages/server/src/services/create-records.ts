import { uuidv7 } from '@tansiq/core';
import { type Db, inTransaction } from '../store/db.ts';
import { type ColumnValues, insertRows } from '../store/registry.ts';
import { ownershipForCreate, requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { recordInitialStatusEvents } from './record-status-event.ts';
import { resolveReferences } from './resolve-references.ts';
import { presentRows, type Resource, splitOwnership } from './resource.ts';
import { validate } from './validate.ts';

/**
 * Creates registry records in one transaction: all of them, or none. One record is a batch of
 * one; imports and the bench send thousands.
 */
export async function createRecords<View>(
  ctx: Ctx,
  resource: Resource<View>,
  inputs: readonly unknown[],
): Promise<View[]> {
  requirePermission(ctx, resource.write);
  const rows = inputs.map((raw, index) => {
    const { fields, ownership } = resource.owned ? splitOwnership(raw) : { fields: raw, ownership: {} };
    const input = validate(resource.input, fields, inputs.length > 1 ? { index } : {}) as Record<
      string,
      unknown
    >;
    const values = resource.toColumns(input);
    if (resource.owned) Object.assign(values, ownershipForCreate(ctx, ownership));
    return { id: typeof input.id === 'string' ? input.id : uuidv7(ctx.now().getTime()), values, input };
  });
  try {
    return await inTransaction(ctx.db, async (tx) => {
      // Parents may come later in the same batch: check foreign keys at commit.
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      return await insertRecords(ctx, tx, resource, rows);
    });
  } catch (error) {
    throw mapDbError(error, resource);
  }
}

/**
 * Writes validated records inside the caller's transaction, through the resource's own steps
 * (references, prepare, children, initial status events). Who may write was decided by the
 * caller; row-level security still binds every row to the actor.
 */
export async function insertRecords<View>(
  ctx: Ctx,
  tx: Db,
  resource: Resource<View>,
  rows: { id: string; values: ColumnValues; input: Record<string, unknown> }[],
): Promise<View[]> {
  await resolveReferences(tx, resource, rows);
  await resource.prepare?.(ctx, tx, rows);
  const inserted = await insertRows(
    tx,
    resource.table,
    rows.map((row) => ({ id: row.id, values: row.values, searchTerms: resource.searchText(row.values) })),
  );
  const parents = inserted.map((row, i) => ({ id: row.id, row, input: rows[i]?.input ?? {} }));
  if (resource.children?.write) await resource.children.write(ctx, tx, parents);
  const created = resource.statuses ? await recordInitialStatusEvents(ctx, tx, resource, parents) : inserted;
  return await presentRows(tx, resource, created);
}

export async function createRecord<View>(ctx: Ctx, resource: Resource<View>, input: unknown): Promise<View> {
  const [view] = await createRecords(ctx, resource, [input]);
  return view as View;
}
