import type { Db } from './db.ts';

/**
 * Generic SQL for the registry tables, which share one shape: uuid id, columns, search terms,
 * created/updated/deleted timestamps. Table and column names come from the specs in
 * resources.ts (constants), never from requests; values are always parameters.
 */
export interface TableSpec {
  table: string;
  /** Writable columns, besides id and search_terms. */
  columns: readonly string[];
  /** Columns whose values are JSON (sent as text, cast to jsonb). */
  jsonColumns?: readonly string[];
  /** Extra derived output columns, written against the table alias `t`. */
  derived?: string;
}

/** The stored columns (not the search vector: large, and never shown) plus derived ones. */
function returning(spec: TableSpec): string {
  const columns = ['id', ...spec.columns, 'created_at', 'updated_at', 'deleted_at']
    .map((c) => `t.${c}`)
    .join(', ');
  return spec.derived ? `${columns}, ${spec.derived}` : columns;
}

export type Row = Record<string, unknown> & {
  id: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
};
export type ColumnValues = Record<string, unknown>;

const maxParams = 60_000;

function encode(spec: TableSpec, column: string, value: unknown): unknown {
  if (value === undefined) return null;
  return spec.jsonColumns?.includes(column) && value !== null ? JSON.stringify(value) : value;
}

function placeholder(spec: TableSpec, column: string, index: number): string {
  return spec.jsonColumns?.includes(column) ? `$${index}::jsonb` : `$${index}`;
}

/** Inserts rows with multi-row VALUES, in chunks that stay under PostgreSQL's parameter limit. */
export async function insertRows(
  db: Db,
  spec: TableSpec,
  rows: readonly { id: string; values: ColumnValues; searchTerms: string }[],
): Promise<Row[]> {
  const columns = ['id', ...spec.columns, 'search_terms'];
  const perChunk = Math.max(1, Math.floor(maxParams / columns.length));
  const inserted: Row[] = [];
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      const cells = columns.map((column) => {
        const value =
          column === 'id' ? row.id : column === 'search_terms' ? row.searchTerms : row.values[column];
        // An absent value takes the column's default (a multi-row VALUES accepts DEFAULT per cell).
        if (value === undefined) return 'DEFAULT';
        params.push(encode(spec, column, value));
        return placeholder(spec, column, params.length);
      });
      return `(${cells.join(', ')})`;
    });
    const result = await db.query<Row>(
      `INSERT INTO ${spec.table} AS t (${columns.join(', ')}) VALUES ${tuples.join(', ')} RETURNING ${returning(spec)}`,
      params,
    );
    inserted.push(...result.rows);
  }
  return inserted;
}

export async function updateRow(
  db: Db,
  spec: TableSpec,
  id: string,
  values: ColumnValues,
  searchTerms: string,
): Promise<Row | undefined> {
  const params: unknown[] = [id];
  const sets = Object.keys(values)
    .filter((column) => spec.columns.includes(column))
    .map((column) => {
      params.push(encode(spec, column, values[column]));
      return `${column} = ${placeholder(spec, column, params.length)}`;
    });
  params.push(searchTerms);
  sets.push(`search_terms = $${params.length}`, 'updated_at = now()');
  const result = await db.query<Row>(
    `UPDATE ${spec.table} AS t SET ${sets.join(', ')} WHERE id = $1 AND deleted_at IS NULL RETURNING ${returning(spec)}`,
    params,
  );
  return result.rows[0];
}

export async function softDeleteRow(db: Db, spec: TableSpec, id: string): Promise<Row | undefined> {
  const result = await db.query<Row>(
    `UPDATE ${spec.table} AS t SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING ${returning(spec)}`,
    [id],
  );
  return result.rows[0];
}

export async function findRow(db: Db, spec: TableSpec, id: string, lock = false): Promise<Row | undefined> {
  const result = await db.query<Row>(
    `SELECT ${returning(spec)} FROM ${spec.table} t WHERE id = $1 AND deleted_at IS NULL${lock ? ' FOR UPDATE OF t' : ''}`,
    [id],
  );
  return result.rows[0];
}

/** Ids among `ids` that exist (and are not deleted, unless `includeDeleted`). */
export async function existingIds(
  db: Db,
  table: string,
  ids: readonly string[],
  includeDeleted = false,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = await db.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE id = ANY($1::uuid[])${includeDeleted ? '' : ' AND deleted_at IS NULL'}`,
    [[...new Set(ids)]],
  );
  return new Set(result.rows.map((row) => row.id));
}

export interface ListSpec {
  /** Filters: an SQL expression compared for equality, or a condition using `$?` for the value. */
  where: { sql: string; value: unknown }[];
  /** A to_tsquery string, or null for no text search. */
  tsquery: string | null;
  orderBy: string;
  limit: number;
  offset: number;
}

export async function listRows(
  db: Db,
  spec: TableSpec,
  list: ListSpec,
): Promise<{ rows: Row[]; total: number }> {
  const params: unknown[] = [];
  const conditions = ['deleted_at IS NULL'];
  for (const filter of list.where) {
    params.push(filter.value);
    // A filter is an expression compared for equality, or a condition with its own `$?`.
    const placeholder = `$${params.length}`;
    conditions.push(
      filter.sql.includes('$?') ? filter.sql.replaceAll('$?', placeholder) : `${filter.sql} = ${placeholder}`,
    );
  }
  let order = list.orderBy;
  if (list.tsquery) {
    params.push(list.tsquery);
    conditions.push(`search @@ to_tsquery('simple', $${params.length})`);
    order = `${list.orderBy === '' ? '' : `${list.orderBy}, `}ts_rank(search, to_tsquery('simple', $${params.length})) DESC`;
  }
  const where = conditions.join(' AND ');
  const countParams = [...params];
  params.push(list.limit, list.offset);
  // One after the other: `db` may be a transaction's single connection.
  const page = await db.query<Row>(
    `SELECT ${returning(spec)} FROM ${spec.table} t WHERE ${where} ORDER BY ${order || 'id'}, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  const count = await db.query<{ total: number }>(
    `SELECT count(*) AS total FROM ${spec.table} t WHERE ${where}`,
    countParams,
  );
  return { rows: page.rows, total: count.rows[0]?.total ?? 0 };
}
