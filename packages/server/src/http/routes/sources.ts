import {
  IngestSourceResult,
  ingestMetadataFromQuery,
  SourceIngestInput,
  SourceIngestQuery,
  SourceKind,
  SourceTextView,
  Uuid,
} from '@tansiq/core';
import { z } from 'zod';
import { getSourceText } from '../../services/get-source-text.ts';
import { ingestSource } from '../../services/ingest-source.ts';
import type { Resource } from '../../services/resource.ts';
import { sources } from '../../services/resources/sources.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

/**
 * The body of an ingest: JSON `{ …metadata, text }`, or the raw text (`text/plain`) with the
 * metadata as query parameters. A raw text is checked here as `{ text }`; the service checks the
 * whole input, query parameters included (`kind` is required there, in the body or the query).
 */
const IngestBody = z.preprocess(
  (raw) => (typeof raw === 'string' ? { text: raw } : raw),
  SourceIngestInput.extend({
    kind: SourceKind.optional().describe(
      'Required: in the JSON body, or as a query parameter with a text/plain body.',
    ),
  }),
);

/** Sources are read, patched and deleted by the generic resource routes; these create and read text. */
export const sourceRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/sources',
    summary:
      'Ingest a source: JSON { …metadata, text }, or a raw text/plain body with the metadata as query parameters. 201 when created; 200 with created:false when the operation already holds the same text (nothing changes).',
    tag: 'sources',
    access: 'evidence.write',
    query: SourceIngestQuery,
    body: IngestBody,
    response: IngestSourceResult,
    handler: async ({ query }, req, reply) => {
      // Query parameters give metadata; the fields of a JSON body win over them.
      const metadata = ingestMetadataFromQuery(query);
      const input =
        typeof req.body === 'string'
          ? { ...metadata, text: req.body }
          : { ...metadata, ...(req.body as object) };
      const result = await ingestSource(ctxOf(req), input);
      reply.status(result.created ? 201 : 200);
      return result;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/sources/:id/text',
    record: { resource: sources as Resource, write: false },
    summary: "A source's text exactly as ingested, with its SHA-256 (claims' quote offsets index it)",
    tag: 'sources',
    access: 'signed_in',
    params: z.object({ id: Uuid }),
    response: SourceTextView,
    handler: ({ params }, req) => getSourceText(ctxOf(req), params.id),
  }),
];
