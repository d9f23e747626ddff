import type { Db } from './db.ts';

export interface ChangeRow {
  seq: number;
  xid: string;
  resource: string;
  record_id: string;
  op: 'upsert' | 'delete';
  at: Date;
}

/**
 * Changes after (xid, seq), only from transactions that can no longer commit behind the reader:
 * those older than the oldest still running (see 001_registry.sql).
 * Transaction ids are compared as bigint (migration 012 says why).
 */
export async function changesAfter(db: Db, xid: string, seq: number, limit: number): Promise<ChangeRow[]> {
  const result = await db.query<ChangeRow>(
    `SELECT seq, tx::text AS xid, resource, record_id, op, at FROM changes
     WHERE (tx, seq) > ($1::bigint, $2::bigint)
       AND tx < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
     ORDER BY tx, seq
     LIMIT $3`,
    [xid, seq, limit],
  );
  return result.rows;
}
