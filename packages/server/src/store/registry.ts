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
function returning(spec: TableSpec, derived = true): string {
  const columns = ['id', ...spec.columns, 'created_at', 'updated_at', 'deleted_at']
    .map((c) => `t.${c}`)
    .join(', ');
  return spec.derived && derived ? `${columns}, ${spec.derived}` : columns;
}

export type Row = Record<string, unknown> & {
  id: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
};
export type ColumnValues = Record<string, unknown>;

function encode(spec: TableSpec, column: string, value: unknown): unknown {
  if (value === undefined) return null;
  return spec.jsonColumns?.includes(column) && value !== null ? JSON.stringify(value) : value;
}

function placeholder(spec: TableSpec, column: string, index: number): string {
  return spec.jsonColumns?.includes(column) ? `$${index}::jsonb` : `$${index}`;
}

/** Rows per INSERT: one JSON parameter each, so only the statement's size bounds it. */
const rowsPerInsert = 5000;

/**
 * Inserts rows as one JSON array per statement, read by the table's own row type
 * (`jsonb_populate_recordset`): PostgreSQL plans it once, where a multi-row VALUES of thousands of
 * tuples costs more to parse and plan than to write. A column a row leaves out takes its default,
 * so rows are written in groups of the same columns. Rows come back in the order given; without
 * `derived`, without the derived columns, which cost a query per row and which a writer that will
 * not show the rows does not need.
 */
export async function insertRows(
  db: Db,
  spec: TableSpec,
  rows: readonly { id: string; values: ColumnValues; searchTerms: string }[],
  { derived = true }: { derived?: boolean } = {},
): Promise<Row[]> {
  const shapes = new Map<string, { columns: string[]; rows: (typeof rows)[number][] }>();
  for (const row of rows) {
    const given = spec.columns.filter((column) => row.values[column] !== undefined);
    const key = given.join(',');
    const shape = shapes.get(key);
    if (shape) shape.rows.push(row);
    else shapes.set(key, { columns: given, rows: [row] });
  }
  const byId = new Map<string, Row>();
  for (const shape of shapes.values()) {
    const columns = ['id', ...shape.columns, 'search_terms'].join(', ');
    for (let start = 0; start < shape.rows.length; start += rowsPerInsert) {
      const records = shape.rows.slice(start, start + rowsPerInsert).map((row) => {
        const record: Record<string, unknown> = { id: row.id, search_terms: row.searchTerms };
        for (const column of shape.columns) record[column] = row.values[column];
        return record;
      });
      const result = await db.query<Row>(
        `INSERT INTO ${spec.table} AS t (${columns})
         SELECT ${columns} FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb)
         RETURNING ${returning(spec, derived)}`,
        [JSON.stringify(records)],
      );
      for (const row of result.rows) byId.set(row.id, row);
    }
  }
  return rows.map((row) => byId.get(row.id) as Row);
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
