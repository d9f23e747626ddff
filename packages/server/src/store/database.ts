import { defaultOperationId } from '@tansiq/core';
import { builtinGazetteer } from '@tansiq/core/gazetteer/builtin';
import { stableId } from './builtins.ts';
import type { Db, Pool } from './db.ts';
import { inTransaction } from './db.ts';

/**
 * Does the database hold anything a user made? The built-in gazetteer, the default operation and
 * the changes they caused do not count; every other table must be empty.
 */
export async function hasUserRecords(db: Db): Promise<boolean> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
     WHERE schemaname = 'public'
       AND tablename NOT IN ('schema_migrations', 'changes', 'admin_units', 'operations',
                             'audit_log', 'audit_head', 'audit_key')`,
  );
  const anyRows = tables.rows.map((t) => `EXISTS (SELECT 1 FROM ${t.name})`);
  const result = await db.query<{ found: boolean }>(
    `SELECT ${[...anyRows, 'false'].join(' OR ')}
         OR EXISTS (SELECT 1 FROM operations WHERE id <> $1)
         OR EXISTS (SELECT 1 FROM admin_units WHERE NOT (id = ANY($2::uuid[]))) AS found`,
    [defaultOperationId, builtinGazetteer.map((entry) => stableId('admin-unit', entry.pcode))],
  );
  return result.rows[0]?.found ?? false;
}

/** Drops the tables and functions the owner role made in the public schema, nothing else. */
export async function dropOwnedObjects(owner: Pool): Promise<void> {
  await inTransaction(owner, async (tx) => {
    const tables = await tx.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`,
    );
    if (tables.rows.length > 0) {
      await tx.query(`DROP TABLE ${tables.rows.map((t) => t.name).join(', ')} CASCADE`);
    }
    const functions = await tx.query<{ signature: string }>(
      `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p
       JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = current_user`,
    );
    for (const fn of functions.rows) await tx.query(`DROP FUNCTION ${fn.signature} CASCADE`);
  });
}
