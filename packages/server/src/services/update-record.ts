import { AppError } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { findRow, updateRow } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { resolveReferences } from './resolve-references.ts';
import { presentRows, type Resource } from './resource.ts';
import { validate } from './validate.ts';

export async function updateRecord<View>(
  ctx: Ctx,
  resource: Resource<View>,
  id: string,
  patch: unknown,
): Promise<View> {
  const changes = resource.toColumns(validate(resource.patch, patch));
  try {
    const row = await inTransaction(ctx.db, async (tx) => {
      const current = await findRow(tx, resource.table, id, true);
      if (!current) throw new AppError('record.not_found', { resource: resource.resource, id });
      const pending = [{ id, values: changes }];
      await resolveReferences(tx, resource, pending);
      return await updateRow(
        tx,
        resource.table,
        id,
        changes,
        resource.searchText({ ...current, ...changes }),
      );
    });
    if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
    return resource.present(row);
  } catch (error) {
    throw mapDbError(error, resource);
  }
}
