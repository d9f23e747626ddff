import { pickLang } from '@tansiq/core';
import type { FastifyRequest } from 'fastify';
import { actorSettings, type Ctx, systemActor } from '../services/context.ts';

/**
 * The context for authenticating a request: the server acting for itself (reading sessions and
 * tokens, which no actor owns).
 */
export function baseCtx(request: FastifyRequest): Ctx {
  const { store, config } = request.server.tansiq;
  return {
    db: store.db,
    config,
    log: request.log,
    now: () => new Date(),
    actor: systemActor,
    lang: pickLang(request.headers['accept-language']),
  };
}

const ctxCache = new WeakMap<FastifyRequest, Ctx>();

/**
 * The use-case context of a request: its actor (set by enforceAccess), a database connection that
 * acts as that actor for row-level security, and the language.
 */
export function ctxOf(request: FastifyRequest): Ctx {
  const cached = ctxCache.get(request);
  if (cached) return cached;
  const { store } = request.server.tansiq;
  const actor = request.auth?.actor;
  if (!actor) throw new Error('ctxOf before enforceAccess: every route goes through registerRoutes');
  const ctx = { ...baseCtx(request), actor, db: store.forActor(actorSettings(actor)) };
  ctxCache.set(request, ctx);
  return ctx;
}
