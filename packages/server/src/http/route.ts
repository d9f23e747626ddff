import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { validate } from '../services/validate.ts';

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
   * Who may call it; the access issue enforces this in one place. 'admin': signed in with the
   * admin role (the audit log); until enforcement exists it is no stricter than 'signed_in'.
   */
  access: 'public' | 'signed_in' | 'admin';
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
    app.route({
      method: route.method,
      url: route.url,
      handler: async (request, reply) => {
        const input = {
          params: route.params ? validate(route.params, request.params) : {},
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
