import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testCtx, testStore } from '../../../test/helpers.ts';
import { importGazetteer } from '../../services/import-gazetteer.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store, { as: 'public' });
});

afterAll(async () => {
  await app.close();
  await store.close();
});

describe('GET /api/admin-units/boundaries', () => {
  it('is empty until boundaries are imported, then gives them as GeoJSON with rounded coordinates, to anyone', async () => {
    const before = (await app.inject({ url: '/api/admin-units/boundaries?level=1' })).json();
    expect(before).toEqual({ type: 'FeatureCollection', features: [] });

    const file = path.resolve(import.meta.dirname, '../../exchange/fixtures/tiny-boundaries.geojson');
    await importGazetteer(testCtx(store), {
      content: fs.readFileSync(file, 'utf8'),
      fileName: 'tiny-boundaries.geojson',
      dryRun: false,
    });
    const response = await app.inject({ url: '/api/admin-units/boundaries?level=1' });
    expect(response.statusCode).toBe(200);
    const quneitra = response
      .json()
      .features.find((f: { properties: { pcode: string } }) => f.properties.pcode === 'SY14');
    expect(quneitra.properties.names.en).toBeTruthy();
    expect(quneitra.geometry.type).toBe('Polygon');
    expect(quneitra.geometry.coordinates[0][0]).toEqual([35.7, 32.9]);
  });
});
