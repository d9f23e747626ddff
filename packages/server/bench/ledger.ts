import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  defaultOperationId,
  factorToBase,
  type StockMovementInput,
  standardUnits,
  toBaseQuantity,
  uuidv7,
} from '@tansiq/core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { z } from 'zod';
import type { Ctx } from '../src/services/context.ts';
import { createRecords } from '../src/services/create-records.ts';
import { legsOf, recordStockMovements } from '../src/services/record-stock-movements.ts';
import { report3w } from '../src/services/report-3w.ts';
import { reportPipeline } from '../src/services/report-pipeline.ts';
import { reportStock } from '../src/services/report-stock.ts';
import { items, organizations, sites } from '../src/services/resources/registry.ts';
import type { PgPool as Pool } from '../src/store/db.ts';
import { movementColumns, stockOnHand } from '../src/store/ledger.ts';
import { type PipelineRowOut, pipelineByItem, type ThreeWRowOut, threeW } from '../src/store/pipeline.ts';
import {
  type BenchEnv,
  type Benchmark,
  type BenchResult,
  type Figure,
  mebibyte,
  type Ratio,
  type RssMonitor,
  Stopwatch,
  systemCtx,
} from './bench.ts';
import { generateItems, generateOrganizations, type ItemSpec, Prng } from './data.ts';

/**
 * The stock ledger at scale: N movement lines through recordStockMovements (validated, units
 * converted, references checked, one all-or-nothing transaction per batch) against the same
 * lines by COPY into a fresh database; then stock on hand, the 3W matrix and the pipeline report
 * over them, each through the app and by hand-written SQL.
 */

const defaultLines = 1_000_000;
const batchSize = 5000;
/** Lines of the one-transaction COPY probe, and of the first/last stretches whose rates are given. */
const probeLines = 50_000;
const warehouseCount = 20;
const itemCount = 50;
const organizationCount = 30;
/** Timed runs per query, after one warm-up run; the median is reported. */
const queryRuns = 7;
/** Goals of issue 3, item 8. */
const loadGoal = 0.5;
const queryGoal = 1.5;
/** The ledger spans two years, in order of occurrence. */
const ledgerStart = Date.UTC(2023, 0, 1);
const ledgerSpanMs = 730 * 24 * 3600 * 1000;

const movementKinds = ['receipt', 'transfer', 'distribution', 'loss', 'adjustment'] as const;
type MovementKind = (typeof movementKinds)[number];
const kindWeights: readonly (readonly [MovementKind, number])[] = [
  ['receipt', 18],
  ['transfer', 12],
  ['distribution', 55],
  ['loss', 5],
  ['adjustment', 10],
];
/** What share of a warehouse's stock of an item one outgoing line takes. */
const outgoingShare: Record<Exclude<MovementKind, 'receipt'>, readonly [low: number, high: number]> = {
  transfer: [0.1, 0.4],
  distribution: [0.005, 0.06],
  loss: [0.001, 0.02],
  adjustment: [0.001, 0.01],
};
const adjustmentReasons = [
  'Physical count after audit',
  'جرد دوري',
  'Recount: damaged cartons',
  'Data entry correction',
];

type MovementRequest = z.input<typeof StockMovementInput>;

// ─── The registry both databases share ───────────────────────────────────────────────────────────

/** A unit a quantity may be entered in, with how many thousandths of the base unit one is. */
interface EntryUnit {
  unit: string;
  milli: number;
}

interface Plan {
  items: { id: string; spec: ItemSpec; units: EntryUnit[] }[];
  warehouses: { id: string; adminUnitId: string; nameAr: string; nameEn: string; operator: number }[];
  organizations: { id: string; request: Record<string, unknown> }[];
}

/**
 * The units a quantity of this item may be entered in: those whose factor is a whole number of
 * thousandths of the base unit, so that every base quantity is exact in numeric(20, 6) and in the
 * generator's model (kg: g, kg, bag, tonne; not lb). Smallest first.
 */
function entryUnits(spec: ItemSpec): EntryUnit[] {
  const item = { baseUnit: spec.baseUnit, conversions: spec.conversions };
  const names = new Set([
    spec.baseUnit,
    ...spec.conversions.map((c) => c.unit),
    ...Object.keys(standardUnits),
  ]);
  const units: EntryUnit[] = [];
  for (const unit of names) {
    const factor = factorToBase(item, unit);
    if (factor === undefined) continue;
    const milli = Math.round(factor * 1000);
    if (milli >= 1 && Math.abs(factor * 1000 - milli) < 1e-9) units.push({ unit, milli });
  }
  return units.sort((a, b) => a.milli - b.milli);
}

async function adminUnits(db: Pool) {
  const result = await db.query<{
    id: string;
    level: number;
    name_ar: string | null;
    name_en: string | null;
  }>('SELECT id, level, name_ar, name_en FROM admin_units WHERE level IN (1, 2) ORDER BY pcode');
  if (result.rows.length === 0) throw new Error('no built-in admin units: did the migration seed them?');
  return result.rows;
}

/** Ids and requests decided once, so that both databases hold the very same registry. */
async function makePlan(db: Pool): Promise<Plan> {
  const prng = new Prng(31);
  const units = await adminUnits(db);
  const governorates = units.filter((u) => u.level === 1);
  const districts = units.filter((u) => u.level === 2);
  const organizationSpecs = generateOrganizations(organizationCount, organizationCount, 7);
  const plan: Plan = {
    items: generateItems(itemCount).map((spec) => ({ id: uuidv7(), spec, units: entryUnits(spec) })),
    warehouses: [],
    organizations: organizationSpecs.map((spec) => {
      const id = uuidv7();
      const names: Record<string, string> = {};
      if (spec.nameAr !== undefined) names.ar = spec.nameAr;
      if (spec.nameEn !== undefined) names.en = spec.nameEn;
      const request: Record<string, unknown> = { id, names, kind: spec.kind, sensitivity: spec.sensitivity };
      if (spec.acronym !== undefined) request.acronym = spec.acronym;
      if (spec.country !== undefined) request.country = spec.country;
      if (spec.externalIds !== undefined) request.externalIds = spec.externalIds;
      return { id, request };
    }),
  };
  // Half the warehouses in governorates (one each, in turn), half in districts picked at random.
  for (let i = 0; i < warehouseCount; i++) {
    const unit =
      i % 2 === 0 || districts.length === 0
        ? governorates[(i / 2) % Math.max(1, governorates.length)]
        : prng.pick(districts);
    if (!unit) throw new Error('no governorates among the built-in admin units');
    plan.warehouses.push({
      id: uuidv7(),
      adminUnitId: unit.id,
      nameAr: `مستودع ${unit.name_ar ?? unit.name_en ?? ''} ${i + 1}`,
      nameEn: `${unit.name_en ?? unit.name_ar ?? ''} Warehouse ${i + 1}`,
      operator: prng.int(organizationCount),
    });
  }
  for (const item of plan.items)
    if (item.units.length === 0) throw new Error(`item ${item.spec.code} has no exact entry unit`);
  return plan;
}

/** Items, organizations and warehouses through createRecords, with the plan's ids. */
async function createRegistry(db: Pool, plan: Plan): Promise<void> {
  const units = await adminUnits(db);
  const known = new Set(units.map((u) => u.id));
  if (plan.warehouses.some((w) => !known.has(w.adminUnitId)))
    throw new Error('the databases have different built-in admin units');
  const ctx = systemCtx(db);
  await createRecords(
    ctx,
    items,
    plan.items.map(({ id, spec }) => ({
      id,
      code: spec.code,
      names: { ar: spec.nameAr, en: spec.nameEn },
      category: spec.category,
      sector: spec.sector,
      baseUnit: spec.baseUnit,
      unitKind: spec.unitKind,
      conversions: spec.conversions,
    })),
  );
  await createRecords(
    ctx,
    organizations,
    plan.organizations.map((o) => o.request),
  );
  await createRecords(
    ctx,
    sites,
    plan.warehouses.map((w) => ({
      id: w.id,
      names: { ar: w.nameAr, en: w.nameEn },
      type: 'warehouse',
      adminUnitId: w.adminUnitId,
      operatorId: plan.organizations[w.operator]?.id ?? null,
      status: 'active',
      sensitivity: 'restricted',
    })),
  );
}

// ─── The ledger lines ────────────────────────────────────────────────────────────────────────────

/**
 * N movement lines in compact columns (a million objects would weigh more than what is measured).
 * Site, item, organization and unit are indexes into the plan; -1 is none.
 */
interface Ledger {
  n: number;
  kind: Uint8Array;
  item: Uint8Array;
  from: Int8Array;
  to: Int8Array;
  organization: Int8Array;
  unit: Uint8Array;
  entered: Float64Array;
  occurredAt: Float64Array;
  reason: Uint8Array;
  /** Final stock of each warehouse × item, in thousandths of the base unit. */
  balances: Float64Array;
  counts: Record<MovementKind, number>;
}

/** The largest unit of which `milli` holds at least one, or the smallest when `small` (a loose count). */
function unitFor(units: readonly EntryUnit[], milli: number, small: boolean): number {
  let chosen = -1;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit && unit.milli <= milli) {
      chosen = u;
      if (small) break;
    }
  }
  return chosen;
}

/**
 * A realistic mix generated against a model of every warehouse's stock, so that no line would
 * take stock below zero (one refusal would abort its whole batch): receipts into every
 * warehouse × item first, then receipts, transfers, distributions (each by an organization),
 * losses and adjustments, in order of occurrence over two years. Outgoing quantities are a
 * fraction of what the model says is there, entered in whole units of the item's units.
 */
function generateLedger(plan: Plan, n: number, seed: number): Ledger {
  const prng = new Prng(seed);
  const itemTotal = plan.items.length;
  const siteTotal = plan.warehouses.length;
  const accounts = itemTotal * siteTotal;
  const ledger: Ledger = {
    n,
    kind: new Uint8Array(n),
    item: new Uint8Array(n),
    from: new Int8Array(n).fill(-1),
    to: new Int8Array(n).fill(-1),
    organization: new Int8Array(n).fill(-1),
    unit: new Uint8Array(n),
    entered: new Float64Array(n),
    occurredAt: new Float64Array(n),
    reason: new Uint8Array(n),
    balances: new Float64Array(accounts),
    counts: { receipt: 0, transfer: 0, distribution: 0, loss: 0, adjustment: 0 },
  };
  const { balances } = ledger;
  const unitsOf = (item: number) => plan.items[item]?.units ?? [];
  const initial = Math.min(n, Math.max(accounts, Math.round(n * 0.02)));

  const receipt = (i: number, site: number, item: number) => {
    const units = unitsOf(item);
    // 500 to 20,000 base units, in the largest unit that fits (tonnes, bags, vials, pallets…).
    const target = (500 + prng.int(19_500)) * 1000;
    const u = Math.max(0, unitFor(units, target, false));
    const milli = units[u]?.milli ?? 1000;
    const entered = Math.max(1, Math.floor(target / milli));
    ledger.kind[i] = movementKinds.indexOf('receipt');
    ledger.item[i] = item;
    ledger.to[i] = site;
    ledger.unit[i] = u;
    ledger.entered[i] = entered;
    if (prng.chance(0.6)) ledger.organization[i] = prng.int(organizationCount);
    balances[site * itemTotal + item] = (balances[site * itemTotal + item] ?? 0) + entered * milli;
    ledger.counts.receipt++;
  };

  /** Takes a fraction of a warehouse's stock out; false when there is too little of it. */
  const outgoing = (i: number, kind: MovementKind, low: number, high: number): boolean => {
    const site = prng.int(siteTotal);
    const item = prng.int(itemTotal);
    const account = site * itemTotal + item;
    const stock = balances[account] ?? 0;
    const wanted = Math.floor(stock * (low + prng.next() * (high - low)));
    const units = unitsOf(item);
    const u = unitFor(units, wanted, prng.chance(0.3));
    const milli = units[u]?.milli;
    if (milli === undefined) return false;
    const entered = Math.floor(wanted / milli);
    ledger.kind[i] = movementKinds.indexOf(kind);
    ledger.item[i] = item;
    ledger.from[i] = site;
    ledger.unit[i] = u;
    ledger.entered[i] = entered;
    balances[account] = stock - entered * milli;
    if (kind === 'transfer') {
      const to = (site + 1 + prng.int(siteTotal - 1)) % siteTotal;
      ledger.to[i] = to;
      balances[to * itemTotal + item] = (balances[to * itemTotal + item] ?? 0) + entered * milli;
      if (prng.chance(0.3)) ledger.organization[i] = prng.int(organizationCount);
    } else if (kind === 'distribution') {
      ledger.organization[i] = prng.int(organizationCount);
    } else if (kind === 'adjustment') {
      ledger.reason[i] = prng.int(adjustmentReasons.length);
    }
    ledger.counts[kind]++;
    return true;
  };

  for (let i = 0; i < n; i++) {
    ledger.occurredAt[i] = ledgerStart + Math.floor(((i + prng.next()) * ledgerSpanMs) / n / 1000) * 1000;
    if (i < initial) {
      const account = i % accounts;
      receipt(i, Math.floor(account / itemTotal), account % itemTotal);
      continue;
    }
    const kind = prng.weighted(kindWeights);
    let done = false;
    if (kind === 'adjustment' && prng.chance(0.4)) {
      // Stock found: 1 to 50 base units into a warehouse.
      const site = prng.int(siteTotal);
      const item = prng.int(itemTotal);
      const units = unitsOf(item);
      const u = Math.max(0, unitFor(units, 1000, false));
      const milli = units[u]?.milli ?? 1000;
      const entered = Math.max(1, Math.floor(((1 + prng.int(50)) * 1000) / milli));
      ledger.kind[i] = movementKinds.indexOf('adjustment');
      ledger.item[i] = item;
      ledger.to[i] = site;
      ledger.unit[i] = u;
      ledger.entered[i] = entered;
      ledger.reason[i] = prng.int(adjustmentReasons.length);
      balances[site * itemTotal + item] = (balances[site * itemTotal + item] ?? 0) + entered * milli;
      ledger.counts.adjustment++;
      done = true;
    } else if (kind !== 'receipt') {
      const [low, high] = outgoingShare[kind];
      for (let attempt = 0; attempt < 4 && !done; attempt++) done = outgoing(i, kind, low, high);
    }
    if (!done) receipt(i, prng.int(siteTotal), prng.int(itemTotal));
  }
  return ledger;
}

/** What a client sends for line i: optional fields absent. */
function movementRequest(plan: Plan, ledger: Ledger, i: number): MovementRequest {
  const item = plan.items[ledger.item[i] ?? 0];
  if (!item) throw new Error(`no item for line ${i}`);
  const kind = movementKinds[ledger.kind[i] ?? 0] ?? 'receipt';
  const request: MovementRequest = {
    type: kind,
    itemId: item.id,
    quantity: ledger.entered[i] ?? 0,
    unit: item.units[ledger.unit[i] ?? 0]?.unit ?? item.spec.baseUnit,
    occurredAt: new Date(ledger.occurredAt[i] ?? 0).toISOString(),
  };
  const from = plan.warehouses[ledger.from[i] ?? -1];
  const to = plan.warehouses[ledger.to[i] ?? -1];
  const organization = plan.organizations[ledger.organization[i] ?? -1];
  if (from) request.fromSiteId = from.id;
  if (to) request.toSiteId = to.id;
  if (organization) request.organizationId = organization.id;
  if (kind === 'adjustment') request.reason = adjustmentReasons[ledger.reason[i] ?? 0] ?? 'adjustment';
  return request;
}

const copyColumns = movementColumns;

/** COPY text format: tab-separated, \N for NULL, backslash escapes. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c,
  );
}

interface Lookup {
  items: Map<string, ItemSpec>;
  places: Map<string, string>;
}

/**
 * Line i as the service stores it, every column computed here: a uuidv7 id, the quantity in the
 * base unit (the same conversion), the legs, the place (the site's admin unit, from-site first).
 */
function copyLine(lookup: Lookup, request: MovementRequest): string {
  const item = lookup.items.get(request.itemId);
  if (!item) throw new Error(`unknown item ${request.itemId}`);
  const { from, to } = legsOf({
    type: request.type,
    fromSiteId: request.fromSiteId ?? null,
    toSiteId: request.toSiteId ?? null,
  });
  const placeSite = request.fromSiteId ?? request.toSiteId;
  const place = (placeSite && lookup.places.get(placeSite)) ?? null;
  const values: (string | number | null)[] = [
    defaultOperationId,
    uuidv7(),
    request.type,
    request.itemId,
    toBaseQuantity(
      { baseUnit: item.baseUnit, conversions: item.conversions },
      request.quantity,
      request.unit,
    ),
    request.quantity,
    request.unit,
    from[0],
    from[1],
    to[0],
    to[1],
    request.occurredAt,
    place,
    request.organizationId ?? null,
    request.reason ?? null,
    null,
    null,
    null,
  ];
  return `${values.map(copyText).join('\t')}\n`;
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────────

async function scalar(db: Pool, sql: string): Promise<string> {
  const result = await db.query<{ value: string }>(sql);
  return String(result.rows[0]?.value ?? '');
}

/** Balances, listed in full (they are few): equal digests mean equal stock everywhere. */
const balancesDigestSql = `
  SELECT count(*) || ' accounts, total ' || coalesce(sum(quantity), 0) || ', md5 ' ||
         coalesce(md5(string_agg(format('%s|%s|%s|%s', account_kind, account_ref, item_id, quantity), ','
                                 ORDER BY account_kind, account_ref, item_id)), '-') AS value
  FROM stock_balances`;

/** The ledger's content without ids and recorded_at, as an order-free sum of row hashes. */
const ledgerDigestSql = `
  SELECT count(*) || ' lines, hash sum ' || coalesce(sum(hashtextextended(format(
           '%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s', operation_id, type, item_id, quantity, entered_quantity,
           entered_unit, from_kind, from_ref, to_kind, to_ref, occurred_at, place_admin_unit_id, organization_id,
           reason), 0)::numeric), 0) AS value
  FROM stock_movements`;

/** The database's balances against the generator's model of them. */
async function checkModel(db: Pool, plan: Plan, ledger: Ledger): Promise<void> {
  const result = await db.query<{ account_ref: string; item_id: string; quantity: string }>(
    `SELECT account_ref, item_id, quantity FROM stock_balances WHERE account_kind = 'site'`,
  );
  const stored = new Map(result.rows.map((row) => [`${row.account_ref}|${row.item_id}`, row.quantity]));
  plan.warehouses.forEach((warehouse, site) => {
    plan.items.forEach((item, index) => {
      const expected = ledger.balances[site * plan.items.length + index] ?? 0;
      const got = Math.round(Number(stored.get(`${warehouse.id}|${item.id}`) ?? 0) * 1000);
      if (got !== expected)
        throw new Error(
          `stock of ${item.spec.code} at ${warehouse.nameEn}: ${got / 1000}, model ${expected / 1000}`,
        );
    });
  });
}

// ─── Queries ─────────────────────────────────────────────────────────────────────────────────────

/** Stock on hand from the ledger itself: the signed legs of every line, summed per site and item. */
const stockByHandSql = `
  SELECT l.site_id, l.item_id, l.quantity, i.base_unit
  FROM (
    SELECT leg.site_id, m.item_id, sum(leg.quantity) AS quantity
    FROM stock_movements m
    CROSS JOIN LATERAL (VALUES (CASE WHEN m.to_kind = 'site' THEN m.to_ref END, m.quantity),
                               (CASE WHEN m.from_kind = 'site' THEN m.from_ref END, -m.quantity))
      AS leg (site_id, quantity)
    WHERE leg.site_id IS NOT NULL
    GROUP BY leg.site_id, m.item_id
  ) l
  JOIN items i ON i.id = l.item_id
  WHERE l.quantity > 0
  ORDER BY l.site_id, l.item_id`;

/**
 * The 3W matrix by month, as threeW defines it: completed distributions from the ledger (net of
 * reversals), planned ones from the plan. Governorates come from one recursive walk over all
 * admin units, and the ledger is summed per organization, item, place and month before anything
 * is joined to it.
 */
const threeWByHandSql = `
  WITH RECURSIVE up AS (
    SELECT id AS unit_id, id, parent_id, level FROM admin_units
    UNION ALL
    SELECT up.unit_id, a.id, a.parent_id, a.level FROM up JOIN admin_units a ON a.id = up.parent_id WHERE up.level > 1
  ),
  gov AS (SELECT unit_id, id AS governorate_id FROM up WHERE level = 1),
  completed AS (
    SELECT m.organization_id, m.item_id, m.place_admin_unit_id,
           date_trunc('month', m.occurred_at AT TIME ZONE 'UTC') AS period,
           sum(CASE WHEN m.reverses_id IS NULL THEN 1 ELSE -1 END) AS activities,
           sum(CASE WHEN m.reverses_id IS NULL THEN 1 ELSE -1 END * coalesce(d.individuals, 0)) AS individuals
    FROM stock_movements m
    LEFT JOIN distributions d ON d.operation_id = m.operation_id AND d.id = m.distribution_id
    WHERE m.type = 'distribution'
    GROUP BY 1, 2, 3, 4
  ),
  planned AS (
    SELECT organization_id, item_id, place_admin_unit_id, date_trunc('month', period_start::timestamp) AS period,
           count(*) AS activities, sum(coalesce(individuals, 0)) AS individuals
    FROM distributions WHERE deleted_at IS NULL AND status = 'planned'
    GROUP BY 1, 2, 3, 4
  ),
  cells AS (
    SELECT x.organization_id, i.sector, g.governorate_id, x.period, x.status,
           sum(x.activities)::int AS activities, count(DISTINCT x.item_id)::int AS items,
           sum(x.individuals) AS individuals
    FROM (SELECT *, 'completed' AS status FROM completed UNION ALL SELECT *, 'planned' FROM planned) x
    JOIN items i ON i.id = x.item_id
    LEFT JOIN gov g ON g.unit_id = x.place_admin_unit_id
    GROUP BY x.organization_id, i.sector, g.governorate_id, x.period, x.status
    HAVING sum(x.activities) <> 0
  )
  SELECT c.organization_id, o.name_ar AS org_name_ar, o.name_en AS org_name_en, c.sector, c.governorate_id,
         u.pcode AS gov_pcode, u.name_ar AS gov_name_ar, u.name_en AS gov_name_en,
         coalesce(to_char(c.period, 'YYYY-MM-DD'), 'undated') AS period, c.status, c.activities, c.items,
         c.individuals
  FROM cells c
  LEFT JOIN organizations o ON o.id = c.organization_id
  LEFT JOIN admin_units u ON u.id = c.governorate_id
  ORDER BY period, u.pcode NULLS LAST, coalesce(o.name_en, o.name_ar), c.sector, c.status`;

/** The pipeline per item, as pipelineByItem defines it without filters: one pass over each table. */
const pipelineByHandSql = `
  WITH ledger AS (
    SELECT item_id,
           coalesce(sum(q) FILTER (WHERE type = 'dispatch'), 0) - coalesce(sum(q) FILTER (WHERE type = 'return'), 0)
             AS dispatched,
           coalesce(sum(q) FILTER (WHERE type = 'receipt'), 0) AS received,
           coalesce(sum(q) FILTER (WHERE type = 'distribution'), 0) AS distributed,
           coalesce(sum(q) FILTER (WHERE type = 'loss'), 0) AS lost
    FROM (SELECT item_id, type, CASE WHEN reverses_id IS NULL THEN quantity ELSE -quantity END AS q
          FROM stock_movements) m
    GROUP BY item_id
  ),
  pledged AS (
    SELECT item_id, sum(base_quantity) AS pledged FROM pledges
    WHERE deleted_at IS NULL AND modality = 'in_kind' GROUP BY item_id
  ),
  planned AS (
    SELECT item_id, sum(base_quantity) AS planned FROM distributions
    WHERE deleted_at IS NULL AND status = 'planned' GROUP BY item_id
  ),
  balances AS (
    SELECT item_id, sum(quantity) FILTER (WHERE account_kind = 'site') AS in_stock,
           sum(quantity) FILTER (WHERE account_kind = 'pipeline') AS in_pipeline
    FROM stock_balances GROUP BY item_id
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
  WHERE i.deleted_at IS NULL
    AND (l.item_id IS NOT NULL OR p.item_id IS NOT NULL OR pl.item_id IS NOT NULL OR b.item_id IS NOT NULL)
  ORDER BY coalesce(i.name_en, i.name_ar)`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const began = performance.now();
  await work();
  return performance.now() - began;
}

interface QueryTiming {
  appMs: number;
  storeMs: number;
  handMs: number;
}

/** One warm-up run of each, then `queryRuns` runs taken in turn (app, store, hand); medians. */
async function timeQuery(
  app: () => Promise<unknown>,
  store: () => Promise<unknown>,
  hand: () => Promise<unknown>,
): Promise<QueryTiming> {
  await app();
  await store();
  await hand();
  const runs = { app: [] as number[], store: [] as number[], hand: [] as number[] };
  for (let run = 0; run < queryRuns; run++) {
    runs.app.push(await timed(app));
    runs.store.push(await timed(store));
    runs.hand.push(await timed(hand));
  }
  return { appMs: median(runs.app), storeMs: median(runs.store), handMs: median(runs.hand) };
}

/** Throws unless the two row sets agree: same keys, same values. */
function expectSameRows(label: string, app: Map<string, string>, hand: Map<string, string>): void {
  if (app.size !== hand.size)
    throw new Error(`${label}: the app gives ${app.size} rows, hand-written ${hand.size}`);
  for (const [key, value] of app) {
    const other = hand.get(key);
    if (other !== value)
      throw new Error(`${label}: ${key} is ${value} by the app, ${other ?? 'missing'} by hand`);
  }
}

const num = (value: string | number | null | undefined) => Number(value ?? 0);

function threeWKey(
  row: Pick<ThreeWRowOut, 'organization_id' | 'sector' | 'governorate_id' | 'period' | 'status'>,
) {
  return `${row.organization_id ?? '-'}|${row.sector}|${row.governorate_id ?? '-'}|${row.period}|${row.status}`;
}

function pipelineValue(row: PipelineRowOut): string {
  return [
    row.pledged,
    row.dispatched,
    row.received,
    row.distributed,
    row.lost,
    row.in_pipeline,
    row.in_stock,
    row.planned_distribution,
  ]
    .map(num)
    .join('|');
}

/**
 * The plan of the app's query (auto_explain, reported as a notice on a session of its own: the
 * SQL stays inside the store function) and of the hand-written one, written to the log.
 */
async function explainBoth(
  db: Pool,
  label: string,
  app: (ctx: Ctx) => Promise<unknown>,
  handSql: string,
  log: (line: string) => void,
): Promise<void> {
  const pool = new pg.Pool({ ...db.options, max: 1 });
  const plans: string[] = [];
  try {
    const client = await pool.connect();
    try {
      await client.query(`LOAD 'auto_explain'`);
      for (const setting of [
        'auto_explain.log_min_duration = 0',
        'auto_explain.log_analyze = on',
        'auto_explain.log_buffers = on',
        `auto_explain.log_level = 'notice'`,
      ])
        await client.query(`SET ${setting}`);
      client.on('notice', (notice) => plans.push(notice.message ?? ''));
    } finally {
      client.release();
    }
    await app(systemCtx(pool));
    log(`\n  ${label}: plan of the app's query (auto_explain)\n${plans.join('\n')}`);
  } catch (error) {
    log(`  ${label}: no plan of the app's query (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await pool.end();
  }
  const hand = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${handSql}`);
  log(
    `\n  ${label}: plan of the hand-written query\n${hand.rows.map((row) => row['QUERY PLAN']).join('\n')}`,
  );
}

/**
 * The harness's default row count (100,000) suits the registry; this benchmark loads a million
 * ledger lines unless `--rows` asks otherwise. The harness does not say whether --rows was
 * given, so the command line is read again here.
 */
function ledgerLines(rows: number): number {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { rows: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  return values.rows === undefined ? defaultLines : rows;
}

/**
 * Before a timed load: a fresh checkpoint, so that none is due from the work before. The empty
 * tables are not analyzed: on an empty, analyzed stock_balances the balance trigger's cached
 * UPDATE plan is a sequential scan, kept for the whole load.
 */
async function checkpoint(db: Pool): Promise<boolean> {
  try {
    await db.query('CHECKPOINT');
    return true;
  } catch {
    return false;
  }
}

/** After a load: VACUUM ANALYZE of what it loaded, so that autovacuum does not run during the next phase. */
async function vacuum(db: Pool): Promise<void> {
  await db.query('VACUUM ANALYZE stock_movements, stock_balances');
}

// ─── The run ─────────────────────────────────────────────────────────────────────────────────────

interface CopyRun {
  rows: number;
  /** Milliseconds from the start to the end of each chunk's COPY (per batch) or write (one statement). */
  marks: number[];
}

/**
 * COPY of the precomputed text: one COPY per chunk, each its own transaction (as the service
 * commits each batch), or every chunk through one COPY statement, one transaction.
 */
async function copyInto(
  db: Pool,
  chunks: readonly Buffer[],
  mode: 'per batch' | 'one statement',
  memory: RssMonitor,
): Promise<CopyRun> {
  const statement = `COPY stock_movements (${copyColumns.join(', ')}) FROM STDIN`;
  const client = await db.connect();
  const began = performance.now();
  const run: CopyRun = { rows: 0, marks: [] };
  let failure: Error | undefined;
  try {
    let sink: (Writable & { rowCount: number }) | undefined;
    let finished: Promise<unknown> | undefined;
    const open = () => {
      const opened: Writable & { rowCount: number } = client.query(copyFrom(statement));
      const done = once(opened, 'finish');
      done.catch(() => undefined);
      sink = opened;
      finished = done;
      return { opened, done };
    };
    if (mode === 'one statement') open();
    for (const chunk of chunks) {
      if (mode === 'per batch') {
        const { opened, done } = open();
        opened.end(chunk);
        await done;
        run.rows += opened.rowCount;
      } else if (sink && !sink.write(chunk)) {
        await once(sink, 'drain');
      }
      run.marks.push(performance.now() - began);
      memory.sample();
    }
    if (mode === 'one statement' && sink) {
      sink.end();
      await finished;
      run.rows = sink.rowCount;
      run.marks.push(performance.now() - began);
    }
    return run;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure);
  }
}

/** Lines per second over the first and the last k batches of a run of n lines, from its cumulative marks (ms). */
function segmentRates(marks: readonly number[], n: number, k: number): { first: number; last: number } {
  const batches = marks.length;
  const end = marks.at(-1) ?? 0;
  const firstLines = Math.min(n, k * batchSize);
  const lastLines = batches > k ? n - (batches - k) * batchSize : n;
  const beforeLast = batches > k ? (marks[batches - k - 1] ?? 0) : 0;
  return {
    first: (firstLines * 1000) / (marks[Math.min(k, batches) - 1] ?? end),
    last: (lastLines * 1000) / (end - beforeLast),
  };
}

interface LoadTiming {
  callMs: number;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

async function run(env: BenchEnv): Promise<BenchResult> {
  const { log, memory } = env;
  const n = ledgerLines(env.rows);
  const notes: string[] = [];

  log('  registry: items, organizations, warehouses…');
  const plan = await makePlan(env.db);
  await createRegistry(env.db, plan);
  const governorates = await scalar(
    env.db,
    `SELECT count(DISTINCT governorate_of(admin_unit_id)) AS value FROM sites WHERE type = 'warehouse'`,
  );
  const sectorCount = new Set(plan.items.map((item) => item.spec.sector)).size;
  log(`  generating ${n} ledger lines…`);
  const generateWatch = new Stopwatch();
  const ledger = generateLedger(plan, n, 11);
  const generateMs = generateWatch.wallMs;
  memory.sample();

  // Service path: what an import does.
  const ctx = systemCtx(env.db);
  const batches = Math.ceil(n / batchSize);
  log(`  service path: ${n} lines in ${batches} calls of recordStockMovements…`);
  let checkpoints = await checkpoint(env.db);
  const serviceRssBefore = memory.sample();
  const serviceWatch = new Stopwatch();
  let serviceCallMs = 0;
  const serviceMarks: number[] = [];
  for (let batch = 0; batch < batches; batch++) {
    const start = batch * batchSize;
    const requests: MovementRequest[] = [];
    for (let i = start; i < Math.min(n, start + batchSize); i++)
      requests.push(movementRequest(plan, ledger, i));
    const began = performance.now();
    const views = await recordStockMovements(ctx, requests, { present: false });
    serviceCallMs += performance.now() - began;
    serviceMarks.push(serviceCallMs);
    if (views.length !== 0) throw new Error(`present: false returned ${views.length} views`);
    memory.sample();
    if (batches >= 10 && (batch + 1) % Math.ceil(batches / 10) === 0)
      log(`    ${Math.min(n, start + batchSize)} lines, ${Math.round(serviceWatch.wallMs / 1000)} s`);
  }
  const service: LoadTiming = {
    callMs: serviceCallMs,
    wallMs: serviceWatch.wallMs,
    cpuMs: serviceWatch.cpuMs,
    peakRss: memory.peak,
  };

  // COPY path: the same lines, every column computed before the clock starts.
  log('  VACUUM ANALYZE…');
  await vacuum(env.db);
  log('  COPY path: fresh database, same registry, precomputing the COPY text…');
  const copyDb = await env.freshDatabase();
  await createRegistry(copyDb, plan);
  const precomputeWatch = new Stopwatch();
  const lookup: Lookup = {
    items: new Map(plan.items.map((item) => [item.id, item.spec])),
    places: new Map(plan.warehouses.map((w) => [w.id, w.adminUnitId])),
  };
  const chunks: Buffer[] = [];
  for (let start = 0; start < n; start += batchSize) {
    let text = '';
    for (let i = start; i < Math.min(n, start + batchSize); i++)
      text += copyLine(lookup, movementRequest(plan, ledger, i));
    chunks.push(Buffer.from(text));
  }
  const precomputeMs = precomputeWatch.wallMs;
  const copyBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const copyRssBefore = memory.sample();
  log(`  COPY path: ${n} lines (${(copyBytes / mebibyte).toFixed(0)} MiB of text), one COPY per batch…`);
  checkpoints = (await checkpoint(copyDb)) && checkpoints;
  const copyWatch = new Stopwatch();
  const copyRun = await copyInto(copyDb, chunks, 'per batch', memory);
  const copy: LoadTiming = {
    callMs: copyWatch.wallMs,
    wallMs: copyWatch.wallMs,
    cpuMs: copyWatch.cpuMs,
    peakRss: memory.peak,
  };
  if (copyRun.rows !== n) throw new Error(`COPY reported ${copyRun.rows} rows, expected ${n}`);

  // Probe: the first lines again, into a third database, through one COPY: one transaction.
  const probeChunks = chunks.slice(0, Math.ceil(Math.min(n, probeLines) / batchSize));
  const probeRows = Math.min(n, probeChunks.length * batchSize);
  log(`  probe: the first ${probeRows} lines by one COPY in one transaction…`);
  const probeDb = await env.freshDatabase();
  await createRegistry(probeDb, plan);
  await vacuum(copyDb);
  checkpoints = (await checkpoint(probeDb)) && checkpoints;
  const probeRun = await copyInto(probeDb, probeChunks, 'one statement', memory);
  if (probeRun.rows !== probeRows)
    throw new Error(`COPY reported ${probeRun.rows} rows, expected ${probeRows}`);
  chunks.length = 0;

  log('  comparing the two databases…');
  const [serviceLines, copyLines] = [
    await scalar(env.db, 'SELECT count(*) AS value FROM stock_movements'),
    await scalar(copyDb, 'SELECT count(*) AS value FROM stock_movements'),
  ];
  if (Number(serviceLines) !== n || Number(copyLines) !== n)
    throw new Error(
      `stock_movements holds ${serviceLines} (service) and ${copyLines} (COPY) lines, expected ${n}`,
    );
  const [serviceBalances, copyBalances] = [
    await scalar(env.db, balancesDigestSql),
    await scalar(copyDb, balancesDigestSql),
  ];
  if (serviceBalances !== copyBalances)
    throw new Error(`stock_balances differ: service ${serviceBalances}; COPY ${copyBalances}`);
  const [serviceDigest, copyDigest] = [
    await scalar(env.db, ledgerDigestSql),
    await scalar(copyDb, ledgerDigestSql),
  ];
  if (serviceDigest !== copyDigest)
    throw new Error(`the ledgers differ: service ${serviceDigest}; COPY ${copyDigest}`);
  await checkModel(env.db, plan, ledger);
  notes.push(
    `both databases hold ${n.toLocaleString('en-US')} ledger lines (count(*)) with the same content ` +
      `(${serviceDigest}, over every column but id and recorded_at)`,
    `both end with identical stock_balances (${serviceBalances}), equal to the generator's model of every ` +
      'warehouse × item',
  );

  // Queries, on the database the service filled. ANALYZE first: what autovacuum does soon after a load.
  log('  queries…');
  const distributions = ledger.counts.distribution;

  const stock = await timeQuery(
    () => reportStock(ctx, {}),
    () => stockOnHand(env.db, {}),
    () => env.db.query(stockByHandSql),
  );
  const stockApp = await reportStock(ctx, {});
  const stockHand = await env.db.query<{ site_id: string; item_id: string; quantity: string }>(
    stockByHandSql,
  );
  expectSameRows(
    'stock on hand',
    new Map(stockApp.items.map((row) => [`${row.siteId}|${row.itemId}`, String(row.quantity)])),
    new Map(stockHand.rows.map((row) => [`${row.site_id}|${row.item_id}`, String(num(row.quantity))])),
  );
  notes.push(
    `stock on hand: the app (reportStock → stockOnHand, reading stock_balances) and the hand-written SUM of ` +
      `signed legs over the ledger give the same ${stockApp.items.length} site × item rows`,
  );

  const threeWApp = () => report3w(ctx, { groupBy: 'month' });
  const threeWStore = () => threeW(env.db, { groupBy: 'month' });
  const threeWTiming = await timeQuery(threeWApp, threeWStore, () => env.db.query(threeWByHandSql));
  const threeWRows = await threeWStore();
  const threeWHand = await env.db.query<ThreeWRowOut>(threeWByHandSql);
  const threeWValue = (row: ThreeWRowOut) => `${row.activities}|${row.items}|${num(row.individuals)}`;
  expectSameRows(
    '3W',
    new Map(threeWRows.map((row) => [threeWKey(row), threeWValue(row)])),
    new Map(threeWHand.rows.map((row) => [threeWKey(row), threeWValue(row)])),
  );
  const activities = threeWRows.reduce((sum, row) => sum + row.activities, 0);
  const handActivities = threeWHand.rows.reduce((sum, row) => sum + row.activities, 0);
  const itemsTotal = threeWRows.reduce((sum, row) => sum + row.items, 0);
  if (activities !== distributions || handActivities !== distributions)
    throw new Error(
      `3W counts ${activities} (app) and ${handActivities} (hand) activities, ${distributions} made`,
    );
  notes.push(
    `3W by month: the app and the hand-written SQL give the same ${threeWRows.length.toLocaleString('en-US')} ` +
      `cells (organization × sector × governorate × month), totals ${activities.toLocaleString('en-US')} ` +
      `activities (= the distributions loaded), ${itemsTotal.toLocaleString('en-US')} item-cells, ` +
      `0 individuals (ledger-only distributions have no distribution record)`,
  );

  const pipelineTiming = await timeQuery(
    () => reportPipeline(ctx, {}),
    () => pipelineByItem(env.db, {}),
    () => env.db.query(pipelineByHandSql),
  );
  const pipelineRows = await pipelineByItem(env.db, {});
  const pipelineHand = await env.db.query<PipelineRowOut>(pipelineByHandSql);
  expectSameRows(
    'pipeline',
    new Map(pipelineRows.map((row) => [row.item_id, pipelineValue(row)])),
    new Map(pipelineHand.rows.map((row) => [row.item_id, pipelineValue(row)])),
  );
  notes.push(
    `pipeline: the app and the hand-written SQL give the same figures for all ${pipelineRows.length} items`,
  );

  const queries = [
    {
      label: 'stock on hand',
      timing: stock,
      app: (c: Ctx) => reportStock(c, {}),
      sql: stockByHandSql,
    },
    {
      label: '3W by month',
      timing: threeWTiming,
      app: (c: Ctx) => report3w(c, { groupBy: 'month' }),
      sql: threeWByHandSql,
    },
    {
      label: 'pipeline',
      timing: pipelineTiming,
      app: (c: Ctx) => reportPipeline(c, {}),
      sql: pipelineByHandSql,
    },
  ];
  for (const query of queries) {
    if (query.timing.appMs / query.timing.handMs > queryGoal) {
      notes.push(`${query.label}: goal missed (app > ${queryGoal}× hand-written); both plans are in the log`);
      await explainBoth(env.db, query.label, query.app, query.sql, log);
    }
  }

  const rate = (timing: LoadTiming) => (n * 1000) / timing.callMs;
  const stretchBatches = Math.ceil(Math.min(n, probeLines) / batchSize);
  const stretch = Math.min(n, stretchBatches * batchSize);
  const serviceStretch = segmentRates(serviceMarks, n, stretchBatches);
  const copyStretch = segmentRates(copyRun.marks, n, stretchBatches);
  const probeRatio = (probeRows * 1000) / (probeRun.marks.at(-1) ?? 1) / copyStretch.first;
  const loadRatio = rate(service) / rate(copy);
  if (loadRatio < loadGoal) notes.push(`load: goal missed (service < ${loadGoal * 100}% of COPY's rate)`);
  const figures: Figure[] = [
    { name: 'ledger lines', value: n, unit: 'rows' },
    { name: `  receipts`, value: ledger.counts.receipt, unit: 'rows' },
    { name: `  transfers`, value: ledger.counts.transfer, unit: 'rows' },
    { name: `  distributions`, value: ledger.counts.distribution, unit: 'rows' },
    { name: `  losses`, value: ledger.counts.loss, unit: 'rows' },
    { name: `  adjustments`, value: ledger.counts.adjustment, unit: 'rows' },
    {
      name: `warehouses (sites in ${governorates} governorates)`,
      value: plan.warehouses.length,
      unit: 'sites',
    },
    { name: `items (in ${sectorCount} sectors)`, value: plan.items.length, unit: 'items' },
    { name: 'organizations', value: plan.organizations.length, unit: 'organizations' },
    { name: 'batch size (lines per recordStockMovements call)', value: batchSize, unit: 'rows' },
    { name: 'generating the lines (not timed below)', value: generateMs / 1000, unit: 's' },
    { name: 'service: recordStockMovements', value: rate(service), unit: 'rows/s' },
    { name: 'COPY: one COPY … FROM STDIN per batch', value: rate(copy), unit: 'rows/s' },
    {
      name: `service: first ${stretch.toLocaleString('en-US')} lines`,
      value: serviceStretch.first,
      unit: 'rows/s',
    },
    {
      name: `service: last ${stretch.toLocaleString('en-US')} lines`,
      value: serviceStretch.last,
      unit: 'rows/s',
    },
    {
      name: `COPY: first ${stretch.toLocaleString('en-US')} lines`,
      value: copyStretch.first,
      unit: 'rows/s',
    },
    { name: `COPY: last ${stretch.toLocaleString('en-US')} lines`, value: copyStretch.last, unit: 'rows/s' },
    {
      name: `probe: first ${probeRows.toLocaleString('en-US')} lines by one COPY (one transaction)`,
      value: (probeRows * 1000) / (probeRun.marks.at(-1) ?? 1),
      unit: 'rows/s',
    },
    { name: 'service: time in calls', value: service.callMs / 1000, unit: 's' },
    { name: 'service: wall time (with building each batch)', value: service.wallMs / 1000, unit: 's' },
    { name: 'COPY: wall time', value: copy.wallMs / 1000, unit: 's' },
    { name: 'COPY: precomputing the text (not timed above)', value: precomputeMs / 1000, unit: 's' },
    { name: 'service per line', value: (service.callMs * 1000) / n, unit: 'µs/row' },
    { name: 'COPY per line', value: (copy.callMs * 1000) / n, unit: 'µs/row' },
    { name: 'service: Node CPU', value: service.cpuMs / 1000, unit: 's' },
    { name: 'COPY: Node CPU', value: copy.cpuMs / 1000, unit: 's' },
    { name: 'RSS before the service path', value: serviceRssBefore / mebibyte, unit: 'MiB' },
    { name: 'peak RSS up to the end of the service path', value: service.peakRss / mebibyte, unit: 'MiB' },
    { name: 'RSS before COPY (text precomputed)', value: copyRssBefore / mebibyte, unit: 'MiB' },
    { name: 'peak RSS up to the end of COPY', value: copy.peakRss / mebibyte, unit: 'MiB' },
    { name: 'stock on hand: app (reportStock)', value: stock.appMs, unit: 'ms' },
    { name: 'stock on hand:   of which the store query (stockOnHand)', value: stock.storeMs, unit: 'ms' },
    { name: 'stock on hand: hand-written SUM over the ledger', value: stock.handMs, unit: 'ms' },
    { name: '3W by month: app (report3w)', value: threeWTiming.appMs, unit: 'ms' },
    { name: '3W by month:   of which the store query (threeW)', value: threeWTiming.storeMs, unit: 'ms' },
    { name: '3W by month: hand-written', value: threeWTiming.handMs, unit: 'ms' },
    { name: '3W by month: cells', value: threeWRows.length, unit: 'rows' },
    { name: 'pipeline: app (reportPipeline)', value: pipelineTiming.appMs, unit: 'ms' },
    {
      name: 'pipeline:   of which the store query (pipelineByItem)',
      value: pipelineTiming.storeMs,
      unit: 'ms',
    },
    { name: 'pipeline: hand-written', value: pipelineTiming.handMs, unit: 'ms' },
  ];
  const goal = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
  const queryRatio = (label: string, timing: QueryTiming): Ratio => ({
    name: `${label}: app / hand-written time`,
    value: timing.appMs / timing.handMs,
    note: `goal ≤ ${queryGoal.toFixed(2)}×: ${goal(timing.appMs / timing.handMs <= queryGoal)}`,
  });
  const ratios: Ratio[] = [
    {
      name: 'load: service / COPY rate',
      value: loadRatio,
      note: `goal ≥ ${loadGoal.toFixed(2)}×: ${goal(loadRatio >= loadGoal)}`,
    },
    {
      name: `probe: one-transaction COPY / COPY per batch`,
      value: probeRatio,
      note: `rates over the first ${probeRows.toLocaleString('en-US')} lines`,
    },
    {
      name: 'load: service / COPY wall time',
      value: service.wallMs / copy.wallMs,
      note: 'whole paths, with building each batch of requests',
    },
    queryRatio('stock on hand', stock),
    {
      name: 'stock on hand: hand-written / app time',
      value: stock.handMs / stock.appMs,
      note: 'what reading the derived stock_balances saves over summing the ledger',
    },
    queryRatio('3W by month', threeWTiming),
    {
      name: '3W by month: store query / hand-written',
      value: threeWTiming.storeMs / threeWTiming.handMs,
      note: 'the SQL alone, without presenting the rows',
    },
    queryRatio('pipeline', pipelineTiming),
  ];
  notes.push(
    'the balance trigger (apply_stock_movement, AFTER INSERT FOR EACH ROW) fires for COPY too: both paths ' +
      'update stock_balances line by line, and both would be refused if stock went below zero. COPY skips ' +
      'zod validation, unit conversion, the item/site/organization lookups and the savepoint; it runs one ' +
      `COPY per batch of ${batchSize}, each its own transaction, as the service commits each call ` +
      `(${batches} transactions each)`,
    `probe: one COPY of the first ${probeRows.toLocaleString('en-US')} lines in one transaction ran at ` +
      `${probeRatio.toFixed(2)}× the rate of the same lines committed per batch` +
      (probeRatio < 0.9
        ? "; the likely cost: the balance trigger's UPDATE visits the versions of balance rows that earlier " +
          'lines of the same transaction left, which cannot be pruned before it commits'
        : ''),
    `before each timed load ${checkpoints ? 'a CHECKPOINT' : 'no CHECKPOINT (not allowed for this role)'}; ` +
      'after it, VACUUM ANALYZE of the tables it loaded, so that autovacuum does not run during the next',
    `query times are the median of ${queryRuns} runs after a warm-up, app and hand-written in turn, on the ` +
      'database the service filled, after VACUUM ANALYZE; "app" is the service function (SQL + presenting ' +
      'the rows), "hand-written" is pg returning the raw rows',
  );
  return { figures, ratios, notes };
}

export const ledgerBench: Benchmark = {
  name: 'ledger',
  description:
    `N stock ledger lines through recordStockMovements (batches of ${batchSize}, each validated and ` +
    'all-or-nothing) vs the same lines by COPY; stock on hand, 3W and pipeline reports vs hand-written SQL',
  run,
};
