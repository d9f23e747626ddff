import type { Db } from './db.ts';

export interface PipelineFilter {
  operationId?: string;
  itemId?: string;
  adminUnitId?: string;
  from?: string;
  to?: string;
}

export interface PipelineRowOut {
  item_id: string;
  name_ar: string | null;
  name_en: string | null;
  base_unit: string;
  pledged: string;
  dispatched: string;
  received: string;
  distributed: string;
  lost: string;
  in_pipeline: string;
  in_stock: string;
  planned_distribution: string;
}

/**
 * The pipeline of each item: pledged → dispatched → received → distributed, with what is lost,
 * in a shipment's pipeline, in stock, and planned for distribution, all in base units. Ledger
 * figures are net of reversals (a reversal counts against the stage of the line it reverses;
 * returns count against dispatched). Place filters keep what happened inside an admin unit.
 */
export async function pipelineByItem(db: Db, f: PipelineFilter): Promise<PipelineRowOut[]> {
  const result = await db.query<PipelineRowOut>(
    `WITH places AS (
       SELECT id FROM admin_units WHERE $3::uuid IS NULL OR admin_unit_within(id, $3::uuid)
     ),
     ledger AS (
       SELECT m.item_id,
              coalesce(sum(m.q) FILTER (WHERE m.type = 'dispatch'), 0)
                - coalesce(sum(m.q) FILTER (WHERE m.type = 'return'), 0) AS dispatched,
              sum(m.q) FILTER (WHERE m.type = 'receipt') AS received,
              sum(m.q) FILTER (WHERE m.type = 'distribution') AS distributed,
              sum(m.q) FILTER (WHERE m.type = 'loss') AS lost
       FROM (SELECT *, CASE WHEN reverses_id IS NULL THEN quantity ELSE -quantity END AS q FROM stock_movements) m
       WHERE ($1::uuid IS NULL OR m.operation_id = $1) AND ($2::uuid IS NULL OR m.item_id = $2)
         AND ($3::uuid IS NULL OR m.place_admin_unit_id IN (SELECT id FROM places))
         AND ($4::date IS NULL OR m.occurred_at >= $4::date) AND ($5::date IS NULL OR m.occurred_at < $5::date + 1)
       GROUP BY m.item_id
     ),
     pledged AS (
       SELECT item_id, sum(base_quantity) AS pledged FROM pledges
       WHERE deleted_at IS NULL AND modality = 'in_kind'
         AND ($1::uuid IS NULL OR operation_id = $1) AND ($2::uuid IS NULL OR item_id = $2)
         AND ($3::uuid IS NULL OR place_admin_unit_id IN (SELECT id FROM places))
         AND ($4::date IS NULL OR period_start >= $4::date) AND ($5::date IS NULL OR period_start <= $5::date)
       GROUP BY item_id
     ),
     planned AS (
       SELECT item_id, sum(base_quantity) AS planned FROM distributions
       WHERE deleted_at IS NULL AND status = 'planned'
         AND ($1::uuid IS NULL OR operation_id = $1) AND ($2::uuid IS NULL OR item_id = $2)
         AND ($3::uuid IS NULL OR place_admin_unit_id IN (SELECT id FROM places))
       GROUP BY item_id
     ),
     balances AS (
       SELECT b.item_id,
              sum(b.quantity) FILTER (WHERE b.account_kind = 'site') AS in_stock,
              sum(b.quantity) FILTER (WHERE b.account_kind = 'pipeline') AS in_pipeline
       FROM stock_balances b
       LEFT JOIN sites st ON b.account_kind = 'site' AND st.id = b.account_ref
       LEFT JOIN shipments sh ON b.account_kind = 'pipeline' AND sh.operation_id = b.operation_id AND sh.id = b.account_ref
       WHERE ($1::uuid IS NULL OR b.operation_id = $1) AND ($2::uuid IS NULL OR b.item_id = $2)
         AND ($3::uuid IS NULL OR coalesce(st.admin_unit_id, sh.destination_admin_unit_id) IN (SELECT id FROM places))
       GROUP BY b.item_id
     )
     SELECT i.id AS item_id, i.name_ar, i.name_en, i.base_unit,
            coalesce(p.pledged, 0) AS pledged, coalesce(l.dispatched, 0) AS dispatched,
            coalesce(l.received, 0) AS received, coalesce(l.distributed, 0) AS distributed,
            coalesce(l.lost, 0) AS lost, coalesce(b.in_pipeline, 0) AS in_pipeline,
            coalesce(b.in_stock, 0) AS in_stock, coalesce(pl.planned, 0) AS planned_distribution
     FROM items i
     LEFT JOIN ledger l ON l.item_id = i.id
     LEFT JOIN pledged p ON p.item_id = i.id
     LEFT JOIN planned pl ON pl.item_id = i.id
     LEFT JOIN balances b ON b.item_id = i.id
     WHERE i.deleted_at IS NULL AND ($2::uuid IS NULL OR i.id = $2)
       AND (l.item_id IS NOT NULL OR p.item_id IS NOT NULL OR pl.item_id IS NOT NULL OR b.item_id IS NOT NULL
            OR $2::uuid IS NOT NULL)
     ORDER BY coalesce(i.name_en, i.name_ar)`,
    [f.operationId ?? null, f.itemId ?? null, f.adminUnitId ?? null, f.from ?? null, f.to ?? null],
  );
  return result.rows;
}

export interface ThreeWFilter {
  operationId?: string;
  organizationId?: string;
  sector?: string;
  governorateId?: string;
  from?: string;
  to?: string;
  groupBy: 'month' | 'quarter' | 'year';
}

export interface ThreeWRowOut {
  organization_id: string | null;
  org_name_ar: string | null;
  org_name_en: string | null;
  sector: string;
  governorate_id: string | null;
  gov_pcode: string | null;
  gov_name_ar: string | null;
  gov_name_en: string | null;
  period: string;
  status: 'completed' | 'planned';
  activities: number;
  items: number;
  individuals: string;
}

/**
 * Who does what where, when: distributions by organization × sector × governorate × period.
 * Completed ones come from the ledger (net of reversals), planned ones from the plan.
 */
export async function threeW(db: Db, f: ThreeWFilter): Promise<ThreeWRowOut[]> {
  const result = await db.query<ThreeWRowOut>(
    `WITH gov AS (SELECT id, governorate_of(id) AS governorate_id FROM admin_units),
     activity AS (
       SELECT m.organization_id, i.sector, g.governorate_id, m.occurred_at AT TIME ZONE 'UTC' AS at,
              'completed' AS status, m.item_id,
              CASE WHEN m.reverses_id IS NULL THEN 1 ELSE -1 END AS s, coalesce(d.individuals, 0) AS individuals
       FROM stock_movements m
       JOIN items i ON i.id = m.item_id
       LEFT JOIN gov g ON g.id = m.place_admin_unit_id
       LEFT JOIN distributions d ON d.operation_id = m.operation_id AND d.id = m.distribution_id
       WHERE m.type = 'distribution' AND ($1::uuid IS NULL OR m.operation_id = $1)
       UNION ALL
       SELECT d.organization_id, i.sector, g.governorate_id, d.period_start::timestamp,
              'planned', d.item_id, 1, coalesce(d.individuals, 0)
       FROM distributions d
       JOIN items i ON i.id = d.item_id
       LEFT JOIN gov g ON g.id = d.place_admin_unit_id
       WHERE d.deleted_at IS NULL AND d.status = 'planned' AND ($1::uuid IS NULL OR d.operation_id = $1)
     )
     SELECT a.organization_id, o.name_ar AS org_name_ar, o.name_en AS org_name_en, a.sector,
            a.governorate_id, u.pcode AS gov_pcode, u.name_ar AS gov_name_ar, u.name_en AS gov_name_en,
            coalesce(to_char(date_trunc($7, a.at), 'YYYY-MM-DD'), 'undated') AS period, a.status,
            sum(a.s)::int AS activities, count(DISTINCT a.item_id)::int AS items,
            sum(a.s * a.individuals) AS individuals
     FROM activity a
     LEFT JOIN organizations o ON o.id = a.organization_id
     LEFT JOIN admin_units u ON u.id = a.governorate_id
     WHERE ($2::uuid IS NULL OR a.organization_id = $2) AND ($3::text IS NULL OR a.sector = $3)
       AND ($4::uuid IS NULL OR a.governorate_id = $4)
       AND ($5::date IS NULL OR a.at >= $5::date) AND ($6::date IS NULL OR a.at < $6::date + 1)
     GROUP BY a.organization_id, o.name_ar, o.name_en, a.sector, a.governorate_id, u.pcode, u.name_ar, u.name_en,
              date_trunc($7, a.at), a.status
     HAVING sum(a.s) <> 0
     ORDER BY period, u.pcode NULLS LAST, coalesce(o.name_en, o.name_ar), a.sector, a.status`,
    [
      f.operationId ?? null,
      f.organizationId ?? null,
      f.sector ?? null,
      f.governorateId ?? null,
      f.from ?? null,
      f.to ?? null,
      f.groupBy,
    ],
  );
  return result.rows;
}
