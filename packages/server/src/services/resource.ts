import { type LocalizedText, type Permission, Uuid } from '@tansiq/core';
import { z } from 'zod';
import type { Db } from '../store/db.ts';
import type { ColumnValues, Row, TableSpec } from '../store/registry.ts';
import type { Ctx } from './context.ts';

/**
 * One description per resource: its schemas, how input becomes columns and a row becomes a
 * view, which fields refer to other records, and (for aggregates such as meetings or shipments)
 * the child rows written and loaded with it. The generic use cases (create-records,
 * update-record, …) and the HTTP routes are written once against this shape.
 */
export interface Reference {
  field: string;
  column: string;
  table: string;
  resource: string;
  /** Resolved by a natural key column instead of id (admin units by p-code). */
  byColumn?: string;
}

/** What the generic use cases and routes see: input types erased behind their schemas. */
export interface Resource<View = unknown> {
  /** Singular name used in errors and the changes feed: 'organization'. */
  resource: string;
  /** Plural kebab-case path segment: 'organizations'. */
  path: string;
  /** Reads open to the public (the reference registry, api.md); writes always need sign-in. */
  publicRead?: boolean;
  /** What creating, changing or deleting one needs (core/access.ts). */
  write: Permission;
  /** Rows have an owner organization and named secret readers (013_access.sql). */
  owned: boolean;
  /** 'custom': created by its own service and route (sources: ingest), not the generic POST /api/R. */
  create?: 'custom';
  table: TableSpec;
  input: z.ZodType;
  patch: z.ZodType;
  query: z.ZodType;
  view: z.ZodType<View>;
  /** Parsed input (or patch) to column values; keys absent from a patch are absent here. */
  toColumns(input: unknown): ColumnValues;
  /** `extra` is what `children.load` returned for this row. */
  present(row: Row, extra?: unknown): View;
  searchText(row: ColumnValues): string;
  children?: Children;
  /**
   * Completes column values that need the database (base quantities from an item's units) or
   * refuses a change the record's state forbids, before they are written. `current` is the
   * stored row on update.
   */
  prepare?(
    ctx: Ctx,
    tx: Db,
    rows: { values: ColumnValues; input: Record<string, unknown>; current?: Row }[],
  ): Promise<void>;
  /** Resources whose status is a history of dated events (POST /api/R/:id/events). */
  statuses?: Statuses;
  references: readonly Reference[];
  /** Unique constraint name → the field it protects. */
  uniques: Record<string, string>;
  /** Query key → SQL expression compared for equality, or a condition with `$?` for the value. */
  filters: Record<string, string>;
  sorts: Record<string, string>;
  defaultSort: string;
}

/** Child rows of an aggregate (participants, lines, conditions), kept with their parent. */
export interface Children {
  /**
   * Writes the children of created or updated parents, in the parent's transaction. On update,
   * `input` is the patch: a child list it does not mention is left as it is.
   */
  write?(
    ctx: Ctx,
    tx: Db,
    parents: { id: string; row: Row; input: Record<string, unknown> }[],
  ): Promise<void>;
  /** Loads what present() needs besides the row, for many rows in one round trip. */
  load(db: Db, rows: Row[]): Promise<Map<string, unknown>>;
}

export interface Statuses {
  values: readonly [string, ...string[]];
  /** Refuses or acts on a transition, in the event's transaction (e.g. moving stock). */
  onEvent?(
    ctx: Ctx,
    tx: Db,
    row: Row,
    event: { status: string; occurredOn: string; precision: string },
  ): Promise<void>;
}

/** Presents rows, loading their children first when the resource has any. */
export async function presentRows<View>(db: Db, resource: Resource<View>, rows: Row[]): Promise<View[]> {
  const extras = resource.children && rows.length > 0 ? await resource.children.load(db, rows) : undefined;
  return rows.map((row) => {
    const view = resource.present(row, extras?.get(row.id));
    if (!resource.owned) return view;
    return {
      ...view,
      ownerOrganizationId: (row.owner_organization_id as string | null) ?? null,
      secretReaders: (row.secret_readers as string[] | null) ?? [],
    };
  });
}

interface ResourceDef<Input extends z.ZodType, View> extends Omit<Resource<View>, 'toColumns' | 'owned'> {
  input: Input;
  toColumns(input: Partial<z.infer<Input>>): ColumnValues;
}

/** Tables whose rows have an owner organization and secret readers (013_access.sql adds them). */
const ownedTables = new Set([
  'organizations',
  'sites',
  'pledges',
  'shipments',
  'distributions',
  'meetings',
  'agreements',
  'population_movements',
  'persons',
  'sources',
  'claims',
]);
const ownershipColumns = ['owner_organization_id', 'secret_readers'];

export function defineResource<Input extends z.ZodType, View>(def: ResourceDef<Input, View>): Resource<View> {
  const owned = ownedTables.has(def.table.table);
  const table = owned ? { ...def.table, columns: [...def.table.columns, ...ownershipColumns] } : def.table;
  return { ...def, table, owned, toColumns: (input) => def.toColumns(input as Partial<z.infer<Input>>) };
}

/**
 * Who owns a record and who may read it when it is secret: accepted by every owned resource's
 * create and patch, beside its own fields, and shown in its view.
 */
export const Ownership = z
  .object({
    ownerOrganizationId: Uuid.nullable().optional(),
    secretReaders: z.array(Uuid).max(200).optional(),
  })
  .strict();
export type Ownership = z.infer<typeof Ownership>;

export const OwnershipView = z.object({
  ownerOrganizationId: z.string().nullable(),
  secretReaders: z.array(z.string()),
});

/** A record schema (input, patch or view) with the ownership fields beside its own. */
export function withOwnership(schema: z.ZodType, shape: z.ZodRawShape): z.ZodType {
  return schema instanceof z.ZodObject ? schema.safeExtend(shape) : schema;
}

/** Separates the ownership fields from a record's own (whose schemas are strict). */
export function splitOwnership(raw: unknown): { fields: unknown; ownership: Record<string, unknown> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { fields: raw, ownership: {} };
  const { ownerOrganizationId, secretReaders, ...fields } = raw as Record<string, unknown>;
  const ownership: Record<string, unknown> = {};
  if (ownerOrganizationId !== undefined) ownership.ownerOrganizationId = ownerOrganizationId;
  if (secretReaders !== undefined) ownership.secretReaders = secretReaders;
  return { fields, ownership };
}

export function namesOf(row: Row | ColumnValues): LocalizedText {
  const names: LocalizedText = {};
  if (typeof row.name_ar === 'string') names.ar = row.name_ar;
  if (typeof row.name_en === 'string') names.en = row.name_en;
  return names;
}

export function nameColumns(names: LocalizedText | undefined): ColumnValues {
  return names === undefined ? {} : { name_ar: names.ar ?? null, name_en: names.en ?? null };
}

export function point(lat: unknown, lon: unknown): { lat: number; lon: number } | null {
  return typeof lat === 'number' && typeof lon === 'number' ? { lat, lon } : null;
}

/** Copies defined keys only: a PATCH must not null the fields it does not mention. */
export function defined(values: ColumnValues): ColumnValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

export const meta = (row: Row) => ({
  id: row.id,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export function titlesOf(row: Row): { ar?: string; en?: string } {
  const titles: { ar?: string; en?: string } = {};
  if (typeof row.title_ar === 'string') titles.ar = row.title_ar;
  if (typeof row.title_en === 'string') titles.en = row.title_en;
  return titles;
}

export function titleColumns(titles: { ar?: string; en?: string } | undefined): ColumnValues {
  return titles === undefined ? {} : { title_ar: titles.ar ?? null, title_en: titles.en ?? null };
}

type PeriodValue = { start: string; end?: string | null; precision: 'day' | 'month' | 'year' };

/** A reference period as columns; `undefined` (a PATCH that does not mention it) writes nothing. */
export function periodColumns(period: PeriodValue | null | undefined): ColumnValues {
  if (period === undefined) return {};
  return {
    period_start: period?.start ?? null,
    period_end: period?.end ?? null,
    ...(period ? { date_precision: period.precision } : {}),
  };
}

export function presentPeriod(row: Row): PeriodValue | null {
  if (typeof row.period_start !== 'string') return null;
  return {
    start: row.period_start,
    end: typeof row.period_end === 'string' ? row.period_end : null,
    precision: row.date_precision as PeriodValue['precision'],
  };
}

export const num = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);
