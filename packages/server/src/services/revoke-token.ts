import { AppError, type TokenView } from '@tansiq/core';
import { findToken, revokeToken as storeRevokeToken } from '../store/users.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { presentToken } from './user-views.ts';

/** Found when it is yours or you are an admin; otherwise it does not exist for you. */
async function visibleToken(ctx: Ctx, id: string) {
  const row = await findToken(ctx.db, id);
  const own = row && ctx.actor.kind === 'user' && row.user_id === ctx.actor.userId;
  if (row && !own) {
    try {
      requirePermission(ctx, 'admin');
    } catch {
      throw new AppError('record.not_found', { resource: 'token', id });
    }
  }
  if (!row) throw new AppError('record.not_found', { resource: 'token', id });
  return row;
}

export async function getToken(ctx: Ctx, id: string): Promise<TokenView> {
  return presentToken(await visibleToken(ctx, id));
}

/** Revoking is final and immediate: the next request with the token is refused. */
export async function revokeToken(ctx: Ctx, id: string): Promise<void> {
  await visibleToken(ctx, id);
  await storeRevokeToken(ctx.db, id);
}
