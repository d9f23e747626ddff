import { PassThrough, Readable } from 'node:stream';
import { AppError, Uuid } from '@tansiq/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { exportContentTypes, exportRecords } from '../../services/export-records.ts';
import {
  getImportBatch,
  type ImportInput,
  importRecords,
  listImportBatches,
  writeAnnotatedCopy,
} from '../../services/import-records.ts';
import { ctxOf } from '../context.ts';
import { defineRoute, type RouteDef } from '../route.ts';

const ImportBatchView = z.object({
  id: z.string(),
  resource: z.string(),
  fileName: z.string().nullable(),
  sha256: z.string(),
  status: z.enum(['applied', 'unchanged']),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  actor: z.string(),
  organizationId: z.string().nullable(),
  at: z.string(),
});

const Mapping = z.record(z.string().min(1).max(200), z.string().min(1).max(100));

interface ImportForm {
  file?: { bytes: Uint8Array; name: string };
  fields: Record<string, string>;
}

/** Reads the multipart form: the file (bounded by the app's multipart limits) and the text fields. */
async function readForm(request: FastifyRequest): Promise<ImportForm> {
  if (!request.isMultipart()) throw new AppError('import.missing_file');
  const form: ImportForm = { fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new AppError('request.too_large');
      form.file = { bytes, name: part.filename || 'upload' };
    } else {
      form.fields[part.fieldname] = String(part.value);
    }
  }
  return form;
}

function parseMapping(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError('import.bad_mapping', { reason: 'not JSON' }, { cause: error });
  }
  const checked = Mapping.safeParse(parsed);
  if (!checked.success)
    throw new AppError('import.bad_mapping', { reason: 'expected { "header": "field" }' });
  return checked.data;
}

/** The import a multipart form asks for: its file, resource (`kind`), dry run and mapping. */
async function importInputOf(request: FastifyRequest): Promise<ImportInput> {
  const form = await readForm(request);
  if (!form.file) throw new AppError('import.missing_file');
  return {
    bytes: form.file.bytes,
    fileName: form.file.name,
    resource: form.fields.kind ?? '',
    dryRun: ['1', 'true', 'yes'].includes((form.fields.dryRun ?? '').toLowerCase()),
    mapping: parseMapping(form.fields.mapping),
    maxBytes: request.server.tansiq.config.importMaxBytes,
  };
}

export const exchangeRouteDefs: RouteDef[] = [
  defineRoute({
    method: 'POST',
    url: '/api/imports',
    summary:
      'Import a CSV, XLSX or HXL JSON file into a resource (multipart: file, kind = resource path, dryRun, mapping as JSON { header: field }). One transaction; rows matched by id or natural key update their record; with dryRun, the plan only.',
    tag: 'exchange',
    // The resource's own write permission is checked by the import service once `kind` is read.
    access: 'records.write',
    handler: async (_input, request, reply) => {
      const input = await importInputOf(request);
      const report = await importRecords(ctxOf(request), input);
      if (!input.dryRun) reply.status(201);
      return report;
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/imports/annotated',
    summary:
      'The file of an import plan back as XLSX, its rows as read with a first column giving each row’s errors (column and message, in the caller’s language): what a partner fixes and sends again. Multipart as POST /api/imports; nothing is written. X-Import-Errors gives the count.',
    tag: 'exchange',
    access: 'records.write',
    handler: async (_input, request, reply) => {
      const input = { ...(await importInputOf(request)), dryRun: true };
      const ctx = ctxOf(request);
      const plan = await importRecords(ctx, input);
      const body = new PassThrough();
      // The plan read the whole file already: writing it again fails only on a bug, which ends the stream.
      writeAnnotatedCopy(input, plan.errors, ctx.lang, body).catch((error: unknown) =>
        body.destroy(error as Error),
      );
      const stem = input.fileName.replace(/\.[^.]*$/, '') || 'import';
      reply.header('content-type', exportContentTypes.xlsx);
      reply.header('content-disposition', `attachment; filename="${encodeURIComponent(stem)}-errors.xlsx"`);
      reply.header('x-import-errors', String(plan.errors.length));
      return reply.send(body);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/imports',
    summary: 'Import batches, newest first: the hub sees all, others their organization’s',
    tag: 'exchange',
    access: 'records.write',
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: z.object({ items: z.array(ImportBatchView) }),
    handler: async ({ query }, request) => ({ items: await listImportBatches(ctxOf(request), query.limit) }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/imports/:id',
    summary: 'One import batch: the file’s SHA-256 and what it created, updated and left unchanged',
    tag: 'exchange',
    access: 'records.write',
    params: z.object({ id: Uuid }),
    response: ImportBatchView,
    handler: async ({ params }, request) => getImportBatch(ctxOf(request), params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/exports/:resource',
    summary:
      'Export a resource, streamed: CSV (hxl=1 adds the HXL row), XLSX (HXL row; Arabic headers and a right-to-left sheet for Accept-Language ar), JSON, GeoJSON (points). Only what the caller may read, presented as reads are.',
    tag: 'exchange',
    access: 'public',
    params: z.object({ resource: z.string().min(1).max(64) }),
    query: z.object({
      format: z.enum(['csv', 'xlsx', 'json', 'geojson']).default('csv'),
      hxl: z.enum(['0', '1', 'true', 'false']).optional(),
    }),
    handler: async ({ params, query }, request, reply) => {
      const ctx = ctxOf(request);
      const hxl = query.hxl === '1' || query.hxl === 'true' || query.format === 'xlsx';
      const body = exportRecords(ctx, params.resource, { format: query.format, hxl });
      const ext = query.format === 'geojson' ? 'geojson' : query.format;
      reply.header('content-type', exportContentTypes[query.format]);
      reply.header('content-disposition', `attachment; filename="${params.resource}.${ext}"`);
      return reply.send(Readable.from(body));
    },
  }),
];
