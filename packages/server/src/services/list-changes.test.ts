import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { listChanges } from './list-changes.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});
afterAll(() => store.close());

const insertOrg = (name: string) =>
  `INSERT INTO organizations (id, name_en, kind) VALUES (gen_random_uuid(), '${name}', 'other') RETURNING id`;

describe('changes feed', () => {
  it('never lets a cursor skip a change that commits late', async () => {
    const ctx = testCtx(store);
    const start = await listChanges(ctx, { limit: 1000 });
    const early = await store.db.connect();
    const late = await store.db.connect();
    try {
      // `early` starts writing first but commits last.
      await early.query('BEGIN');
      const a = (await early.query(insertOrg('A'))).rows[0].id;
      await late.query('BEGIN');
      const b = (await late.query(insertOrg('B'))).rows[0].id;
      await late.query('COMMIT');

      const meanwhile = await listChanges(ctx, { cursor: start.nextCursor, limit: 1000 });
      expect(meanwhile.items).toEqual([]);
      expect(meanwhile.nextCursor).toBe(start.nextCursor);

      await early.query('COMMIT');
      const after = await eventually(
        () => listChanges(ctx, { cursor: meanwhile.nextCursor, limit: 1000 }),
        (page) => page.items.length >= 2,
      );
      expect(after.items.map((c) => c.id)).toEqual([a, b]);
    } finally {
      early.release();
      late.release();
    }
  });

  it('pages through with the cursor, each change once', async () => {
    const ctx = testCtx(store);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listChanges(ctx, { cursor, limit: 7 });
      if (page.items.length === 0) break;
      seen.push(...page.items.map((c) => `${c.id}:${c.op}`));
      cursor = page.nextCursor;
    }
    const total = (await store.db.query<{ n: number }>('SELECT count(*) AS n FROM changes')).rows[0]?.n;
    expect(seen.length).toBe(total);
    await expect(listChanges(ctx, { cursor: 'yesterday', limit: 10 })).rejects.toMatchObject({
      code: 'validation.invalid',
    });
  });
});
