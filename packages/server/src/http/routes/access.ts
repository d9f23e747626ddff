import {
  AppError,
  CreatedToken,
  listOf,
  SessionView,
  SignInInput,
  TokenInput,
  TokenView,
  UserInput,
  UserPatch,
  UserView,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import { signOut } from '../../services/authenticate.ts';
import { createToken } from '../../services/create-token.ts';
import { createUser } from '../../services/create-user.ts';
import { listTokens } from '../../services/list-tokens.ts';
import { getUser, listUsers } from '../../services/list-users.ts';
import { getToken, revokeToken } from '../../services/revoke-token.ts';
import { signIn } from '../../services/sign-in.ts';
import { updateUser } from '../../services/update-user.ts';
import { clearSessionCookie, setSessionCookie } from '../auth.ts';
import { baseCtx, ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const IdParams = z.object({ id: Uuid });

export const accessRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/session',
    summary: 'Sign in with email and password: sets the httpOnly session cookie and returns the CSRF token',
    tag: 'access',
    access: 'public',
    rateLimit: 'sign_in',
    body: SignInInput,
    response: SessionView,
    handler: async ({ body }, req, reply) => {
      const signedIn = await signIn(baseCtx(req), body, req.ip);
      setSessionCookie(
        reply,
        signedIn.sessionSecret,
        signedIn.expiresAt,
        req.server.tansiq.config.access.secureCookies,
      );
      return {
        user: signedIn.user,
        csrfToken: signedIn.csrfToken,
        expiresAt: signedIn.expiresAt.toISOString(),
        via: 'session',
      };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/session',
    summary: 'Who is signed in (the CSRF token is only given at sign-in)',
    tag: 'access',
    access: 'signed_in',
    response: SessionView,
    handler: async (_input, req) => {
      const ctx = ctxOf(req);
      if (ctx.actor.kind !== 'user') throw new AppError('access.sign_in_required');
      return {
        user: await getUser(ctx, ctx.actor.userId),
        csrfToken: null,
        expiresAt: req.auth.session?.expiresAt?.toISOString() ?? null,
        via: ctx.actor.via,
      };
    },
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/session',
    summary: 'Sign out: ends the session and clears its cookie',
    tag: 'access',
    access: 'signed_in',
    status: 204,
    handler: async (_input, req, reply) => {
      const sessionId = req.auth.session?.sessionId;
      if (sessionId) await signOut(baseCtx(req), sessionId);
      clearSessionCookie(reply, req.server.tansiq.config.access.secureCookies);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users',
    summary: 'Every user (admins)',
    tag: 'access',
    access: 'admin',
    response: listOf(UserView),
    handler: (_input, req) => listUsers(ctxOf(req)),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/users',
    summary: 'Create a user of an organization, with roles (admins)',
    tag: 'access',
    access: 'admin',
    body: UserInput,
    response: UserView,
    status: 201,
    handler: ({ body }, req) => createUser(ctxOf(req), body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/users/:id',
    summary: 'One user: yourself, or anyone for admins',
    tag: 'access',
    access: 'signed_in',
    params: IdParams,
    response: UserView,
    handler: ({ params }, req) => getUser(ctxOf(req), params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/users/:id',
    summary: 'Change a user: your own name, locale and password; anything for admins',
    tag: 'access',
    access: 'signed_in',
    params: IdParams,
    body: UserPatch,
    response: UserView,
    handler: ({ params, body }, req) => updateUser(ctxOf(req), params.id, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/users/:id',
    summary: 'Disable a user: their sessions and tokens stop working (admins)',
    tag: 'access',
    access: 'admin',
    params: IdParams,
    status: 204,
    handler: async ({ params }, req) => {
      await updateUser(ctxOf(req), params.id, { disabled: true });
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tokens',
    summary: 'Your API tokens (admins: everyone’s with ?all=true)',
    tag: 'access',
    access: 'signed_in',
    query: z.object({ all: z.stringbool().default(false) }),
    response: listOf(TokenView),
    handler: ({ query }, req) => listTokens(ctxOf(req), query.all),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/tokens',
    summary: 'Create an API token (shown once; only its hash is kept)',
    tag: 'access',
    access: 'signed_in',
    body: TokenInput,
    response: CreatedToken,
    status: 201,
    handler: ({ body }, req) => createToken(ctxOf(req), body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/tokens/:id',
    summary: 'One of your tokens (admins: anyone’s)',
    tag: 'access',
    access: 'signed_in',
    params: IdParams,
    response: TokenView,
    handler: ({ params }, req) => getToken(ctxOf(req), params.id),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/tokens/:id',
    summary: 'Revoke a token, at once and for good',
    tag: 'access',
    access: 'signed_in',
    params: IdParams,
    status: 204,
    handler: async ({ params }, req) => {
      await revokeToken(ctxOf(req), params.id);
    },
  }),
];
