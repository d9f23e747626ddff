import { once } from 'node:events';
import type readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * A lossless logical copy without pg_dump (the embedded server ships none): PostgreSQL's own
 * COPY text format, table by table, from one snapshot.
 *
 * File (gzipped by the caller):
 *   {"format":"tansiq-backup","version":1,"schemaVersion":N,"createdAt":"…"}
 *   {"table":"organizations","columns":["id",…]}
 *   <COPY text rows>
 *   \.
 *   {"table":…}  … and so on for every table.
 * COPY text escapes backslashes, so a line `\.` can only be a terminator.
 */

export interface BackupHeader {
  format: 'tansiq-backup';
  version: 1;
  schemaVersion: number;
  createdAt: string;
}

export interface TableInfo {
  name: string;
  columns: string[];
}

/**
 * Tables in an order where referenced tables come first, with the columns a restore can write:
 * generated columns are recomputed, and transaction ids (xid8, or a column defaulting to the
 * current transaction's id) belong to the server that made them — a restored change takes the
 * restoring transaction's id.
 */
export async function backupTables(db: pg.ClientBase): Promise<TableInfo[]> {
  const tables = await db.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                        AND a.attgenerated = '' AND a.atttypid <> 'xid8'::regtype
                        AND NOT EXISTS (SELECT 1 FROM pg_attrdef d WHERE d.adrelid = c.oid AND d.adnum = a.attnum
                                          AND pg_get_expr(d.adbin, d.adrelid) LIKE '%pg_current_xact_id%')
     WHERE c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
     GROUP BY c.relname`,
  );
  const deps = await db.query<{ child: string; parent: string }>(
    `SELECT DISTINCT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
     FROM pg_constraint WHERE contype = 'f' AND conrelid <> confrelid`,
  );
  const byName = new Map(tables.rows.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    const table = byName.get(name);
    if (!table || visiting.has(name)) return;
    visiting.add(name);
    for (const dep of deps.rows) if (dep.child === name) visit(dep.parent);
    byName.delete(name);
    ordered.push(table);
  };
  for (const name of [...byName.keys()].sort()) visit(name);
  return ordered;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes every table from one snapshot; `onTable` reports progress. */
export async function writeBackup(
  client: pg.PoolClient,
  header: BackupHeader,
  out: Writable,
  onTable?: (table: string, index: number, total: number) => void,
): Promise<{ tables: number }> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const tables = await backupTables(client);
    await write(out, `${JSON.stringify(header)}\n`);
    for (const [index, table] of tables.entries()) {
      onTable?.(table.name, index, tables.length);
      await write(out, `${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      const columns = table.columns.map(quoteIdent).join(', ');
      const source: Readable = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${columns}) TO STDOUT`));
      for await (const chunk of source) await write(out, chunk as Buffer);
      await write(out, '\\.\n');
    }
    await client.query('COMMIT');
    return { tables: tables.length };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

async function write(out: Writable, text: string | Buffer): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export class BackupFormatError extends Error {}

/**
 * Replaces the contents of every table with the backup's, inside the caller's transaction.
 * Foreign keys are checked at commit, so rows may arrive in any order.
 */
export async function readBackupInto(
  client: pg.PoolClient,
  lines: readline.Interface,
  expectHeader: (header: BackupHeader) => void,
  onTable?: (table: string, rows: number) => void,
): Promise<{ tables: number; rows: number }> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  let header: BackupHeader;
  try {
    header = JSON.parse(first.done ? '' : first.value) as BackupHeader;
  } catch {
    throw new BackupFormatError('no header');
  }
  if (header.format !== 'tansiq-backup') throw new BackupFormatError('not a tansiq backup');
  expectHeader(header);

  const targets = await backupTables(client);
  await client.query(`SET LOCAL tansiq.restoring = 'on'`);
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  await client.query(`TRUNCATE ${targets.map((t) => quoteIdent(t.name)).join(', ')}`);

  let tables = 0;
  let rows = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (next.value === '') continue;
    let table: { table: string; columns: string[] };
    try {
      table = JSON.parse(next.value) as { table: string; columns: string[] };
    } catch {
      throw new BackupFormatError(`unexpected line after table ${tables}`);
    }
    if (!targets.some((t) => t.name === table.table))
      throw new BackupFormatError(`unknown table ${table.table}`);
    const columns = table.columns.map(quoteIdent).join(', ');
    const sink: Writable = client.query(copyFrom(`COPY ${quoteIdent(table.table)} (${columns}) FROM STDIN`));
    const finished = once(sink, 'finish');
    let count = 0;
    try {
      let terminated = false;
      for (;;) {
        const line = await iterator.next();
        if (line.done) break;
        if (line.value === '\\.') {
          terminated = true;
          break;
        }
        count++;
        await write(sink, `${line.value}\n`);
      }
      if (!terminated) throw new BackupFormatError(`table ${table.table} is cut short`);
      sink.end();
      await finished;
    } catch (error) {
      // Abort the COPY (the server gets CopyFail) so the connection can roll back.
      finished.catch(() => undefined);
      sink.destroy(error instanceof Error ? error : new Error(String(error)));
      await once(sink, 'close').catch(() => undefined);
      throw error;
    }
    tables++;
    rows += count;
    onTable?.(table.table, count);
  }
  // Identity sequences continue after the restored rows.
  await client.query(
    `SELECT setval(s.seq, greatest(coalesce((SELECT max(seq) FROM changes), 0), 1), (SELECT count(*) > 0 FROM changes))
     FROM (SELECT pg_get_serial_sequence('changes', 'seq') AS seq) s`,
  );
  return { tables, rows };
}
