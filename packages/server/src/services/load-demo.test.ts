import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { demoIds, loadDemo } from './load-demo.ts';

let store: Store;
let app: FastifyInstance;
beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
  await loadDemo(testCtx(store));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const get = async (url: string) => (await app.inject({ url })).json();

describe('the founding scenario answers the article’s questions', () => {
  it('the meetings of 2020 and 2021, with attendance and boycotts', async () => {
    const timeline = await get('/api/reports/meetings-timeline');
    const [conference, joint] = timeline.items;
    expect(conference).toMatchObject({
      period: { start: '2020-11-11', end: '2020-11-12' },
      status: 'held',
      place: { pcode: 'SY01' },
    });
    const boycotts = conference.attendance.boycotted.map(
      (p: { names?: { en?: string }; group?: { en?: string } }) => p.names?.en ?? p.group?.en,
    );
    expect(boycotts).toEqual(
      expect.arrayContaining(['United States government', 'Western states', 'Most Arab states']),
    );
    expect(conference.conveners.map((p: { names: { en: string } }) => p.names.en)).toEqual(
      expect.arrayContaining(['Government of the Russian Federation', 'Syrian authorities']),
    );
    expect(joint).toMatchObject({ period: { start: '2021-07-26' }, status: 'announced' });
    expect(joint.attendance.invited.map((p: { names: { en: string } }) => p.names.en)).toEqual(
      expect.arrayContaining([
        'Syrian authorities',
        'United Nations',
        'International Committee of the Red Cross',
      ]),
    );
    const of2020 = await get('/api/meetings?year=2020');
    expect(of2020.items.map((m: { id: string }) => m.id)).toEqual([demoIds.conference2020]);
  });

  it('the aid conditioned on agreements: the 2021 distribution and its 10 agreements', async () => {
    const report = await get('/api/reports/conditioned-aid?political=true');
    expect(report.items).toHaveLength(2);
    for (const row of report.items) {
      expect(row).toMatchObject({
        aid: { type: 'distribution', status: 'planned' },
        condition: { type: 'political', state: 'unmet' },
        agreement: {
          instrumentCount: 10,
          domains: ['legal_assistance', 'cybersecurity', 'customs', 'trade', 'education'],
        },
        conditionedOnPoliticalAgreement: true,
      });
    }
    const flagged = await get('/api/distributions?conditionedOnPoliticalAgreement=true');
    expect(flagged.items.map((x: { id: string }) => x.id).sort()).toEqual(
      [demoIds.aidDistribution, demoIds.vaccineDistribution].sort(),
    );
    expect(flagged.items[0]).toMatchObject({
      placeCount: 7,
      targetSiteTypes: ['refugee_camp', 'health_facility', 'school'],
    });
  });

  it('the pipeline of Sputnik Light doses', async () => {
    const pipeline = await get(`/api/reports/pipeline?itemId=${demoIds.sputnikLight}`);
    expect(pipeline.items[0]).toMatchObject({
      baseUnit: 'dose',
      dispatched: 250_000,
      received: 250_000,
      distributed: 0,
      plannedDistribution: 250_000,
      inPipeline: 0,
    });
    const aid = (await get(`/api/reports/pipeline?itemId=${demoIds.humanitarianAid}`)).items[0];
    expect(aid).toMatchObject({ baseUnit: 'kg', dispatched: 160_000, received: 160_000 });
    const shipment = await get(`/api/shipments/${demoIds.aidShipment}`);
    expect(shipment).toMatchObject({
      status: 'received',
      lines: [{ quantity: 160, unit: 'tonne', approximate: true }],
    });
  });

  it('loads again without creating or changing anything', async () => {
    const counts = async () =>
      (
        await store.db.query(
          `SELECT (SELECT count(*) FROM stock_movements) AS m, (SELECT count(*) FROM status_events) AS e,
                  (SELECT count(*) FROM aid_conditions) AS l, (SELECT count(*) FROM organizations) AS o`,
        )
      ).rows[0];
    const before = await counts();
    expect(await loadDemo(testCtx(store))).toMatchObject({ created: 0 });
    expect(await counts()).toEqual(before);
  });
});
