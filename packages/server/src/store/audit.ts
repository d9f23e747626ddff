import type pg from 'pg';
import type { Db, Pool } from './db.ts';

/** The prev_hash of the first entry. */
export const auditGenesisHash = '0'.repeat(64);

/**
 * Who the audit triggers record as acting (009_audit.sql), for the rest of the caller's
 * transaction: set_config(…, true) is SET LOCAL that takes a parameter. Outside a transaction it
 * lasts for the one statement it is sent with, so send it inside one.
 */
export async function setAuditActor(db: pg.ClientBase, actor: string): Promise<void> {
  await db.query(`SELECT set_config('tansiq.actor', $1, true)`, [actor]);
}

/**
 * Runs `work` on one snapshot (REPEATABLE READ, read only): the checkpoint and every page of
 * the log as they were at the same moment, whatever is appended meanwhile.
 */
export async function onAuditSnapshot<T>(
  pool: Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
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

export async function auditCheckpoint(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const result = await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head');
  return result.rows[0];
}

export interface AuditChainRow {
  seq: number;
  prev_hash: string;
  hash: string;
  /** The canonical text the hash covers. */
  entry_text: string;
}

/**
 * Entries after `afterSeq`, in order, with the text their hash covers. The expression is the one
 * of audit_entry_text() in 009_audit.sql, written out here so that verifying does not trust a
 * function stored in the database it checks.
 */
export async function auditChainPage(db: Db, afterSeq: number, limit: number): Promise<AuditChainRow[]> {
  const result = await db.query<AuditChainRow>(
    `SELECT seq, prev_hash, hash,
            jsonb_build_array(seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor,
                              operation, table_name, record_id, before, after)::text AS entry_text
     FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT $2`,
    [afterSeq, limit],
  );
  return result.rows;
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  operation: 'insert' | 'update' | 'delete';
  table_name: string;
  record_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}

export interface AuditFilters {
  table?: string;
  recordId?: string;
  actor?: string;
  from?: string;
  to?: string;
  /** Entries older than this seq (the keyset cursor). */
  beforeSeq?: number;
  limit: number;
}

/** Entries newest first. */
export async function listAuditEntries(db: Db, filters: AuditFilters): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace('$?', `$${params.length}`));
  };
  if (filters.table !== undefined) add('table_name = $?', filters.table);
  if (filters.recordId !== undefined) add('record_id = $?', filters.recordId);
  if (filters.actor !== undefined) add('actor = $?', filters.actor);
  if (filters.from !== undefined) add('at >= $?::timestamptz', filters.from);
  if (filters.to !== undefined) add('at < $?::timestamptz', filters.to);
  if (filters.beforeSeq !== undefined) add('seq < $?', filters.beforeSeq);
  params.push(filters.limit);
  const result = await db.query<AuditRow>(
    `SELECT seq, at, actor, operation, table_name, record_id, before, after, prev_hash, hash FROM audit_log
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY seq DESC LIMIT $${params.length}`,
    params,
  );
  return result.rows;
}
