import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { backupDatabase } from './backup-database.ts';
import { createRecord } from './create-records.ts';
import { deleteRecord } from './delete-record.ts';
import { organizations, sites } from './resources/registry.ts';
import { restoreDatabase } from './restore-database.ts';

let source: Store;
let target: Store;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tansiq-backup-'));
const file = path.join(dir, 'all.tansiq.gz');

beforeAll(async () => {
  [source, target] = await Promise.all([testStore(), testStore()]);
});
afterAll(async () => {
  await Promise.all([source.close(), target.close()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function tablesOf(store: Store): Promise<string[]> {
  const result = await store.owner.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY 1`,
  );
  return result.rows.map((row) => row.tablename);
}

/** Every row of every table, in a stable order; a change's transaction id (tx) is the server's own. */
async function everything(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const table of await tablesOf(store)) {
    const rows = (await store.owner.query(`SELECT * FROM ${table}`)).rows.map((row) => {
      const { tx: _tx, ...rest } = row as Record<string, unknown>;
      return rest;
    });
    out[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return out;
}

describe('backup and restore', () => {
  it('gives back the same records, byte for byte, deleted ones and odd text included', async () => {
    const ctx = testCtx(source);
    const parent = await createRecord(ctx, organizations, {
      names: { ar: 'الهلال الأحمر العربي السوري', en: 'Syrian Arab Red Crescent' },
      acronym: 'SARC',
      kind: 'red_cross_red_crescent',
      country: 'SY',
      externalIds: { iati: 'XM-DAC-41301', note: 'tab\there, newline\nthere, backslash \\ and "quotes"' },
    });
    const branch = await createRecord(ctx, organizations, {
      names: { ar: 'فرع حلب' },
      kind: 'national_ngo',
      parentId: parent.id,
      sensitivity: 'restricted',
    });
    await createRecord(ctx, sites, {
      names: { ar: 'مخيم الهول', en: 'Al-Hol camp' },
      type: 'idp_camp',
      location: { lat: 36.3736, lon: 41.1475 },
      operatorId: parent.id,
      sensitivity: 'confidential',
    });
    await deleteRecord(ctx, organizations, branch.id);

    const backup = await backupDatabase(ctx, source.owner, file);
    const tables = await tablesOf(source);
    expect(backup.tables).toBe(tables.length);
    const restored = await restoreDatabase(testCtx(target), target.owner, file, { replace: false });
    expect(restored.tables).toBe(tables.length);
    expect(await everything(target)).toEqual(await everything(source));

    // The identity sequence continues after the restored changes.
    await createRecord(testCtx(target), organizations, { names: { en: 'After restore' }, kind: 'other' });
    const seqs = (await target.owner.query<{ seq: number }>('SELECT seq FROM changes ORDER BY seq')).rows.map(
      (r) => r.seq,
    );
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('refuses to replace records unless asked, and a bad file changes nothing', async () => {
    await expect(
      restoreDatabase(testCtx(target), target.owner, file, { replace: false }),
    ).rejects.toMatchObject({
      code: 'restore.target_not_empty',
    });
    const before = await everything(target);
    const broken = path.join(dir, 'broken.gz');
    const whole = fs.readFileSync(file);
    fs.writeFileSync(broken, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(
      restoreDatabase(testCtx(target), target.owner, broken, { replace: true }),
    ).rejects.toMatchObject({
      code: 'backup.invalid_file',
    });
    expect(await everything(target)).toEqual(before);
  });
});
