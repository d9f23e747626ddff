import type { Db } from './db.ts';

/**
 * The review queue's SQL (014_review.sql). A candidate is seen and changed through its source:
 * row-level security checks the source, and every read here also skips deleted sources.
 */

export interface CandidateRow {
  id: string;
  operation_id: string;
  source_id: string;
  kind: 'event' | 'quantity';
  fact_type: string;
  extracted: unknown;
  span_start: number;
  span_end: number;
  span_text: string;
  proposal: unknown;
  status: 'pending' | 'accepted' | 'rejected';
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  edits: unknown;
  record_resource: string | null;
  record_id: string | null;
  record_created: boolean | null;
  claim_ids: string[];
  created_at: Date;
  updated_at: Date;
  /** The source's owner: who may decide besides the hub. */
  source_owner: string | null;
}

export interface NewCandidate {
  id: string;
  operationId: string;
  sourceId: string;
  kind: 'event' | 'quantity';
  factType: string;
  extracted: unknown;
  start: number;
  end: number;
  text: string;
  proposal: unknown;
}

const selectCandidate = `SELECT c.*, s.owner_organization_id AS source_owner
  FROM review_candidates c JOIN sources s ON s.operation_id = c.operation_id AND s.id = c.source_id`;

/**
 * Inserts the candidates that are not in the queue yet (by source, kind, type and span) and
 * answers the id of every one, new or already there, in the order given.
 */
export async function insertCandidates(
  db: Db,
  rows: readonly NewCandidate[],
): Promise<{ ids: string[]; created: Set<string> }> {
  if (rows.length === 0) return { ids: [], created: new Set() };
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO review_candidates (id, operation_id, source_id, kind, fact_type, extracted, span_start, span_end,
                                    span_text, proposal)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::int[],
                          $8::int[], $9::text[], $10::jsonb[])
     ON CONFLICT (source_id, kind, fact_type, span_start, span_end) DO NOTHING
     RETURNING id`,
    [
      rows.map((row) => row.id),
      rows.map((row) => row.operationId),
      rows.map((row) => row.sourceId),
      rows.map((row) => row.kind),
      rows.map((row) => row.factType),
      rows.map((row) => JSON.stringify(row.extracted)),
      rows.map((row) => row.start),
      rows.map((row) => row.end),
      rows.map((row) => row.text),
      rows.map((row) => JSON.stringify(row.proposal)),
    ],
  );
  const keys = await db.query<{
    id: string;
    kind: string;
    fact_type: string;
    span_start: number;
    span_end: number;
  }>(`SELECT id, kind, fact_type, span_start, span_end FROM review_candidates WHERE source_id = $1`, [
    rows[0]?.sourceId,
  ]);
  const key = (kind: string, type: string, start: number, end: number) => `${kind}/${type}/${start}/${end}`;
  const byKey = new Map(
    keys.rows.map((row) => [key(row.kind, row.fact_type, row.span_start, row.span_end), row.id]),
  );
  return {
    ids: rows.map((row) => byKey.get(key(row.kind, row.factType, row.start, row.end)) ?? row.id),
    created: new Set(inserted.rows.map((row) => row.id)),
  };
}

export async function findCandidate(db: Db, id: string, lock = false): Promise<CandidateRow | undefined> {
  const result = await db.query<CandidateRow>(
    `${selectCandidate} WHERE c.id = $1 AND s.deleted_at IS NULL${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return result.rows[0];
}

export interface CandidateFilter {
  status?: string;
  sourceId?: string;
  kind?: string;
}

/** A page of the queue, oldest first and in text order within a source. */
export async function listCandidates(
  db: Db,
  filter: CandidateFilter,
  limit: number,
  offset: number,
): Promise<{ rows: CandidateRow[]; total: number }> {
  const conditions = ['s.deleted_at IS NULL'];
  const params: unknown[] = [];
  for (const [column, value] of [
    ['c.status', filter.status],
    ['c.source_id', filter.sourceId],
    ['c.kind', filter.kind],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  }
  const where = conditions.join(' AND ');
  // One after the other: `db` may be a transaction's single connection.
  const page = await db.query<CandidateRow>(
    `${selectCandidate} WHERE ${where}
     ORDER BY c.created_at, c.source_id, c.span_start, c.span_end, c.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, limit, offset],
  );
  const count = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM review_candidates c
     JOIN sources s ON s.operation_id = c.operation_id AND s.id = c.source_id WHERE ${where}`,
    params,
  );
  return { rows: page.rows, total: count.rows[0]?.total ?? 0 };
}

export interface Decision {
  status: 'accepted' | 'rejected';
  decidedBy: string;
  reason?: string | null;
  edits?: unknown;
  record?: { resource: string; id: string; created: boolean } | null;
  claimIds?: readonly string[];
}

/** Records a decision on a pending candidate; answers false when it was decided meanwhile. */
export async function decideCandidate(db: Db, id: string, decision: Decision): Promise<boolean> {
  const result = await db.query(
    `UPDATE review_candidates
     SET status = $2, decided_by = $3, decided_at = now(), reason = $4, edits = $5::jsonb,
         record_resource = $6, record_id = $7, record_created = $8, claim_ids = $9::uuid[], updated_at = now()
     WHERE id = $1 AND status = 'pending'`,
    [
      id,
      decision.status,
      decision.decidedBy,
      decision.reason ?? null,
      decision.edits === undefined ? null : JSON.stringify(decision.edits),
      decision.record?.resource ?? null,
      decision.record?.id ?? null,
      decision.record?.created ?? null,
      [...(decision.claimIds ?? [])],
    ],
  );
  return (result.rowCount ?? 0) > 0;
}

export interface ReviewSourceRow {
  id: string;
  operation_id: string;
  content: string | null;
  language: string | null;
  published_on: string | null;
  published_precision: 'day' | 'month' | 'year';
  outlet_id: string | null;
  owner_organization_id: string | null;
  sensitivity: string;
}

/** What extraction and acceptance need of a live source (the text included). */
export async function findReviewSource(db: Db, id: string): Promise<ReviewSourceRow | undefined> {
  const result = await db.query<ReviewSourceRow>(
    `SELECT id, operation_id, content, language, published_on, published_precision, outlet_id,
            owner_organization_id, sensitivity
     FROM sources WHERE id = $1 AND deleted_at IS NULL`,
    [id],
  );
  return result.rows[0];
}

export interface NamedRow {
  id: string;
  name_en: string | null;
  name_ar: string | null;
  acronym: string | null;
}

/** Live organizations or items whose search terms match a to_tsquery string, best first. */
export async function searchNamed(
  db: Db,
  table: 'organizations' | 'items',
  tsquery: string,
  limit: number,
): Promise<NamedRow[]> {
  const acronym = table === 'organizations' ? 'acronym' : 'code';
  const result = await db.query<NamedRow>(
    `SELECT id, name_en, name_ar, ${acronym} AS acronym FROM ${table}
     WHERE deleted_at IS NULL AND search @@ to_tsquery('simple', $1)
     ORDER BY ts_rank(search, to_tsquery('simple', $1)) DESC, id LIMIT $2`,
    [tsquery, limit],
  );
  return result.rows;
}

/** Live admin units by p-code (countries are level-0 units whose p-code is their ISO code). */
export async function adminUnitIdsByPcode(db: Db, pcodes: readonly string[]): Promise<Map<string, string>> {
  if (pcodes.length === 0) return new Map();
  const result = await db.query<{ id: string; pcode: string }>(
    'SELECT id, pcode FROM admin_units WHERE pcode = ANY($1::text[]) AND deleted_at IS NULL',
    [[...new Set(pcodes)]],
  );
  return new Map(result.rows.map((row) => [row.pcode, row.id]));
}
