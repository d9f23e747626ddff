import { AppError, SignInInput, type UserView, uuidv7 } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { findUserByEmail, insertSession, recentFailures, recordSignInAttempt } from '../store/users.ts';
import type { Ctx } from './context.ts';
import { newSecret, sha256, verifyPassword } from './secrets.ts';
import { presentUser } from './user-views.ts';
import { validate } from './validate.ts';

/** Issue 5: an account locks after 5 failed sign-ins within 15 minutes. */
export const lockout = { failures: 5, minutes: 15 } as const;

export interface SignedIn {
  user: UserView;
  /** Goes in the httpOnly cookie; never shown to scripts. */
  sessionSecret: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Password sign-in. Every attempt is recorded; a locked account is refused before its password
 * is checked, so guessing cannot continue. Unknown email and wrong password answer the same, and
 * take the same time.
 */
export async function signIn(ctx: Ctx, raw: unknown, address: string | null): Promise<SignedIn> {
  const input = validate(SignInInput, raw);
  if ((await recentFailures(ctx.db, input.email, lockout.minutes)) >= lockout.failures) {
    await recordSignInAttempt(ctx.db, input.email, false, address);
    throw new AppError('access.locked', { minutes: lockout.minutes });
  }
  const user = await findUserByEmail(ctx.db, input.email);
  const usable = user !== undefined && user.disabled_at === null;
  const ok = await verifyPassword(usable ? user.password_hash : null, input.password);
  if (!ok || !user) {
    await recordSignInAttempt(ctx.db, input.email, false, address);
    throw new AppError('access.invalid_credentials');
  }
  const sessionSecret = newSecret();
  const csrfToken = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.access.sessionHours * 3_600_000);
  await inTransaction(ctx.db, async (tx) => {
    await recordSignInAttempt(tx, input.email, true, address);
    await insertSession(tx, {
      id: uuidv7(now.getTime()),
      secretSha256: sha256(sessionSecret),
      csrfSha256: sha256(csrfToken),
      userId: user.id,
      expiresAt,
    });
  });
  return { user: presentUser(user), sessionSecret, csrfToken, expiresAt };
}
