import { AppError } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { softDeleteRow } from '../store/registry.ts';
import { findWritable } from './access.ts';
import type { Ctx } from './context.ts';
import type { Resource } from './resource.ts';

/** Soft delete: the row stays (history, references, sync) and the changes feed shows a tombstone. */
export async function deleteRecord(ctx: Ctx, resource: Resource, id: string): Promise<void> {
  // In a transaction like every write, so that the audit log records who acted (store/audit.ts).
  const row = await inTransaction(ctx.db, async (tx) => {
    await findWritable(ctx, tx, resource, id);
    return await softDeleteRow(tx, resource.table, id);
  });
  if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
}
