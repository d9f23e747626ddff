import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, testStore } from '../../../test/helpers.ts';
import { stableId } from '../../store/builtins.ts';
import type { Store } from '../../store/open.ts';

let store: Store;
let app: FastifyInstance;

const unit = (pcode: string) => stableId('admin-unit', pcode);
const damascus = unit('SY01');
const aleppo = unit('SY02');
// Jebel Saman, a district (level 2) of Aleppo governorate.
const jebelSaman = unit('SY0200');
const syria = unit('SY');

let unhcr: string;
let sarc: string;
let shelter: string;

async function post(url: string, payload: unknown, lang = 'en') {
  return await app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'accept-language': lang },
  });
}

async function createOrganization(names: { ar: string; en: string }, kind: string): Promise<string> {
  const response = await post('/api/organizations', { names, kind });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

function movement(overrides: Record<string, unknown> = {}) {
  return {
    originCountry: 'lb',
    originText: 'لبنان',
    destination: { adminUnitId: damascus, text: 'دمشق' },
    populationGroup: 'RET',
    period: { start: '2021-07-01', end: '2021-07-31', precision: 'month' },
    individuals: 1200,
    households: 300,
    movementType: 'spontaneous',
    countingMethod: 'registration',
    reportingOrganizationId: unhcr,
    ...overrides,
  };
}

beforeAll(async () => {
  store = await testStore();
  app = await testApp(store);
  unhcr = await createOrganization(
    { ar: 'المفوضية السامية للأمم المتحدة لشؤون اللاجئين', en: 'UNHCR' },
    'un_agency',
  );
  sarc = await createOrganization(
    { ar: 'الهلال الأحمر العربي السوري', en: 'Syrian Arab Red Crescent' },
    'national_ngo',
  );
  const site = await post('/api/sites', {
    names: { en: 'Jebel Saman collective shelter' },
    type: 'collective_shelter',
    adminUnitId: jebelSaman,
  });
  shelter = site.json().id;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('population movements over HTTP', () => {
  it('creates a movement and reads it back, restricted by default, with a changes feed', async () => {
    const created = await post(
      '/api/population-movements',
      movement({
        disaggregation: { female: { '0-4': 100, '18-59': 400 }, male: { '0-4': 90, '60+': 30 } },
        notes: { en: 'Returns through Jdeidet Yabous' },
      }),
    );
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({
      operationId: '00000000-0000-7000-8000-000000000001',
      originCountry: 'LB',
      originAdminUnitId: null,
      originText: 'لبنان',
      destination: { adminUnitId: damascus, siteId: null, text: 'دمشق' },
      populationGroup: 'RET',
      period: { start: '2021-07-01', end: '2021-07-31', precision: 'month' },
      individuals: 1200,
      households: 300,
      disaggregation: { female: { '0-4': 100, '18-59': 400 }, male: { '0-4': 90, '60+': 30 } },
      movementType: 'spontaneous',
      countingMethod: 'registration',
      reportingOrganizationId: unhcr,
      sensitivity: 'restricted',
      notes: { en: 'Returns through Jdeidet Yabous' },
    });
    expect((await app.inject({ url: `/api/population-movements/${view.id}` })).json()).toEqual(view);
    // The trigger writes the changes feed (read from the table: the feed itself waits for every
    // older transaction of the server, other test runs included).
    const changes = await store.db.query('SELECT resource, op FROM changes WHERE record_id = $1', [view.id]);
    expect(changes.rows).toEqual([{ resource: 'population-movement', op: 'upsert' }]);
    const found = (
      await app.inject({ url: `/api/population-movements?q=${encodeURIComponent('Yabous')}` })
    ).json();
    expect(found.items.map((m: { id: string }) => m.id)).toEqual([view.id]);
  });

  it('refuses an origin given both as a country and as an admin unit, naming the field', async () => {
    const response = await post('/api/population-movements', movement({ originAdminUnitId: aleppo }));
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation.invalid');
    expect(error.details.fields).toEqual([expect.objectContaining({ field: 'originAdminUnitId' })]);
    // Neither is fine: the origin is unknown.
    const unknown = await post(
      '/api/population-movements',
      movement({ originCountry: null, originText: null }),
    );
    expect(unknown.statusCode).toBe(201);
    expect(unknown.json()).toMatchObject({ originCountry: null, originAdminUnitId: null });
  });

  it('refuses a sex and age breakdown larger than the individuals, in Arabic when asked', async () => {
    const response = await post(
      '/api/population-movements',
      movement({ individuals: 100, disaggregation: { female: { '18-59': 80 }, male: { '18-59': 30 } } }),
      'ar',
    );
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.message).toMatch(/الطلب غير صالح/);
    expect(error.details.fields).toEqual([
      expect.objectContaining({ field: 'disaggregation', message: 'مجموعه يزيد على عدد الأفراد' }),
    ]);
    const unknownBracket = await post(
      '/api/population-movements',
      movement({ disaggregation: { female: { '18-60': 1 } } }),
    );
    expect(unknownBracket.statusCode).toBe(400);
  });

  it('refuses a period ending before it starts, a movement without figures, and an unknown country', async () => {
    const backwards = await post(
      '/api/population-movements',
      movement({ period: { start: '2021-07-31', end: '2021-07-01' } }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields).toEqual([expect.objectContaining({ field: 'period.end' })]);

    const noFigures = await post(
      '/api/population-movements',
      movement({ individuals: null, households: undefined }),
    );
    expect(noFigures.statusCode).toBe(400);
    expect(noFigures.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'individuals' }),
    ]);

    const nowhere = await post('/api/population-movements', movement({ originCountry: 'XX' }));
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json().error).toMatchObject({
      code: 'record.reference_missing',
      details: { field: 'originCountry', value: 'XX' },
    });

    const noDestination = await post(
      '/api/population-movements',
      movement({ destination: { text: 'Homs' } }),
    );
    expect(noDestination.statusCode).toBe(400);
    expect(noDestination.json().error.details.fields).toEqual([
      expect.objectContaining({ field: 'destination.adminUnitId' }),
    ]);
  });

  it('patches without resetting what the patch does not mention, and keeps figures consistent', async () => {
    const created = (
      await post(
        '/api/population-movements',
        movement({ sensitivity: 'confidential', disaggregation: { female: { '5-11': 10 } } }),
      )
    ).json();
    const url = `/api/population-movements/${created.id}`;

    const notes = await app.inject({ method: 'PATCH', url, payload: { notes: { ar: 'تقدير أولي' } } });
    expect(notes.statusCode).toBe(200);
    expect(notes.json()).toMatchObject({ sensitivity: 'confidential', movementType: 'spontaneous' });

    // Naming the admin-unit origin clears the country.
    const internal = await app.inject({ method: 'PATCH', url, payload: { originAdminUnitId: aleppo } });
    expect(internal.json()).toMatchObject({ originCountry: null, originAdminUnitId: aleppo });

    // Individuals travel with their breakdown, so the patch alone shows the sum still fits.
    const alone = await app.inject({ method: 'PATCH', url, payload: { individuals: 5 } });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.details.fields).toEqual([expect.objectContaining({ field: 'disaggregation' })]);
    const both = await app.inject({
      method: 'PATCH',
      url,
      payload: { individuals: 5, disaggregation: null },
    });
    expect(both.statusCode).toBe(200);
    expect(both.json()).toMatchObject({ individuals: 5, disaggregation: null, households: 300 });
    const clearing = await app.inject({ method: 'PATCH', url, payload: { households: null } });
    expect(clearing.statusCode).toBe(400);
  });
});

describe('lists and the returns report', () => {
  let operationId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const operation = await post('/api/operations', { code: 'returns-test', names: { en: 'Returns test' } });
    operationId = operation.json().id;
    const rows: [string, Record<string, unknown>][] = [
      ['damascusRegistration', { individuals: 1000, households: 250 }],
      [
        'damascusKeyInformant',
        {
          individuals: 600,
          households: null,
          countingMethod: 'key_informant',
          reportingOrganizationId: sarc,
        },
      ],
      [
        'damascusIdpReturn',
        { populationGroup: 'RDP', originCountry: null, originAdminUnitId: aleppo, individuals: 40 },
      ],
      [
        'jebelSaman',
        {
          destination: { adminUnitId: jebelSaman, siteId: shelter, text: 'Jebel Saman' },
          individuals: 300,
          households: 70,
          period: { start: '2021-08-10', end: '2021-08-20' },
        },
      ],
      [
        'jebelSamanSurvey',
        {
          destination: { adminUnitId: jebelSaman },
          individuals: 200,
          households: 45,
          countingMethod: 'survey',
          period: { start: '2021-10-01', end: '2021-12-31', precision: 'month' },
        },
      ],
      [
        'countryLevel',
        { destination: { adminUnitId: syria, text: 'Syria' }, individuals: 5000, households: 1100 },
      ],
      ['deleted', { individuals: 999_999, households: 1 }],
    ];
    for (const [key, overrides] of rows) {
      const response = await post('/api/population-movements', movement({ operationId, ...overrides }));
      expect(response.statusCode, key).toBe(201);
      ids[key] = response.json().id;
    }
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/population-movements/${ids.deleted}` })).statusCode,
    ).toBe(204);
  });

  const list = async (query: string) =>
    (await app.inject({ url: `/api/population-movements?operationId=${operationId}&${query}` })).json();

  it('filters by governorate (districts roll up), group, method, organization and period', async () => {
    const inAleppo = await list(`governorate=${aleppo}`);
    expect(inAleppo.items.map((m: { id: string }) => m.id).sort()).toEqual(
      [ids.jebelSaman, ids.jebelSamanSurvey].sort(),
    );
    const inDamascus = await list(`governorate=${damascus}&sort=-individuals`);
    expect(inDamascus.items.map((m: { id: string }) => m.id)).toEqual([
      ids.damascusRegistration,
      ids.damascusKeyInformant,
      ids.damascusIdpReturn,
    ]);
    expect((await list('populationGroup=RDP')).items.map((m: { id: string }) => m.id)).toEqual([
      ids.damascusIdpReturn,
    ]);
    expect((await list('countingMethod=survey')).total).toBe(1);
    expect((await list(`reportingOrganizationId=${sarc}`)).items[0].id).toBe(ids.damascusKeyInformant);
    expect((await list(`destinationAdminUnitId=${jebelSaman}`)).total).toBe(2);
    expect((await list('from=2021-08-01&to=2021-09-30')).items.map((m: { id: string }) => m.id)).toEqual([
      ids.jebelSaman,
    ]);
    expect((await list('originCountry=LB')).total).toBe(5);
  });

  it('keeps counting methods apart by default, with totals per governorate and method', async () => {
    const response = await app.inject({ url: `/api/reports/returns?operationId=${operationId}` });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      groupBy: 'month',
      methodsCombined: false,
      countingMethods: ['key_informant', 'registration', 'survey'],
    });
    const damascusJuly = report.rows.filter(
      (r: { governorate: { pcode: string } | null; populationGroup: string }) =>
        r.governorate?.pcode === 'SY01' && r.populationGroup === 'RET',
    );
    expect(damascusJuly).toEqual([
      {
        governorate: { id: damascus, pcode: 'SY01', names: { ar: 'مدينة دمشق', en: 'Damascus' } },
        populationGroup: 'RET',
        period: { label: '2021-07', start: '2021-07-01', end: '2021-07-31' },
        countingMethod: 'key_informant',
        countingMethods: ['key_informant'],
        individuals: 600,
        households: null,
        movements: 1,
      },
      {
        governorate: { id: damascus, pcode: 'SY01', names: { ar: 'مدينة دمشق', en: 'Damascus' } },
        populationGroup: 'RET',
        period: { label: '2021-07', start: '2021-07-01', end: '2021-07-31' },
        countingMethod: 'registration',
        countingMethods: ['registration'],
        individuals: 1000,
        households: 250,
        movements: 1,
      },
    ]);
    // The district's movements are Aleppo's; the country-level one has no governorate.
    const aleppoRows = report.rows.filter(
      (r: { governorate: { pcode: string } | null }) => r.governorate?.pcode === 'SY02',
    );
    expect(
      aleppoRows.map((r: { period: { label: string }; individuals: number }) => [
        r.period.label,
        r.individuals,
      ]),
    ).toEqual([
      ['2021-08', 300],
      ['2021-10', 200],
    ]);
    expect(report.rows.at(-1)).toMatchObject({
      governorate: null,
      individuals: 5000,
      countingMethod: 'registration',
    });
    // Grand totals per governorate stay per method; the deleted movement counts nowhere.
    expect(
      report.totals.map(
        (t: { governorate: { pcode: string } | null; countingMethod: string; individuals: number }) => [
          t.governorate?.pcode ?? null,
          t.countingMethod,
          t.individuals,
        ],
      ),
    ).toEqual([
      ['SY01', 'key_informant', 600],
      ['SY01', 'registration', 1040],
      ['SY02', 'registration', 300],
      ['SY02', 'survey', 200],
      [null, 'registration', 5000],
    ]);
    expect(JSON.stringify(report)).not.toContain('999999');
  });

  it('adds methods together only when asked, and says which it combined', async () => {
    const report = (
      await app.inject({
        url: `/api/reports/returns?operationId=${operationId}&combineMethods=true&groupBy=quarter`,
      })
    ).json();
    expect(report).toMatchObject({
      groupBy: 'quarter',
      methodsCombined: true,
      countingMethods: ['key_informant', 'registration', 'survey'],
    });
    expect(report.rows[0]).toEqual({
      governorate: { id: damascus, pcode: 'SY01', names: { ar: 'مدينة دمشق', en: 'Damascus' } },
      populationGroup: 'RDP',
      period: { label: '2021-Q3', start: '2021-07-01', end: '2021-09-30' },
      countingMethod: null,
      countingMethods: ['registration'],
      individuals: 40,
      households: 300,
      movements: 1,
    });
    expect(report.rows[1]).toMatchObject({
      populationGroup: 'RET',
      countingMethod: null,
      countingMethods: ['key_informant', 'registration'],
      individuals: 1600,
      households: 250,
      movements: 2,
    });
    expect(
      report.totals.map(
        (t: { governorate: { pcode: string } | null; individuals: number; countingMethods: string[] }) => [
          t.governorate?.pcode ?? null,
          t.individuals,
          t.countingMethods,
        ],
      ),
    ).toEqual([
      ['SY01', 1640, ['key_informant', 'registration']],
      ['SY02', 500, ['registration', 'survey']],
      [null, 5000, ['registration']],
    ]);
  });

  it('filters the report by governorate, group and period, and refuses a governorate that is not one', async () => {
    const report = (
      await app.inject({
        url: `/api/reports/returns?operationId=${operationId}&governorate=${aleppo}&groupBy=year&from=2021-09-01`,
      })
    ).json();
    expect(report.rows).toEqual([
      expect.objectContaining({
        governorate: expect.objectContaining({ pcode: 'SY02' }),
        period: { label: '2021', start: '2021-01-01', end: '2021-12-31' },
        countingMethod: 'survey',
        individuals: 200,
      }),
    ]);
    const rdp = (
      await app.inject({ url: `/api/reports/returns?operationId=${operationId}&populationGroup=RDP` })
    ).json();
    expect(rdp.rows.map((r: { individuals: number }) => r.individuals)).toEqual([40]);
    const district = await app.inject({
      url: `/api/reports/returns?governorate=${jebelSaman}`,
      headers: { 'accept-language': 'ar' },
    });
    expect(district.statusCode).toBe(400);
    expect(district.json().error.details.fields).toEqual([expect.objectContaining({ field: 'governorate' })]);
    const typo = await app.inject({ url: '/api/reports/returns?combineMethod=true' });
    expect(typo.statusCode).toBe(400);
    const notBoolean = await app.inject({ url: '/api/reports/returns?combineMethods=yes' });
    expect(notBoolean.statusCode).toBe(400);
  });

  it('is in the API document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.paths['/api/reports/returns'].get.parameters.map((p: { name: string }) => p.name)).toContain(
      'combineMethods',
    );
    expect(doc.paths['/api/population-movements'].post).toBeDefined();
  });
});
