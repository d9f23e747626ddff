import { uuidv7 } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { insertRows } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { resolveReferences } from './resolve-references.ts';
import type { RegistryResource } from './resources.ts';
import { validate } from './validate.ts';

/**
 * Creates registry records in one transaction: all of them, or none. One record is a batch of
 * one; imports and the bench send thousands.
 */
export async function createRecords<View>(
  ctx: Ctx,
  resource: RegistryResource<View>,
  inputs: readonly unknown[],
): Promise<View[]> {
  const rows = inputs.map((raw, index) => {
    const input = validate(resource.input, raw, inputs.length > 1 ? { index } : {}) as { id?: string };
    const values = resource.toColumns(input);
    return { id: input.id ?? uuidv7(ctx.now().getTime()), values };
  });
  try {
    const inserted = await inTransaction(ctx.db, async (tx) => {
      // Parents may come later in the same batch: check foreign keys at commit.
      await tx.query('SET CONSTRAINTS ALL DEFERRED');
      await resolveReferences(tx, resource, rows);
      return await insertRows(
        tx,
        resource.table,
        rows.map((row) => ({ ...row, searchTerms: resource.searchText(row.values) })),
      );
    });
    return inserted.map((row) => resource.present(row));
  } catch (error) {
    throw mapDbError(error, resource);
  }
}

export async function createRecord<View>(
  ctx: Ctx,
  resource: RegistryResource<View>,
  input: unknown,
): Promise<View> {
  const [view] = await createRecords(ctx, resource, [input]);
  return view as View;
}
