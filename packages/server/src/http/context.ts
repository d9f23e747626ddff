import { pickLang } from '@tansiq/core';
import type { FastifyRequest } from 'fastify';
import { type Ctx, systemActor } from '../services/context.ts';

/** The use-case context of a request: the actor (system until sign-in exists) and the language. */
export function ctxOf(request: FastifyRequest): Ctx {
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
