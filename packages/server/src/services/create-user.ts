import { AppError, minPasswordLength, UserInput, type UserView, uuidv7 } from '@tansiq/core';
import { existingIds } from '../store/registry.ts';
import { findUserByEmail, insertUser } from '../store/users.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { hashPassword } from './secrets.ts';
import { presentUser } from './user-views.ts';
import { validate } from './validate.ts';

export function checkPasswordStrength(password: string): void {
  if ([...password].length < minPasswordLength)
    throw new AppError('user.weak_password', { min: minPasswordLength });
}

/** A user of an organization, with roles; admins (and the command line) create them. */
export async function createUser(ctx: Ctx, raw: unknown): Promise<UserView> {
  requirePermission(ctx, 'admin');
  const input = validate(UserInput, raw);
  if (input.password !== undefined) checkPasswordStrength(input.password);
  if (!(await existingIds(ctx.db, 'organizations', [input.organizationId])).has(input.organizationId)) {
    throw new AppError('record.reference_missing', {
      field: 'organizationId',
      resource: 'organization',
      value: input.organizationId,
    });
  }
  if (await findUserByEmail(ctx.db, input.email))
    throw new AppError('user.email_taken', { email: input.email });
  const row = await insertUser(ctx.db, {
    id: input.id ?? uuidv7(ctx.now().getTime()),
    email: input.email,
    name: input.name ?? null,
    organizationId: input.organizationId,
    roles: [...new Set(input.roles)],
    locale: input.locale,
    passwordHash: input.password === undefined ? null : await hashPassword(input.password),
  });
  return presentUser(row);
}
