import type pg from 'pg';
import type { Pool } from '../store/db.ts';
import type { Row, TableSpec } from '../store/registry.ts';

/** The columns a resource's `present` reads: stored ones and the derived (as store/registry.ts selects them). */
export function selectList(spec: TableSpec): string {
  const columns = ['id', ...spec.columns, 'created_at', 'updated_at', 'deleted_at'].map((c) => `t.${c}`);
  return spec.derived ? `${columns.join(', ')}, ${spec.derived}` : columns.join(', ');
}

/**
 * Live rows in id order, a page at a time: keyset paging, so each page costs the same however deep
 * the export is, and only one page is held at once.
 */
export async function* rowPages(
  db: Pool | pg.PoolClient,
  spec: TableSpec,
  pageSize = 1000,
): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const result: pg.QueryResult<Row> = await db.query<Row>(
      `SELECT ${selectList(spec)} FROM ${spec.table} t WHERE t.deleted_at IS NULL${after ? ' AND t.id > $2' : ''} ORDER BY t.id LIMIT $1`,
      after ? [pageSize, after] : [pageSize],
    );
    if (result.rows.length === 0) return;
    yield result.rows;
    if (result.rows.length < pageSize) return;
    after = result.rows[result.rows.length - 1]?.id ?? null;
  }
}

/** The live rows with these ids (those the connection may see). */
export async function rowsByIds(
  db: Pool | pg.PoolClient,
  spec: TableSpec,
  ids: readonly string[],
): Promise<Row[]> {
  if (ids.length === 0) return [];
  const result = await db.query<Row>(
    `SELECT ${selectList(spec)} FROM ${spec.table} t WHERE t.deleted_at IS NULL AND t.id = ANY($1::uuid[])`,
    [ids],
  );
  return result.rows;
}

/**
 * A pool that is one open transaction: services that open their own transaction (createRecords,
 * updateRecord) nest in it as savepoints, so an import of many rows through them commits or rolls
 * back as one.
 */
export function transactionPool(client: pg.PoolClient): Pool {
  let depth = 0;
  const query = ((text: unknown, values?: unknown) => {
    if (typeof text === 'string') {
      if (/^BEGIN\b/i.test(text)) {
        depth++;
        return client.query(`SAVEPOINT nested_${depth}`);
      }
      if (text === 'COMMIT') return client.query(`RELEASE SAVEPOINT nested_${depth--}`);
      if (text === 'ROLLBACK') return client.query(`ROLLBACK TO SAVEPOINT nested_${depth--}`);
    }
    return client.query(text as string, values as unknown[]);
  }) as pg.PoolClient['query'];
  const nested = new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return query;
      // The transaction's owner releases the connection, not the nested service.
      if (prop === 'release') return () => undefined;
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { query, connect: async () => nested } as Pool;
}
