import { PassThrough, type Writable } from 'node:stream';
import { AppError, standardUnits } from '@tansiq/core';
import { type Cell, writeCsv } from '../exchange/hxl/writer.ts';
import type { ResourceColumn, ResourceExchange } from '../exchange/resource-columns.ts';
import { writeXlsx } from '../exchange/xlsx.ts';
import type { Ctx } from './context.ts';
import { rowPages } from './exchange-rows.ts';
import { exchangeResource, getPath } from './import-records.ts';
import { presentForReader } from './present-for-reader.ts';
import type { Resource } from './resource.ts';

/**
 * Streams a resource out as CSV, XLSX, JSON or GeoJSON, a page of rows at a time. It runs as the
 * caller: `ctx.db` is bound to them, so row-level security chooses the rows, and each page goes
 * through the same presentation as a read (site coordinates coarsened for the public, reads of
 * confidential records audited). Columns are the resource's exchange columns, so that an export,
 * edited, imports back as updates.
 */

export type ExportFormat = 'csv' | 'xlsx' | 'json' | 'geojson';

export interface ExportOptions {
  format: ExportFormat;
  hxl: boolean;
  pageSize?: number;
}

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Views of every readable record, page by page. */
async function* viewPages(
  ctx: Ctx,
  resource: Resource,
  pageSize: number,
): AsyncGenerator<Record<string, unknown>[]> {
  for await (const rows of rowPages(ctx.db, resource.table, pageSize)) {
    yield (await presentForReader(ctx, resource, rows)) as Record<string, unknown>[];
  }
}

const labelQueries: Record<string, string> = {
  admin: 'SELECT id, pcode AS label FROM admin_units WHERE id = ANY($1::uuid[])',
  organization:
    'SELECT id, coalesce(acronym, name_en, name_ar) AS label FROM organizations WHERE id = ANY($1::uuid[])',
  item: 'SELECT id, coalesce(code, name_en, name_ar) AS label FROM items WHERE id = ANY($1::uuid[])',
};

/**
 * The values a column shows for one view, or for one of its children (a shipment's line): one,
 * or for a list column, the list's entries that are this column's (participants as conveners).
 */
function columnValues(
  spec: ResourceExchange,
  column: ResourceColumn,
  view: Record<string, unknown>,
  child: Record<string, unknown> | undefined,
): unknown[] {
  const under = spec.childRows ? `${spec.childRows.field}.` : null;
  const value =
    under && column.field.startsWith(under)
      ? getPath(child, column.field.slice(under.length))
      : getPath(view, column.field);
  if (!column.list) return [value];
  const { key, with: extra = {} } = column.list;
  return (Array.isArray(value) ? value : [])
    .filter((entry) => Object.entries(extra).every(([k, v]) => getPath(entry, k) === v))
    .map((entry) => (key ? getPath(entry, key) : entry));
}

/** A view's rows: one, or one per child when the resource spreads a record over rows. */
function childrenOf(
  spec: ResourceExchange,
  view: Record<string, unknown>,
): (Record<string, unknown> | undefined)[] {
  if (!spec.childRows) return [undefined];
  const children = getPath(view, spec.childRows.field);
  return Array.isArray(children) && children.length > 0
    ? (children as Record<string, unknown>[])
    : [undefined];
}

/**
 * References shown as people write them, and as imports read them back: an admin unit by its
 * p-code, an organization by its acronym or name, an item by its code or name.
 */
async function referenceLabels(
  ctx: Ctx,
  spec: ResourceExchange,
  views: Record<string, unknown>[],
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const column of spec.columns) {
    const sql = labelQueries[column.kind];
    if (!sql) continue;
    const ids = [
      ...new Set(
        views
          .flatMap((v) => childrenOf(spec, v).flatMap((child) => columnValues(spec, column, v, child)))
          .filter((id): id is string => typeof id === 'string'),
      ),
    ];
    if (ids.length === 0) continue;
    const result = await ctx.db.query<{ id: string; label: string }>(sql, [ids]);
    for (const row of result.rows) labels.set(row.id, row.label);
  }
  return labels;
}

async function* cellRows(ctx: Ctx, resource: Resource, spec: ResourceExchange, pageSize: number) {
  for await (const views of viewPages(ctx, resource, pageSize)) {
    const labels = await referenceLabels(ctx, spec, views);
    for (const view of views) {
      for (const child of childrenOf(spec, view)) {
        yield spec.columns.map((column): Cell => {
          const shown = columnValues(spec, column, view, child)
            .filter((value) => value !== undefined && value !== null)
            .map((value): Cell => {
              if (column.kind in labelQueries) return labels.get(String(value)) ?? String(value);
              if (typeof value === 'object') return JSON.stringify(value);
              return value as Cell;
            });
          if (!column.list) return shown[0] ?? null;
          return shown.length > 0 ? shown.join('; ') : null;
        });
      }
    }
  }
}

function headersOf(ctx: Ctx, spec: ResourceExchange, hxl: boolean) {
  return spec.columns.map((c) => ({ header: ctx.lang === 'ar' ? c.ar : c.en, hashtag: hxl ? c.hxl : null }));
}

const encoder = new TextEncoder();

async function* jsonArray(ctx: Ctx, resource: Resource, pageSize: number): AsyncGenerator<Uint8Array> {
  yield encoder.encode('[');
  let first = true;
  for await (const views of viewPages(ctx, resource, pageSize)) {
    const text = views.map((v) => JSON.stringify(v)).join(',\n');
    if (text === '') continue;
    yield encoder.encode(`${first ? '\n' : ',\n'}${text}`);
    first = false;
  }
  yield encoder.encode('\n]\n');
}

/** Records with a point (a site's location, an admin unit's centre) as GeoJSON features. */
async function* geoJson(ctx: Ctx, resource: Resource, pageSize: number): AsyncGenerator<Uint8Array> {
  yield encoder.encode('{"type":"FeatureCollection","features":[');
  let first = true;
  for await (const views of viewPages(ctx, resource, pageSize)) {
    const features: string[] = [];
    for (const view of views) {
      const point = (view.location ?? view.centre) as { lat: number; lon: number } | null | undefined;
      const { location: _l, centre: _c, ...properties } = view;
      features.push(
        JSON.stringify({
          type: 'Feature',
          id: view.id,
          geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
          properties,
        }),
      );
    }
    if (features.length === 0) continue;
    yield encoder.encode(`${first ? '\n' : ',\n'}${features.join(',\n')}`);
    first = false;
  }
  yield encoder.encode('\n]}\n');
}

/** Checks the caller may read the resource at all: the public only what is published to it. */
export function exportable(ctx: Ctx, path: string): { resource: Resource; spec: ResourceExchange } {
  const found = exchangeResource(path, 'export');
  if (ctx.actor.kind === 'public' && !found.resource.publicRead)
    throw new AppError('access.sign_in_required');
  return found;
}

/** The export as a stream of bytes (CSV, JSON, GeoJSON) or written to `output` (XLSX). */
export function exportRecords(ctx: Ctx, path: string, options: ExportOptions): AsyncIterable<Uint8Array> {
  const { resource, spec } = exportable(ctx, path);
  const pageSize = options.pageSize ?? 1000;
  switch (options.format) {
    case 'csv':
      return writeCsv(headersOf(ctx, spec, options.hxl), cellRows(ctx, resource, spec, pageSize), {
        bom: true,
        hashtags: options.hxl,
      });
    case 'json':
      return jsonArray(ctx, resource, pageSize);
    case 'geojson':
      return geoJson(ctx, resource, pageSize);
    case 'xlsx': {
      const output = new PassThrough();
      writeXlsx(
        output as Writable,
        headersOf(ctx, spec, options.hxl),
        cellRows(ctx, resource, spec, pageSize),
        {
          sheetName: spec.path,
          rightToLeft: ctx.lang === 'ar',
          hashtags: options.hxl,
        },
      ).catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
      return output;
    }
  }
}

/**
 * A ready-to-fill XLSX for a resource: headers in the caller's language, the HXL row, and drop-down
 * lists where the values are known (kinds and statuses, p-codes of admin units, units of measure,
 * organizations). No rows: what is filled in imports as new records.
 */
export async function writeTemplate(ctx: Ctx, path: string, output: Writable): Promise<void> {
  const { spec } = exportable(ctx, path);
  const columns = [];
  for (const column of spec.columns) {
    let list: readonly string[] | undefined = column.values;
    if (column.list) {
      // A drop-down holds one value; a list cell holds several.
      list = undefined;
    } else if (column.kind === 'admin' || column.field === 'parentPcode') {
      const result = await ctx.db.query<{ pcode: string }>(
        'SELECT pcode FROM admin_units WHERE deleted_at IS NULL ORDER BY pcode',
      );
      list = result.rows.map((r) => r.pcode);
    } else if (column.kind === 'organization') {
      const result = await ctx.db.query<{ label: string }>(
        'SELECT coalesce(acronym, name_en, name_ar) AS label FROM organizations WHERE deleted_at IS NULL ORDER BY 1 LIMIT 5000',
      );
      list = result.rows.map((r) => r.label);
    } else if (column.kind === 'item') {
      const result = await ctx.db.query<{ label: string }>(
        'SELECT coalesce(code, name_en, name_ar) AS label FROM items WHERE deleted_at IS NULL ORDER BY 1 LIMIT 5000',
      );
      list = result.rows.map((r) => r.label);
    } else if (column.field === 'baseUnit' || column.field === 'unit' || column.field.endsWith('.unit')) {
      list = Object.keys(standardUnits);
    }
    // The id is for exports edited and imported back; a new record has none.
    if (column.field === 'id') continue;
    columns.push({
      header: ctx.lang === 'ar' ? column.ar : column.en,
      hashtag: column.hxl,
      ...(list ? { list } : {}),
    });
  }
  await writeXlsx(output, columns, [], {
    sheetName: spec.path,
    rightToLeft: ctx.lang === 'ar',
    hashtags: true,
  });
}
