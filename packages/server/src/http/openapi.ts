import { z } from 'zod';
import { httpStatus } from './errors.ts';
import type { RouteDef } from './route.ts';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'details'],
      properties: {
        code: { type: 'string', enum: Object.keys(httpStatus) },
        message: { type: 'string', description: 'In the language of Accept-Language (ar or en).' },
        details: {
          type: 'object',
          description: 'For validation errors, `fields`: one entry per offending field.',
        },
      },
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same schemas that validate requests. */
export function openApiDocument(routes: readonly RouteDef[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', route.params],
      ['query', route.query],
    ] as const) {
      if (!schema) continue;
      const object = jsonSchema(schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (object.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    const status = String(route.status ?? 200);
    const operation: Record<string, unknown> = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [
        ...parameters,
        {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          schema: { type: 'string', examples: ['ar', 'en'] },
        },
      ],
      'x-access': route.access,
      responses: {
        [status]:
          route.status === 204
            ? { description: 'Done' }
            : {
                description: 'OK',
                content: route.response
                  ? { 'application/json': { schema: jsonSchema(route.response, 'output') } }
                  : {},
              },
        default: { description: 'An error', content: { 'application/json': { schema: errorSchema } } },
      },
    };
    if (route.body) {
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'tansiq API',
      version,
      description:
        'Coordination of humanitarian aid and refugee return. Errors: { error: { code, message, details } }, messages in the language of Accept-Language (ar or en).',
    },
    paths,
  };
}
