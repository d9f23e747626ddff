import { AppError, UserPatch, type UserView } from '@tansiq/core';
import { findUser, updateUser as storeUpdateUser } from '../store/users.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { checkPasswordStrength } from './create-user.ts';
import { hashPassword } from './secrets.ts';
import { presentUser } from './user-views.ts';
import { validate } from './validate.ts';

/**
 * Admins change anything about a user; users change their own name, locale and password, never
 * their roles nor whether they are disabled.
 */
export async function updateUser(ctx: Ctx, id: string, raw: unknown): Promise<UserView> {
  const patch = validate(UserPatch, raw);
  const self = ctx.actor.kind === 'user' && ctx.actor.userId === id;
  if (!self || patch.roles !== undefined || patch.disabled !== undefined) requirePermission(ctx, 'admin');
  if (!(await findUser(ctx.db, id))) throw new AppError('record.not_found', { resource: 'user', id });
  if (patch.password !== undefined) checkPasswordStrength(patch.password);
  const row = await storeUpdateUser(ctx.db, id, {
    name: patch.name,
    roles: patch.roles ? [...new Set(patch.roles)] : undefined,
    locale: patch.locale,
    passwordHash: patch.password === undefined ? undefined : await hashPassword(patch.password),
    disabled: patch.disabled,
  });
  if (!row) throw new AppError('record.not_found', { resource: 'user', id });
  return presentUser(row);
}
