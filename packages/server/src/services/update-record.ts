import { AppError } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { updateRow } from '../store/registry.ts';
import { findWritable, ownershipForPatch } from './access.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { resolveReferences } from './resolve-references.ts';
import { presentRows, type Resource, splitOwnership } from './resource.ts';
import { validate } from './validate.ts';

export async function updateRecord<View>(
  ctx: Ctx,
  resource: Resource<View>,
  id: string,
  patch: unknown,
): Promise<View> {
  const { fields, ownership } = resource.owned ? splitOwnership(patch) : { fields: patch, ownership: {} };
  const input = validate(resource.patch, fields) as Record<string, unknown>;
  const changes = resource.toColumns(input);
  if (resource.owned) Object.assign(changes, ownershipForPatch(ctx, ownership));
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const current = await findWritable(ctx, tx, resource, id);
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
