import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testCtx, testStore } from '../../test/helpers.ts';
import type { Store } from '../store/open.ts';
import { reportMeetingsTimeline } from './report-meetings-timeline.ts';

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

async function create(url: string, payload: object): Promise<{ id: string }> {
  const response = await app.inject({ method: 'POST', url, payload });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const empty = { attended: [], invited: [], observer: [], declined: [], boycotted: [], walked_out: [] };
const western = { ar: 'دول غربية', en: 'Western states' };
const arab = { ar: 'معظم الدول العربية', en: 'most Arab states' };

describe('the meetings timeline', () => {
  it('lists meetings by start date with conveners and attendance grouped and counted', async () => {
    const damascus = (await app.inject({ url: '/api/admin-units?pcode=SY01' })).json().items[0];
    const aleppo = (await app.inject({ url: '/api/admin-units?pcode=SY02' })).json().items[0];
    const syria = await create('/api/organizations', {
      names: { ar: 'الحكومة السورية', en: 'Government of Syria' },
      kind: 'government',
    });
    const russia = await create('/api/organizations', {
      names: { en: 'Russian Federation' },
      kind: 'government',
    });
    const usa = await create('/api/organizations', { names: { en: 'United States' }, kind: 'government' });
    const icrc = await create('/api/organizations', {
      names: { en: 'ICRC' },
      kind: 'red_cross_red_crescent',
    });

    // Created out of order: the report sorts by start date.
    const joint = await create('/api/meetings', {
      kind: 'coordination_meeting',
      titles: { en: 'Joint coordination headquarters meeting' },
      period: { start: '2021-07-26' },
      place: { adminUnitId: damascus.id, text: 'Damascus' },
      participants: [
        { organizationId: russia.id, role: 'convener' },
        { organizationId: syria.id, attendance: 'attended' },
        { organizationId: icrc.id, attendance: 'attended' },
      ],
      statusHistory: [{ status: 'announced', occurredOn: '2021-07-24' }],
    });
    const conference = await create('/api/meetings', {
      kind: 'conference',
      titles: { ar: 'مؤتمر اللاجئين', en: 'Refugee conference' },
      period: { start: '2020-11-11', end: '2020-11-12' },
      place: { adminUnitId: damascus.id, text: 'دمشق' },
      participants: [
        { organizationId: syria.id, role: 'convener', attendance: 'attended' },
        { organizationId: russia.id, role: 'convener' },
        { organizationId: icrc.id, attendance: 'observer' },
        { organizationId: usa.id, attendance: 'boycotted' },
        { group: western, attendance: 'boycotted' },
        { group: arab, attendance: 'boycotted' },
      ],
      statusHistory: [{ status: 'held', occurredOn: '2020-11-12' }],
    });
    const elsewhere = await create('/api/meetings', {
      kind: 'bilateral',
      titles: { en: 'Talks in Aleppo' },
      period: { start: '2021-01-15', precision: 'month' },
      place: { adminUnitId: aleppo.id },
    });
    const deleted = await create('/api/meetings', {
      kind: 'conference',
      titles: { en: 'Recorded by mistake' },
      period: { start: '2020-12-01' },
      place: { adminUnitId: damascus.id },
    });
    expect((await app.inject({ method: 'DELETE', url: `/api/meetings/${deleted.id}` })).statusCode).toBe(204);

    const response = await app.inject({ url: '/api/reports/meetings-timeline' });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.truncated).toBe(false);
    expect(report.items.map((m: { id: string }) => m.id)).toEqual([conference.id, elsewhere.id, joint.id]);

    const [first] = report.items;
    expect(first).toEqual({
      id: conference.id,
      kind: 'conference',
      titles: { ar: 'مؤتمر اللاجئين', en: 'Refugee conference' },
      period: { start: '2020-11-11', end: '2020-11-12', precision: 'day' },
      place: {
        adminUnitId: damascus.id,
        pcode: 'SY01',
        names: damascus.names,
        siteId: null,
        siteNames: null,
        text: 'دمشق',
      },
      virtual: false,
      status: 'held',
      conveners: [
        { organizationId: syria.id, names: { ar: 'الحكومة السورية', en: 'Government of Syria' } },
        { organizationId: russia.id, names: { en: 'Russian Federation' } },
      ],
      attendance: {
        ...empty,
        attended: [{ organizationId: syria.id, names: { ar: 'الحكومة السورية', en: 'Government of Syria' } }],
        observer: [{ organizationId: icrc.id, names: { en: 'ICRC' } }],
        boycotted: [
          { organizationId: usa.id, names: { en: 'United States' } },
          { group: western },
          { group: arab },
        ],
      },
      counts: { attended: 1, invited: 0, observer: 1, declined: 0, boycotted: 3, walked_out: 0 },
    });
    expect(report.items[1]).toMatchObject({
      status: null,
      period: { precision: 'month' },
      conveners: [],
      attendance: empty,
    });
    expect(report.items[2]).toMatchObject({ status: 'announced', counts: { attended: 2 } });

    const filtered = async (query: string) =>
      (await app.inject({ url: `/api/reports/meetings-timeline?${query}` }))
        .json()
        .items.map((m: { id: string }) => m.id);
    expect(await filtered('from=2020-01-01&to=2020-12-31')).toEqual([conference.id]);
    expect(await filtered('kind=coordination_meeting')).toEqual([joint.id]);
    expect(await filtered(`placeAdminUnitId=${damascus.id}`)).toEqual([conference.id, joint.id]);
    expect(await filtered('limit=1')).toEqual([conference.id]);
    expect((await app.inject({ url: '/api/reports/meetings-timeline?limit=1' })).json().truncated).toBe(true);
    const bad = await app.inject({ url: '/api/reports/meetings-timeline?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('from');

    // The service is the same without HTTP (the CLI calls it).
    const direct = await reportMeetingsTimeline(testCtx(store), { kind: 'bilateral' });
    expect(direct.items.map((m) => m.id)).toEqual([elsewhere.id]);
  });
});
