import { AppError } from '@tansiq/core';
import { softDeleteRow } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import type { Resource } from './resource.ts';

/** Soft delete: the row stays (history, references, sync) and the changes feed shows a tombstone. */
export async function deleteRecord(ctx: Ctx, resource: Resource, id: string): Promise<void> {
  const row = await softDeleteRow(ctx.db, resource.table, id);
  if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
}
