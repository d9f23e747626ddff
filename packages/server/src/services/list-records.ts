import { AppError, type ListQuery, type Page } from '@tansiq/core';
import { searchQuery } from '@tansiq/core/text/arabic';
import { listRows } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { presentForReader } from './present-for-reader.ts';
import type { Resource } from './resource.ts';

/** Cursors are opaque to clients; today they carry an offset (docs/decisions/008-list-cursors.md). */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0) return o;
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation.invalid', { fields: [{ field: 'cursor', code: 'invalid' }] });
}

function orderBy(resource: Resource, sort: string | undefined, hasQuery: boolean): string {
  if (!sort) return hasQuery ? '' : (resource.sorts[resource.defaultSort] ?? 'id');
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const expression = resource.sorts[key];
  if (!expression) {
    throw new AppError('validation.invalid', {
      fields: [{ field: 'sort', code: 'invalid_value', values: Object.keys(resource.sorts) }],
    });
  }
  return `${expression} ${descending ? 'DESC' : 'ASC'} NULLS LAST`;
}

export async function listRecords<View>(
  ctx: Ctx,
  resource: Resource<View>,
  query: ListQuery & Record<string, unknown>,
): Promise<Page<View>> {
  const offset = decodeCursor(query.cursor);
  const tsquery = query.q ? searchQuery(query.q) : null;
  const where = Object.entries(resource.filters)
    .filter(([key]) => query[key] !== undefined)
    .map(([key, sql]) => ({ sql, value: query[key] }));
  const { rows, total } = await listRows(ctx.db, resource.table, {
    where,
    tsquery,
    orderBy: orderBy(resource, query.sort, tsquery !== null),
    limit: query.limit,
    offset,
  });
  return {
    items: await presentForReader(ctx, resource, rows),
    total,
    nextCursor: offset + rows.length < total ? encodeCursor(offset + rows.length) : null,
  };
}
