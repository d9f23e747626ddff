import { AppError, type UserView } from '@tansiq/core';
import { findUser, listUsers as storeListUsers } from '../store/users.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { presentUser } from './user-views.ts';

/** Admins see every user. */
export async function listUsers(ctx: Ctx): Promise<{ items: UserView[]; total: number; nextCursor: null }> {
  requirePermission(ctx, 'admin');
  const rows = await storeListUsers(ctx.db, null);
  return { items: rows.map(presentUser), total: rows.length, nextCursor: null };
}

/** Admins see anyone; a user sees themselves; anyone else gets 404. */
export async function getUser(ctx: Ctx, id: string): Promise<UserView> {
  const self = ctx.actor.kind === 'user' && ctx.actor.userId === id;
  if (!self) {
    try {
      requirePermission(ctx, 'admin');
    } catch {
      throw new AppError('record.not_found', { resource: 'user', id });
    }
  }
  const row = await findUser(ctx.db, id);
  if (!row) throw new AppError('record.not_found', { resource: 'user', id });
  return presentUser(row);
}
