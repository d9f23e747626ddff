import fs from 'node:fs';
import path from 'node:path';
import type { ReviewCandidateView, ReviewFacts } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg } from '../../test/builders.ts';
import { testApp, testConfig, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { eventMappings, planAcceptance } from './candidate-mapping.ts';
import { extractCandidates } from './extract-candidates.ts';
import { ingestSource } from './ingest-source.ts';
import { listCandidates } from './list-candidates.ts';
import { demoIds, loadDemo } from './load-demo.ts';

let store: Store;
beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await store.close();
});

const quote = { start: 0, end: 10, text: '0123456789' };
const facts = (overrides: Partial<ReviewFacts> = {}): ReviewFacts => ({
  kind: 'event',
  eventType: 'agreement',
  eventStatus: 'held',
  language: 'en',
  quote,
  published: '2024-03-05',
  date: { start: '2024-03-04', end: null, precision: 'day' },
  place: null,
  claimant: { name: 'Ministry of Nowhere', organizationId: null },
  outletId: null,
  participants: [],
  quantities: [],
  ...overrides,
});

describe('the mapping of facts onto records', () => {
  it('has a record or a link for every event type, in the record’s own status words', () => {
    expect(eventMappings.meeting.statuses.announced).toEqual({ record: 'announced', claim: 'announced' });
    expect(eventMappings.conference.statuses.held).toEqual({ record: 'held', claim: 'held' });
    expect(eventMappings.delivery.statuses.completed).toEqual({ record: 'dispatched', claim: 'received' });
    expect(eventMappings.agreement.statuses.held).toEqual({ record: 'signed', claim: 'signed' });
    expect(eventMappings.statement.resource).toBeNull();
  });

  it('names what the text cannot give, and never makes up a claimant', () => {
    const plan = planAcceptance(facts(), {});
    expect(plan).toMatchObject({ resource: 'agreements', action: 'create', recordStatus: 'signed' });
    expect(plan.missing).toEqual(['claimantOrganizationId', 'record.domains']);
    expect(plan.claimant).toMatchObject({ organizationId: null, text: 'Ministry of Nowhere' });

    const given = planAcceptance(facts({ outletId: '0190c3a0-0000-7000-8000-000000000001' }), {
      record: { domains: ['trade'] },
    });
    expect(given.missing).toEqual([]);
    expect(given.claimant).toEqual({
      organizationId: '0190c3a0-0000-7000-8000-000000000001',
      personId: null,
      text: 'Ministry of Nowhere',
    });
    expect(given.reporterRole).toBe('primary');
    expect(given.claims.map((claim) => claim.field)).toEqual(['status']);
    const unknown = planAcceptance(facts({ eventStatus: 'unknown', date: null }), {
      record: { domains: ['trade'] },
    });
    expect(unknown.claims).toEqual([
      { field: 'events', value: { type: 'agreement', status: 'unknown' }, quote },
    ]);
    expect(given.record).toMatchObject({
      domains: ['trade'],
      statusHistory: [{ status: 'signed', occurredOn: '2024-03-04' }],
    });
  });

  it('asks for a link for a figure alone and for an event without a record of its own', () => {
    const figure = facts({
      kind: 'quantity',
      eventType: null,
      eventStatus: null,
      quantities: [{ value: 40, unit: 'truck', item: null, approximate: false, quote, itemId: null }],
    });
    expect(planAcceptance(figure, {}).missing[0]).toBe('link');
    expect(planAcceptance(facts({ eventType: 'statement' }), {}).missing[0]).toBe('link');
    const linked = planAcceptance(figure, { field: 'trucks' }, 'shipments');
    expect(linked.claims).toEqual([{ field: 'trucks', value: { amount: 40, unit: 'truck' }, quote }]);
  });
});

// The founding article is the shared folder's, never the project's.
const articlePath = path.join(testConfig().sharedDir, 'corpus', 'seed-article.txt');
const present = fs.existsSync(articlePath);

describe.skipIf(!present)('the founding article through the review queue', () => {
  it('queues its facts, and accepting the 250,000 doses makes a shipment whose provenance quotes them', async () => {
    await loadDemo(testCtx(store));
    const app = await testApp(store, { as: ['coordinator'] });
    try {
      const article = fs.readFileSync(articlePath, 'utf8');
      const started = performance.now();
      const ingested = await app.inject({
        method: 'POST',
        url: '/api/sources',
        payload: {
          kind: 'news_article',
          outletId: demoIds.baladiNews,
          published: { date: '2021-07-25', precision: 'day' },
          text: article,
        },
      });
      const elapsed = performance.now() - started;
      expect(ingested.statusCode, ingested.body).toBe(201);
      const sourceId = ingested.json().source.id;
      const queue = (
        await app.inject({ url: `/api/review/candidates?sourceId=${sourceId}&limit=500` })
      ).json();
      const items = queue.items as ReviewCandidateView[];
      console.info(
        `founding article: ${queue.total} candidates (${items.filter((c) => c.kind === 'event').length} events), POST /api/sources with extraction ${elapsed.toFixed(0)} ms`,
      );
      expect(queue.total).toBeGreaterThanOrEqual(10);
      for (const candidate of items) {
        expect(article.slice(candidate.quote.start, candidate.quote.end)).toBe(candidate.quote.text);
      }
      const again = await app.inject({ method: 'POST', url: `/api/sources/${sourceId}/candidates` });
      expect(again.json()).toMatchObject({ created: 0, existing: queue.total });

      const delivery = items.find(
        (c) => c.type === 'delivery' && c.facts.quantities.some((q) => q.value === 250_000),
      );
      expect(delivery?.proposal).toMatchObject({
        resource: 'shipments',
        action: 'create',
        claimant: { organizationId: demoIds.russianMod },
        reporterRole: 'secondary',
        missing: [],
      });
      if (!delivery) return;
      const accepted = await app.inject({
        method: 'POST',
        url: `/api/review/candidates/${delivery.id}/accept`,
      });
      expect(accepted.statusCode, accepted.body).toBe(201);
      const { record, claims } = accepted.json();
      expect(record).toMatchObject({
        status: 'dispatched',
        lines: [
          { itemId: demoIds.sputnikLight, quantity: 250_000, unit: 'dose' },
          { itemId: demoIds.humanitarianAid, quantity: 160, unit: 'tonne', approximate: true },
        ],
      });
      const doses = claims.find((claim: { field: string }) => claim.field === 'lines.0.quantity');
      expect(doses).toMatchObject({
        value: { amount: 250_000, unit: 'dose' },
        quote: { text: '250 ألف جرعة' },
      });

      const provenance = (await app.inject({ url: `/api/shipments/${record.id}/provenance` })).json();
      const cited = provenance.claims.find((claim: { id: string }) => claim.id === doses.id);
      expect(cited).toMatchObject({
        status: 'reported',
        claimant: { organizationId: demoIds.russianMod },
        reporterRole: 'secondary',
        source: { id: sourceId },
        quote: { text: '250 ألف جرعة' },
      });
      expect(article.slice(cited.quote.start, cited.quote.end)).toBe('250 ألف جرعة');
      expect(provenance.claims.find((claim: { field: string }) => claim.field === 'status')?.value).toEqual({
        status: 'received',
        on: '2021-07-25',
      });
    } finally {
      await app.close();
    }
  });
});

if (!present) {
  describe('the founding article through the review queue', () => {
    it.skip(`is not at ${articlePath}: set TANSIQ_SHARED_DIR to the shared folder to run it`, () =>
      undefined);
  });
}

describe('sources that are not plain text', () => {
  it('anchors an HTML page’s facts to the stored page, and refuses a source without text', async () => {
    const ctx = testCtx(store);
    const outlet = await buildOrg(ctx, { kind: 'media' });
    const page = [
      '<!doctype html><html><head><title>Convoy reaches Idlib</title></head><body><article>',
      '<h1>Convoy reaches Idlib</h1>',
      '<p>The United Nations said on 2 May 2024 that a convoy of 14 trucks carrying 300 tents reached Idlib.</p>',
      '</article></body></html>',
    ].join('\n');
    const { source } = await ingestSource(ctx, { kind: 'news_article', outletId: outlet.id, text: page });
    const queue = await listCandidates(ctx, { sourceId: source.id });
    expect(queue.total).toBeGreaterThan(0);
    for (const candidate of queue.items)
      expect(page.slice(candidate.quote.start, candidate.quote.end)).toBe(candidate.quote.text);

    const bare = await ingestSource(ctx, { kind: 'statement', title: 'Known by its metadata only' });
    await expect(extractCandidates(ctx, bare.source.id)).rejects.toMatchObject({ code: 'source.no_text' });
  });
});
