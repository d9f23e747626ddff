import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testStore } from '../../../test/helpers.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: FastifyInstance;
let damascusId: string;
const org: Record<string, string> = {};

async function post(url: string, payload: unknown, lang = 'en') {
  return await app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'accept-language': lang },
  });
}

async function createOrg(key: string, names: { ar?: string; en: string }, kind: string, acronym?: string) {
  const response = await post('/api/organizations', { names, kind, acronym });
  expect(response.statusCode).toBe(201);
  org[key] = response.json().id;
}

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
  damascusId = (await app.inject({ url: '/api/admin-units?pcode=SY01' })).json().items[0].id;
  await createOrg('syria', { ar: 'الحكومة السورية', en: 'Government of Syria' }, 'government');
  await createOrg('russia', { ar: 'الاتحاد الروسي', en: 'Russian Federation' }, 'government');
  await createOrg('usa', { ar: 'الولايات المتحدة', en: 'United States' }, 'government', 'US');
  await createOrg('unhcr', { en: 'UNHCR' }, 'un_agency', 'UNHCR');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const western = { ar: 'دول غربية', en: 'Western states' };
const arab = { ar: 'معظم الدول العربية', en: 'most Arab states' };

function conference() {
  return {
    kind: 'conference',
    titles: {
      ar: 'المؤتمر الدولي حول عودة اللاجئين السوريين',
      en: 'International Conference on the Return of Syrian Refugees',
    },
    period: { start: '2020-11-11', end: '2020-11-12' },
    place: { adminUnitId: damascusId, text: 'دمشق' },
    participants: [
      { organizationId: org.syria, role: 'convener', attendance: 'attended' },
      { organizationId: org.russia, role: 'convener' },
      { organizationId: org.unhcr, attendance: 'observer' },
      { organizationId: org.usa, attendance: 'boycotted' },
      { group: western, attendance: 'boycotted' },
      { group: arab, attendance: 'boycotted' },
    ],
    outcomes: [{ type: 'statement', texts: { en: 'Final statement on returns' } }],
    statusHistory: [
      { status: 'announced', occurredOn: '2020-10-01' },
      { status: 'held', occurredOn: '2020-11-12', notes: { en: 'Two days' } },
    ],
  };
}

describe('meetings over HTTP', () => {
  it('creates a conference in Damascus with conveners, boycotts and its status history', async () => {
    const response = await post('/api/meetings', conference());
    expect(response.statusCode).toBe(201);
    const meeting = response.json();
    expect(meeting).toMatchObject({
      kind: 'conference',
      period: { start: '2020-11-11', end: '2020-11-12', precision: 'day' },
      place: { adminUnitId: damascusId, siteId: null, text: 'دمشق' },
      virtual: false,
      status: 'held',
      sensitivity: 'public',
      notes: {},
      operationId: '00000000-0000-7000-8000-000000000001',
    });
    expect(meeting.statusHistory.map((e: { status: string }) => e.status)).toEqual(['announced', 'held']);
    expect(meeting.statusHistory[1].notes).toEqual({ en: 'Two days' });
    expect(meeting.participants).toHaveLength(6);
    expect(meeting.participants[0]).toEqual({
      organizationId: org.syria,
      organization: {
        id: org.syria,
        names: { ar: 'الحكومة السورية', en: 'Government of Syria' },
        acronym: null,
      },
      group: null,
      role: 'convener',
      attendance: 'attended',
    });
    expect(meeting.participants[1]).toMatchObject({ role: 'convener', attendance: null });
    expect(meeting.participants[4]).toEqual({
      organizationId: null,
      organization: null,
      group: western,
      role: 'participant',
      attendance: 'boycotted',
    });
    expect(meeting.outcomes).toEqual([
      {
        type: 'statement',
        texts: { en: 'Final statement on returns' },
        agreementId: null,
        pledgeId: null,
        shipmentId: null,
      },
    ]);
    const read = (await app.inject({ url: `/api/meetings/${meeting.id}` })).json();
    expect(read).toEqual(meeting);
  });

  it('filters by year, organization, place, kind, status and date range', async () => {
    const a = (await post('/api/meetings', conference())).json();
    const b = (
      await post('/api/meetings', {
        kind: 'coordination_meeting',
        titles: { en: 'Joint coordination headquarters meeting' },
        period: { start: '2021-07-26' },
        place: { text: 'Online' },
        virtual: true,
        participants: [{ organizationId: org.russia, role: 'convener' }],
        statusHistory: [{ status: 'announced', occurredOn: '2021-07-24' }],
      })
    ).json();
    const ids = async (query: string) =>
      (await app.inject({ url: `/api/meetings?limit=500&${query}` }))
        .json()
        .items.map((m: { id: string }) => m.id);
    expect(await ids('year=2020')).toContain(a.id);
    expect(await ids('year=2020')).not.toContain(b.id);
    expect(await ids('year=2021')).toEqual([b.id]);
    expect(await ids(`organizationId=${org.usa}`)).toContain(a.id);
    expect(await ids(`organizationId=${org.usa}`)).not.toContain(b.id);
    expect(await ids(`organizationId=${org.russia}`)).toEqual(expect.arrayContaining([a.id, b.id]));
    // The governorate itself, and the country it lies in.
    const syriaId = (await app.inject({ url: '/api/admin-units?pcode=SY' })).json().items[0].id;
    expect(await ids(`placeAdminUnitId=${damascusId}`)).toContain(a.id);
    expect(await ids(`placeAdminUnitId=${syriaId}`)).toContain(a.id);
    expect(await ids(`placeAdminUnitId=${damascusId}`)).not.toContain(b.id);
    expect(await ids('kind=coordination_meeting')).toEqual([b.id]);
    expect(await ids('status=announced')).toEqual([b.id]);
    // Periods overlapping the range: the conference ends on the 12th.
    expect(await ids('from=2020-11-12&to=2020-12-31')).toContain(a.id);
    expect(await ids('from=2020-11-13&to=2021-12-31')).toEqual([b.id]);
    const found = await ids(`q=${encodeURIComponent('اللاجئين')}`);
    expect(found).toContain(a.id);
    const sorted = (await app.inject({ url: '/api/meetings?sort=-startDate&limit=1' })).json();
    expect(sorted.items[0].id).toBe(b.id);
  });

  it('replaces participants on PATCH and leaves unnamed lists alone', async () => {
    const meeting = (await post('/api/meetings', conference())).json();
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/meetings/${meeting.id}`,
      payload: {
        participants: [
          { organizationId: org.russia, role: 'convener', attendance: 'attended' },
          { group: arab, attendance: 'walked_out' },
        ],
      },
    });
    expect(patched.statusCode).toBe(200);
    const view = patched.json();
    expect(view.participants).toEqual([
      expect.objectContaining({ organizationId: org.russia, role: 'convener', attendance: 'attended' }),
      expect.objectContaining({ group: arab, attendance: 'walked_out' }),
    ]);
    expect(view.outcomes).toEqual(meeting.outcomes);
    expect(view.status).toBe('held');
    expect(view.statusHistory).toHaveLength(2);
    const titled = (
      await app.inject({
        method: 'PATCH',
        url: `/api/meetings/${meeting.id}`,
        payload: { titles: { en: 'Refugee conference' }, sensitivity: 'restricted' },
      })
    ).json();
    expect(titled).toMatchObject({ titles: { en: 'Refugee conference' }, sensitivity: 'restricted' });
    expect(titled.participants).toHaveLength(2);
    expect(titled.place.adminUnitId).toBe(damascusId);
    // A patch cannot set the status: it follows the dated events.
    const statusPatch = await app.inject({
      method: 'PATCH',
      url: `/api/meetings/${meeting.id}`,
      payload: { status: 'cancelled' },
    });
    expect(statusPatch.statusCode).toBe(400);
  });

  it('takes the latest status by date, not by the order events were recorded', async () => {
    const { statusHistory: _, ...withoutHistory } = conference();
    const meeting = (await post('/api/meetings', withoutHistory)).json();
    expect(meeting.status).toBeNull();
    expect(meeting.statusHistory).toEqual([]);
    const held = await post(`/api/meetings/${meeting.id}/events`, {
      status: 'held',
      occurredOn: '2020-11-12',
    });
    expect(held.statusCode).toBe(201);
    expect(held.json().status).toBe('held');
    const announced = await post(`/api/meetings/${meeting.id}/events`, {
      status: 'announced',
      occurredOn: '2020-10-01',
      notes: { ar: 'أُعلن عنه' },
    });
    expect(announced.statusCode).toBe(201);
    const view = announced.json();
    expect(view.status).toBe('held');
    expect(view.statusHistory.map((e: { status: string }) => e.status)).toEqual(['announced', 'held']);
    expect(view.participants).toHaveLength(6);
    const bad = await post(`/api/meetings/${meeting.id}/events`, {
      status: 'signed',
      occurredOn: '2020-11-12',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('status');
  });

  it('refuses a participant that is both an organization and a group, in Arabic when asked', async () => {
    const input = conference();
    input.participants[2] = { organizationId: org.unhcr, group: western, attendance: 'observer' } as never;
    const response = await post('/api/meetings', input, 'ar');
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.invalid');
    expect(error.message).toMatch(/الطلب غير صالح/);
    expect(error.details.fields).toEqual([
      expect.objectContaining({
        field: 'participants.2',
        code: 'custom',
        message: 'يحتاج إلى واحد فقط من organizationId أو group',
      }),
    ]);
    // Neither is refused the same way; a participant (not a convener) must state its attendance.
    const none = await post('/api/meetings', {
      ...conference(),
      participants: [{ role: 'participant' }, { organizationId: org.usa }],
    });
    expect(none.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual([
      'participants.0',
      'participants.0.attendance',
      'participants.1.attendance',
    ]);
    const twice = await post('/api/meetings', {
      ...conference(),
      participants: [
        { organizationId: org.usa, attendance: 'boycotted' },
        { organizationId: org.usa, attendance: 'attended' },
      ],
    });
    expect(twice.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'participants.1.organizationId' }),
    ]);
  });

  it('refuses an organization that does not exist, naming the field, and writes nothing', async () => {
    const before = (await app.inject({ url: '/api/meetings?limit=1' })).json().total;
    const input = conference();
    input.participants[3] = {
      organizationId: '0190a1b2-0000-7000-8000-000000000000',
      attendance: 'boycotted',
    };
    const response = await post('/api/meetings', input);
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'record.reference_missing',
      details: { field: 'participants.3.organizationId', resource: 'organization' },
    });
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/meetings/${(await post('/api/meetings', conference())).json().id}`,
      headers: { 'accept-language': 'ar' },
      payload: {
        participants: [{ organizationId: '0190a1b2-0000-7000-8000-000000000000', role: 'convener' }],
      },
    });
    expect(patch.statusCode).toBe(422);
    expect(patch.json().error.message).toMatch(/participants\.0\.organizationId/);
    expect(patch.json().error.message).toMatch(/منظمة/);
    const badPlace = await post('/api/meetings', {
      ...conference(),
      place: { adminUnitId: '0190a1b2-0000-7000-8000-000000000000' },
    });
    expect(badPlace.statusCode).toBe(422);
    expect(badPlace.json().error.details.field).toBe('place.adminUnitId');
    expect((await app.inject({ url: '/api/meetings?limit=1' })).json().total).toBe(before + 1);
  });

  it('soft-deletes: the meeting leaves lists and reads, and the changes feed shows it', async () => {
    const meeting = (await post('/api/meetings', conference())).json();
    expect((await app.inject({ method: 'DELETE', url: `/api/meetings/${meeting.id}` })).statusCode).toBe(204);
    expect((await app.inject({ url: `/api/meetings/${meeting.id}` })).statusCode).toBe(404);
    const list = (await app.inject({ url: '/api/meetings?limit=500' })).json();
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(meeting.id);
    // The feed itself waits for older transactions of the whole cluster: read its table.
    const changes = await store.db.query(
      'SELECT resource, op FROM changes WHERE record_id = $1 ORDER BY seq',
      [meeting.id],
    );
    expect(changes.rows.at(-1)).toEqual({ resource: 'meeting', op: 'delete' });
    const event = await post(`/api/meetings/${meeting.id}/events`, {
      status: 'held',
      occurredOn: '2020-11-12',
    });
    expect(event.statusCode).toBe(404);
  });
});
