import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, testApp, testStore } from '../../../test/helpers.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const icrc = {
  names: { ar: 'اللجنة الدولية للصليب الأحمر', en: 'International Committee of the Red Cross' },
  acronym: 'ICRC',
  kind: 'red_cross_red_crescent',
  country: 'ch',
};

describe('organizations over HTTP', () => {
  it('creates, reads, patches and soft-deletes, with a changes feed', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/organizations', payload: icrc });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({ names: icrc.names, acronym: 'ICRC', country: 'CH', sensitivity: 'public' });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${org.id}`,
      payload: { acronym: 'CICR' },
    });
    expect(patched.json()).toMatchObject({ acronym: 'CICR', names: icrc.names });

    const feed1 = await eventually(
      async () => (await app.inject({ url: '/api/changes' })).json(),
      (page) => page.items.filter((c: { id: string }) => c.id === org.id).length >= 2,
    );
    const mine = feed1.items.filter((c: { id: string }) => c.id === org.id);
    expect(mine.map((c: { op: string }) => c.op)).toEqual(['upsert', 'upsert']);

    expect((await app.inject({ method: 'DELETE', url: `/api/organizations/${org.id}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ url: `/api/organizations/${org.id}` })).statusCode).toBe(404);
    const feed2 = await eventually(
      async () => (await app.inject({ url: `/api/changes?cursor=${feed1.nextCursor}` })).json(),
      (page) => page.items.length >= 1,
    );
    expect(feed2.items).toEqual([
      expect.objectContaining({ id: org.id, op: 'delete', resource: 'organization' }),
    ]);
  });

  it('finds the ICRC by its Arabic name regardless of diacritics and clitics', async () => {
    const org = (await app.inject({ method: 'POST', url: '/api/organizations', payload: icrc })).json();
    for (const q of ['الصليب', 'الصَّلِيب', 'للصليب', 'red cross', 'icrc']) {
      const found = (await app.inject({ url: `/api/organizations?q=${encodeURIComponent(q)}` })).json();
      expect(
        found.items.map((o: { id: string }) => o.id),
        q,
      ).toContain(org.id);
    }
    const none = (await app.inject({ url: `/api/organizations?q=${encodeURIComponent('الهلال')}` })).json();
    expect(none.items).toEqual([]);
  });

  it('answers an invalid POST with 400 naming the field, in Arabic when asked', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      headers: { 'accept-language': 'ar' },
      payload: { names: {}, kind: 'spaceship' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.invalid');
    expect(error.message).toMatch(/الطلب غير صالح/);
    const fields = error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['names', 'kind']));
    expect(error.details.fields.find((f: { field: string }) => f.field === 'kind').message).toMatch(
      /يجب أن يكون أحد/,
    );
  });

  it('refuses a parent that does not exist', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { ...icrc, parentId: '0190a1b2-0000-7000-8000-000000000000' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'record.reference_missing',
      details: { field: 'parentId' },
    });
  });

  it('pages with a cursor and sorts', async () => {
    for (const en of ['Alpha Relief', 'Beta Aid', 'Gamma Care']) {
      await app.inject({
        method: 'POST',
        url: '/api/organizations',
        payload: { names: { en }, kind: 'national_ngo' },
      });
    }
    const first = (
      await app.inject({ url: '/api/organizations?kind=national_ngo&limit=2&sort=-name' })
    ).json();
    expect(first.total).toBe(3);
    expect(first.items.map((o: { names: { en: string } }) => o.names.en)).toEqual(['Gamma Care', 'Beta Aid']);
    const second = (
      await app.inject({
        url: `/api/organizations?kind=national_ngo&limit=2&sort=-name&cursor=${first.nextCursor}`,
      })
    ).json();
    expect(second.items.map((o: { names: { en: string } }) => o.names.en)).toEqual(['Alpha Relief']);
    expect(second.nextCursor).toBeNull();
    const bad = await app.inject({ url: '/api/organizations?sort=shoeSize' });
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'sort' });
  });
});

describe('admin units', () => {
  it('holds the built-in gazetteer: 14 governorates and 62 districts of Syria', async () => {
    const governorates = (
      await app.inject({ url: '/api/admin-units?parentPcode=SY&level=1&limit=500' })
    ).json();
    expect(governorates.total).toBe(14);
    const districts = (await app.inject({ url: '/api/admin-units?level=2&limit=500' })).json();
    expect(districts.total).toBe(62);
    const damascus = (await app.inject({ url: '/api/admin-units?pcode=SY01' })).json().items[0];
    expect(damascus).toMatchObject({ level: 1, parentPcode: 'SY', names: { en: 'Damascus' } });
    expect(damascus.centre.lat).toBeCloseTo(33.5, 0);
    const found = (await app.inject({ url: `/api/admin-units?q=${encodeURIComponent('بدمشق')}` })).json();
    expect(found.items.map((u: { pcode: string }) => u.pcode)).toContain('SY01');
  });

  it('takes a parent by p-code', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/admin-units',
      payload: { pcode: 'SY010001', level: 3, parentPcode: 'SY0100', names: { en: 'Test sub-district' } },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ parentPcode: 'SY0100' });
    const again = await app.inject({
      method: 'POST',
      url: '/api/admin-units',
      payload: { pcode: 'SY010001', level: 3, names: { en: 'Twice' } },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.field).toBe('pcode');
  });
});

describe('the API document', () => {
  it('serves OpenAPI generated from the schemas, and health', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(
      doc.paths['/api/organizations'].post.requestBody.content['application/json'].schema.properties.kind
        .enum,
    ).toContain('un_agency');
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

describe('items', () => {
  it('keeps base units and unit kinds consistent', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/items',
      headers: { 'accept-language': 'ar' },
      payload: {
        names: { en: 'Flour' },
        category: 'food',
        sector: 'food_security',
        baseUnit: 'kg',
        unitKind: 'count',
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'unitKind', message: 'لا يطابق نوع وحدة الأساس' }),
    ]);
    const good = await app.inject({
      method: 'POST',
      url: '/api/items',
      payload: {
        names: { en: 'Wheat flour', ar: 'طحين القمح' },
        category: 'food',
        sector: 'food_security',
        baseUnit: 'kg',
        unitKind: 'mass',
        conversions: [{ unit: 'sack', factor: 50 }],
      },
    });
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ baseUnit: 'kg', conversions: [{ unit: 'sack', factor: 50 }] });
  });
});

describe('validation messages', () => {
  it('tells a wrong value from a missing one', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { names: { en: 'X' }, kind: 42 },
    });
    const kind = response.json().error.details.fields.find((f: { field: string }) => f.field === 'kind');
    expect(kind.message).not.toMatch(/required/);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { names: { en: 'X' } },
    });
    expect(missing.json().error.details.fields[0]).toMatchObject({ field: 'kind', message: 'is required' });
  });
});

describe('security headers', () => {
  it('are on every answer, errors included', async () => {
    for (const url of ['/api/health', '/api/organizations?sort=nope', '/api/nowhere']) {
      const response = await app.inject({ url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
  });
});
