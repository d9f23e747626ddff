import { uuidv7 } from '@tansiq/core';
import { type Db, inTransaction } from '../store/db.ts';
import { type ColumnValues, insertRows, type Row } from '../store/registry.ts';
import { ownershipForCreate, requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { recordInitialStatusEvents } from './record-status-event.ts';
import { resolveReferences } from './resolve-references.ts';
import { presentRows, type Resource, splitOwnership } from './resource.ts';
import { validate } from './validate.ts';

type NewRow = { id: string; values: ColumnValues; input: Record<string, unknown> };

/** Each input validated, turned into columns and stamped with its owner, with the id it will have. */
function newRows(ctx: Ctx, resource: Resource, inputs: readonly unknown[]): NewRow[] {
  requirePermission(ctx, resource.write);
  return inputs.map((raw, index) => {
    const { fields, ownership } = resource.owned ? splitOwnership(raw) : { fields: raw, ownership: {} };
    const input = validate(resource.input, fields, inputs.length > 1 ? { index } : {}) as Record<
      string,
      unknown
    >;
    const values = resource.toColumns(input);
    if (resource.owned) Object.assign(values, ownershipForCreate(ctx, ownership));
    return { id: typeof input.id === 'string' ? input.id : uuidv7(ctx.now().getTime()), values, input };
  });
}

async function createInTransaction<T>(
  ctx: Ctx,
  resource: Resource,
  write: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await inTransaction(ctx.db, async (tx) => {
      // Parents may come later in the same batch: check foreign keys at commit.
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      return await write(tx);
    });
  } catch (error) {
    throw mapDbError(error, resource);
  }
}

/**
 * Creates registry records in one transaction: all of them, or none. One record is a batch of
 * one; imports and the bench send thousands.
 */
export async function createRecords<View>(
  ctx: Ctx,
  resource: Resource<View>,
  inputs: readonly unknown[],
): Promise<View[]> {
  const rows = newRows(ctx, resource, inputs);
  return await createInTransaction(ctx, resource, (tx) => insertRecords(ctx, tx, resource, rows));
}

/**
 * `createRecords` for a caller with no use for the created records' views (an import writing a
 * million rows): reading them back would cost as much as writing them. Returns how many were created.
 */
export async function createRecordsUnread(
  ctx: Ctx,
  resource: Resource,
  inputs: readonly unknown[],
): Promise<number> {
  const rows = newRows(ctx, resource, inputs);
  return await createInTransaction(
    ctx,
    resource,
    async (tx) => (await writeRecords(ctx, tx, resource, rows)).length,
  );
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
  rows: NewRow[],
): Promise<View[]> {
  return await presentRows(tx, resource, await writeRecords(ctx, tx, resource, rows));
}

async function writeRecords(
  ctx: Ctx,
  tx: Db,
  resource: Resource,
  rows: NewRow[],
  options: { derived?: boolean } = {},
): Promise<Row[]> {
  await resolveReferences(tx, resource, rows);
  await resource.prepare?.(ctx, tx, rows);
  const inserted = await insertRows(
    tx,
    resource.table,
    rows.map((row) => ({ id: row.id, values: row.values, searchTerms: resource.searchText(row.values) })),
    options,
  );
  const parents = inserted.map((row, i) => ({ id: row.id, row, input: rows[i]?.input ?? {} }));
  if (resource.children?.write) await resource.children.write(ctx, tx, parents);
  return resource.statuses ? await recordInitialStatusEvents(ctx, tx, resource, parents) : inserted;
}

export async function createRecord<View>(ctx: Ctx, resource: Resource<View>, input: unknown): Promise<View> {
  const [view] = await createRecords(ctx, resource, [input]);
  return view as View;
}
