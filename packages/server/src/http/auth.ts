import '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import { type AccessRule, AppError, allows } from '@tansiq/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Authenticated, authenticateSession, authenticateToken } from '../services/authenticate.ts';
import { type Actor, publicActor } from '../services/context.ts';
import { sha256 } from '../services/secrets.ts';
import { baseCtx } from './context.ts';

export const sessionCookie = 'tansiq_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling: set by enforceAccess before any handler runs. */
    auth: { actor: Actor; session?: Authenticated };
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Who is calling: a bearer token, else the session cookie, else the public. A bad bearer token is
 * an error even on public routes (the client believes it is signed in); a stale cookie on a public
 * route is ignored (the browser keeps sending it after expiry).
 */
async function authenticate(request: FastifyRequest, rule: AccessRule): Promise<FastifyRequest['auth']> {
  const ctx = baseCtx(request);
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError('access.invalid_token');
    const session = await authenticateToken(ctx, match[1]);
    return { actor: session.actor, session };
  }
  const cookie = request.cookies?.[sessionCookie];
  if (cookie) {
    try {
      const session = await authenticateSession(ctx, cookie);
      return { actor: session.actor, session };
    } catch (error) {
      if (rule !== 'public') throw error;
    }
  }
  return { actor: publicActor };
}

function sameSecret(given: string, expectedSha256: Buffer): boolean {
  const hash = sha256(given);
  return hash.length === expectedSha256.length && timingSafeEqual(hash, expectedSha256);
}

/** The one place every route's rule is checked (issue 5: "enforcement in one place"). */
export async function enforceAccess(request: FastifyRequest, rule: AccessRule): Promise<void> {
  request.auth = await authenticate(request, rule);
  const { actor, session } = request.auth;
  // Public routes act for nobody (extraction, signing in): a session or a token's scope adds nothing there.
  const unsafe = !safeMethods.has(request.method) && rule !== 'public';
  if (session?.csrfSha256 && unsafe) {
    const given = request.headers['x-csrf-token'];
    if (typeof given !== 'string' || !sameSecret(given, session.csrfSha256))
      throw new AppError('access.csrf');
  }
  if (session?.scopes && unsafe && !session.scopes.includes('write'))
    throw new AppError('access.read_only_token');
  if (allows(rule, actor.kind === 'user' ? actor.roles : null)) return;
  throw new AppError(actor.kind === 'user' ? 'access.forbidden' : 'access.sign_in_required', {
    rule,
  });
}

export function setSessionCookie(
  reply: FastifyReply,
  secret: string,
  expiresAt: Date,
  secure: boolean,
): void {
  reply.setCookie(sessionCookie, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookie, { path: '/', httpOnly: true, sameSite: 'strict', secure });
}
