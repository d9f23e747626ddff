import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildUser } from '../../../test/builders.ts';
import { type TestApp, testApp, testCtx, testStore } from '../../../test/helpers.ts';
import { createRecord } from '../../services/create-records.ts';
import { populationMovements } from '../../services/resources/population-movements.ts';
import { stableId } from '../../store/builtins.ts';
import type { Store } from '../../store/open.ts';

// Written for this test: a short relief update with a delivery, a meeting to come, and a figure
// that belongs to no event.
const update = [
  'Aleppo relief update',
  '',
  'The World Food Programme said on Tuesday that it delivered 120 tonnes of wheat flour to Aleppo on 4 March 2024.',
  '',
  'The World Food Programme will hold a coordination meeting in Damascus on 12 March 2024 with UNICEF and the International Committee of the Red Cross.',
  '',
  'Local officials counted 7,500 people sheltering in schools across the city.',
].join('\n');

let store: Store;
let analyst: TestApp;
let outletId: string;
let sourceId: string;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Rows of the coordination record, to show that only what was accepted entered it. */
async function recordCounts() {
  const count = async (table: string) =>
    (await store.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
  return {
    meetings: await count('meetings'),
    shipments: await count('shipments'),
    distributions: await count('distributions'),
    agreements: await count('agreements'),
    populationMovements: await count('population_movements'),
    claims: await count('claims'),
  };
}

beforeAll(async () => {
  store = await testStore();
  analyst = await testApp(store, { as: ['analyst'] });
  outletId = (
    await buildOrg(testCtx(store), { names: { en: 'Relief Wire', ar: 'نشرة الإغاثة' }, kind: 'media' })
  ).id;
});
afterAll(async () => {
  await analyst.close();
  await store.close();
});

describe('the review queue over HTTP', () => {
  it('queues what an ingested text states, and only once', async () => {
    const ingest = await analyst.inject({
      method: 'POST',
      url: '/api/sources',
      payload: {
        kind: 'news_article',
        title: 'Aleppo relief update',
        outletId,
        published: { date: '2024-03-05' },
        sensitivity: 'confidential',
        text: update,
      },
    });
    expect(ingest.statusCode, ingest.body).toBe(201);
    sourceId = ingest.json().source.id;

    const list = (await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}` })).json();
    expect(list.total).toBe(3);
    expect(list.items.map((c: { kind: string; type: string }) => `${c.kind}:${c.type}`)).toEqual([
      'event:delivery',
      'event:meeting',
      'quantity:person',
    ]);
    for (const candidate of list.items) {
      expect(update.slice(candidate.quote.start, candidate.quote.end)).toBe(candidate.quote.text);
      expect(candidate.status).toBe('pending');
    }
    const meeting = list.items[1];
    expect(meeting.proposal).toMatchObject({
      resource: 'meetings',
      action: 'create',
      recordStatus: 'scheduled',
      record: { period: { start: '2024-03-12' }, place: { adminUnitId: stableId('admin-unit', 'SY01') } },
      claimant: { organizationId: outletId },
      missing: [],
    });

    const again = await analyst.inject({ method: 'POST', url: `/api/sources/${sourceId}/candidates` });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, existing: 3 });
    const pending = (await analyst.inject({ url: '/api/review/candidates?status=pending' })).json();
    expect(pending.total).toBe(3);
  });

  it('accepts an event: the record and the claims quoting its words, shown in its provenance', async () => {
    const before = await recordCounts();
    const list = (
      await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}&limit=2` })
    ).json();
    expect(list.nextCursor).not.toBeNull();
    const meeting = list.items[1];
    const accepted = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${meeting.id}/accept`,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const { candidate, record, claims } = accepted.json();
    expect(record).toMatchObject({
      status: 'scheduled',
      period: { start: '2024-03-12' },
      sensitivity: 'confidential',
      ownerOrganizationId: analyst.testUser.organizationId,
    });
    expect(candidate).toMatchObject({
      status: 'accepted',
      decision: {
        by: `user:${analyst.testUser.id}`,
        record: { resource: 'meetings', id: record.id, created: true },
      },
    });
    expect(claims.map((c: { field: string }) => c.field)).toEqual([
      'status',
      'period',
      'place',
      'participants',
    ]);

    const provenance = (await analyst.inject({ url: `/api/meetings/${record.id}/provenance` })).json();
    expect(provenance.claims).toHaveLength(4);
    for (const claim of provenance.claims) {
      expect(claim).toMatchObject({
        status: 'reported',
        source: { id: sourceId },
        claimant: { organizationId: outletId },
        quote: meeting.quote,
      });
    }
    const status = provenance.claims.find((c: { field: string }) => c.field === 'status');
    expect(status.value).toEqual({ status: 'scheduled', on: '2024-03-05' });

    const twice = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${meeting.id}/accept`,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('review.already_decided');
    const after = await recordCounts();
    expect(after).toEqual({ ...before, meetings: before.meetings + 1, claims: before.claims + 4 });
  });

  it('accepts a figure only about a record the analyst names, with the corrected value', async () => {
    const [, , figure] = (await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}` })).json()
      .items;
    const unlinked = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${figure.id}/accept`,
      headers: { 'accept-language': 'ar' },
    });
    expect(unlinked.statusCode).toBe(422);
    expect(unlinked.json().error).toMatchObject({ code: 'review.link_required' });
    expect(unlinked.json().error.message).toContain('‎--link RECORD_ID‎');

    const movement = await createRecord(testCtx(store), populationMovements, {
      destination: { adminUnitId: stableId('admin-unit', 'SY02') },
      populationGroup: 'IDP',
      period: { start: '2024-03-01', precision: 'month' },
      individuals: 7000,
      countingMethod: 'key_informant',
      reportingOrganizationId: outletId,
    });
    const before = await recordCounts();
    const edited = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${figure.id}/accept`,
      payload: { link: movement.id, quantities: [{ value: 7600 }] },
    });
    expect(edited.statusCode, edited.body).toBe(201);
    const { candidate, record, claims } = edited.json();
    expect(record).toBeNull();
    expect(candidate.decision).toMatchObject({
      record: { resource: 'population-movements', id: movement.id, created: false },
      edits: { quantities: [{ value: 7600 }] },
    });
    expect(claims).toEqual([
      expect.objectContaining({
        subject: { resource: 'population-movements', id: movement.id },
        field: 'individuals',
        value: { amount: 7600, unit: 'person' },
        quote: { start: figure.quote.start, end: figure.quote.end, text: '7,500 people' },
      }),
    ]);
    expect(await recordCounts()).toEqual({ ...before, claims: before.claims + 1 });
  });

  it('rejects a candidate, keeps it, and refuses to accept it afterwards', async () => {
    const [delivery] = (await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}` })).json()
      .items;
    const before = await recordCounts();
    const rejected = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${delivery.id}/reject`,
      payload: { reason: 'The flour was delivered by a partner, already recorded.' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decision: {
        reason: 'The flour was delivered by a partner, already recorded.',
        record: null,
        claimIds: [],
      },
    });
    const late = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${delivery.id}/accept`,
    });
    expect(late.statusCode).toBe(409);
    expect((await analyst.inject({ url: `/api/review/candidates/${delivery.id}` })).json().status).toBe(
      'rejected',
    );
    expect(await recordCounts()).toEqual(before);
    const byStatus = (
      await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}&status=rejected` })
    ).json();
    expect(byStatus.items.map((c: { id: string }) => c.id)).toEqual([delivery.id]);
  });

  it('lets a viewer read but not decide, and hides a confidential source’s candidates from another organization', async () => {
    const ctx = testCtx(store);
    const viewer = await buildUser(ctx, {
      roles: ['viewer'],
      organizationId: analyst.testUser.organizationId,
    });
    const stranger = await buildUser(ctx, { roles: ['analyst'] });
    const [, , figure] = (await analyst.inject({ url: `/api/review/candidates?sourceId=${sourceId}` })).json()
      .items;
    const pending = (await analyst.inject({ url: '/api/review/candidates?status=pending' })).json();
    expect(pending.total).toBe(0);

    const seen = await analyst.inject({
      url: `/api/review/candidates/${figure.id}`,
      headers: bearer(viewer.token),
    });
    expect(seen.statusCode).toBe(200);
    const refused = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${figure.id}/reject`,
      headers: bearer(viewer.token),
    });
    expect(refused.statusCode).toBe(403);

    const hidden = await analyst.inject({
      url: `/api/review/candidates/${figure.id}`,
      headers: bearer(stranger.token),
    });
    expect(hidden.statusCode).toBe(404);
    const theirs = await analyst.inject({
      url: `/api/review/candidates?sourceId=${sourceId}`,
      headers: bearer(stranger.token),
    });
    expect(theirs.json()).toMatchObject({ items: [], total: 0 });
    const decide = await analyst.inject({
      method: 'POST',
      url: `/api/review/candidates/${figure.id}/reject`,
      headers: bearer(stranger.token),
    });
    expect(decide.statusCode).toBe(404);
  });
});
