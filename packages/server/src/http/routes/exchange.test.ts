import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../../test/builders.ts';
import { type TestApp, testApp, testCtx, testStore } from '../../../test/helpers.ts';
import { openTable } from '../../exchange/hxl/reader.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let admin: TestApp;
let partner: TestApp;
let anonymous: TestApp;

beforeAll(async () => {
  store = await testStore();
  admin = await testApp(store);
  partner = await testApp(store, { as: ['partner_editor'] });
  anonymous = await testApp(store, { as: 'public' });
});
afterAll(async () => {
  await Promise.all([admin.close(), partner.close(), anonymous.close()]);
  await store.close();
});

const boundary = '----tansiq-test';

/** A multipart/form-data body, written out by hand as a browser would send it. */
function form(fields: Record<string, string>, file?: { name: string; content: string }) {
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const csv = 'Site (English),Type,Admin unit\nHTTP Camp,idp_camp,SY0202\n';

describe('POST /api/imports', () => {
  it('plans, imports, lists the batch, and reports errors as JSON', async () => {
    const plan = await partner.inject({
      method: 'POST',
      url: '/api/imports',
      ...form({ kind: 'sites', dryRun: 'true' }, { name: 'sites.csv', content: csv }),
    });
    expect(plan.statusCode).toBe(200);
    expect(plan.json()).toMatchObject({ status: 'dry_run', created: 1 });

    const done = await partner.inject({
      method: 'POST',
      url: '/api/imports',
      ...form({ kind: 'sites' }, { name: 'sites.csv', content: csv }),
    });
    expect(done.statusCode).toBe(201);
    const { batchId } = done.json();
    // Ownership is stamped as for a create: the partner's organization.
    const owner = await store.owner.query(
      "SELECT owner_organization_id FROM sites WHERE name_en = 'HTTP Camp'",
    );
    expect(owner.rows[0]?.owner_organization_id).toBe(partner.testUser.organizationId);

    const batch = await partner.inject({ method: 'GET', url: `/api/imports/${batchId}` });
    expect(batch.json()).toMatchObject({ id: batchId, resource: 'sites', created: 1, status: 'applied' });
    expect((await admin.inject('/api/imports')).json().items.map((b: { id: string }) => b.id)).toContain(
      batchId,
    );

    const bad = await partner.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { ...form({}).headers, 'accept-language': 'ar' },
      payload: form({ kind: 'sites' }, { name: 'bad.csv', content: 'Site (English),Type\nX,no_such_type\n' })
        .payload,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'import.rows_invalid' });
    expect(bad.json().error.details.errors[0]).toMatchObject({ line: 2, column: 'B', field: 'type' });
  });

  it('gives the file back as XLSX with each row’s errors in a first column, in the caller’s language', async () => {
    const content =
      'Site (English),Type,Admin unit\nGood Camp,idp_camp,SY0202\nBad Camp,no_such_type,SY0202\n';
    const annotated = await partner.inject({
      method: 'POST',
      url: '/api/imports/annotated',
      headers: { ...form({}).headers, 'accept-language': 'ar' },
      payload: form({ kind: 'sites' }, { name: 'camps.csv', content }).payload,
    });
    expect(annotated.statusCode).toBe(200);
    expect(annotated.headers['content-disposition']).toContain('camps-errors.xlsx');
    expect(annotated.headers['x-import-errors']).toBe('1');
    const table = await openTable(new Uint8Array(annotated.rawPayload), { fileName: 'camps-errors.xlsx' });
    expect(table.columns.map((c) => c.header)).toEqual(['الأخطاء', 'Site (English)', 'Type', 'Admin unit']);
    const rows: string[][] = [];
    for await (const row of table.rows) rows.push([...row.values]);
    expect(rows.map((r) => r.slice(1, 3))).toEqual([
      ['Good Camp', 'idp_camp'],
      ['Bad Camp', 'no_such_type'],
    ]);
    expect(rows[0]?.[0] ?? '').toBe('');
    expect(rows[1]?.[0]).toMatch(/^B: /);
    // A plan only: nothing was written.
    const written = await store.owner.query("SELECT 1 FROM sites WHERE name_en IN ('Good Camp', 'Bad Camp')");
    expect(written.rowCount).toBe(0);
  });

  it('needs the resource’s write permission', async () => {
    const refused = await partner.inject({
      method: 'POST',
      url: '/api/imports',
      ...form(
        { kind: 'admin-units' },
        { name: 'units.csv', content: 'P-code,Level,Name (English)\nSY9999,2,X\n' },
      ),
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('GET /api/exports/:resource', () => {
  it('streams CSV with the HXL row, and coarsens site coordinates for the public', async () => {
    const site = await buildSite(testCtx(store), {
      names: { en: 'Exact Camp' },
      adminUnitId: (await store.owner.query("SELECT id FROM admin_units WHERE pcode = 'SY0200'")).rows[0]?.id,
      location: { lat: 36.123456, lon: 37.654321 },
    });
    const csv = await admin.inject('/api/exports/sites?format=csv&hxl=1');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('#loc+name+i_en');
    expect(csv.body).toContain('36.123456');

    const geo = await anonymous.inject('/api/exports/sites?format=geojson');
    const feature = geo.json().features.find((f: { id: string }) => f.id === site.id);
    expect(feature).toBeDefined();
    expect(feature.geometry?.coordinates?.[1]).not.toBe(36.123456);

    const refused = await anonymous.inject('/api/exports/pledges?format=csv');
    expect(refused.statusCode).toBe(401);
    const unknown = await admin.inject('/api/exports/nothing');
    expect(unknown.json().error.code).toBe('export.unknown_resource');
  });
});
