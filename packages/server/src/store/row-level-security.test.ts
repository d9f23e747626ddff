import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildSite } from '../../test/builders.ts';
import { testCtx, testStore } from '../../test/helpers.ts';
import { actorDb } from './actor-db.ts';
import type { Store } from './open.ts';

/**
 * Row-level security binds the application's own database role, whatever the services do: these
 * queries go straight to PostgreSQL, past every check in the code.
 */
let store: Store & { appUrl: string };
let ownOrg: string;
let otherOrg: string;
let ownSite: string;
let otherSite: string;
let secretSite: string;

const partner = () => ({
  roles: ',partner_editor,',
  userId: '00000000-0000-7000-8000-0000000000aa',
  organizationId: ownOrg,
  auditName: 'user:test',
});

beforeAll(async () => {
  store = await testStore();
  const ctx = testCtx(store);
  ownOrg = (await buildOrg(ctx)).id;
  otherOrg = (await buildOrg(ctx)).id;
  ownSite = (await buildSite(ctx, { sensitivity: 'confidential', ownerOrganizationId: ownOrg })).id;
  otherSite = (await buildSite(ctx, { sensitivity: 'confidential', ownerOrganizationId: otherOrg })).id;
  secretSite = (await buildSite(ctx, { sensitivity: 'secret', ownerOrganizationId: ownOrg })).id;
});

afterAll(async () => {
  await store.close();
});

describe('row-level security', () => {
  it('applies to the application role: neither superuser, nor exempt from it, nor owner of any table', async () => {
    const role = await store.db.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid AND c.relkind = 'r') AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
    const unprotected = await store.owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'sensitivity'
       WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace AND NOT c.relrowsecurity
         AND c.relname NOT IN ('users', 'api_tokens')`,
    );
    expect(unprotected.rows).toEqual([]);
  });

  it('shows a partner their own confidential rows and not another organization’s, nor secret ones they are not named on', async () => {
    const db = actorDb(store.pool, partner());
    const seen = await db.query<{ id: string }>('SELECT id FROM sites WHERE id = ANY($1)', [
      [ownSite, otherSite, secretSite],
    ]);
    expect(seen.rows.map((row) => row.id)).toEqual([ownSite]);
  });

  it('refuses a partner’s write to another organization’s row, and to a row for another organization', async () => {
    const db = actorDb(store.pool, partner());
    const updated = await db.query("UPDATE sites SET name_en = 'moved' WHERE id = $1", [otherSite]);
    expect(updated.rowCount).toBe(0);
    await expect(
      db.query(`UPDATE sites SET owner_organization_id = $2 WHERE id = $1`, [ownSite, otherOrg]),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing at all to a connection that has not said who acts', async () => {
    const client = await store.pool.connect();
    try {
      const rows = await client.query('SELECT count(*)::int AS n FROM sites');
      expect(rows.rows[0]).toEqual({ n: 0 });
    } finally {
      client.release();
    }
  });

  it('never lets an actor outlive its connection’s checkout', async () => {
    const db = actorDb(store.pool, partner());
    await db.query('SELECT 1');
    const client = await store.pool.connect();
    try {
      const settings = await client.query<{ roles: string }>(
        `SELECT current_setting('tansiq.actor_roles', true) AS roles`,
      );
      expect(settings.rows[0]?.roles ?? '').toBe('');
    } finally {
      client.release();
    }
  });
});
