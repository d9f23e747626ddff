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
  const input = validate(resource.patch, patch) as Record<string, unknown>;
  const changes = resource.toColumns(input);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const current = await findRow(tx, resource.table, id, true);
      if (!current) throw new AppError('record.not_found', { resource: resource.resource, id });
      const pending = [{ id, values: changes }];
      await resolveReferences(tx, resource, pending);
      await resource.prepare?.(ctx, tx, [{ values: changes, input, current }]);
      const row = await updateRow(
        tx,
        resource.table,
        id,
        changes,
        resource.searchText({ ...current, ...changes }),
      );
      if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
      // Child lists the patch names are replaced; the others stay as they are.
      await resource.children?.write?.(ctx, tx, [{ id, row, input }]);
      const [view] = await presentRows(tx, resource, [row]);
      return view as View;
    });
  } catch (error) {
    throw mapDbError(error, resource);
  }
}
