import type { OrganizationInput, SiteInput } from '@tansiq/core';
import { uuidv7 } from '@tansiq/core';
import { searchTerms } from '@tansiq/core/text/arabic';
import type { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { type Ctx, silentLogger, systemActor } from '../src/services/context.ts';
import { createRecords } from '../src/services/create-records.ts';
import { resolveReferences } from '../src/services/resolve-references.ts';
import type { Resource } from '../src/services/resource.ts';
import { organizations, sites } from '../src/services/resources/registry.ts';
import { validate } from '../src/services/validate.ts';
import type { PgPool as Pool } from '../src/store/db.ts';
import type { ColumnValues, Row, TableSpec } from '../src/store/registry.ts';
import {
  type BenchEnv,
  type Benchmark,
  type Figure,
  mebibyte,
  type Ratio,
  type RssMonitor,
  Stopwatch,
} from './bench.ts';
import { generateOrganizations, generateSites, type OrganizationSpec, type SiteSpec } from './data.ts';

/**
 * The registry's write path against the floor under it: N organizations and N sites through
 * createRecords (validated, reference-checked, one transaction per batch, RETURNING + present),
 * then the same rows into a fresh database by bare multi-row INSERTs with every value computed
 * beforehand. The difference is what the service layer costs.
 */

const batchSize = 1000;
/** Rows used by the breakdown probes, which time the layer's parts one at a time. */
const probeRows = 10_000;

type OrganizationRequest = z.input<typeof OrganizationInput>;
type SiteRequest = z.input<typeof SiteInput>;

interface Timing {
  /** Time inside the timed calls only (createRecords, or the INSERT query). */
  callMs: number;
  /** Whole phase, including preparing each batch's inputs. */
  wallMs: number;
  /** CPU used by this process (Node) during the phase. */
  cpuMs: number;
}

/**
 * Runs `count` rows in batches: `prepare` builds a batch (not timed) and returns the work that is
 * timed.
 */
async function timeBatches(
  count: number,
  memory: RssMonitor,
  prepare: (start: number, end: number) => () => Promise<void>,
): Promise<Timing> {
  const watch = new Stopwatch();
  let callMs = 0;
  for (let start = 0; start < count; start += batchSize) {
    const work = prepare(start, Math.min(count, start + batchSize));
    const began = performance.now();
    await work();
    callMs += performance.now() - began;
    memory.sample();
  }
  return { callMs, wallMs: watch.wallMs, cpuMs: watch.cpuMs };
}

function names(spec: { nameAr?: string; nameEn?: string }): { ar?: string; en?: string } {
  const result: { ar?: string; en?: string } = {};
  if (spec.nameAr !== undefined) result.ar = spec.nameAr;
  if (spec.nameEn !== undefined) result.en = spec.nameEn;
  return result;
}

function idAt(ids: readonly string[], index: number | undefined): string | undefined {
  if (index === undefined) return undefined;
  const id = ids[index];
  if (id === undefined) throw new Error(`no id for index ${index}: the batches ran out of order`);
  return id;
}

/** What a client would send: optional fields absent rather than null. */
function organizationRequest(spec: OrganizationSpec, ids: readonly string[]): OrganizationRequest {
  const request: OrganizationRequest = { names: names(spec), kind: spec.kind, sensitivity: spec.sensitivity };
  if (spec.acronym !== undefined) request.acronym = spec.acronym;
  if (spec.country !== undefined) request.country = spec.country;
  if (spec.externalIds !== undefined) request.externalIds = spec.externalIds;
  const parentId = idAt(ids, spec.parent);
  if (parentId !== undefined) request.parentId = parentId;
  return request;
}

function siteRequest(spec: SiteSpec, organizationIds: readonly string[], adminUnitIds: readonly string[]) {
  const request: SiteRequest = {
    names: names(spec),
    type: spec.type,
    status: spec.status,
    sensitivity: spec.sensitivity,
  };
  const adminUnitId = idAt(adminUnitIds, spec.adminUnit);
  if (adminUnitId !== undefined) request.adminUnitId = adminUnitId;
  if (spec.location !== undefined) request.location = spec.location;
  const operatorId = idAt(organizationIds, spec.operator);
  if (operatorId !== undefined) request.operatorId = operatorId;
  return request;
}

/** Column values as the raw path stores them: every column given, absent ones as NULL or default. */
function organizationColumns(spec: OrganizationSpec, ids: readonly string[]): ColumnValues {
  return {
    name_ar: spec.nameAr ?? null,
    name_en: spec.nameEn ?? null,
    acronym: spec.acronym ?? null,
    kind: spec.kind,
    country: spec.country ?? null,
    parent_id: idAt(ids, spec.parent) ?? null,
    external_ids: spec.externalIds ?? {},
    sensitivity: spec.sensitivity,
  };
}

function siteColumns(spec: SiteSpec, organizationIds: readonly string[], adminUnitIds: readonly string[]) {
  return {
    name_ar: spec.nameAr ?? null,
    name_en: spec.nameEn ?? null,
    type: spec.type,
    admin_unit_id: idAt(adminUnitIds, spec.adminUnit) ?? null,
    lat: spec.location?.lat ?? null,
    lon: spec.location?.lon ?? null,
    operator_id: idAt(organizationIds, spec.operator) ?? null,
    status: spec.status,
    sensitivity: spec.sensitivity,
  };
}

interface RawRow {
  id: string;
  values: ColumnValues;
  searchTerms: string;
}

interface Statement {
  sql: string;
  params: unknown[];
}

/** A bare multi-row INSERT of the same columns createRecords writes, without RETURNING. */
function insertStatement(spec: TableSpec, rows: readonly RawRow[], returning = false): Statement {
  const columns = ['id', ...spec.columns, 'search_terms'];
  const json = new Set(spec.jsonColumns ?? []);
  const params: unknown[] = [];
  const tuples = rows.map((row) => {
    const cells = columns.map((column) => {
      if (column === 'id') params.push(row.id);
      else if (column === 'search_terms') params.push(row.searchTerms);
      else {
        const value = row.values[column] ?? null;
        params.push(json.has(column) && value !== null ? JSON.stringify(value) : value);
      }
      return json.has(column) ? `$${params.length}::jsonb` : `$${params.length}`;
    });
    return `(${cells.join(',')})`;
  });
  const sql = `INSERT INTO ${spec.table} AS t (${columns.join(', ')}) VALUES ${tuples.join(',')}`;
  return { sql: returning ? `${sql} RETURNING t.*` : sql, params };
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += batchSize)
    result.push(items.slice(start, start + batchSize));
  return result;
}

async function count(db: Pool, table: string): Promise<number> {
  const result = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
  return result.rows[0]?.n ?? 0;
}

async function expectCounts(db: Pool, path: string, expected: Record<string, number>): Promise<string> {
  const found: string[] = [];
  for (const [table, want] of Object.entries(expected)) {
    const got = await count(db, table);
    if (got !== want) throw new Error(`${path}: ${table} holds ${got} rows, expected ${want}`);
    found.push(`${table} ${got}`);
  }
  return `${path}: count(*) as expected (${found.join(', ')})`;
}

/**
 * A digest of the stored content that does not depend on generated ids: references are followed
 * to the referenced row's names. Equal digests mean both paths stored the same data.
 */
async function contentDigest(db: Pool): Promise<string> {
  const result = await db.query<{ organizations: string; sites: string }>(`
    SELECT
      (SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM (
        SELECT format('%L|%L|%L|%L|%L|%L|%L|%L|%L|%L', o.name_ar, o.name_en, o.acronym, o.kind, o.country,
                      o.external_ids::text, o.sensitivity, o.search_terms, p.name_ar, p.name_en) AS line
        FROM organizations o LEFT JOIN organizations p ON p.id = o.parent_id) x) AS organizations,
      (SELECT md5(string_agg(line, E'\\n' ORDER BY line)) FROM (
        SELECT format('%L|%L|%L|%L|%L|%L|%L|%L|%L|%L|%L|%L', s.name_ar, s.name_en, s.type, s.admin_unit_id,
                      s.lat, s.lon, s.status, s.sensitivity, s.search_terms, o.name_ar, o.name_en, o.acronym)
          AS line
        FROM sites s LEFT JOIN organizations o ON o.id = s.operator_id) x) AS sites`);
  const row = result.rows[0];
  return `organizations ${row?.organizations ?? '-'}, sites ${row?.sites ?? '-'}`;
}

async function adminUnitIdsOf(db: Pool): Promise<{ all: number; used: string[] }> {
  const result = await db.query<{ id: string; level: number }>(
    'SELECT id, level FROM admin_units WHERE deleted_at IS NULL ORDER BY pcode',
  );
  if (result.rows.length === 0) throw new Error('no built-in admin units: did the migration seed them?');
  // Sites sit in Syrian governorates, districts and sub-districts, not in a country of level 0.
  const inside = result.rows.filter((row) => row.level > 0).map((row) => row.id);
  return { all: result.rows.length, used: inside.length > 0 ? inside : result.rows.map((row) => row.id) };
}

function microsPerRow(ms: number, rows: number): number {
  return rows === 0 ? 0 : (ms * 1000) / rows;
}

function timeSync(work: () => void): number {
  const began = performance.now();
  work();
  return performance.now() - began;
}

interface Breakdown {
  validateMs: number;
  searchTextMs: number;
  idsMs: number;
  presentMs: number;
  referencesMs: number;
  returningExtraMs: number;
  transactionMs: number;
  rows: number;
}

/**
 * Times the parts of createRecords one by one on the first `probeRows` rows: the CPU parts on
 * the same requests, the SQL parts against the databases the paths filled (so at their final
 * size, where reference lookups and index inserts are a little dearer than on average).
 */
async function probe(
  resource: Resource,
  requests: readonly unknown[],
  serviceDb: Pool,
  rawDb: Pool,
  rawRows: readonly RawRow[],
  log: (line: string) => void,
): Promise<Breakdown> {
  const rows = requests.length;
  let parsed: { id: string; values: ColumnValues }[] = [];
  const validateMs = timeSync(() => {
    parsed = requests.map((raw, index) => {
      const input = validate(resource.input, raw, { index });
      return { id: '', values: resource.toColumns(input) };
    });
  });
  const idsMs = timeSync(() => {
    for (const row of parsed) row.id = uuidv7(Date.now());
  });
  const searchTextMs = timeSync(() => {
    for (const row of parsed) resource.searchText(row.values);
  });

  const stored = await serviceDb.query<Row>(`SELECT t.* FROM ${resource.table.table} t LIMIT ${rows}`);
  const presentMs = timeSync(() => {
    for (const row of stored.rows) resource.present(row);
  });

  // Reference checks: the same queries createRecords runs, on the filled service database.
  let referencesMs = 0;
  const batches = chunks(parsed);
  const client = await serviceDb.connect();
  try {
    for (const batch of batches) {
      const copy = batch.map((row) => ({ id: row.id, values: { ...row.values } }));
      const began = performance.now();
      await resolveReferences(client, resource, copy);
      referencesMs += performance.now() - began;
    }
    // BEGIN, SET CONSTRAINTS, COMMIT: the statements a batch's transaction adds, without work.
    const began = performance.now();
    for (let i = 0; i < batches.length; i++) {
      await client.query('BEGIN ISOLATION LEVEL READ COMMITTED');
      await client.query('SET CONSTRAINTS ALL DEFERRED');
      await client.query('COMMIT');
    }
    const transactionMs = performance.now() - began;

    // RETURNING t.*: the same INSERT with and without it, each rolled back, on the raw database.
    let plainMs = 0;
    let returningMs = 0;
    const rawClient = await rawDb.connect();
    try {
      for (const batch of chunks(rawRows.slice(0, rows))) {
        const fresh = batch.map((row) => ({ ...row, id: uuidv7() }));
        for (const returning of [false, true]) {
          const statement = insertStatement(resource.table, fresh, returning);
          await rawClient.query('BEGIN');
          const began = performance.now();
          await rawClient.query(statement.sql, statement.params);
          const took = performance.now() - began;
          await rawClient.query('ROLLBACK');
          if (returning) returningMs += took;
          else plainMs += took;
        }
      }
    } finally {
      rawClient.release();
    }
    log(`  probe ${resource.path}: ${rows} rows`);
    return {
      validateMs,
      searchTextMs,
      idsMs,
      presentMs,
      referencesMs,
      returningExtraMs: returningMs - plainMs,
      transactionMs,
      rows,
    };
  } finally {
    client.release();
  }
}

interface PathFigures {
  label: string;
  rows: number;
  service: Timing;
  raw: Timing;
  breakdown: Breakdown;
}

function pathFigures(p: PathFigures): Figure[] {
  const rate = (timing: Timing) => (p.rows * 1000) / timing.callMs;
  const b = p.breakdown;
  const per = (ms: number) => microsPerRow(ms, b.rows);
  const serviceRow = microsPerRow(p.service.callMs, p.rows);
  const rawRow = microsPerRow(p.raw.callMs, p.rows);
  const explained =
    per(b.validateMs) +
    per(b.searchTextMs) +
    per(b.idsMs) +
    per(b.presentMs) +
    per(b.referencesMs) +
    per(b.returningExtraMs) +
    per(b.transactionMs);
  return [
    { name: `${p.label}: service (createRecords)`, value: rate(p.service), unit: 'rows/s' },
    { name: `${p.label}: raw INSERT`, value: rate(p.raw), unit: 'rows/s' },
    { name: `${p.label}: service time in calls`, value: p.service.callMs / 1000, unit: 's' },
    { name: `${p.label}: raw time in calls`, value: p.raw.callMs / 1000, unit: 's' },
    { name: `${p.label}: service Node CPU`, value: p.service.cpuMs / 1000, unit: 's' },
    { name: `${p.label}: raw Node CPU`, value: p.raw.cpuMs / 1000, unit: 's' },
    { name: `${p.label}: service per row`, value: serviceRow, unit: 'µs/row' },
    { name: `${p.label}: raw per row`, value: rawRow, unit: 'µs/row' },
    { name: `${p.label}: layer overhead per row`, value: serviceRow - rawRow, unit: 'µs/row' },
    { name: `${p.label}:   zod validate + toColumns`, value: per(b.validateMs), unit: 'µs/row' },
    { name: `${p.label}:   searchText (search_terms)`, value: per(b.searchTextMs), unit: 'µs/row' },
    { name: `${p.label}:   uuidv7 ids`, value: per(b.idsMs), unit: 'µs/row' },
    { name: `${p.label}:   present (row → view)`, value: per(b.presentMs), unit: 'µs/row' },
    { name: `${p.label}:   reference-check queries`, value: per(b.referencesMs), unit: 'µs/row' },
    { name: `${p.label}:   RETURNING t.* (extra)`, value: per(b.returningExtraMs), unit: 'µs/row' },
    { name: `${p.label}:   BEGIN/SET CONSTRAINTS/COMMIT`, value: per(b.transactionMs), unit: 'µs/row' },
    { name: `${p.label}:   not accounted for`, value: serviceRow - rawRow - explained, unit: 'µs/row' },
  ];
}

function pathRatios(p: PathFigures): Ratio[] {
  return [
    {
      name: `${p.label}: service / raw time`,
      value: p.service.callMs / p.raw.callMs,
      note: 'how many times longer createRecords takes than the bare INSERT',
    },
    {
      name: `${p.label}: service / raw Node CPU`,
      value: p.service.cpuMs / Math.max(1, p.raw.cpuMs),
      note: 'CPU spent in this process per path',
    },
  ];
}

async function run(env: BenchEnv) {
  const n = env.rows;
  const { log, memory } = env;
  const units = await adminUnitIdsOf(env.db);
  log(`  ${units.all} admin units in the database; sites use the ${units.used.length} inside Syria`);
  const organizationSpecs = generateOrganizations(n, batchSize);
  const siteSpecs = generateSites(n, n, units.used.length);
  const changesBefore = await count(env.db, 'changes');
  const notes: string[] = [];

  // Service path: what an import or the API does.
  const ctx: Ctx = {
    db: env.db,
    config: loadConfig({}),
    log: silentLogger,
    now: () => new Date(),
    actor: systemActor,
    lang: 'en',
  };
  const serviceWatch = new Stopwatch();
  const serviceRss = memory.sample();
  const serviceOrgIds: string[] = [];
  log(`  service path: ${n} organizations…`);
  const serviceOrgs = await timeBatches(n, memory, (start, end) => {
    const requests = organizationSpecs
      .slice(start, end)
      .map((spec) => organizationRequest(spec, serviceOrgIds));
    return async () => {
      const views = await createRecords(ctx, organizations, requests);
      if (views.length !== requests.length) throw new Error(`createRecords returned ${views.length} views`);
      for (const view of views) serviceOrgIds.push(view.id);
    };
  });
  log(`  service path: ${n} sites…`);
  const serviceSites = await timeBatches(n, memory, (start, end) => {
    const requests = siteSpecs.slice(start, end).map((spec) => siteRequest(spec, serviceOrgIds, units.used));
    return async () => {
      const views = await createRecords(ctx, sites, requests);
      if (views.length !== requests.length) throw new Error(`createRecords returned ${views.length} views`);
    };
  });
  const serviceWallMs = serviceWatch.wallMs;
  const servicePeak = memory.peak;
  notes.push(
    await expectCounts(env.db, 'service path', {
      organizations: n,
      sites: n,
      changes: changesBefore + 2 * n,
    }),
  );

  // Raw path: the same rows, every value (ids, search_terms, JSON) computed before the clock starts.
  log('  raw path: fresh database, precomputing rows…');
  const rawDb = await env.freshDatabase();
  const rawUnits = await adminUnitIdsOf(rawDb);
  if (rawUnits.used.join() !== units.used.join())
    throw new Error('the two databases have different admin units');
  const rawChangesBefore = await count(rawDb, 'changes');
  const rawOrgIds = organizationSpecs.map(() => uuidv7());
  const rawOrgRows: RawRow[] = organizationSpecs.map((spec, index) => {
    const values = organizationColumns(spec, rawOrgIds);
    return {
      id: rawOrgIds[index] ?? '',
      values,
      searchTerms: searchTerms(spec.nameAr, spec.nameEn, spec.acronym),
    };
  });
  const rawSiteRows: RawRow[] = siteSpecs.map((spec) => ({
    id: uuidv7(),
    values: siteColumns(spec, rawOrgIds, units.used),
    searchTerms: searchTerms(spec.nameAr, spec.nameEn),
  }));
  const orgStatements = chunks(rawOrgRows).map((batch) => insertStatement(organizations.table, batch));
  const siteStatements = chunks(rawSiteRows).map((batch) => insertStatement(sites.table, batch));
  const rawWatch = new Stopwatch();
  const rawRss = memory.sample();
  log(`  raw path: ${n} organizations…`);
  const rawOrgs = await timeBatches(n, memory, (start) => {
    const statement = orgStatements[start / batchSize];
    if (!statement) throw new Error(`no statement for batch at ${start}`);
    return async () => {
      await rawDb.query(statement.sql, statement.params);
    };
  });
  log(`  raw path: ${n} sites…`);
  const rawSites = await timeBatches(n, memory, (start) => {
    const statement = siteStatements[start / batchSize];
    if (!statement) throw new Error(`no statement for batch at ${start}`);
    return async () => {
      await rawDb.query(statement.sql, statement.params);
    };
  });
  const rawWallMs = rawWatch.wallMs;
  notes.push(
    await expectCounts(rawDb, 'raw path', {
      organizations: n,
      sites: n,
      changes: rawChangesBefore + 2 * n,
    }),
  );

  log('  comparing stored content…');
  const [serviceDigest, rawDigest] = [await contentDigest(env.db), await contentDigest(rawDb)];
  if (serviceDigest !== rawDigest)
    throw new Error(`the paths stored different data: service ${serviceDigest}; raw ${rawDigest}`);
  notes.push(`both paths stored the same content (md5 over names, enums, search_terms, references)`);

  log('  probing where the service time goes…');
  const sample = Math.min(n, probeRows);
  const orgBreakdown = await probe(
    organizations,
    organizationSpecs.slice(0, sample).map((spec) => organizationRequest(spec, serviceOrgIds)),
    env.db,
    rawDb,
    rawOrgRows,
    log,
  );
  const siteBreakdown = await probe(
    sites,
    siteSpecs.slice(0, sample).map((spec) => siteRequest(spec, serviceOrgIds, units.used)),
    env.db,
    rawDb,
    rawSiteRows,
    log,
  );

  const orgPath = {
    label: 'organizations',
    rows: n,
    service: serviceOrgs,
    raw: rawOrgs,
    breakdown: orgBreakdown,
  };
  const sitePath = {
    label: 'sites',
    rows: n,
    service: serviceSites,
    raw: rawSites,
    breakdown: siteBreakdown,
  };
  const figures: Figure[] = [
    { name: 'rows per resource', value: n, unit: 'rows' },
    { name: 'batch size', value: batchSize, unit: 'rows' },
    ...pathFigures(orgPath),
    ...pathFigures(sitePath),
    { name: 'service path: wall time (orgs + sites)', value: serviceWallMs / 1000, unit: 's' },
    { name: 'raw path: wall time (orgs + sites)', value: rawWallMs / 1000, unit: 's' },
    { name: 'RSS before the service path', value: serviceRss / mebibyte, unit: 'MiB' },
    { name: 'peak RSS during the service path', value: servicePeak / mebibyte, unit: 'MiB' },
    { name: 'RSS before the raw path (rows precomputed)', value: rawRss / mebibyte, unit: 'MiB' },
    { name: 'peak RSS up to the end of the raw path', value: memory.peak / mebibyte, unit: 'MiB' },
  ];
  const ratios: Ratio[] = [
    ...pathRatios(orgPath),
    ...pathRatios(sitePath),
    {
      name: 'both resources: service / raw wall time',
      value: serviceWallMs / rawWallMs,
      note: 'whole paths, including building each batch',
    },
  ];
  notes.push(
    'raw path skips: zod validation, reference checks (SELECT … = ANY per reference), the transaction per ' +
      'batch (BEGIN, SET CONSTRAINTS ALL DEFERRED, COMMIT), RETURNING t.* and present(), id generation and ' +
      'search_terms (computed before the clock starts). Both paths fire the same triggers, CHECKs, foreign ' +
      'keys and index updates, one statement per batch, one batch at a time.',
    `"per row" and rows/s count only time inside the calls; the breakdown probes time each part on the ` +
      `first ${sample} rows separately, against the filled databases, so the parts need not add up exactly.`,
  );
  return { figures, ratios, notes };
}

export const registryInsert: Benchmark = {
  name: 'registry-insert',
  description:
    `N organizations and N sites through createRecords (batches of ${batchSize}, each a validated, ` +
    'all-or-nothing transaction) vs the same rows by raw multi-row INSERT',
  run,
};
