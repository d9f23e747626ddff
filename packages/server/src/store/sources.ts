import type { Db } from './db.ts';
import type { ColumnValues } from './registry.ts';

/**
 * Sources' own SQL: the content-addressed insert, the text, and the near-duplicate index
 * (MinHash bands and similarity links). Metadata reads and patches use the generic registry SQL.
 */

/** The source of an operation with this text (deleted ones too: the text stays one source). */
export async function findSourceByContent(
  db: Db,
  operationId: string,
  sha256: string,
): Promise<{ id: string; deleted: boolean } | undefined> {
  const result = await db.query<{ id: string; deleted: boolean }>(
    'SELECT id, deleted_at IS NOT NULL AS deleted FROM sources WHERE operation_id = $1 AND content_sha256 = $2',
    [operationId, sha256],
  );
  return result.rows[0];
}

export interface SourceContent {
  text: string;
  sha256: string;
  length: number;
  /** The MinHash signature as signed 32-bit integers; null when the text has no words. */
  minhash: number[] | null;
}

/**
 * Inserts a source; with a text, does nothing when the operation already holds it (a concurrent
 * ingest of the same text) and answers false.
 */
export async function insertSource(
  db: Db,
  row: { id: string; values: ColumnValues; searchTerms: string; content: SourceContent | null },
): Promise<boolean> {
  const columns: string[] = ['id'];
  const params: unknown[] = [row.id];
  for (const [column, value] of Object.entries(row.values)) {
    if (value === undefined) continue;
    columns.push(column);
    params.push(value);
  }
  columns.push('search_terms');
  params.push(row.searchTerms);
  if (row.content) {
    columns.push('content', 'content_sha256', 'content_length', 'minhash');
    params.push(row.content.text, row.content.sha256, row.content.length, row.content.minhash);
  }
  const placeholders = params.map((_, i) => `$${i + 1}`).join(', ');
  const conflict = row.content ? ' ON CONFLICT (operation_id, content_sha256) DO NOTHING' : '';
  const result = await db.query(
    `INSERT INTO sources (${columns.join(', ')}) VALUES (${placeholders})${conflict} RETURNING id`,
    params,
  );
  return (result.rowCount ?? 0) > 0;
}

/** Brings back a deleted source (its text was ingested again). */
export async function restoreSource(db: Db, operationId: string, id: string): Promise<void> {
  await db.query(
    'UPDATE sources SET deleted_at = NULL, updated_at = now() WHERE operation_id = $1 AND id = $2 AND deleted_at IS NOT NULL',
    [operationId, id],
  );
}

/** The stored signature of a source, as signed 32-bit integers. */
export async function sourceMinhash(db: Db, operationId: string, id: string): Promise<number[] | null> {
  const result = await db.query<{ minhash: number[] | null }>(
    'SELECT minhash FROM sources WHERE operation_id = $1 AND id = $2',
    [operationId, id],
  );
  return result.rows[0]?.minhash ?? null;
}

export async function insertSourceBands(
  db: Db,
  operationId: string,
  sourceId: string,
  bands: readonly bigint[],
): Promise<void> {
  if (bands.length === 0) return;
  await db.query(
    `INSERT INTO source_bands (operation_id, band, hash, source_id)
     SELECT $1, b.band - 1, b.hash, $2 FROM unnest($3::bigint[]) WITH ORDINALITY AS b(hash, band)
     ON CONFLICT DO NOTHING`,
    [operationId, sourceId, bands.map(String)],
  );
}

export interface SourceCandidate {
  id: string;
  minhash: number[];
  content_length: number;
  shared_bands: number;
}

/**
 * Live sources of the operation sharing at least one band hash with the given bands: the only
 * ones that can be near-duplicates. Most shared bands first.
 */
export async function sourceCandidates(
  db: Db,
  operationId: string,
  sourceId: string,
  bands: readonly bigint[],
  limit: number,
): Promise<SourceCandidate[]> {
  if (bands.length === 0) return [];
  const result = await db.query<SourceCandidate>(
    `SELECT s.id, s.minhash, s.content_length, count(*)::int AS shared_bands
     FROM unnest($3::bigint[]) WITH ORDINALITY AS q(hash, band)
     JOIN source_bands b ON b.operation_id = $1 AND b.band = q.band - 1 AND b.hash = q.hash
     JOIN sources s ON s.operation_id = b.operation_id AND s.id = b.source_id
     WHERE b.source_id <> $2 AND s.deleted_at IS NULL AND s.minhash IS NOT NULL
     GROUP BY s.id, s.minhash, s.content_length
     ORDER BY shared_bands DESC, s.id
     LIMIT $4`,
    [operationId, sourceId, bands.map(String), limit],
  );
  return result.rows;
}

/** The texts of some sources of an operation. */
export async function sourceTexts(
  db: Db,
  operationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const result = await db.query<{ id: string; content: string }>(
    'SELECT id, content FROM sources WHERE operation_id = $1 AND id = ANY($2::uuid[]) AND content IS NOT NULL',
    [operationId, [...ids]],
  );
  return new Map(result.rows.map((row) => [row.id, row.content]));
}

/** Links near-duplicates (each pair once, the smaller id first); a known pair keeps its first measure. */
export async function linkSimilarSources(
  db: Db,
  operationId: string,
  sourceId: string,
  links: readonly { id: string; similarity: number }[],
): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `INSERT INTO source_similarities (operation_id, source_id, similar_id, similarity)
     SELECT $1, LEAST($2::uuid, l.id), GREATEST($2::uuid, l.id), l.similarity
     FROM unnest($3::uuid[], $4::real[]) AS l(id, similarity)
     ON CONFLICT DO NOTHING`,
    [operationId, sourceId, links.map((link) => link.id), links.map((link) => link.similarity)],
  );
}

export interface SimilarSourceRow {
  of_id: string;
  id: string;
  title: string | null;
  similarity: number;
}

/** The live near-duplicates of some sources, most similar first. */
export async function similarSources(
  db: Db,
  sources: readonly { operationId: string; id: string }[],
): Promise<SimilarSourceRow[]> {
  if (sources.length === 0) return [];
  const result = await db.query<SimilarSourceRow>(
    `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS w(operation_id, id))
     SELECT l.of_id, s.id, s.title, l.similarity
     FROM (
       SELECT x.operation_id, x.source_id AS of_id, x.similar_id AS other_id, x.similarity
       FROM source_similarities x JOIN wanted w ON x.operation_id = w.operation_id AND x.source_id = w.id
       UNION ALL
       SELECT x.operation_id, x.similar_id, x.source_id, x.similarity
       FROM source_similarities x JOIN wanted w ON x.operation_id = w.operation_id AND x.similar_id = w.id
     ) l
     JOIN sources s ON s.operation_id = l.operation_id AND s.id = l.other_id
     WHERE s.deleted_at IS NULL
     ORDER BY l.of_id, l.similarity DESC, s.id`,
    [sources.map((source) => source.operationId), sources.map((source) => source.id)],
  );
  return result.rows;
}

/** A live source's text and its SHA-256 (null for a source known by its metadata only). */
export async function findSourceText(
  db: Db,
  id: string,
): Promise<{ id: string; content: string | null; content_sha256: string | null } | undefined> {
  const result = await db.query<{ id: string; content: string | null; content_sha256: string | null }>(
    'SELECT id, content, content_sha256 FROM sources WHERE id = $1 AND deleted_at IS NULL',
    [id],
  );
  return result.rows[0];
}
