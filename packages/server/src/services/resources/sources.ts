import {
  AppError,
  type SimilarSource,
  SourceIngestInput,
  SourceListQuery,
  SourcePatch,
  type SourcePublished,
  SourceView,
} from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import type { ColumnValues, Row } from '../../store/registry.ts';
import { similarSources } from '../../store/sources.ts';
import { defined, defineResource, meta } from '../resource.ts';

type View = SourceView;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The publication date as columns; `undefined` (a patch that does not mention it) writes nothing. */
function publishedColumns(published: SourcePublished | null | undefined): ColumnValues {
  if (published === undefined) return {};
  if (published === null) return { published_on: null };
  return { published_on: published.date, published_precision: published.precision };
}

/**
 * Sources are read, patched (metadata only) and deleted by the generic machinery; they are created
 * only by `ingestSource` (POST /api/sources), which identifies the text by its SHA-256 and links
 * near-duplicates. The text itself is never in a list: `GET /api/sources/:id/text` gives it.
 */
export const sources = defineResource({
  resource: 'source',
  write: 'evidence.write',
  path: 'sources',
  create: 'custom',
  table: {
    table: 'sources',
    columns: [
      'operation_id',
      'kind',
      'title',
      'language',
      'outlet_id',
      'author_person_id',
      'author_text',
      'url',
      'published_on',
      'published_precision',
      'retrieved_at',
      'sensitivity',
    ],
    derived: 't.content_sha256, t.content_length',
  },
  input: SourceIngestInput,
  patch: SourcePatch,
  query: SourceListQuery,
  view: SourceView,
  toColumns: (input) =>
    defined({
      operation_id: input.operationId,
      kind: input.kind,
      title: input.title,
      language: input.language,
      outlet_id: input.outletId,
      author_person_id: input.authorPersonId,
      author_text: input.authorText,
      url: input.url,
      ...publishedColumns(input.published),
      retrieved_at: input.retrievedAt,
      sensitivity: input.sensitivity,
    }),
  present: (row, extra): View => ({
    ...meta(row),
    operationId: String(row.operation_id),
    kind: row.kind as View['kind'],
    title: text(row.title),
    language: text(row.language),
    outletId: text(row.outlet_id),
    authorPersonId: text(row.author_person_id),
    authorText: text(row.author_text),
    url: text(row.url),
    published:
      typeof row.published_on === 'string'
        ? { date: row.published_on, precision: row.published_precision as SourcePublished['precision'] }
        : null,
    retrievedAt: row.retrieved_at instanceof Date ? row.retrieved_at.toISOString() : null,
    sensitivity: row.sensitivity as View['sensitivity'],
    sha256: text(row.content_sha256),
    contentLength: typeof row.content_length === 'number' ? row.content_length : null,
    similar: (extra as SimilarSource[] | undefined) ?? [],
  }),
  searchText: (row) => searchTerms(text(row.title), text(row.author_text)),
  children: {
    async load(db, rows) {
      const links = await similarSources(
        db,
        rows.map((row) => ({ operationId: String(row.operation_id), id: row.id })),
      );
      const byId = new Map<string, SimilarSource[]>();
      for (const link of links) {
        const list = byId.get(link.of_id) ?? [];
        list.push({ sourceId: link.id, title: link.title, similarity: link.similarity });
        byId.set(link.of_id, list);
      }
      return byId;
    },
  },
  // The generic create path would store no text, no SHA-256 and no near-duplicate links.
  async prepare(_ctx, _tx, rows: { current?: Row }[]) {
    if (rows.some((row) => row.current === undefined)) throw new AppError('source.ingest_required');
  },
  references: [
    { field: 'operationId', column: 'operation_id', table: 'operations', resource: 'operation' },
    { field: 'outletId', column: 'outlet_id', table: 'organizations', resource: 'organization' },
    { field: 'authorPersonId', column: 'author_person_id', table: 'persons', resource: 'person' },
  ],
  uniques: { sources_pkey: 'id', sources_operation_id_content_sha256_key: 'text' },
  filters: {
    operationId: 'operation_id',
    kind: 'kind',
    outletId: 'outlet_id',
    authorPersonId: 'author_person_id',
    language: 'language',
    sha256: 'content_sha256',
    sensitivity: 'sensitivity',
    from: 't.published_on >= $?',
    to: 't.published_on <= $?',
  },
  sorts: {
    published: 'published_on',
    title: 'title',
    kind: 'kind',
    createdAt: 'created_at',
    updatedAt: 'updated_at',
  },
  defaultSort: 'createdAt',
});
