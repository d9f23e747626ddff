import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuditVerification } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildItem, buildOrg, buildSite } from '../../test/builders.ts';
import { cliRunner } from '../../test/cli.ts';
import { withDatabase } from '../../test/db-url.ts';
import { testCtx, testStore } from '../../test/helpers.ts';
import { setAuditActor } from '../store/audit.ts';
import { inTransaction } from '../store/db.ts';
import type { Store } from '../store/open.ts';
import { backupDatabase } from './backup-database.ts';
import type { Ctx } from './context.ts';
import { createRecord } from './create-records.ts';
import { deleteRecord } from './delete-record.ts';
import { ingestSource } from './ingest-source.ts';
import { recordStockMovements } from './record-stock-movements.ts';
import { organizations, sites } from './resources/registry.ts';
import { shipments } from './resources/shipments.ts';
import { restoreDatabase } from './restore-database.ts';
import { updateRecord } from './update-record.ts';
import { verifyAudit } from './verify-audit.ts';

type TestStore = Awaited<ReturnType<typeof testStore>>;

interface Entry {
  seq: number;
  actor: string;
  operation: string;
  table_name: string;
  record_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

let store: TestStore;
let ctx: Ctx;
const stores: TestStore[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-audit-'));

/** A database of its own, for what breaks the chain. */
async function freshStore(): Promise<TestStore> {
  const fresh = await testStore();
  stores.push(fresh);
  return fresh;
}

beforeAll(async () => {
  store = await freshStore();
  ctx = testCtx(store);
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function entriesOf(on: Store, recordId: string): Promise<Entry[]> {
  const result = await on.owner.query<Entry>(
    `SELECT seq, actor, operation, table_name, record_id, before, after FROM audit_log
     WHERE record_id = $1 ORDER BY seq`,
    [recordId],
  );
  return result.rows;
}

const tansiq = (on: TestStore, ...argv: string[]) => cliRunner(on)(...argv);

/** What an attacker holding the owner's role does: switch the guard off, change the log, switch it on. */
async function tamper(on: Store, sql: string, params: unknown[] = []): Promise<void> {
  await inTransaction(on.owner, async (tx) => {
    await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_immutable');
    await tx.query(sql, params);
    await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_immutable');
  });
}

async function someWrites(on: Store): Promise<{ orgId: string }> {
  const onCtx = testCtx(on);
  const org = await buildOrg(onCtx);
  await updateRecord(onCtx, organizations, org.id, { acronym: 'TST' });
  await buildSite(onCtx, {
    operatorId: org.id,
    sensitivity: 'confidential',
    location: { lat: 35.1, lon: 36.7 },
  });
  return { orgId: org.id };
}

describe('the audit log', () => {
  it('records every write through the services, with who, what, before and after', async () => {
    const org = await buildOrg(ctx, { names: { en: 'Audited org' }, kind: 'international_ngo' });
    await updateRecord(ctx, organizations, org.id, { acronym: 'AO' });
    await deleteRecord(ctx, organizations, org.id);

    const entries = await entriesOf(store, org.id);
    expect(entries.map((e) => [e.operation, e.table_name, e.actor])).toEqual([
      ['insert', 'organizations', 'system'],
      ['update', 'organizations', 'system'],
      ['update', 'organizations', 'system'],
    ]);
    const [created, renamed, deleted] = entries;
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({ id: org.id, name_en: 'Audited org', kind: 'international_ngo' });
    // Generated and derived search columns are not kept.
    expect(created?.after).not.toHaveProperty('search');
    expect(created?.after).not.toHaveProperty('search_terms');
    expect(renamed?.before).toMatchObject({ acronym: null });
    expect(renamed?.after).toMatchObject({ acronym: 'AO' });
    expect(deleted?.before).toMatchObject({ deleted_at: null });
    expect(deleted?.after?.deleted_at).toEqual(expect.any(String));
    // Entries follow each other without a hole.
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => (entries[0]?.seq ?? 0) + i));
  });

  it('keeps keyed hashes, not values, of a confidential site, so that a change still shows', async () => {
    const site = await buildSite(ctx, {
      names: { en: 'Hidden camp' },
      type: 'idp_camp',
      location: { lat: 36.3736, lon: 41.1475 },
      sensitivity: 'confidential',
    });
    await updateRecord(ctx, sites, site.id, { location: { lat: 36.4, lon: 41.1475 } });
    const [created, moved] = await entriesOf(store, site.id);
    if (!created?.after || !moved?.before || !moved.after) throw new Error('no entries for the site');

    expect(Object.keys(created.after)).toEqual(expect.arrayContaining(['lat', 'lon', 'name_en', 'type']));
    for (const field of ['lat', 'lon', 'name_en', 'type'])
      expect(created.after[field]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(created.after).toMatchObject({ id: site.id, sensitivity: 'confidential' });
    // Keyed: not the plain sha256 of the value, which trying every latitude would reverse.
    expect(created.after.lat).not.toBe(`sha256:${createHash('sha256').update('36.3736').digest('hex')}`);
    // The latitude changed and the longitude did not.
    expect(moved.before.lat).not.toBe(moved.after.lat);
    expect(moved.before.lon).toBe(moved.after.lon);
    expect(moved.before.lat).toBe(created.after.lat);
    const everything = JSON.stringify(await entriesOf(store, site.id));
    for (const secret of ['36.3736', '41.1475', '36.4', 'Hidden camp'])
      expect(everything).not.toContain(secret);

    // A public site's values are kept as they are.
    const open = await buildSite(ctx, { location: { lat: 33.5, lon: 36.3 }, sensitivity: 'public' });
    const [openEntry] = await entriesOf(store, open.id);
    expect(openEntry?.after).toMatchObject({ lat: 33.5, lon: 36.3 });
  });

  it('hashes the child rows of a confidential record, and always the text of a source', async () => {
    const item = await buildItem(ctx);
    const shipment = await createRecord(ctx, shipments, {
      titles: { en: 'Convoy to the north' },
      sensitivity: 'confidential',
      lines: [{ itemId: item.id, quantity: 40, unit: 'sack' }],
      statusHistory: [
        { status: 'dispatched', occurredOn: '2024-03-02', notes: { en: 'Left at dawn by the western road' } },
      ],
    });
    const entries = await entriesOf(store, shipment.id);
    const line = entries.find((e) => e.table_name === 'shipment_lines');
    expect(line?.after).toMatchObject({
      shipment_id: shipment.id,
      quantity: expect.stringMatching(/^sha256:/),
    });
    expect(line?.after?.item_id).toMatch(/^sha256:/);
    // A status event takes the sensitivity of its record.
    const event = entries.find((e) => e.table_name === 'status_events');
    expect(event?.after).toMatchObject({
      record_id: shipment.id,
      note_en: expect.stringMatching(/^sha256:/),
    });
    expect(JSON.stringify(entries)).not.toContain('western road');

    const text = 'A statement whose text the audit log keeps only as a hash.';
    const source = await ingestSource(ctx, { kind: 'statement', title: 'Statement', text });
    const [sourceEntry] = await entriesOf(store, source.source.id);
    expect(sourceEntry?.table_name).toBe('sources');
    expect(sourceEntry?.after?.content).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sourceEntry?.after?.minhash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sourceEntry?.after?.title).toBe('Statement');
    expect(JSON.stringify(sourceEntry)).not.toContain('keeps only as a hash');
  });

  it('records ledger lines, and the actor the transaction names', async () => {
    const item = await buildItem(ctx);
    const site = await buildSite(ctx);
    const [movement] = await recordStockMovements(ctx, [
      {
        type: 'receipt',
        itemId: item.id,
        quantity: 3,
        unit: 'sack',
        toSiteId: site.id,
        occurredAt: '2024-05-01T08:00:00Z',
      },
    ]);
    if (!movement) throw new Error('no movement');
    const [line] = await entriesOf(store, movement.id);
    expect(line).toMatchObject({ operation: 'insert', table_name: 'stock_movements', actor: 'system' });
    expect(line?.after).toMatchObject({ quantity: 150, entered_unit: 'sack' });

    // What sign-in will do at the start of each transaction (store/audit.ts setAuditActor).
    const org = await buildOrg(ctx);
    await inTransaction(store.db, async (tx) => {
      await setAuditActor(tx, 'user:0195c2a4-0000-7000-8000-000000000001');
      await tx.query(`UPDATE organizations SET acronym = 'ACT' WHERE id = $1`, [org.id]);
    });
    const entries = await entriesOf(store, org.id);
    expect(entries.at(-1)).toMatchObject({
      operation: 'update',
      actor: 'user:0195c2a4-0000-7000-8000-000000000001',
    });
    // The setting lasts for its transaction only.
    await updateRecord(ctx, organizations, org.id, { acronym: 'SYS' });
    expect((await entriesOf(store, org.id)).at(-1)?.actor).toBe('system');
  });

  it('lets writers overlap: each transaction joins the chain when it commits, in commit order', async () => {
    const early = await store.db.connect();
    const late = await store.db.connect();
    try {
      await early.query('BEGIN');
      const a = await early.query<{ id: string }>(
        `INSERT INTO organizations (id, name_en, kind) VALUES (gen_random_uuid(), 'Early', 'other') RETURNING id`,
      );
      await late.query('BEGIN');
      const b = await late.query<{ id: string }>(
        `INSERT INTO organizations (id, name_en, kind) VALUES (gen_random_uuid(), 'Late', 'other') RETURNING id`,
      );
      await late.query('COMMIT');
      await early.query('COMMIT');
      const [earlyEntry] = await entriesOf(store, a.rows[0]?.id ?? '');
      const [lateEntry] = await entriesOf(store, b.rows[0]?.id ?? '');
      expect((earlyEntry?.seq ?? 0) - (lateEntry?.seq ?? 0)).toBe(1);
    } finally {
      early.release();
      late.release();
    }
    // A rolled-back transaction leaves no entry and no hole.
    const orphan = await store.db.connect();
    try {
      await orphan.query('BEGIN');
      await orphan.query(
        `INSERT INTO organizations (id, name_en, kind) VALUES (gen_random_uuid(), 'Gone', 'other')`,
      );
      await orphan.query('ROLLBACK');
    } finally {
      orphan.release();
    }
    expect((await store.owner.query('SELECT count(*)::int AS n FROM audit_pending')).rows[0]?.n).toBe(0);
    expect((await verifyAudit(ctx, store.owner)).intact).toBe(true);
  });

  it('queues one seal per transaction however many rows it writes, and again after a rollback to a savepoint', async () => {
    // The owner, who may read the running transaction's pending entries.
    const client = await store.owner.connect();
    const queued = async () =>
      (
        await client.query<{ seals: number; entries: number }>(
          `SELECT count(*) FILTER (WHERE seals)::int AS seals, count(*)::int AS entries
             FROM audit_pending WHERE txid = pg_current_xact_id()`,
        )
      ).rows[0];
    let ids: string[] = [];
    try {
      await client.query('BEGIN');
      await client.query('SAVEPOINT first');
      await client.query(
        `INSERT INTO organizations (id, name_en, kind) VALUES (gen_random_uuid(), 'Undone', 'other')`,
      );
      expect(await queued()).toEqual({ seals: 1, entries: 1 });
      await client.query('ROLLBACK TO SAVEPOINT first');
      expect(await queued()).toEqual({ seals: 0, entries: 0 });
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO organizations (id, name_en, kind)
         SELECT gen_random_uuid(), 'Many ' || n, 'other' FROM generate_series(1, 50) AS n RETURNING id`,
      );
      ids = inserted.rows.map((row) => row.id);
      expect(await queued()).toEqual({ seals: 1, entries: 50 });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const logged = await store.owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE table_name = 'organizations' AND record_id = ANY($1::uuid[])`,
      [ids],
    );
    expect(logged.rows[0]?.n).toBe(50);
    expect((await store.owner.query('SELECT count(*)::int AS n FROM audit_pending')).rows[0]?.n).toBe(0);
    expect((await verifyAudit(ctx, store.owner)).intact).toBe(true);
  });

  it('verifies: every hash recomputed, no gap, the last entry the checkpoint', async () => {
    const result = await verifyAudit(ctx, store.owner, { pageSize: 7 });
    const { rows } = await store.owner.query<{ count: number; max: number }>(
      'SELECT count(*)::int AS count, max(seq)::int AS max FROM audit_log',
    );
    expect(result).toMatchObject({ intact: true, problems: [], problemCount: 0 });
    expect(result.entries).toBe(rows[0]?.count);
    expect(result.checkpoint?.seq).toBe(rows[0]?.max);
    // The application's role may check it too (the API does).
    expect(await verifyAudit(ctx)).toEqual(result);
  });

  it('cannot be written by the application’s role, nor switched off by it', async () => {
    const refused = { code: '42501' };
    await expect(
      store.db.query(
        `INSERT INTO audit_log (seq, at, actor, operation, table_name, prev_hash, hash)
         VALUES (999999, now(), 'x', 'insert', 'sites', '', '')`,
      ),
    ).rejects.toMatchObject(refused);
    await expect(store.db.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`)).rejects.toMatchObject(
      refused,
    );
    await expect(store.db.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toMatchObject(refused);
    await expect(store.db.query('UPDATE audit_head SET seq = 0')).rejects.toMatchObject(refused);
    await expect(store.db.query('DELETE FROM audit_head')).rejects.toMatchObject(refused);
    await expect(store.db.query('SELECT key FROM audit_key')).rejects.toMatchObject(refused);
    await expect(store.db.query('SELECT * FROM audit_pending')).rejects.toMatchObject(refused);
    await expect(
      store.db.query(
        `INSERT INTO audit_pending (at, actor, operation, table_name) VALUES (now(), 'x', 'insert', 'x')`,
      ),
    ).rejects.toMatchObject(refused);
    await expect(store.db.query('TRUNCATE audit_log')).rejects.toMatchObject(refused);

    // tansiq.restoring switches the log off for the owner's restore only.
    const org = await buildOrg(ctx);
    await inTransaction(store.db, async (tx) => {
      await tx.query(`SET LOCAL tansiq.restoring = 'on'`);
      await tx.query(`UPDATE organizations SET acronym = 'HIDE' WHERE id = $1`, [org.id]);
    });
    expect((await entriesOf(store, org.id)).at(-1)?.after).toMatchObject({ acronym: 'HIDE' });
  });

  it('refuses the owner’s changes to entries and checkpoint while the guards are on', async () => {
    const immutable = { message: expect.stringMatching(/immutable|refused/) };
    await expect(store.owner.query(`UPDATE audit_log SET actor = 'x' WHERE seq = 1`)).rejects.toMatchObject(
      immutable,
    );
    await expect(store.owner.query('DELETE FROM audit_log WHERE seq = 1')).rejects.toMatchObject(immutable);
    await expect(store.owner.query('TRUNCATE audit_log')).rejects.toMatchObject(immutable);
    await expect(store.owner.query('UPDATE audit_head SET seq = 1')).rejects.toMatchObject(immutable);
    await expect(store.owner.query('DELETE FROM audit_head')).rejects.toMatchObject(immutable);
  });

  it('covers every table that holds records (a new table is audited, or says why not)', async () => {
    const { rows } = await store.owner.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
         AND coalesce(obj_description(c.oid, 'pg_class'), '') NOT LIKE 'not audited:%'
         AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_audit')
       ORDER BY 1`,
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });
});

describe('tansiq audit verify', () => {
  it('exits 0 when the log is intact', async () => {
    const en = await tansiq(store, 'audit', 'verify');
    expect(en.code, en.err).toBe(0);
    expect(en.out).toMatch(/^The audit log is intact: \d+ entries, checkpoint \d+\.\n$/);
    const ar = await tansiq(store, 'audit', 'verify', '--lang', 'ar');
    expect(ar.out).toContain('سجل التدقيق سليم');
  });

  it('reports an entry altered directly in the database, and exits 1', async () => {
    const victim = await freshStore();
    const { orgId } = await someWrites(victim);
    expect((await tansiq(victim, 'audit', 'verify')).code).toBe(0);
    const [renamed] = (await entriesOf(victim, orgId)).filter((e) => e.operation === 'update');
    if (!renamed) throw new Error('no update entry');

    await tamper(
      victim,
      `UPDATE audit_log SET after = jsonb_set(after, '{acronym}', '"FORGED"') WHERE seq = $1`,
      [renamed.seq],
    );

    const result = await tansiq(victim, 'audit', 'verify');
    expect(result.code).toBe(1);
    expect(result.out).toContain('The audit log was altered: 1 problems');
    expect(result.out).toContain(`entry ${renamed.seq}: its hash does not match its contents`);
    const ar = await tansiq(victim, 'audit', 'verify', '--lang', 'ar');
    expect(ar.code).toBe(1);
    expect(ar.out).toContain(`القيد ${renamed.seq}: بصمته لا تطابق محتواه`);
    const json = await tansiq(victim, 'audit', 'verify', '--json');
    expect(json.code).toBe(1);
    const verification = JSON.parse(json.out) as AuditVerification;
    expect(verification).toMatchObject({ intact: false, problemCount: 1 });
    expect(verification.problems).toEqual([
      expect.objectContaining({ seq: renamed.seq, kind: 'hash_mismatch' }),
    ]);

    // Recomputing that entry's hash moves the break to the next link.
    await tamper(
      victim,
      `UPDATE audit_log SET hash = encode(sha256(convert_to(prev_hash
         || audit_entry_text(seq, at, actor, operation, table_name, record_id, before, after), 'UTF8')), 'hex')
       WHERE seq = $1`,
      [renamed.seq],
    );
    const relinked = await verifyAudit(testCtx(victim), victim.owner);
    expect(relinked.problems).toEqual([
      expect.objectContaining({ seq: renamed.seq + 1, kind: 'chain_break' }),
    ]);
  });

  it('detects the newest entries removed (through the checkpoint) and entries removed in between', async () => {
    const victim = await freshStore();
    await someWrites(victim);
    const head = (await victim.owner.query<{ seq: number }>('SELECT seq FROM audit_head')).rows[0]?.seq ?? 0;
    await tamper(victim, 'DELETE FROM audit_log WHERE seq > $1', [head - 2]);

    const result = await tansiq(victim, 'audit', 'verify', '--json');
    expect(result.code).toBe(1);
    expect((JSON.parse(result.out) as AuditVerification).problems).toEqual([
      expect.objectContaining({ seq: head, kind: 'checkpoint_mismatch' }),
    ]);
    // Writing on does not hide it: the chain goes on from the checkpoint, and the hole stays.
    await buildOrg(testCtx(victim));
    const after = await verifyAudit(testCtx(victim), victim.owner);
    expect(after.problems.map((p) => [p.seq, p.kind])).toEqual([
      [head + 1, 'gap'],
      [head + 1, 'chain_break'],
    ]);

    // An entry removed in between.
    await tamper(victim, 'DELETE FROM audit_log WHERE seq = 5');
    const holed = await verifyAudit(testCtx(victim), victim.owner);
    expect(holed.problems.map((p) => [p.seq, p.kind])).toEqual([
      [6, 'gap'],
      [6, 'chain_break'],
      [head + 1, 'gap'],
      [head + 1, 'chain_break'],
    ]);
    const cli = await tansiq(victim, 'audit', 'verify');
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('entry 6: entries before it are missing');
  });

  it('exits 2 when it cannot check', async () => {
    const nowhere = {
      ...store,
      appUrl: withDatabase(store.appUrl, 'tansiq_no_such_database'),
      ownerUrl: withDatabase(store.ownerUrl, 'tansiq_no_such_database'),
    };
    const result = await tansiq(nowhere, 'audit', 'verify');
    expect(result.code).toBe(2);
    expect(result.err).toContain('the audit log could not be checked');
  });
});

describe('backup and restore', () => {
  it('keep a chain that verifies, and that goes on after the restore', async () => {
    const source = await freshStore();
    const target = await freshStore();
    await someWrites(source);
    const before = await verifyAudit(testCtx(source), source.owner);
    expect(before.intact).toBe(true);

    const file = path.join(dir, 'audit.tansiq.gz');
    await backupDatabase(testCtx(source), source.owner, file);
    await restoreDatabase(testCtx(target), target.owner, file, { replace: false });

    const restored = await verifyAudit(testCtx(target), target.owner);
    expect(restored).toEqual(before);
    // The restore itself adds no entry; the next write continues the restored chain.
    await buildOrg(testCtx(target));
    const next = await verifyAudit(testCtx(target), target.owner);
    expect(next).toMatchObject({ intact: true, entries: before.entries + 1 });
    expect(next.checkpoint?.seq).toBe((before.checkpoint?.seq ?? 0) + 1);
    expect((await tansiq(target, 'audit', 'verify')).code).toBe(0);
  });
});
