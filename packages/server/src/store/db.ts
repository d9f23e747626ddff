import pg from 'pg';

// int8 (counts, sequences) as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// date stays 'YYYY-MM-DD': turning it into a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);

/** A real pool (the owner's, a benchmark's): ended by whoever created it. */
export type PgPool = pg.Pool;

/** Something to query: a pool or one client (inside a transaction). */
export type Db = Pool | pg.PoolClient;

/**
 * What services hold as `ctx.db`: a pool bound to an actor (store/actor-db.ts), or the owner's
 * pool. Only these two methods, so nothing can end or reconfigure the shared pool.
 */
export interface Pool {
  query: pg.Pool['query'];
  connect(): Promise<pg.PoolClient>;
}

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  return pool;
}

/** Runs `work` in one transaction: all of it is written, or none. */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: pg.PoolClient) => Promise<T>,
  isolation: 'READ COMMITTED' | 'SERIALIZABLE' = 'READ COMMITTED',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
