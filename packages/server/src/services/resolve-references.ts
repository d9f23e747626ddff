import { AppError } from '@tansiq/core';
import type { Db } from '../store/db.ts';
import type { ColumnValues } from '../store/registry.ts';
import type { Resource } from './resource.ts';

/**
 * Checks that every reference points at a live record and turns natural keys (p-codes) into
 * ids, in place. Records created in the same batch count as existing.
 */
export async function resolveReferences(
  db: Db,
  resource: Resource,
  rows: { id: string; values: ColumnValues }[],
): Promise<void> {
  for (const reference of resource.references) {
    const wanted = rows
      .map((row) => row.values[reference.column])
      .filter((value): value is string => typeof value === 'string');
    if (wanted.length === 0) continue;
    const key = reference.byColumn ?? 'id';
    const found = await db.query<{ id: string; key: string }>(
      `SELECT id, ${key} AS key FROM ${reference.table} WHERE ${key} = ANY($1) AND deleted_at IS NULL`,
      [[...new Set(wanted)]],
    );
    const idByKey = new Map(found.rows.map((row) => [row.key, row.id]));
    if (reference.table === resource.table.table) {
      for (const row of rows) idByKey.set(reference.byColumn ? String(row.values[key]) : row.id, row.id);
    }
    rows.forEach((row, index) => {
      const value = row.values[reference.column];
      if (typeof value !== 'string') return;
      const id = idByKey.get(value);
      if (!id) {
        throw new AppError('record.reference_missing', {
          field: reference.field,
          resource: reference.resource,
          value,
          ...(rows.length > 1 ? { index } : {}),
        });
      }
      row.values[reference.column] = id;
    });
  }
}
