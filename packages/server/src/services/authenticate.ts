import { AppError } from '@tansiq/core';
import { endSession, findSession, type UserRow, useToken } from '../store/users.ts';
import type { Actor, Ctx } from './context.ts';
import { sha256 } from './secrets.ts';

/** API tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const tokenPrefix = 'tsq_';

export interface Authenticated {
  actor: Actor & { kind: 'user' };
  /** Session sign-ins: the CSRF token's hash that cookie-authenticated writes must match. */
  csrfSha256?: Buffer;
  sessionId?: string;
  expiresAt?: Date;
  /** Token sign-ins: what the token may do. */
  scopes?: string[];
}

function userActor(user: UserRow, via: 'session' | 'token'): Authenticated['actor'] {
  return { kind: 'user', userId: user.id, organizationId: user.organization_id, roles: user.roles, via };
}

/** The user behind a session cookie's secret, or an error when it is unknown, expired or ended. */
export async function authenticateSession(ctx: Ctx, secret: string): Promise<Authenticated> {
  const session = await findSession(ctx.db, sha256(secret));
  if (!session) throw new AppError('access.invalid_token');
  return {
    actor: userActor(session.user, 'session'),
    csrfSha256: session.csrfSha256,
    sessionId: session.sessionId,
    expiresAt: session.expiresAt,
  };
}

/** The user behind a bearer token, or an error when it is unknown, expired or revoked. */
export async function authenticateToken(ctx: Ctx, token: string): Promise<Authenticated> {
  if (!token.startsWith(tokenPrefix)) throw new AppError('access.invalid_token');
  const found = await useToken(ctx.db, sha256(token));
  if (!found) throw new AppError('access.invalid_token');
  return {
    actor: userActor(found.user, 'token'),
    scopes: found.scopes,
  };
}

export async function signOut(ctx: Ctx, sessionId: string): Promise<void> {
  await endSession(ctx.db, sessionId);
}
