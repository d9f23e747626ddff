import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { seedBuiltins } from './builtins.ts';
import { inTransaction } from './db.ts';

const migrationsDir = path.join(import.meta.dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(): Migration[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

export function latestSchemaVersion(): number {
  return listMigrations().at(-1)?.version ?? 0;
}

export interface MigrateResult {
  applied: string[];
  version: number;
}

/**
 * Applies pending migrations as the owner role, one transaction each, under an advisory lock so
 * two starting processes do not race. A landed migration whose file changed is refused: they are
 * never edited, only followed by new ones. Then grants the application role what it needs (and
 * no ownership) and seeds the built-in gazetteer.
 */
export async function migrate(owner: pg.Pool, appRole: string | undefined): Promise<MigrateResult> {
  const applied: string[] = [];
  const client = await owner.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7348201)');
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (
        await client.query<{ version: number; checksum: string }>(
          'SELECT version, checksum FROM schema_migrations',
        )
      ).rows.map((row) => [row.version, row.checksum]),
    );
    for (const migration of listMigrations()) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `migration ${migration.name} was edited after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.name);
    }
    if (appRole) await grantApplicationRole(client, appRole);
  } finally {
    await client.query('SELECT pg_advisory_unlock(7348201)').catch(() => undefined);
    client.release();
  }
  await inTransaction(owner, (tx) => seedBuiltins(tx));
  return { applied, version: latestSchemaVersion() };
}

/** The application may read and write rows; it owns nothing and cannot change the schema. */
async function grantApplicationRole(client: pg.PoolClient, appRole: string): Promise<void> {
  const current = await client.query<{ current_user: string }>('SELECT current_user');
  if (current.rows[0]?.current_user === appRole) return;
  const role = client.escapeIdentifier(appRole);
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  await client.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${role}`);
  await client.query(`REVOKE INSERT, UPDATE ON schema_migrations FROM ${role}`);
  // The audit log and its checkpoint are written by the owner's audit triggers only; its key
  // and pending entries are the owner's alone (009_audit.sql).
  await client.query(`REVOKE INSERT, UPDATE, DELETE ON audit_log, audit_head FROM ${role}`);
  await client.query(`REVOKE ALL ON audit_key, audit_pending FROM ${role}`);
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  // Sign-in attempts are a log: the application adds to it and never rewrites it.
  await client.query(`REVOKE UPDATE ON signin_attempts FROM ${role}`);
  await client.query(`GRANT EXECUTE ON FUNCTION audit_read(text, uuid[]) TO ${role}`);
  // Child rows of aggregates (participants, outcomes …) are replaced wholesale with their
  // parent's list: migrations mark those tables with a comment starting 'child rows:', and only
  // those may be deleted from.
  const childTables = await client.query<{ name: string }>(
    `SELECT quote_ident(c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND obj_description(c.oid, 'pg_class') LIKE 'child rows:%'`,
  );
  for (const { name } of childTables.rows) await client.query(`GRANT DELETE ON ${name} TO ${role}`);
}

export async function schemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const result = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return result.rows[0]?.version ?? 0;
}
