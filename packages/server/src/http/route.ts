import type { AccessRule } from '@tansiq/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { checkRecordScope } from '../services/access.ts';
import type { Resource } from '../services/resource.ts';
import { validate } from '../services/validate.ts';
import { enforceAccess } from './auth.ts';
import { ctxOf } from './context.ts';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A route described once: the same zod schemas validate requests and become the OpenAPI document. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  response?: z.ZodType;
  /** Status of a successful answer; 204 sends no body. */
  status?: number;
  /**
   * Who may call it (core/access.ts), enforced for every route in registerRoutes before its
   * input is even read; records outside the caller's scope are then hidden by the services and
   * by row-level security.
   */
  access: AccessRule;
  /** A stricter limit than the API's (sign-in: per address, against password guessing). */
  rateLimit?: 'sign_in';
  /**
   * The record `:id` names: checked to be in the caller's scope (and, for `write`, changeable by
   * them) before the rest of the input is read.
   */
  record?: { resource: Resource; write: boolean };
  handler: (
    input: { params: z.infer<P>; query: z.infer<Q>; body: z.infer<B> },
    request: FastifyRequest,
    reply: FastifyReply,
  ) => Promise<unknown>;
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  def: RouteDef<P, Q, B>,
): RouteDef {
  return def as unknown as RouteDef;
}

/** Registers routes on Fastify: validate → call → present. Fastify's own validation stays off. */
export function registerRoutes(app: FastifyInstance, routes: readonly RouteDef[]): void {
  for (const route of routes) {
    const { access } = app.tansiq.config;
    app.route({
      method: route.method,
      url: route.url,
      config: route.rateLimit
        ? { rateLimit: { max: access.signInRateLimitPerMinute, timeWindow: 60_000 } }
        : undefined,
      handler: async (request, reply) => {
        await enforceAccess(request, route.access);
        const params = route.params ? validate(route.params, request.params) : {};
        if (route.record) {
          const { resource, write } = route.record;
          await checkRecordScope(ctxOf(request), resource, (params as { id: string }).id, write);
        }
        const input = {
          params,
          query: route.query ? validate(route.query, request.query) : {},
          body: route.body ? validate(route.body, request.body ?? {}) : undefined,
        };
        const result = await route.handler(input as never, request, reply);
        if (reply.statusCode === 200) reply.status(route.status ?? 200);
        if (route.status === 204) return reply.send();
        return result;
      },
    });
  }
}
