import { defaultOperationId, uuidv7 } from '@tansiq/core';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testStore } from '../../../test/helpers.ts';
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

async function post(url: string, payload: unknown, lang = 'en') {
  return await app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'accept-language': lang },
  });
}

async function created<T = Record<string, unknown>>(
  url: string,
  payload: unknown,
): Promise<T & { id: string }> {
  const response = await post(url, payload);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function political(kind: string, id: string): Promise<boolean> {
  const result = await store.db.query<{ flag: boolean }>('SELECT aid_political_condition($1, $2) AS flag', [
    kind,
    id,
  ]);
  return result.rows[0]?.flag === true;
}

const domains = ['legal_assistance', 'cybersecurity', 'customs', 'trade', 'education'];

describe('agreements, conditions and conditioned aid', () => {
  let russia: { id: string };
  let syria: { id: string };
  let agreement: {
    id: string;
    conditions: { id: string; type: string; linkedAid: number }[];
    [key: string]: unknown;
  };
  let conditionId: string;
  const distributionId = uuidv7();
  const shipmentId = uuidv7();
  const unlinkedId = uuidv7();

  beforeAll(async () => {
    russia = await created('/api/organizations', {
      names: { ar: 'روسيا الاتحادية', en: 'Russian Federation' },
      kind: 'government',
      country: 'RU',
    });
    syria = await created('/api/organizations', {
      names: { ar: 'الجمهورية العربية السورية', en: 'Syrian Arab Republic' },
      kind: 'government',
      country: 'SY',
    });
    const vaccine = await created('/api/items', {
      names: { ar: 'سبوتنيك لايت', en: 'Sputnik Light' },
      category: 'vaccine',
      sector: 'health',
      baseUnit: 'dose',
      unitKind: 'count',
    });
    const food = await created('/api/items', {
      names: { ar: 'مواد غذائية', en: 'Food' },
      category: 'food',
      sector: 'food_security',
      baseUnit: 'kg',
      unitKind: 'mass',
    });
    // The ledger's own API is written elsewhere: its rows go in by SQL here.
    await store.db.query(
      `INSERT INTO distributions (operation_id, id, item_id, quantity, unit, base_quantity, title_en, status)
       VALUES ($1, $2, $3, 250000, 'dose', 250000, NULL, 'planned'), ($1, $4, $3, 10, 'dose', 10, 'Unrelated', 'planned')`,
      [defaultOperationId, distributionId, vaccine.id, unlinkedId],
    );
    await store.db.query('INSERT INTO shipments (operation_id, id, title_en) VALUES ($1, $2, NULL)', [
      defaultOperationId,
      shipmentId,
    ]);
    await store.db.query(
      `INSERT INTO shipment_lines (operation_id, id, shipment_id, position, item_id, quantity, unit, base_quantity)
       VALUES ($1, $2, $3, 1, $4, 160, 'tonne', 160000)`,
      [defaultOperationId, uuidv7(), shipmentId, food.id],
    );
  });

  it('records a package of 10 instruments in five domains with a political condition', async () => {
    agreement = await created('/api/agreements', {
      titles: { ar: 'حزمة اتفاقيات ومذكرات تفاهم', en: 'Package of agreements and memoranda' },
      type: 'agreement',
      domains,
      instrumentCount: 10,
      parties: [
        { organizationId: russia.id, role: 'signatory' },
        { organizationId: syria.id, role: 'signatory' },
      ],
      conditions: [
        {
          type: 'political',
          texts: { en: 'Distribution follows the signing of the agreements and memoranda' },
        },
      ],
      effectivePeriod: { start: '2021-07-26' },
    });
    expect(agreement).toMatchObject({
      operationId: defaultOperationId,
      type: 'agreement',
      domains,
      instrumentCount: 10,
      status: 'draft',
      statusHistory: [],
      effectivePeriod: { start: '2021-07-26', end: null, precision: 'day' },
      meetingId: null,
      sensitivity: 'public',
      parties: [
        { organizationId: russia.id, role: 'signatory', names: { en: 'Russian Federation' } },
        { organizationId: syria.id, role: 'signatory', names: { ar: 'الجمهورية العربية السورية' } },
      ],
      conditions: [{ type: 'political', state: 'unmet', stateOn: null, linkedAid: 0 }],
    });
    conditionId = String(agreement.conditions[0]?.id);
  });

  it('takes the status of the latest event by date, whatever order they were recorded in', async () => {
    const url = `/api/agreements/${agreement.id}/events`;
    expect((await post(url, { status: 'signed', occurredOn: '2021-07-26' })).statusCode).toBe(201);
    const after = await post(url, { status: 'negotiating', occurredOn: '2021-07-20' });
    expect(after.statusCode).toBe(201);
    expect(after.json().status).toBe('signed');
    expect(after.json().statusHistory.map((e: { status: string }) => e.status)).toEqual([
      'negotiating',
      'signed',
    ]);
    expect((await post(url, { status: 'void', occurredOn: '2021-07-26' })).statusCode).toBe(400);
  });

  it('ties a planned distribution and a shipment to the condition', async () => {
    const links = `/api/agreements/${agreement.id}/conditions/${conditionId}/links`;
    const toDistribution = await post(links, {
      aidType: 'distribution',
      aidId: distributionId,
      scope: 'distribution',
    });
    expect(toDistribution.statusCode, toDistribution.body).toBe(201);
    expect(toDistribution.json()).toMatchObject({
      agreementId: agreement.id,
      conditionId,
      aidType: 'distribution',
      aidId: distributionId,
      scope: 'distribution',
      notes: {},
    });
    const toShipment = await post(links, {
      aidType: 'shipment',
      aidId: shipmentId,
      scope: 'delivery',
      notes: { en: 'Handed over for distribution in 7 cities' },
    });
    expect(toShipment.statusCode, toShipment.body).toBe(201);

    // The same tie twice, aid that does not exist, a condition that does not exist, a bad body.
    expect(
      (await post(links, { aidType: 'distribution', aidId: distributionId, scope: 'distribution' })).json()
        .error,
    ).toMatchObject({ code: 'record.conflict' });
    const missing = await post(links, { aidType: 'pledge', aidId: uuidv7(), scope: 'delivery' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'record.not_found', details: { resource: 'pledge' } });
    const noCondition = await post(`/api/agreements/${agreement.id}/conditions/${uuidv7()}/links`, {
      aidType: 'shipment',
      aidId: shipmentId,
      scope: 'delivery',
    });
    expect(noCondition.statusCode).toBe(404);
    const bad = await post(links, { aidType: 'convoy', aidId: shipmentId, scope: 'delivery' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['aidType']);

    const view = (await app.inject({ url: `/api/agreements/${agreement.id}` })).json();
    expect(view.conditions[0]).toMatchObject({ id: conditionId, linkedAid: 2 });
  });

  it('reports which aid is conditioned on which agreement, flagged', async () => {
    const response = await app.inject({ url: `/api/reports/conditioned-aid?agreementId=${agreement.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.total).toBe(2);
    const byType = Object.fromEntries(
      report.items.map((row: { aid: { type: string } }) => [row.aid.type, row]),
    );
    expect(byType.distribution).toMatchObject({
      scope: 'distribution',
      conditionedOnPoliticalAgreement: true,
      aid: {
        id: distributionId,
        status: 'planned',
        description: { en: '250000 dose Sputnik Light', ar: '250000 dose سبوتنيك لايت' },
        lines: [{ quantity: 250000, unit: 'dose', itemNames: { en: 'Sputnik Light' } }],
        amount: null,
      },
      condition: { id: conditionId, type: 'political', state: 'unmet', stateOn: null },
      agreement: {
        id: agreement.id,
        type: 'agreement',
        domains,
        status: 'signed',
        instrumentCount: 10,
        parties: [
          { organizationId: russia.id, role: 'signatory', names: { en: 'Russian Federation' } },
          { organizationId: syria.id, role: 'signatory' },
        ],
      },
    });
    expect(byType.shipment).toMatchObject({
      scope: 'delivery',
      conditionedOnPoliticalAgreement: true,
      notes: { en: 'Handed over for distribution in 7 cities' },
      aid: { id: shipmentId, status: 'planned', description: { en: '160 tonne Food' } },
    });

    const only = async (query: string) =>
      (await app.inject({ url: `/api/reports/conditioned-aid?${query}` })).json().items.length;
    expect(await only('political=true')).toBe(2);
    expect(await only('political=false')).toBe(0);
    expect(await only('aidType=shipment')).toBe(1);
    expect(await only('conditionType=fiduciary')).toBe(0);
    expect(await only(`state=unmet&aidId=${distributionId}`)).toBe(1);
    expect((await app.inject({ url: '/api/reports/conditioned-aid?political=perhaps' })).statusCode).toBe(
      400,
    );

    expect(await political('distribution', distributionId)).toBe(true);
    expect(await political('shipment', shipmentId)).toBe(true);
    expect(await political('distribution', unlinkedId)).toBe(false);
    expect(await political('pledge', distributionId)).toBe(false);
  });

  it('refuses to drop a condition that aid still links to, and changes nothing', async () => {
    const before = (await app.inject({ url: `/api/agreements/${agreement.id}` })).json();
    for (const lang of ['en', 'ar']) {
      const response = await app.inject({
        method: 'PATCH',
        url: `/api/agreements/${agreement.id}`,
        headers: { 'accept-language': lang },
        payload: { instrumentCount: 11, conditions: [{ type: 'policy', texts: { en: 'Something else' } }] },
      });
      expect(response.statusCode).toBe(409);
      const { error } = response.json();
      expect(error).toMatchObject({ code: 'agreement.condition_in_use', details: { conditionId, links: 2 } });
      expect(error.message).toContain(conditionId);
      if (lang === 'ar') expect(error.message).toMatch(/الشرط/);
    }
    const after = (await app.inject({ url: `/api/agreements/${agreement.id}` })).json();
    expect(after).toEqual(before);

    // Listing it again by id keeps it (and its links) while changing its state.
    const kept = await app.inject({
      method: 'PATCH',
      url: `/api/agreements/${agreement.id}`,
      payload: {
        conditions: [
          {
            id: conditionId,
            type: 'political',
            texts: { en: 'Signing of the agreements' },
            state: 'met',
            stateOn: '2021-07-26',
          },
          { type: 'fiduciary', texts: { ar: 'تقارير مالية' } },
        ],
      },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().conditions).toMatchObject([
      { id: conditionId, state: 'met', stateOn: '2021-07-26', linkedAid: 2 },
      { type: 'fiduciary', linkedAid: 0 },
    ]);
    expect(kept.json().parties).toHaveLength(2);
    // A condition nothing links to may go.
    const dropped = await app.inject({
      method: 'PATCH',
      url: `/api/agreements/${agreement.id}`,
      payload: {
        conditions: [{ id: conditionId, type: 'political', texts: { en: 'Signing of the agreements' } }],
      },
    });
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect(dropped.json().conditions.map((c: { id: string }) => c.id)).toEqual([conditionId]);
  });

  it('unlinks (soft), which clears the flag', async () => {
    const report = (await app.inject({ url: `/api/reports/conditioned-aid?aidId=${shipmentId}` })).json();
    const linkId = report.items[0].linkId;
    expect((await app.inject({ method: 'DELETE', url: `/api/aid-conditions/${linkId}` })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'DELETE', url: `/api/aid-conditions/${linkId}` })).statusCode).toBe(
      404,
    );
    expect(await political('shipment', shipmentId)).toBe(false);
    expect(await political('distribution', distributionId)).toBe(true);
    const kept = await store.db.query('SELECT deleted_at FROM aid_conditions WHERE id = $1', [linkId]);
    expect(kept.rows[0]?.deleted_at).toBeInstanceOf(Date);
  });

  it('filters agreements by domain, party, status, type and meeting', async () => {
    const meetingId = uuidv7();
    await store.db.query(
      `INSERT INTO meetings (operation_id, id, kind, title_en, start_date) VALUES ($1, $2, 'coordination_meeting', 'Joint meeting', '2021-07-26')`,
      [defaultOperationId, meetingId],
    );
    const other = await created<{ id: string }>('/api/agreements', {
      titles: { en: 'Returns framework' },
      type: 'returns_framework',
      domains: ['returns'],
      meetingId,
      parties: [{ organizationId: syria.id, role: 'implementing' }],
    });
    const ids = async (query: string) =>
      (await app.inject({ url: `/api/agreements?${query}` })).json().items.map((a: { id: string }) => a.id);
    expect(await ids('domain=customs')).toEqual([agreement.id]);
    expect(await ids('domain=returns')).toEqual([other.id]);
    expect(await ids(`organizationId=${russia.id}`)).toEqual([agreement.id]);
    expect((await ids(`organizationId=${syria.id}`)).sort()).toEqual([agreement.id, other.id].sort());
    expect(await ids('status=signed')).toEqual([agreement.id]);
    expect(await ids('type=returns_framework')).toEqual([other.id]);
    expect(await ids(`meetingId=${meetingId}`)).toEqual([other.id]);
    expect(await ids('q=framework')).toEqual([other.id]);
    const noMeeting = await post('/api/agreements', {
      titles: { en: 'Orphan' },
      type: 'mou',
      domains: ['trade'],
      meetingId: uuidv7(),
    });
    expect(noMeeting.statusCode).toBe(422);
    expect(noMeeting.json().error.details).toMatchObject({ field: 'meetingId' });
  });

  it('answers an invalid domain with 400 naming domains.0, in Arabic when asked', async () => {
    const response = await post(
      '/api/agreements',
      { titles: { en: 'Bad' }, type: 'mou', domains: ['space', 'trade', 'trade'] },
      'ar',
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toMatch(/الطلب غير صالح/);
    const fields = error.details.fields;
    expect(fields.map((f: { field: string }) => f.field)).toContain('domains.0');
    expect(fields.find((f: { field: string }) => f.field === 'domains.0').message).toMatch(/يجب أن يكون أحد/);
    const none = await post('/api/agreements', { titles: { en: 'Bad' }, type: 'mou', domains: [] });
    expect(none.json().error.details.fields[0]).toMatchObject({ field: 'domains' });
  });

  it('refuses a party that is not a known organization with 422', async () => {
    const response = await post('/api/agreements', {
      titles: { en: 'Ghost' },
      type: 'mou',
      domains: ['trade'],
      parties: [
        { organizationId: syria.id, role: 'signatory' },
        { organizationId: uuidv7(), role: 'guarantor' },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'record.reference_missing',
      details: { field: 'parties.1.organizationId', resource: 'organization' },
    });
    expect((await app.inject({ url: '/api/agreements?q=ghost' })).json().total).toBe(0);
  });

  it('drops the flag when the agreement is deleted', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/agreements/${agreement.id}` })).statusCode).toBe(
      204,
    );
    expect(await political('distribution', distributionId)).toBe(false);
    expect((await app.inject({ url: '/api/reports/conditioned-aid' })).json().total).toBe(0);
  });
});
