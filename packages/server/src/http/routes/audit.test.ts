import type { AuditEntryView } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp, testStore } from '../../../test/helpers.ts';
import { inTransaction } from '../../store/db.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: TestApp;

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function page(query: string): Promise<{ items: AuditEntryView[]; nextCursor: string | null }> {
  const response = await app.inject({ url: `/api/audit${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the audit log over HTTP', () => {
  it('lists a record’s entries newest first, a page at a time, by table, actor and time', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { names: { en: 'Logged org' }, kind: 'national_ngo' },
    });
    const org = created.json() as { id: string };
    for (const acronym of ['A1', 'A2', 'A3']) {
      await app.inject({ method: 'PATCH', url: `/api/organizations/${org.id}`, payload: { acronym } });
    }

    const all = await page(`?recordId=${org.id}`);
    expect(all.items.map((e) => [e.operation, e.after?.acronym ?? null])).toEqual([
      ['update', 'A3'],
      ['update', 'A2'],
      ['update', 'A1'],
      ['insert', null],
    ]);
    expect(all.items[0]).toMatchObject({
      table: 'organizations',
      recordId: org.id,
      actor: `user:${app.testUser.id}`,
    });
    expect(all.items[0]?.prevHash).toBe(all.items[1]?.hash);
    expect(all.nextCursor).toBeNull();

    const first = await page(`?recordId=${org.id}&limit=3`);
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(String(first.items[2]?.seq));
    const second = await page(`?recordId=${org.id}&limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.seq)).toEqual([all.items[3]?.seq]);
    expect(second.nextCursor).toBeNull();

    const byTable = await page('?table=organizations&limit=500');
    expect(byTable.items.every((e) => e.table === 'organizations')).toBe(true);
    expect(byTable.items.map((e) => e.seq)).toEqual(expect.arrayContaining(all.items.map((e) => e.seq)));

    await inTransaction(store.db, async (tx) => {
      await tx.query(`SELECT set_config('tansiq.actor', 'user:someone', true)`);
      await tx.query(`UPDATE organizations SET acronym = 'B' WHERE id = $1`, [org.id]);
    });
    const byActor = await page('?actor=user:someone');
    expect(byActor.items.map((e) => [e.recordId, e.after?.acronym])).toEqual([[org.id, 'B']]);

    const at = all.items[0]?.at ?? '';
    expect(
      (await page(`?recordId=${org.id}&from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z`)).items,
    ).toEqual([]);
    expect((await page(`?recordId=${org.id}&from=${encodeURIComponent(at)}`)).items.length).toBeGreaterThan(
      0,
    );
  });

  it('refuses a malformed filter', async () => {
    for (const query of ['?recordId=nope', '?cursor=abc', '?table=Robert%27)%3B--', '?from=yesterday']) {
      expect((await app.inject({ url: `/api/audit${query}` })).statusCode, query).toBe(400);
    }
  });

  it('verifies the chain, and says both routes are for admins', async () => {
    const response = await app.inject({ url: '/api/audit/verify' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ intact: true, problems: [], problemCount: 0 });

    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/audit'].get['x-access']).toBe('admin');
    expect(doc.paths['/api/audit/verify'].get['x-access']).toBe('admin');
  });
});
