import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testConfig, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { demoEvidenceIds } from './demo-evidence.ts';
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

describe('the founding scenario is fully sourced', () => {
  it('anchors every fact to the exact words of the article, and keeps a contradicting claim beside it', async () => {
    const sourced = await testStore();
    const sourcedApp = await testApp(sourced);
    try {
      const article = fs.readFileSync(path.join(testConfig().sharedDir, 'corpus/seed-article.txt'), 'utf8');
      await loadDemo(testCtx(sourced), { article });
      const text = (await sourcedApp.inject({ url: `/api/sources/${demoEvidenceIds.article}/text` })).json()
        .text;
      expect(text).toBe(article);
      const facts: [string, string][] = [
        ['meetings', demoIds.conference2020],
        ['meetings', demoIds.jointMeeting2021],
        ['shipments', demoIds.vaccineShipment],
        ['shipments', demoIds.aidShipment],
        ['distributions', demoIds.vaccineDistribution],
        ['distributions', demoIds.aidDistribution],
        ['agreements', demoIds.agreementPackage],
      ];
      for (const [resource, id] of facts) {
        const provenance = (await sourcedApp.inject({ url: `/api/${resource}/${id}/provenance` })).json();
        const fromArticle = provenance.claims.filter(
          (c: { source: { id: string } }) => c.source.id === demoEvidenceIds.article,
        );
        expect(fromArticle.length, `${resource} ${id}`).toBeGreaterThan(0);
        for (const claim of fromArticle) {
          expect(claim.quote, claim.field).not.toBeNull();
          expect(text.slice(claim.quote.start, claim.quote.end)).toBe(claim.quote.text);
        }
      }
      const attendance = (
        await sourcedApp.inject({ url: `/api/meetings/${demoIds.conference2020}/provenance` })
      ).json();
      expect(attendance.claims.map((c: { field: string }) => c.field)).toEqual(
        expect.arrayContaining(['participants', 'period', 'conveners', 'credibility']),
      );
      const aid = (
        await sourcedApp.inject({ url: `/api/shipments/${demoIds.aidShipment}/provenance` })
      ).json();
      const quantities = aid.claims.filter((c: { field: string }) => c.field === 'lines.0.quantity');
      expect(quantities.map((c: { value: { amount: number } }) => c.value.amount).sort()).toEqual([152, 160]);
      expect(aid.contradictions).toHaveLength(1);
      const wrong = await loadDemo(testCtx(sourced), { article: `${article} ` }).catch((e: unknown) => e);
      expect(wrong).toMatchObject({ code: 'demo.article_mismatch' });
    } finally {
      await sourcedApp.close();
      await sourced.close();
    }
  });

  it('without the article, records the source by its metadata and claims carry no quote', async () => {
    const source = (await app.inject({ url: `/api/sources/${demoEvidenceIds.article}` })).json();
    expect(source).toMatchObject({ kind: 'news_article', sha256: null, published: { date: '2021-07-25' } });
    const provenance = (
      await app.inject({ url: `/api/shipments/${demoIds.vaccineShipment}/provenance` })
    ).json();
    expect(provenance.claims.length).toBeGreaterThan(0);
    expect(
      provenance.claims.every(
        (c: { quote: unknown; source: { id: string } }) =>
          c.source.id !== demoEvidenceIds.article || c.quote === null,
      ),
    ).toBe(true);
  });
});
