import type { Db } from './db.ts';

/** Claims, their verifications and contradictions; the figures the claimed-vs-confirmed report compares. */

/** A source's summary as claims cite it (never its text), as JSON built by the database. */
export const sourceSummarySql = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'kind', ${alias}.kind, 'title', ${alias}.title,
     'outletId', ${alias}.outlet_id, 'publishedOn', ${alias}.published_on,
     'publishedPrecision', ${alias}.published_precision)`;

export interface SourceSummaryRow {
  id: string;
  kind: string;
  title: string | null;
  outletId: string | null;
  publishedOn: string | null;
  publishedPrecision: 'day' | 'month' | 'year';
}

export interface SourceTextRow {
  operation_id: string;
  id: string;
  content: string | null;
}

/** Live sources among `ids`, with their text, keyed by `operation:id`. */
export async function sourceTexts(db: Db, ids: readonly string[]): Promise<Map<string, SourceTextRow>> {
  const result = await db.query<SourceTextRow>(
    'SELECT operation_id, id, content FROM sources WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
    [[...new Set(ids)]],
  );
  return new Map(result.rows.map((row) => [`${row.operation_id}:${row.id}`, row]));
}

export async function sourceSummaries(db: Db, ids: readonly string[]): Promise<SourceSummaryRow[]> {
  if (ids.length === 0) return [];
  const result = await db.query<{ summary: SourceSummaryRow }>(
    `SELECT ${sourceSummarySql('s')} AS summary FROM sources s WHERE s.id = ANY($1::uuid[]) ORDER BY s.id`,
    [[...new Set(ids)]],
  );
  return result.rows.map((row) => row.summary);
}

export interface VerificationRow {
  id: string;
  claim_id: string;
  from_status: string;
  to_status: string;
  method: string;
  reason_ar: string | null;
  reason_en: string | null;
  actor: string;
  by_organization_id: string | null;
  evidence_source_id: string | null;
  verified_at: Date;
  proposed: boolean;
}

/** Each claim's verifications, oldest first. */
export async function verificationsOf(
  db: Db,
  claimIds: readonly string[],
): Promise<Map<string, VerificationRow[]>> {
  const result = await db.query<VerificationRow>(
    `SELECT id, claim_id, from_status, to_status, method, reason_ar, reason_en, actor, by_organization_id,
            evidence_source_id, verified_at, proposed
     FROM claim_verifications WHERE claim_id = ANY($1::uuid[]) ORDER BY claim_id, verified_at, id`,
    [claimIds],
  );
  const byClaim = new Map<string, VerificationRow[]>();
  for (const row of result.rows) byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), row]);
  return byClaim;
}

export interface NewVerification {
  operationId: string;
  id: string;
  claimId: string;
  fromStatus: string;
  toStatus: string;
  method: string;
  reasonAr: string | null;
  reasonEn: string | null;
  actor: string;
  byOrganizationId: string | null;
  evidenceSourceId: string | null;
  verifiedAt: Date;
  proposed: boolean;
}

export async function insertVerification(db: Db, v: NewVerification): Promise<void> {
  await db.query(
    `INSERT INTO claim_verifications (operation_id, id, claim_id, from_status, to_status, method, reason_ar,
                                      reason_en, actor, by_organization_id, evidence_source_id, verified_at,
                                      proposed)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      v.operationId,
      v.id,
      v.claimId,
      v.fromStatus,
      v.toStatus,
      v.method,
      v.reasonAr,
      v.reasonEn,
      v.actor,
      v.byOrganizationId,
      v.evidenceSourceId,
      v.verifiedAt,
      v.proposed,
    ],
  );
}

export async function setClaimStatus(db: Db, id: string, status: string): Promise<void> {
  await db.query('UPDATE claims SET status = $2, updated_at = now() WHERE id = $1 AND deleted_at IS NULL', [
    id,
    status,
  ]);
}

/** The live claims each claim contradicts (either side of the pair). */
export async function contradictionsOf(db: Db, claimIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = await db.query<{ claim_id: string; other_id: string }>(
    `SELECT pair.claim_id, pair.other_id
     FROM (SELECT claim_id, other_claim_id AS other_id FROM claim_contradictions WHERE claim_id = ANY($1::uuid[])
           UNION ALL
           SELECT other_claim_id, claim_id FROM claim_contradictions WHERE other_claim_id = ANY($1::uuid[])) pair
     JOIN claims c ON c.id = pair.other_id AND c.deleted_at IS NULL
     ORDER BY 1, 2`,
    [claimIds],
  );
  const byClaim = new Map<string, string[]>();
  for (const row of result.rows)
    byClaim.set(row.claim_id, [...(byClaim.get(row.claim_id) ?? []), row.other_id]);
  return byClaim;
}

/**
 * Other live claims (not deleted, not retracted) about the same subject and field, in the same
 * operation: the candidates a new claim may contradict.
 */
export async function liveClaimsAbout(
  db: Db,
  claim: { operationId: string; id: string; subjectResource: string; subjectId: string; field: string },
): Promise<{ id: string; value: unknown }[]> {
  const result = await db.query<{ id: string; value: unknown }>(
    `SELECT id, value FROM claims
     WHERE operation_id = $1 AND subject_resource = $2 AND subject_id = $3 AND field = $4 AND id <> $5
       AND deleted_at IS NULL AND status <> 'retracted'`,
    [claim.operationId, claim.subjectResource, claim.subjectId, claim.field, claim.id],
  );
  return result.rows;
}

/** Links contradicting claims, as ordered pairs; a pair already linked stays as it is. */
export async function insertContradictions(
  db: Db,
  operationId: string,
  pairs: readonly [string, string][],
): Promise<void> {
  if (pairs.length === 0) return;
  const ordered = pairs.map(([a, b]) => (a < b ? [a, b] : [b, a]));
  await db.query(
    `INSERT INTO claim_contradictions (operation_id, claim_id, other_claim_id)
     SELECT $1, p.a, p.b FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b)
     ON CONFLICT DO NOTHING`,
    [operationId, ordered.map((p) => p[0]), ordered.map((p) => p[1])],
  );
}

/**
 * The item a figure of a record counts, when there is one: a shipment line's item
 * ('lines.N.quantity'), a shipment's only item, a pledge's, distribution's or ledger line's item.
 */
export async function figureItemId(
  db: Db,
  subjectResource: string,
  subjectId: string,
  field: string,
): Promise<string | null> {
  const line = /^lines\.(\d+)\./.exec(field);
  let sql: string;
  const params: unknown[] = [subjectId];
  if (subjectResource === 'shipments' && line) {
    sql = 'SELECT item_id FROM shipment_lines WHERE shipment_id = $1 AND position = $2';
    params.push(Number(line[1]) + 1);
  } else if (subjectResource === 'shipments') {
    sql = `SELECT min(item_id::text)::uuid AS item_id FROM shipment_lines WHERE shipment_id = $1
           HAVING count(DISTINCT item_id) = 1`;
  } else if (subjectResource === 'pledges') {
    sql = 'SELECT item_id FROM pledges WHERE id = $1';
  } else if (subjectResource === 'distributions') {
    sql = 'SELECT item_id FROM distributions WHERE id = $1';
  } else if (subjectResource === 'stock-movements') {
    sql = 'SELECT item_id FROM stock_movements WHERE id = $1';
  } else if (subjectResource === 'items') {
    sql = 'SELECT id AS item_id FROM items WHERE id = $1';
  } else {
    return null;
  }
  const result = await db.query<{ item_id: string | null }>(sql, params);
  return result.rows[0]?.item_id ?? null;
}

// The claimed-vs-confirmed report.

export interface FigureClaimRow {
  id: string;
  operation_id: string;
  subject_resource: string;
  subject_id: string;
  field: string;
  value: unknown;
  status: string;
  claimant_organization_id: string | null;
  claimant_person_id: string | null;
  claimant_name_ar: string | null;
  claimant_name_en: string | null;
  quote_text: string | null;
  source: SourceSummaryRow | null;
}

export interface FigureClaimFilter {
  resources: readonly string[];
  operationId?: string | undefined;
  subjectResource?: string | undefined;
  subjectId?: string | undefined;
  status?: string | undefined;
}

/** Live claims about the report's resources, with the claimant's names and the source's summary. */
export async function figureClaims(db: Db, filter: FigureClaimFilter): Promise<FigureClaimRow[]> {
  const result = await db.query<FigureClaimRow>(
    `SELECT c.id, c.operation_id, c.subject_resource, c.subject_id, c.field, c.value, c.status,
            c.claimant_organization_id, c.claimant_person_id,
            coalesce(o.name_ar, p.name_ar) AS claimant_name_ar, coalesce(o.name_en, p.name_en) AS claimant_name_en,
            c.quote_text, CASE WHEN s.id IS NULL THEN NULL ELSE ${sourceSummarySql('s')} END AS source
     FROM claims c
     LEFT JOIN organizations o ON o.id = c.claimant_organization_id
     LEFT JOIN persons p ON p.id = c.claimant_person_id
     LEFT JOIN sources s ON s.operation_id = c.operation_id AND s.id = c.source_id
     WHERE c.deleted_at IS NULL AND c.subject_resource = ANY($1::text[])
       AND ($2::uuid IS NULL OR c.operation_id = $2)
       AND ($3::text IS NULL OR c.subject_resource = $3)
       AND ($4::uuid IS NULL OR c.subject_id = $4)
       AND ($5::text IS NULL OR c.status = $5)
     ORDER BY c.subject_resource, c.subject_id, c.field, c.created_at, c.id`,
    [
      filter.resources,
      filter.operationId ?? null,
      filter.subjectResource ?? null,
      filter.subjectId ?? null,
      filter.status ?? null,
    ],
  );
  return result.rows;
}

/** Ledger lines that still stand: neither reversed nor reversals themselves. */
const standingMovements = `m.reverses_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.operation_id = m.operation_id AND r.reverses_id = m.id)`;

export interface ShipmentFigureRow {
  shipment_id: string;
  line_position: number;
  item_id: string;
  planned: string;
}

export interface ShipmentLedgerRow {
  shipment_id: string;
  item_id: string;
  dispatched: string;
  received: string;
}

/** Live shipments' lines (position from 1, planned quantity in the item's base unit). */
export async function shipmentLines(db: Db, ids: readonly string[]): Promise<ShipmentFigureRow[]> {
  const result = await db.query<ShipmentFigureRow>(
    `SELECT l.shipment_id, l.position AS line_position, l.item_id, l.base_quantity AS planned
     FROM shipment_lines l JOIN shipments s ON s.operation_id = l.operation_id AND s.id = l.shipment_id
     WHERE l.shipment_id = ANY($1::uuid[]) AND s.deleted_at IS NULL
     ORDER BY l.shipment_id, l.position`,
    [ids],
  );
  return result.rows;
}

/** What the ledger shows of shipments, per item: dispatched (less returns) and received, in base units. */
export async function shipmentLedger(db: Db, ids: readonly string[]): Promise<ShipmentLedgerRow[]> {
  const result = await db.query<ShipmentLedgerRow>(
    `SELECT m.shipment_id, m.item_id,
            coalesce(sum(m.quantity) FILTER (WHERE m.type = 'dispatch'), 0)
              - coalesce(sum(m.quantity) FILTER (WHERE m.type = 'return'), 0) AS dispatched,
            coalesce(sum(m.quantity) FILTER (WHERE m.type = 'receipt' AND m.from_kind = 'pipeline'), 0) AS received
     FROM stock_movements m
     WHERE m.shipment_id = ANY($1::uuid[]) AND ${standingMovements}
     GROUP BY m.shipment_id, m.item_id`,
    [ids],
  );
  return result.rows;
}

export interface DistributionFigureRow {
  id: string;
  item_id: string;
  planned: string;
  individuals: number | null;
  households: number | null;
  distributed: string;
}

/** Live distributions: planned (base unit), distributed per the ledger (0 until completed), people counts. */
export async function distributionFigures(db: Db, ids: readonly string[]): Promise<DistributionFigureRow[]> {
  const result = await db.query<DistributionFigureRow>(
    `SELECT d.id, d.item_id, d.base_quantity AS planned, d.individuals, d.households,
            coalesce((SELECT sum(m.quantity) FROM stock_movements m
                      WHERE m.operation_id = d.operation_id AND m.distribution_id = d.id
                        AND m.type = 'distribution' AND ${standingMovements}), 0) AS distributed
     FROM distributions d WHERE d.id = ANY($1::uuid[]) AND d.deleted_at IS NULL`,
    [ids],
  );
  return result.rows;
}

export interface PledgeFigureRow {
  id: string;
  item_id: string | null;
  base_quantity: string | null;
  amount: string | null;
  currency: string | null;
}

export async function pledgeFigures(db: Db, ids: readonly string[]): Promise<PledgeFigureRow[]> {
  const result = await db.query<PledgeFigureRow>(
    `SELECT id, item_id, base_quantity, amount, currency FROM pledges
     WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
    [ids],
  );
  return result.rows;
}

export interface PopulationFigureRow {
  id: string;
  individuals: number | null;
  households: number | null;
}

export async function populationFigures(db: Db, ids: readonly string[]): Promise<PopulationFigureRow[]> {
  const result = await db.query<PopulationFigureRow>(
    `SELECT id, individuals, households FROM population_movements
     WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
    [ids],
  );
  return result.rows;
}
