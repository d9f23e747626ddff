import { AppError, type ChangesQuery, type ChangeView } from '@tansiq/core';
import { changesAfter } from '../store/changes.ts';
import type { Ctx } from './context.ts';

const cursorPattern = /^(\d+)\.(\d+)$/;

/** The cursor is `xid.seq` of the last change seen: monotonic, never a timestamp. */
export async function listChanges(
  ctx: Ctx,
  query: ChangesQuery,
): Promise<{ items: ChangeView[]; nextCursor: string }> {
  const cursor = query.cursor ?? '0.0';
  const match = cursorPattern.exec(cursor);
  if (!match) throw new AppError('validation.invalid', { fields: [{ field: 'cursor', code: 'invalid' }] });
  const rows = await changesAfter(ctx.db, match[1] ?? '0', Number(match[2]), query.limit);
  const last = rows.at(-1);
  return {
    items: rows.map((row) => ({
      resource: row.resource,
      id: row.record_id,
      op: row.op,
      at: row.at.toISOString(),
    })),
    nextCursor: last ? `${last.xid}.${last.seq}` : cursor,
  };
}
