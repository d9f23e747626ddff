import { AppError, type TokenView } from '@tansiq/core';
import { listTokens as storeListTokens } from '../store/users.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { presentToken } from './user-views.ts';

/** Your own tokens; an admin may ask for everyone's (`all`). */
export async function listTokens(
  ctx: Ctx,
  all: boolean,
): Promise<{ items: TokenView[]; total: number; nextCursor: null }> {
  if (all || ctx.actor.kind !== 'user') requirePermission(ctx, 'admin');
  if (ctx.actor.kind === 'public') throw new AppError('access.sign_in_required');
  const rows = await storeListTokens(ctx.db, all || ctx.actor.kind !== 'user' ? null : ctx.actor.userId);
  return { items: rows.map(presentToken), total: rows.length, nextCursor: null };
}
