import { AppError, type CreatedToken, TokenInput, uuidv7 } from '@tansiq/core';
import { findToken, findUser, findUserByEmail, insertToken } from '../store/users.ts';
import { requirePermission } from './access.ts';
import { tokenPrefix } from './authenticate.ts';
import type { Ctx } from './context.ts';
import { newSecret, sha256 } from './secrets.ts';
import { presentToken } from './user-views.ts';
import { validate } from './validate.ts';

/**
 * An API token for a user: yourself, or anyone when you are an admin (or the command line).
 * The token is returned once; only its hash is kept.
 */
export async function createToken(ctx: Ctx, raw: unknown): Promise<CreatedToken> {
  const input = validate(TokenInput, raw);
  const actor = ctx.actor;
  let userId: string;
  if (actor.kind === 'user' && (input.userId === undefined || input.userId === actor.userId)) {
    userId = actor.userId;
  } else {
    requirePermission(ctx, 'admin');
    if (!input.userId) throw new AppError('validation.invalid', { fields: { userId: 'required' } });
    userId = input.userId;
  }
  if (!(await findUser(ctx.db, userId)))
    throw new AppError('record.not_found', { resource: 'user', id: userId });
  const token = newSecret(tokenPrefix);
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  await insertToken(ctx.db, {
    id,
    userId,
    name: input.name ?? null,
    secretSha256: sha256(token),
    scopes: [...new Set(input.scopes)],
    expiresAt:
      input.expiresInDays === null ? null : new Date(now.getTime() + input.expiresInDays * 86_400_000),
  });
  const row = await findToken(ctx.db, id);
  if (!row) throw new AppError('internal');
  return { ...presentToken(row), token };
}

/** `tansiq token create --user EMAIL`: the user named by email. */
export async function createTokenForEmail(
  ctx: Ctx,
  email: string,
  options: { expiresInDays: number | null; name?: string | null; scopes?: string[] },
): Promise<CreatedToken> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user) throw new AppError('user.not_found', { email });
  return await createToken(ctx, { userId: user.id, ...options });
}
