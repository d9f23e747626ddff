import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import {
  AppError,
  fieldErrors,
  type ItemUnits,
  type Lang,
  messageFor,
  toBaseQuantity,
  uuidv7,
} from '@tansiq/core';
import { normalizeForMatch, searchQuery } from '@tansiq/core/text/arabic';
import type pg from 'pg';
import { isEmpty, parseNumber } from '../exchange/hxl/datatypes.ts';
import type { HxlColumn } from '../exchange/hxl/model.ts';
import { openTable } from '../exchange/hxl/reader.ts';
import { restoreNeutralized } from '../exchange/hxl/writer.ts';
import { exchangeColumns, type ResourceColumn, type ResourceExchange } from '../exchange/resource-columns.ts';
import { columnLetter } from '../exchange/source.ts';
import { writeXlsx } from '../exchange/xlsx.ts';
import { detachedCopy } from '../extract/tokens.ts';
import { inTransaction } from '../store/db.ts';
import type { Row } from '../store/registry.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { createRecordsUnread } from './create-records.ts';
import { rowPages, rowsByIds, transactionPool } from './exchange-rows.ts';
import { presentRows, type Resource } from './resource.ts';
import { allResources } from './resources/index.ts';
import { updateRecord } from './update-record.ts';

/**
 * Imports a spreadsheet (CSV, XLSX, HXL JSON) into one resource through the same services as the
 * API's creates and updates: every row validated by the resource's schema, ownership stamped as
 * for a create, and the whole file applied in one transaction or not at all. A row that names an
 * existing record (by id, else by the resource's natural key) updates it, and only with what
 * differs, so importing the same file twice, or an unedited export, changes nothing.
 */

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  /** The API's resource path: `admin-units`. */
  resource: string;
  dryRun: boolean;
  /** A saved mapping: file header → field (`names.en`), overriding hashtags and headers. */
  mapping?: Record<string, string>;
  maxBytes?: number;
  /** Told the rows read so far after each chunk: a million rows take minutes. */
  onProgress?: (rows: number) => void;
}

export interface RowError {
  line: number;
  /** `A`, `B`…; null when the error is about the row as a whole. */
  column: string | null;
  header: string | null;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  batchId: string | null;
  resource: string;
  file: string;
  sha256: string;
  status: 'applied' | 'unchanged' | 'dry_run';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  columns: { column: string; header: string | null; hashtag: string | null; field: string }[];
  ignored: { column: string; header: string | null }[];
  dryRun: boolean;
}

const MAX_REPORTED_ERRORS = 1000;

export function importable(): string[] {
  return [...exchangeColumns.keys()];
}

export function exchangeResource(
  path: string,
  code: 'import' | 'export',
): {
  resource: Resource;
  spec: ResourceExchange;
} {
  const spec = exchangeColumns.get(path);
  const resource = allResources.find((r) => r.path === path);
  if (!spec || !resource) {
    throw new AppError(`${code}.unknown_resource`, { resource: path, resources: importable().join(', ') });
  }
  return { resource, spec };
}

// Columns

interface Mapped {
  index: number;
  column: ResourceColumn;
  header: string | null;
  hashtag: string | null;
}

const sameAttributes = (column: HxlColumn, attributes: readonly string[]) =>
  column.attributes.length === attributes.length && attributes.every((a) => column.attributes.includes(a));

function tagMatches(column: HxlColumn, spec: string): boolean {
  const [tag, ...attributes] = spec.split('+');
  return column.tag === tag && sameAttributes(column, attributes);
}

function hashtagOf(column: HxlColumn): string | null {
  return column.tag ? [column.tag, ...column.attributes].join('+') : null;
}

/**
 * OCHA's p-code tables tag by level (`#adm2+code`, its parent `#adm1+code`): the deepest level
 * is the unit's, the one above it its parent's.
 */
function ochaLevels(columns: readonly HxlColumn[], spec: ResourceExchange): Map<number, ResourceColumn> {
  const found = new Map<number, ResourceColumn>();
  const levelOf = (c: HxlColumn) => Number(/^#adm(\d)$/.exec(c.tag ?? '')?.[1] ?? Number.NaN);
  const levels = columns.map(levelOf).filter((n) => !Number.isNaN(n));
  if (levels.length === 0) return found;
  const deepest = Math.max(...levels);
  if (spec.path !== 'admin-units') {
    // Another record's place (a destination, a distribution's place) is the deepest unit the
    // file names: its p-code, else its name. The resource's first admin column takes it.
    const place = spec.columns.find((c) => c.kind === 'admin');
    const atDeepest = columns.filter((c) => levelOf(c) === deepest);
    const chosen =
      atDeepest.find((c) => sameAttributes(c, ['code'])) ??
      atDeepest.find((c) => c.attributes.includes('name'));
    if (place && chosen) found.set(chosen.index, place);
    return found;
  }
  const field = (name: string) => spec.columns.find((c) => c.field === name) as ResourceColumn;
  for (const c of columns) {
    const level = levelOf(c);
    if (level === deepest && sameAttributes(c, ['code'])) found.set(c.index, field('pcode'));
    if (level === deepest - 1 && sameAttributes(c, ['code'])) found.set(c.index, field('parentPcode'));
    if (level === deepest && c.attributes.includes('name')) {
      found.set(c.index, field(c.attributes.includes('i_ar') ? 'names.ar' : 'names.en'));
    }
  }
  return found;
}

/** What a column fills: its field, or for a list column its part of the field (participants as conveners). */
const columnKey = (c: ResourceColumn) =>
  c.list?.with ? `${c.field}:${JSON.stringify(c.list.with)}` : c.field;

function mapColumns(
  columns: readonly HxlColumn[],
  spec: ResourceExchange,
  mapping: Record<string, string> | undefined,
): { mapped: Mapped[]; implied: Record<string, unknown> } {
  const byField = new Map(spec.columns.map((c) => [c.field, c]));
  const byHeader = new Map<string, ResourceColumn>();
  for (const c of spec.columns) {
    for (const h of [c.en, c.ar, ...(c.alsoHeaders ?? [])]) {
      const key = normalizeForMatch(h);
      if (!byHeader.has(key)) byHeader.set(key, c);
    }
  }
  const normalizedMapping = new Map(
    Object.entries(mapping ?? {}).map(([header, field]) => {
      if (!byField.has(field)) {
        throw new AppError('import.bad_mapping', {
          reason: `"${field}" is not a field of ${spec.path} (${[...byField.keys()].join(', ')})`,
        });
      }
      return [normalizeForMatch(header), byField.get(field) as ResourceColumn];
    }),
  );
  const ocha = ochaLevels(columns, spec);
  const mapped: Mapped[] = [];
  const taken = new Set<string>();
  for (const c of columns) {
    const header = c.header ? normalizeForMatch(c.header) : '';
    const target =
      normalizedMapping.get(header) ??
      spec.columns.find((s) => [s.hxl, ...(s.alsoHxl ?? [])].some((h) => tagMatches(c, h))) ??
      ocha.get(c.index) ??
      (header ? byHeader.get(header) : undefined);
    // A field filled by two columns: the first wins, the other is reported as ignored.
    if (!target || taken.has(columnKey(target))) continue;
    taken.add(columnKey(target));
    mapped.push({ index: c.index, column: target, header: c.header, hashtag: hashtagOf(c) });
  }
  const levels = [...ocha.entries()].filter(([, c]) => c.field === 'pcode');
  const tag = levels[0] ? columns[levels[0][0]]?.tag : undefined;
  const implied: Record<string, unknown> = {};
  if (tag && !taken.has('level')) implied.level = Number(tag.slice(4));
  for (const rule of spec.implied ?? []) {
    if (taken.has(rule.field) || rule.field in implied) continue;
    const tagged = mapped.some((m) => {
      const c = columns[m.index];
      return c?.tag === rule.tag && c.attributes.includes(rule.attribute);
    });
    if (tagged) implied[rule.field] = rule.value;
  }
  return { mapped, implied };
}

// Cells

const cellMessages: Record<string, Record<Lang, string>> = {
  not_a_number: { en: 'is not a number', ar: 'ليس عددًا' },
  not_an_integer: { en: 'is not a whole number', ar: 'ليس عددًا صحيحًا' },
  admin_not_found: { en: 'no admin unit has this name or p-code', ar: 'لا وحدة إدارية بهذا الاسم أو الرمز' },
  admin_ambiguous: {
    en: 'several admin units have this name ({candidates}): give the p-code',
    ar: 'أكثر من وحدة إدارية بهذا الاسم ({candidates}): اكتب الرمز',
  },
  organization_not_found: {
    en: 'no organization has this name or acronym',
    ar: 'لا منظمة بهذا الاسم أو الاختصار',
  },
  organization_ambiguous: {
    en: 'several organizations have this name: give the id',
    ar: 'أكثر من منظمة بهذا الاسم: اكتب المعرّف',
  },
  item_not_found: { en: 'no item has this code or name', ar: 'لا مادة بهذا الرمز أو الاسم' },
  item_ambiguous: {
    en: 'several items have this name: give the code',
    ar: 'أكثر من مادة بهذا الاسم: اكتب الرمز',
  },
  record_ambiguous: {
    en: 'matches several existing records: give the id',
    ar: 'يطابق أكثر من سجل موجود: اكتب المعرّف',
  },
  group_conflict: {
    en: 'differs from the first row with the same reference',
    ar: 'يخالف السطر الأول الذي يحمل المرجع نفسه',
  },
  duplicate_row: {
    en: 'describes the same record as line {line}',
    ar: 'يصف السجل نفسه الذي يصفه السطر {line}',
  },
};

function cellMessage(lang: Lang, code: string, values: Record<string, unknown> = {}): string {
  const template = cellMessages[code]?.[lang] ?? code;
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key] ?? ''));
}

interface Lookup {
  find(raw: string): Promise<{ id?: string; code?: string; candidates?: string }>;
}

/** Admin units by p-code, by exact folded name (Arabic or English), then by their search terms. */
async function adminLookup(ctx: Ctx): Promise<Lookup> {
  const units = await ctx.db.query<{
    id: string;
    pcode: string;
    name_ar: string | null;
    name_en: string | null;
  }>('SELECT id, pcode, name_ar, name_en FROM admin_units WHERE deleted_at IS NULL');
  const byPcode = new Map(units.rows.map((u) => [u.pcode.toUpperCase(), u]));
  const byName = new Map<string, typeof units.rows>();
  for (const unit of units.rows) {
    for (const name of new Set(
      [unit.name_ar, unit.name_en].filter(Boolean).map((n) => normalizeForMatch(String(n))),
    )) {
      byName.set(name, [...(byName.get(name) ?? []), unit]);
    }
  }
  return {
    async find(raw) {
      const unit = byPcode.get(raw.trim().toUpperCase());
      if (unit) return { id: unit.id };
      let found = byName.get(normalizeForMatch(raw)) ?? [];
      if (found.length === 0) {
        const tsquery = searchQuery(raw);
        if (tsquery) {
          const result = await ctx.db.query<{ id: string; pcode: string; name_ar: string; name_en: string }>(
            `SELECT id, pcode, name_ar, name_en FROM admin_units WHERE deleted_at IS NULL AND search @@ to_tsquery('simple', $1) LIMIT 6`,
            [tsquery],
          );
          found = result.rows;
        }
      }
      if (found.length === 1) return { id: found[0]?.id as string };
      if (found.length > 1) {
        return { code: 'admin_ambiguous', candidates: found.map((u) => u.pcode).join(', ') };
      }
      return { code: 'admin_not_found' };
    },
  };
}

async function organizationLookup(ctx: Ctx): Promise<Lookup> {
  const orgs = await ctx.db.query<{
    id: string;
    name_ar: string | null;
    name_en: string | null;
    acronym: string | null;
  }>('SELECT id, name_ar, name_en, acronym FROM organizations WHERE deleted_at IS NULL');
  const byName = new Map<string, string[]>();
  for (const org of orgs.rows) {
    for (const name of new Set(
      [org.name_ar, org.name_en, org.acronym].filter(Boolean).map((n) => normalizeForMatch(String(n))),
    )) {
      byName.set(name, [...(byName.get(name) ?? []), org.id]);
    }
  }
  return {
    async find(raw) {
      if (orgs.rows.some((o) => o.id === raw.trim())) return { id: raw.trim() };
      const found = byName.get(normalizeForMatch(raw)) ?? [];
      if (found.length === 1) return { id: found[0] as string };
      return { code: found.length > 1 ? 'organization_ambiguous' : 'organization_not_found' };
    },
  };
}

async function itemLookup(ctx: Ctx): Promise<Lookup & { units(id: string): ItemUnits | undefined }> {
  const items = await ctx.db.query<{
    id: string;
    code: string | null;
    name_ar: string | null;
    name_en: string | null;
    base_unit: string;
    conversions: ItemUnits['conversions'];
  }>('SELECT id, code, name_ar, name_en, base_unit, conversions FROM items WHERE deleted_at IS NULL');
  const byName = new Map<string, string[]>();
  const byId = new Map(items.rows.map((item) => [item.id, item]));
  for (const item of items.rows) {
    for (const name of new Set(
      [item.code, item.name_ar, item.name_en].filter(Boolean).map((n) => normalizeForMatch(String(n))),
    )) {
      byName.set(name, [...(byName.get(name) ?? []), item.id]);
    }
  }
  return {
    async find(raw) {
      if (byId.has(raw.trim())) return { id: raw.trim() };
      const found = byName.get(normalizeForMatch(raw)) ?? [];
      if (found.length === 1) return { id: found[0] as string };
      return { code: found.length > 1 ? 'item_ambiguous' : 'item_not_found' };
    },
    units(id) {
      const item = byId.get(id);
      return item && { baseUnit: item.base_unit, conversions: item.conversions };
    },
  };
}

/**
 * Why a quantity's unit is not one its item is counted in (`unit.unknown`…), or null: found while
 * planning, so that the row and column are reported, where the write would refuse the whole file.
 */
function unitProblem(units: ItemUnits | undefined, quantity: unknown, unit: unknown): AppError | null {
  if (!units || typeof unit !== 'string') return null;
  try {
    toBaseQuantity(units, typeof quantity === 'number' ? quantity : 1, unit);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** The parts of a list cell, each resolved as a single cell of the column's kind would be. */
async function listValues(
  raw: string,
  column: ResourceColumn,
  lookups: Partial<Record<'admin' | 'organization' | 'item', Lookup>>,
): Promise<({ value: unknown } | { code: string; candidates?: string })[]> {
  const parts = raw
    .split(/[;؛]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const out: ({ value: unknown } | { code: string; candidates?: string })[] = [];
  for (const part of parts) {
    const lookup =
      column.kind === 'admin' || column.kind === 'organization' || column.kind === 'item'
        ? lookups[column.kind]
        : undefined;
    if (!lookup) {
      out.push({ value: part });
      continue;
    }
    const found = await lookup.find(part);
    out.push(found.id ? { value: found.id } : { code: found.code as string, ...found });
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1] as string] = value;
}

export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Stable text of a value for comparison: object keys sorted, undefined and null alike. */
function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Which entries of each list field the file's columns give (by their `with`), and what of the others to keep. */
interface ListCoverage {
  covers: Map<string, Readonly<Record<string, string>>[]>;
  keep: Readonly<Record<string, readonly string[]>>;
}

function listCoverage(mapped: readonly Mapped[], spec: ResourceExchange): ListCoverage {
  const covers = new Map<string, Readonly<Record<string, string>>[]>();
  for (const m of mapped) {
    const extra = m.column.list?.with;
    if (extra) covers.set(m.column.field, [...(covers.get(m.column.field) ?? []), extra]);
  }
  return { covers, keep: spec.listKeep ?? {} };
}

/**
 * A list as a file gives it against the list as the record has it: in any order, and each of the
 * record's entries seen only through the fields the file's entries give (a view's line has its
 * received quantity, a file's line has not).
 */
function sameList(given: readonly unknown[], current: readonly unknown[]): boolean {
  if (given.length !== current.length) return false;
  const keys = [...new Set(given.flatMap((g) => (isPlainObject(g) ? Object.keys(g) : [])))];
  const project = (item: unknown) =>
    isPlainObject(item) && keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, item[k]])) : item;
  const a = given.map((g) => canonical(project(g))).sort();
  const b = current.map((c) => canonical(project(c))).sort();
  return a.every((v, i) => v === b[i]);
}

/**
 * What a row changes in the record it names: the fields it gives that differ, objects merged, and
 * with any changed field the fields the resource wants beside it (`together`).
 */
function patchOf(
  input: Record<string, unknown>,
  view: Record<string, unknown>,
  fixed: readonly string[],
  together: readonly (readonly string[])[] = [],
  lists: ListCoverage = { covers: new Map(), keep: {} },
) {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key === 'id' || fixed.includes(key)) continue;
    const current = view[key];
    if (Array.isArray(value) && Array.isArray(current)) {
      // Entries no column of the file speaks for (conveners, when it lists only participants) stay.
      const covers = lists.covers.get(key);
      const covered = (entry: unknown) =>
        !covers || covers.some((w) => Object.entries(w).every(([k, v]) => getPath(entry, k) === v));
      const others = current.filter((entry) => !covered(entry));
      if (!sameList(value, current.filter(covered))) {
        const keep = lists.keep[key] ?? [];
        patch[key] = [
          ...value,
          ...others.map((entry) =>
            Object.fromEntries(
              keep.flatMap((k) => (getPath(entry, k) == null ? [] : [[k, getPath(entry, k)]])),
            ),
          ),
        ];
      }
      continue;
    }
    const merged = isPlainObject(value) && isPlainObject(current) ? { ...current, ...value } : value;
    if (canonical(merged) !== canonical(current)) patch[key] = merged;
  }
  for (const group of together) {
    if (!group.some((key) => key in patch)) continue;
    for (const key of group) if (!(key in patch)) patch[key] = input[key] ?? view[key] ?? null;
  }
  return patch;
}

// The import

interface PlannedRow {
  line: number;
  input: Record<string, unknown>;
  /** The file's line of each child, for a record spread over several rows. */
  childLines?: number[];
}

/**
 * Records are planned, checked and written this many at a time: memory follows the chunk, not the
 * file, and each chunk's lookups and writes are a few statements.
 */
const CHUNK_RECORDS = 2000;

/**
 * Which group a row of a child-rows resource belongs to: its id (an exported record's rows carry
 * it, with or without a reference), else its `groupBy` value; null for a record of its own.
 */
function groupKey(fields: Record<string, unknown>, groupBy: string): string | null {
  const id = typeof fields.id === 'string' && fields.id !== '' ? fields.id : null;
  if (id) return `id=${id}`;
  const by = getPath(fields, groupBy);
  return by === undefined || by === null || by === '' ? null : `by=${normalizeForMatch(String(by))}`;
}

/**
 * Rows with the same group key become one record whose children are the rows' child columns, and
 * the record is complete at the group's last line (`lastLines`, from a first pass over the file),
 * so that a file whose groups are contiguous, as exports write them, holds one group at a time. A
 * later row may leave the record's columns empty or repeat them, not contradict them.
 */
async function* groupChildRows(
  rows: AsyncIterable<PlannedRow>,
  child: { field: string; groupBy: string },
  lastLines: ReadonlyMap<string, number>,
  conflict: (line: number, field: string) => void,
): AsyncGenerator<PlannedRow> {
  const open = new Map<string, PlannedRow>();
  for await (const row of rows) {
    const { [child.field]: part, ...fields } = row.input;
    const key = groupKey(fields, child.groupBy);
    let group = key === null ? undefined : open.get(key);
    if (!group) {
      group = { line: row.line, input: { ...fields, [child.field]: [] }, childLines: [] };
      if (key !== null) open.set(key, group);
    } else {
      for (const [name, value] of Object.entries(fields)) {
        const had = group.input[name];
        if (had === undefined) group.input[name] = value;
        else if (canonical(had) !== canonical(value)) conflict(row.line, name);
      }
    }
    if (part !== undefined) {
      (group.input[child.field] as unknown[]).push(part);
      group.childLines?.push(row.line);
    }
    if (key === null) yield group;
    else if (lastLines.get(key) === row.line) {
      open.delete(key);
      yield group;
    }
  }
  // Groups whose last row was refused for a cell error.
  yield* open.values();
}

async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The records the caller may see, as natural keys and ids only: which row names which record is
 * decided from these, and the views of the records a chunk names are read when it is planned.
 */
async function existingKeys(ctx: Ctx, resource: Resource, spec: ResourceExchange) {
  const ids = new Set<string>();
  const byKey = new Map<string, string[]>();
  for await (const page of rowPages(ctx.db, resource.table)) {
    for (const row of page as Row[]) {
      ids.add(row.id);
      // Keys are the record's own columns: its view without children has them all.
      const view = resource.present(row, undefined) as Record<string, unknown>;
      for (const key of spec.naturalKeys) {
        const k = naturalKey(view, key);
        if (k === null) continue;
        const found = byKey.get(k);
        if (found) found.push(row.id);
        else byKey.set(k, [row.id]);
      }
    }
  }
  return { ids, byKey };
}

function naturalKey(source: unknown, key: readonly string[]): string | null {
  const parts = key.map((field) => getPath(source, field));
  if (parts.some((p) => p === undefined || p === null || p === '')) return null;
  return `${key.join('|')}=${parts.map((p) => normalizeForMatch(String(p))).join('\u0001')}`;
}

export async function importRecords(ctx: Ctx, input: ImportInput): Promise<ImportReport> {
  const { resource, spec } = exchangeResource(input.resource, 'import');
  requirePermission(ctx, resource.write);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const open = () =>
    openTable(input.bytes, {
      fileName: input.fileName,
      ...(input.maxBytes ? { maxBytes: input.maxBytes } : {}),
    });
  const table = await open();
  const { mapped, implied } = mapColumns(table.columns, spec, input.mapping);
  if (mapped.length === 0) throw new AppError('import.no_columns', { resource: spec.path });
  const mappedIndexes = new Set(mapped.map((m) => m.index));
  const mappedFields = new Set(mapped.map((m) => m.column.field));
  const report: ImportReport = {
    batchId: null,
    resource: spec.path,
    file: input.fileName,
    sha256,
    status: input.dryRun ? 'dry_run' : 'applied',
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    columns: mapped.map((m) => ({
      column: columnLetter(m.index),
      header: m.header,
      hashtag: m.hashtag,
      field: m.column.field,
    })),
    ignored: table.columns
      .filter((c) => !mappedIndexes.has(c.index))
      .map((c) => ({ column: columnLetter(c.index), header: c.header })),
    dryRun: input.dryRun,
  };
  let errorCount = 0;
  const fail = (line: number, field: string | null, code: string, message: string) => {
    errorCount++;
    if (report.errors.length >= MAX_REPORTED_ERRORS) return;
    const at =
      field === null
        ? undefined
        : (mapped.find((m) => m.column.field === field) ??
          mapped.find(
            (m) => m.column.field.startsWith(`${field}.`) || field.startsWith(`${m.column.field}.`),
          ));
    report.errors.push({
      line,
      column: at ? columnLetter(at.index) : null,
      header: at?.header ?? null,
      field,
      code,
      message,
    });
  };

  const lookups: Partial<Record<'admin' | 'organization' | 'item', Lookup>> = {};
  // Items also when only units are given: an updated unit is checked against the record's item.
  const items = mapped.some((m) => m.column.kind === 'item' || /(^|\.)unit$/.test(m.column.field))
    ? await itemLookup(ctx)
    : undefined;
  if (items) lookups.item = items;
  if (mapped.some((m) => m.column.kind === 'admin')) lookups.admin = await adminLookup(ctx);
  if (mapped.some((m) => m.column.kind === 'organization'))
    lookups.organization = await organizationLookup(ctx);

  /** A row's cells as the resource's input, or null when a cell was refused (the error is reported). */
  async function rowInput(
    row: { line: number; values: readonly string[] },
    columns: readonly Mapped[],
  ): Promise<Record<string, unknown> | null> {
    const values: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(implied)) setPath(values, field, value);
    let ok = true;
    for (const m of columns) {
      const cell = row.values[m.index] ?? '';
      if (isEmpty(cell)) continue;
      const raw = restoreNeutralized(cell.trim());
      const { field, kind } = m.column;
      if (m.column.list) {
        const parts = await listValues(raw, m.column, lookups);
        const bad = parts.find((p) => 'code' in p);
        if (bad && 'code' in bad) {
          fail(row.line, field, bad.code, cellMessage(ctx.lang, bad.code, bad));
          ok = false;
          continue;
        }
        const { key, with: extra } = m.column.list;
        const items = parts.map((p) => ('value' in p ? p.value : null));
        const current = getPath(values, field);
        setPath(values, field, [
          ...(Array.isArray(current) ? current : []),
          ...items.map((item) => (key ? { [key]: item, ...extra } : item)),
        ]);
        continue;
      }
      let value: unknown = raw;
      if (kind === 'number' || kind === 'integer') {
        const n = parseNumber(raw);
        if (n === null || (kind === 'integer' && !Number.isInteger(n))) {
          const code = n === null ? 'not_a_number' : 'not_an_integer';
          fail(row.line, field, code, cellMessage(ctx.lang, code));
          ok = false;
          continue;
        }
        value = n;
      } else if (kind === 'admin' || kind === 'organization' || kind === 'item') {
        // The name as reported is kept beside the id it matched (or failed to match).
        // A column of its own for the name as reported wins (an export carries both).
        if (m.column.rawTo && !mappedFields.has(m.column.rawTo)) setPath(values, m.column.rawTo, raw);
        const found = await (lookups[kind] as Lookup).find(raw);
        if (!found.id) {
          fail(row.line, field, found.code as string, cellMessage(ctx.lang, found.code as string, found));
          ok = false;
          continue;
        }
        value = found.id;
      }
      setPath(values, field, value);
    }
    return ok ? values : null;
  }

  async function* plannedRows(): AsyncGenerator<PlannedRow> {
    for await (const row of table.rows) {
      report.rows++;
      const values = await rowInput(row, mapped);
      if (values) yield { line: row.line, input: values };
    }
  }

  /** For child-rows resources, a first pass over the file: the last line of each group. */
  async function groupLastLines(child: { field: string; groupBy: string }): Promise<Map<string, number>> {
    const keyColumns = mapped.filter((m) => m.column.field === 'id' || m.column.field === child.groupBy);
    const lastLines = new Map<string, number>();
    for await (const row of (await open()).rows) {
      // Cells of these columns are text: reading them reports nothing that the second pass will not.
      const fields = (await rowInput(row, keyColumns)) ?? {};
      const key = groupKey(fields, child.groupBy);
      // Keys kept for the whole import are copies: a cell is a slice of the piece of the file it was
      // read from, and V8 keeps the whole piece alive while a slice lives.
      if (key !== null) lastLines.set(detachedCopy(key), row.line);
    }
    return lastLines;
  }

  const existing = await existingKeys(ctx, resource, spec);
  const records = spec.childRows
    ? groupChildRows(plannedRows(), spec.childRows, await groupLastLines(spec.childRows), (line, field) =>
        fail(line, field, 'group_conflict', cellMessage(ctx.lang, 'group_conflict')),
      )
    : plannedRows();
  // Admin units name their parents by p-code, maybe on a later row: one chunk, parents first.
  const chunkSize = spec.path === 'admin-units' ? Number.POSITIVE_INFINITY : CHUNK_RECORDS;

  const seen = new Map<string, number>();
  const fixed = spec.path === 'admin-units' ? ['pcode'] : [];
  const lists = listCoverage(mapped, spec);

  /**
   * The checks the write would make against other records, made here so that they are reported
   * by row and column: each quantity's unit against its item, and children that can no longer be
   * replaced. False when the record failed one.
   */
  function recordChecks(
    row: PlannedRow,
    candidate: Record<string, unknown>,
    match: Record<string, unknown> | undefined,
  ): boolean {
    let ok = true;
    const refuse = (line: number, field: string, error: AppError) => {
      fail(line, field, error.code, messageFor(ctx.lang, error.code, error.details));
      ok = false;
    };
    const child = spec.childRows;
    if (child && match && child.field in candidate && child.locked?.when(match)) {
      refuse(row.line, child.field, new AppError(child.locked.code, { id: String(match.id) }));
    }
    if (!items) return ok;
    const unitOf = (values: Record<string, unknown>) =>
      unitProblem(
        typeof values.itemId === 'string' ? items.units(values.itemId) : undefined,
        values.quantity,
        values.unit,
      );
    // A row that changes an item, quantity or unit: checked with what it leaves as it is.
    if (['itemId', 'quantity', 'unit'].some((field) => field in candidate)) {
      const problem = unitOf(match ? { ...match, ...candidate } : candidate);
      if (problem) refuse(row.line, 'unit', problem);
    }
    if (child && Array.isArray(candidate[child.field])) {
      (candidate[child.field] as Record<string, unknown>[]).forEach((part, index) => {
        const problem = unitOf(part);
        if (problem) refuse(row.childLines?.[index] ?? row.line, `${child.field}.unit`, problem);
      });
    }
    return ok;
  }

  /** A chunk's records as creates and updates, each checked against the resource's schema. */
  async function plan(chunk: readonly PlannedRow[]) {
    const matches = chunk.map((row) => {
      const id = typeof row.input.id === 'string' ? row.input.id : undefined;
      if (id && existing.ids.has(id)) return { id, seenKey: `id=${id}` };
      const key = spec.naturalKeys.find((k) => naturalKey(row.input, k) !== null);
      const k = key ? naturalKey(row.input, key) : null;
      const found = k ? (existing.byKey.get(k) ?? []) : [];
      if (found.length > 1) return { ambiguous: key?.[0] ?? null };
      const matched = found[0];
      return { id: matched, seenKey: matched ? `id=${matched}` : k };
    });
    const wanted = matches.flatMap((m) => ('id' in m && m.id ? [m.id] : []));
    const views = new Map<string, Record<string, unknown>>();
    for (const view of (await presentRows(
      ctx.db,
      resource,
      await rowsByIds(ctx.db, resource.table, wanted),
    )) as Record<string, unknown>[])
      views.set(String(view.id), view);

    const creates: { line: number; input: Record<string, unknown> }[] = [];
    const updates: { line: number; id: string; patch: Record<string, unknown> }[] = [];
    chunk.forEach((row, i) => {
      const m = matches[i] as (typeof matches)[number];
      if ('ambiguous' in m) {
        fail(row.line, m.ambiguous ?? null, 'record_ambiguous', cellMessage(ctx.lang, 'record_ambiguous'));
        return;
      }
      // A record the caller could see when the import began and cannot now is not theirs to update.
      const match = m.id ? views.get(m.id) : undefined;
      if (m.seenKey) {
        const earlier = seen.get(m.seenKey);
        if (earlier !== undefined) {
          fail(row.line, null, 'duplicate_row', cellMessage(ctx.lang, 'duplicate_row', { line: earlier }));
          return;
        }
        seen.set(detachedCopy(m.seenKey), row.line);
      }
      const schema = match ? resource.patch : resource.input;
      const candidate = match ? patchOf(row.input, match, fixed, spec.patchTogether, lists) : row.input;
      if (match && Object.keys(candidate).length === 0) {
        report.unchanged++;
        return;
      }
      const { ownerOrganizationId: _o, secretReaders: _s, ...fields } = candidate;
      const checked = schema.safeParse(fields, { reportInput: true });
      if (!checked.success) {
        for (const problem of fieldErrors(checked.error.issues, ctx.lang)) {
          // A child's error belongs to the child's row and column: `lines.1.unit` is line N's `lines.unit`.
          const childAt = spec.childRows
            ? new RegExp(`^${spec.childRows.field}\\.(\\d+)(?:\\.(.+))?$`).exec(problem.field ?? '')
            : null;
          const childLine = childAt ? row.childLines?.[Number(childAt[1])] : undefined;
          if (childAt && childLine !== undefined) {
            const field = childAt[2]
              ? `${spec.childRows?.field}.${childAt[2]}`
              : (spec.childRows?.field ?? null);
            fail(childLine, field, problem.code, problem.message);
          } else fail(row.line, problem.field, problem.code, problem.message);
        }
        return;
      }
      if (!recordChecks(row, candidate, match)) return;
      if (match) updates.push({ line: row.line, id: String(match.id), patch: candidate });
      else creates.push({ line: row.line, input: candidate });
    });
    report.created += creates.length;
    report.updated += updates.length;
    return { creates, updates };
  }

  /** Writes a planned chunk: creates in one batch (parents first), then each update. */
  async function write(inner: Ctx, { creates, updates }: Awaited<ReturnType<typeof plan>>): Promise<void> {
    // Parents first: admin units of a file may name a parent created by an earlier row.
    const ordered = [...creates].sort(
      (a, b) => Number(a.input.level ?? 0) - Number(b.input.level ?? 0) || a.line - b.line,
    );
    if (ordered.length > 0)
      await createRecordsUnread(
        inner,
        resource,
        ordered.map((c) => c.input),
      );
    for (const update of updates) await updateRecord(inner, resource, update.id, update.patch);
  }

  /** Plans the file chunk by chunk and, while no row has failed, writes each chunk through `tx`. */
  async function run(tx: pg.PoolClient | null): Promise<ImportReport> {
    const inner: Ctx | null = tx ? { ...ctx, db: transactionPool(tx) } : null;
    // One chunk is written while the next is read and planned: the database and the parsing
    // each have a processor. Writes stay one at a time, in the file's order.
    let writing: Promise<void> = Promise.resolve();
    for await (const chunk of chunksOf(records, chunkSize)) {
      const planned = await plan(chunk);
      input.onProgress?.(report.rows);
      await writing;
      // After the first error the rest is only checked: nothing will be committed.
      if (!inner || errorCount > 0) continue;
      writing = write(inner, planned);
      // Handled here so that a failure while the next chunk is planned is not "unhandled"; awaited below.
      writing.catch(() => undefined);
    }
    await writing;
    // Cell errors are found while reading, schema errors after: the report reads top to bottom.
    report.errors.sort((a, b) => a.line - b.line);
    if (errorCount > 0) {
      if (input.dryRun) return report;
      const first = report.errors[0];
      throw new AppError('import.rows_invalid', {
        count: errorCount,
        line: first?.line,
        column: first?.column ?? '-',
        message: first?.message,
        errors: report.errors,
      });
    }
    if (!tx) return report;
    if (report.created === 0 && report.updated === 0) report.status = 'unchanged';
    const batchId = uuidv7(ctx.now().getTime());
    await tx.query(
      `INSERT INTO import_batches (id, resource, file_name, file_sha256, status, rows, created, updated, unchanged)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        batchId,
        spec.path,
        input.fileName,
        sha256,
        report.status,
        report.rows,
        report.created,
        report.updated,
        report.unchanged,
      ],
    );
    report.batchId = batchId;
    return report;
  }

  return input.dryRun ? await run(null) : await inTransaction(ctx.db, run);
}

export interface ImportBatchView {
  id: string;
  resource: string;
  fileName: string | null;
  sha256: string;
  status: 'applied' | 'unchanged';
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  actor: string;
  organizationId: string | null;
  at: string;
}

function presentBatch(row: Record<string, unknown>): ImportBatchView {
  return {
    id: String(row.id),
    resource: String(row.resource),
    fileName: (row.file_name as string | null) ?? null,
    sha256: String(row.file_sha256),
    status: row.status as ImportBatchView['status'],
    rows: Number(row.rows),
    created: Number(row.created),
    updated: Number(row.updated),
    unchanged: Number(row.unchanged),
    actor: String(row.actor),
    organizationId: (row.organization_id as string | null) ?? null,
    at: (row.at as Date).toISOString(),
  };
}

/** The batches the caller may see (row-level security: the hub all, others their organization's), newest first. */
export async function listImportBatches(ctx: Ctx, limit = 100): Promise<ImportBatchView[]> {
  const result = await ctx.db.query('SELECT * FROM import_batches ORDER BY at DESC, id DESC LIMIT $1', [
    limit,
  ]);
  return result.rows.map(presentBatch);
}

export async function getImportBatch(ctx: Ctx, id: string): Promise<ImportBatchView> {
  const result = await ctx.db.query('SELECT * FROM import_batches WHERE id = $1', [id]);
  const row = result.rows[0];
  if (!row) throw new AppError('import.not_found', { id });
  return presentBatch(row);
}

/**
 * The imported file as an XLSX with its rows as read and one more column, first, giving each row's
 * errors (column letter and message): what a partner fixes and sends again.
 */
export async function writeAnnotatedCopy(
  input: Pick<ImportInput, 'bytes' | 'fileName'>,
  errors: readonly RowError[],
  lang: Lang,
  output: Writable,
): Promise<void> {
  const table = await openTable(input.bytes, { fileName: input.fileName });
  const byLine = new Map<number, string[]>();
  for (const error of errors) {
    const text = `${error.column ? `${error.column}: ` : ''}${error.message}`;
    byLine.set(error.line, [...(byLine.get(error.line) ?? []), text]);
  }
  const columns = [
    { header: lang === 'ar' ? 'الأخطاء' : 'Errors', hashtag: table.hxl ? '#x_errors' : null, width: 50 },
    ...table.columns.map((c) => ({ header: c.header, hashtag: table.hxl ? hashtagOf(c) : null })),
  ];
  async function* rows() {
    for await (const row of table.rows) yield [(byLine.get(row.line) ?? []).join('\n'), ...row.values];
  }
  await writeXlsx(output, columns, rows(), { rightToLeft: lang === 'ar', hashtags: table.hxl });
}
