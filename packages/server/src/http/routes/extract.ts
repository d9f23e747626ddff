import { AppError } from '@tansiq/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ExtractOptionsInput, extractChecked } from '../../extract/index.ts';
import { defineRoute, registerRoutes } from '../route.ts';

const span = { text: z.string(), start: z.number().int(), end: z.number().int() };
const dayValue = z.union([z.string(), z.object({ start: z.string(), end: z.string() })]);

/** `shared/spec/extraction-contract.md` as a schema: what the OpenAPI document shows. */
export const ExtractionView = z.object({
  document: z.object({
    language: z.enum(['ar', 'en']),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string().nullable(),
    boilerplate: z.array(
      z.object({
        start: z.number().int(),
        end: z.number().int(),
        kind: z.enum(['site_name', 'related_links', 'navigation', 'byline']),
      }),
    ),
    text: z.string().optional().describe('Only for HTML input: the plain text that every offset indexes.'),
  }),
  numbers: z.array(z.object({ value: z.number(), ...span })),
  quantities: z.array(
    z.object({
      value: z.number(),
      unit: z.string(),
      item: z.string().nullable(),
      qualifier: z.enum(['about', 'more_than', 'at_least', 'less_than', 'up_to']).nullable(),
      approximate: z.boolean(),
      ...span,
    }),
  ),
  dates: z.array(z.object({ value: dayValue.nullable(), grain: z.enum(['day', 'month', 'year']), ...span })),
  places: z.array(
    z.object({ name: z.string(), pcode: z.string().nullable(), country: z.string().nullable(), ...span }),
  ),
  organizations: z.array(z.object({ name: z.string(), kind: z.string(), ...span })),
  events: z.array(
    z.object({
      type: z.enum([
        'meeting',
        'conference',
        'delivery',
        'distribution',
        'return_movement',
        'agreement',
        'statement',
        'boycott',
        'military_action',
        'other',
      ]),
      status: z.enum(['announced', 'planned', 'held', 'completed', 'cancelled', 'unknown']),
      date: dayValue.nullable(),
      place: z.string().nullable(),
      claimant: z.string().nullable(),
      participants: z.array(z.string()),
      quantities: z.array(z.number()),
      mentions: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
      ...span,
    }),
  ),
});

/** JSON `{ text, …options }`, or the raw text (text/plain, text/html) with the options in the query. */
const ExtractBody = z.preprocess(
  (raw) => (typeof raw === 'string' ? { text: raw } : raw),
  ExtractOptionsInput.extend({
    text: z.string().describe('The text or HTML page (UTF-8).'),
  }),
);

export const extractRoute = defineRoute({
  method: 'POST',
  url: '/api/extract',
  summary:
    'Extract numbers, quantities, dates, places, organizations and events from a text: JSON { text, published?, referenceTime?, lang? }, or a raw text/plain or text/html body with the options as query parameters. Stateless.',
  tag: 'extraction',
  access: 'public',
  query: ExtractOptionsInput,
  body: ExtractBody,
  response: ExtractionView,
  handler: async ({ query, body }, request) => {
    // Options in a JSON body win over the query's.
    const { text, ...fromBody } = body;
    const options = typeof request.body === 'string' ? query : { ...query, ...defined(fromBody) };
    return extractChecked(text, options, { maxBytes: request.server.tansiq.config.extractMaxBytes });
  },
});

function defined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(body: Buffer): string {
  try {
    return strictUtf8.decode(body);
  } catch (error) {
    throw new AppError('extract.not_utf8', {}, { cause: error });
  }
}

/** A JSON body may spell every character as \uXXXX (six bytes for two or three): room for that. */
function jsonBodyLimit(maxBytes: number): number {
  return 3 * maxBytes + 64 * 1024;
}

/**
 * The extraction route in a scope of its own: its bodies are read as bytes, so that text that is not
 * UTF-8 is refused rather than silently repaired, and up to the extraction limit rather than the app's.
 */
export async function extractRoutes(scope: FastifyInstance): Promise<void> {
  const maxBytes = scope.tansiq.config.extractMaxBytes;
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.removeContentTypeParser(['application/json', 'text/plain']);
  scope.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: jsonBodyLimit(maxBytes) },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      let text: string;
      try {
        text = decode(body);
      } catch (error) {
        done(error as Error);
        return;
      }
      parseJson(request, text, done);
    },
  );
  scope.addContentTypeParser(
    ['text/plain', 'text/html'],
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      try {
        done(null, decode(body));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  // A body over the limit is refused before it is read: say so in the extraction's own words.
  scope.setErrorHandler((error, request) => {
    if ((error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const size = Number(request.headers['content-length']) || undefined;
      throw new AppError('extract.too_large', { size: size ?? `> ${maxBytes}`, limit: maxBytes });
    }
    throw error;
  });
  registerRoutes(scope, [extractRoute]);
}
