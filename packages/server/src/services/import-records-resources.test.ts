import { PassThrough } from 'node:stream';
import type { AppError } from '@tansiq/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp, testCtx, testStore } from '../../test/helpers.ts';
import { parseCsv } from '../exchange/csv.ts';
import { type CellValue, writeXlsx, type XlsxColumn } from '../exchange/xlsx.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { exportRecords, writeTemplate } from './export-records.ts';
import { type ImportInput, importRecords } from './import-records.ts';
import { recordStatusEvent } from './record-status-event.ts';
import { shipments } from './resources/shipments.ts';

// Imports and exports of the record kinds beyond the reference lists (issue 7): each with its own
// small files, headers in Arabic and English, and hashtags as OCHA and HDX tables write them.

let store: Store;
let ctx: Ctx;
let outsider: TestApp;
beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  outsider = await testApp(store, { as: ['viewer'] });
  await run(
    'organizations',
    'Organization (English),Organization (Arabic),Acronym,Type\n' +
      'Returns Monitor,مرصد العودة,RMX,national_ngo\nRelief Partner,شريك الإغاثة,RPX,international_ngo\n' +
      'Camp Committee,لجنة المخيم,CCX,national_ngo\n',
  );
  await run(
    'items',
    'Code,Item (English),Item (Arabic),Category,Sector,Base unit,Unit kind\n' +
      'XR-FB,Food basket,سلة غذائية,food,food_security,piece,count\nXR-FL,Flour,طحين,food,food_security,kg,mass\n',
  );
});
afterAll(async () => {
  await outsider.close();
  await store.close();
});

const run = (resource: string, csv: string, extra: Partial<ImportInput> = {}) =>
  importRecords(ctx, {
    bytes: new TextEncoder().encode(csv),
    fileName: 'file.csv',
    resource,
    dryRun: false,
    ...extra,
  });

async function exportCsv(resource: string): Promise<string[][]> {
  const parts: Buffer[] = [];
  for await (const chunk of exportRecords(ctx, resource, { format: 'csv', hxl: true })) {
    parts.push(Buffer.from(chunk));
  }
  return parseCsv(
    Buffer.concat(parts)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  );
}

const toCsv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');

/** A small workbook written here, as a partner's sheet would come. */
async function xlsx(columns: XlsxColumn[], rows: CellValue[][]): Promise<Uint8Array> {
  const output = new PassThrough();
  const parts: Buffer[] = [];
  output.on('data', (chunk: Buffer) => parts.push(chunk));
  await writeXlsx(output, columns, rows);
  output.end();
  return new Uint8Array(Buffer.concat(parts));
}

async function count(table: string): Promise<number> {
  const result = await store.owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE deleted_at IS NULL`,
  );
  return result.rows[0]?.n ?? 0;
}

describe('population movements', () => {
  const hxlFile =
    'Governorate,District,Returnees,Households,Date,Method,Reported by\n' +
    '#adm1+code,#adm2+code,#affected+returnees,#affected+returnees+hh,#date,#x_counting+method,#org+name\n' +
    'SY02,SY0200,1200,240,2025-03-01,key_informant,RMX\n' +
    'SY02,الباب,300,,2025-03-01,registration,Returns Monitor\n';

  it('reads OCHA hashtags: the deepest unit by p-code or name, returnees implied by the tag', async () => {
    const before = await count('population_movements');
    const plan = await run('population-movements', hxlFile, { dryRun: true });
    expect(plan).toMatchObject({ errors: [], created: 2 });
    expect(plan.columns.map((c) => c.field)).toEqual([
      'destination.adminUnitId',
      'individuals',
      'households',
      'period.start',
      'countingMethod',
      'reportingOrganizationId',
    ]);
    expect(plan.ignored.map((c) => c.header)).toEqual(['Governorate']);
    expect(await run('population-movements', hxlFile)).toMatchObject({ created: 2, status: 'applied' });
    expect(await count('population_movements')).toBe(before + 2);
    const stored = await store.owner.query(
      `SELECT m.population_group, m.individuals, m.households, u.pcode, m.sensitivity, m.owner_organization_id IS NOT NULL AS owned
         FROM population_movements m JOIN admin_units u ON u.id = m.destination_admin_unit_id
        WHERE m.period_start = '2025-03-01' ORDER BY m.individuals DESC`,
    );
    expect(stored.rows[0]).toMatchObject({ population_group: 'RET', individuals: 1200, households: 240 });
    expect(stored.rows[0]?.pcode).toBe('SY0200');
    expect(stored.rows[1]).toMatchObject({ individuals: 300, households: null, sensitivity: 'restricted' });

    const again = await run('population-movements', hxlFile);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, status: 'unchanged' });
  });

  it('round-trips an edited export as an update, and keeps restricted figures from other organizations', async () => {
    const rows = await exportCsv('population-movements');
    const tags = rows[1] as string[];
    expect(tags[0]).toBe('#meta+id');
    const at = (tag: string) => tags.indexOf(tag);
    const row = rows.find((r) => r[at('#affected+ind')] === '1200') as string[];
    expect(row[at('#adm+code')]).toBe('SY0200');
    expect(row[at('#org+name')]).toBe('RMX');
    const before = await count('population_movements');
    const unedited = await run('population-movements', toCsv(rows));
    expect(unedited).toMatchObject({ created: 0, updated: 0, status: 'unchanged' });

    row[at('#affected+ind')] = '1250';
    const edited = await run('population-movements', toCsv(rows));
    expect(edited).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('population_movements')).toBe(before);

    // Without the id column, the natural key finds the record.
    const keyed =
      'الوجهة,الفئة السكانية,الأفراد,البداية,طريقة العد,الجهة المبلِّغة,الحساسية\n' +
      'SY0200,RET,1300,2025-03-01,key_informant,مرصد العودة,confidential\n';
    expect(await run('population-movements', keyed)).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('population_movements')).toBe(before);

    const seen = await outsider.inject('/api/exports/population-movements?format=json');
    expect(seen.statusCode).toBe(200);
    const figures = (seen.json() as { individuals: number }[]).map((m) => m.individuals);
    // A confidential figure is the owner's and the hub's: a viewer of another organization does not get it.
    expect(figures).toContain(300);
    expect(figures).not.toContain(1300);
  });

  it('reads counts by sex and age as HXL tags them, checks them against the total, and exports them', async () => {
    const file =
      'Destination,Returnees,Girls 0-4,Women 18-59,Men 18-59,Date,Method,Reported by\n' +
      '#adm+code,#affected+returnees,#affected+returnees+f+age0_4,#affected+f+age18_59,#affected+m+age18_59,#date,#x_counting+method,#org+name\n' +
      'SY0200,90,10,30,25,2025-04-01,registration,RMX\n' +
      'SY0200,20,10,15,,2025-04-02,registration,RMX\n';
    const plan = await run('population-movements', file, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.field])).toEqual([[4, 'disaggregation']]);
    expect(plan.errors[0]?.message).toMatch(/more people than/);
    const good = file.split('\n').slice(0, 3).join('\n');
    expect(await run('population-movements', good)).toMatchObject({ created: 1, errors: [] });
    const stored = await store.owner.query(
      `SELECT disaggregation FROM population_movements WHERE period_start = '2025-04-01'`,
    );
    expect(stored.rows[0]?.disaggregation).toEqual({
      female: { '0-4': 10, '18-59': 30 },
      male: { '18-59': 25 },
    });
    const rows = await exportCsv('population-movements');
    const tags = rows[1] as string[];
    const row = rows.find((r) => r[tags.indexOf('#affected+f+age18_59')] === '30') as string[];
    expect(row[tags.indexOf('#affected+m+age18_59')]).toBe('25');
    expect(await run('population-movements', toCsv(rows))).toMatchObject({ created: 0, updated: 0 });
  });

  it('reports rows by line and column in Arabic, and imports none of the file', async () => {
    const before = await count('population_movements');
    const bad =
      'الوجهة,الأفراد,البداية,طريقة العد,الجهة المبلِّغة,الفئة السكانية\n' +
      'SY0200,50,2025-04-01,survey,RMX,IDP\n' +
      'أتلانتس,50,2025-04-01,survey,RMX,IDP\n' +
      'SY0200,خمسون,2025-04-01,guess,Nobody,IDP\n';
    const plan = await run('population-movements', bad, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'A', 'admin_not_found'],
      [4, 'B', 'not_a_number'],
      [4, 'E', 'organization_not_found'],
    ]);
    const arabic = await importRecords(
      { ...ctx, lang: 'ar' },
      {
        bytes: new TextEncoder().encode(bad),
        fileName: 'bad.csv',
        resource: 'population-movements',
        dryRun: true,
      },
    );
    expect(arabic.errors[0]?.message).toBe('لا وحدة إدارية بهذا الاسم أو الرمز');
    const error = await run('population-movements', bad).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('import.rows_invalid');
    expect(await count('population_movements')).toBe(before);
  });
});

describe('distributions', () => {
  it('imports an Arabic XLSX with hashtags, matches on title, item and date, and round-trips an export', async () => {
    const bytes = await xlsx(
      [
        { header: 'التوزيع (بالعربية)', hashtag: '#activity+name+i_ar' },
        { header: 'الشريك المنفذ', hashtag: '#org+impl' },
        { header: 'المادة', hashtag: '#item+name' },
        { header: 'الكمية', hashtag: '#output+quantity' },
        { header: 'الوحدة', hashtag: '#output+unit' },
        { header: 'المحافظة', hashtag: '#adm1+code' },
        { header: 'المنطقة', hashtag: '#adm2+name' },
        { header: 'التاريخ', hashtag: '#date' },
        { header: 'الأسر المستفيدة', hashtag: '#reached+hh' },
      ],
      [
        ['توزيع سلال الربيع', 'RPX', 'سلة غذائية', 400, 'piece', 'SY02', 'الباب', '2025-04-02', 400],
        ['توزيع الطحين', 'شريك الإغاثة', 'XR-FL', 2.5, 'tonne', 'SY02', 'Al Bab', '2025-04-03', 150],
      ],
    );
    const input = { bytes, fileName: 'توزيعات.xlsx', resource: 'distributions', dryRun: false };
    const before = await count('distributions');
    const first = await importRecords({ ...ctx, lang: 'ar' }, input);
    expect(first).toMatchObject({ created: 2, errors: [] });
    expect(first.ignored.map((c) => c.header)).toEqual(['المحافظة']);
    const stored = await store.owner.query(
      "SELECT base_quantity::float AS base, place_text FROM distributions WHERE title_ar = 'توزيع الطحين'",
    );
    // 2.5 t of flour is 2,500 kg in the item's base unit; the place keeps the name as written.
    expect(stored.rows[0]).toMatchObject({ base: 2500, place_text: 'Al Bab' });
    expect(await importRecords(ctx, input)).toMatchObject({ created: 0, unchanged: 2, status: 'unchanged' });

    const rows = await exportCsv('distributions');
    const tags = rows[1] as string[];
    const row = rows.find((r) => r[tags.indexOf('#activity+name+i_ar')] === 'توزيع الطحين') as string[];
    expect(row[tags.indexOf('#item+name')]).toBe('XR-FL');
    expect(row[tags.indexOf('#org+impl')]).toBe('RPX');
    expect(await run('distributions', toCsv(rows))).toMatchObject({ created: 0, updated: 0, errors: [] });
    row[tags.indexOf('#reached+hh')] = '160';
    expect(await run('distributions', toCsv(rows))).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('distributions')).toBe(before + 2);
  });

  it('refuses the whole file when a row is wrong', async () => {
    const before = await count('distributions');
    const csv =
      'Distribution (English),Item,Quantity,Unit,Start\n' +
      'Good kits,XR-FB,10,piece,2025-05-01\n' +
      'Bad kits,XR-FB,-3,piece,2025-05-01\n' +
      'Unknown,No such item,3,piece,2025-05-01\n';
    const plan = await run('distributions', csv, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.column, e.field])).toEqual([
      [3, 'C', 'quantity'],
      [4, 'B', 'itemId'],
    ]);
    await expect(run('distributions', csv)).rejects.toMatchObject({ code: 'import.rows_invalid' });
    expect(await count('distributions')).toBe(before);
  });
});

describe('shipments', () => {
  const csv =
    'Reference,Shipment (English),Destination,Donors,Mode,Start,Item,Quantity,Unit\n' +
    '#activity+code,#activity+name+i_en,#adm2+code,#org+funder,#x_transport+mode,#date,#item+name,#output+quantity,#output+unit\n' +
    'SHP-701,Spring convoy,SY0200,RPX; RMX,road,2025-02-01,XR-FB,500,piece\n' +
    'SHP-701,,,,,,XR-FL,20,tonne\n' +
    'SHP-702,Flour top-up,الباب,RPX,road,2025-02-03,طحين,5000,kg\n';

  it('makes one shipment of the rows with one reference, each row a line', async () => {
    const before = await count('shipments');
    const first = await run('shipments', csv);
    expect(first).toMatchObject({ rows: 3, created: 2, errors: [] });
    expect(await count('shipments')).toBe(before + 2);
    const lines = await store.owner.query(
      `SELECT l.quantity::float AS quantity, l.unit FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
        WHERE s.reference = 'SHP-701' ORDER BY l.quantity`,
    );
    expect(lines.rows).toEqual([
      { quantity: 20, unit: 'tonne' },
      { quantity: 500, unit: 'piece' },
    ]);
    const donors = await run('shipments', csv, { dryRun: true });
    expect(donors).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await run('shipments', csv)).toMatchObject({ status: 'unchanged', unchanged: 2 });
  });

  it('writes one row per line, and an edited line imports as an update of its shipment', async () => {
    const rows = await exportCsv('shipments');
    const tags = rows[1] as string[];
    const mine = rows.filter((r) => r[tags.indexOf('#activity+code')] === 'SHP-701');
    expect(mine).toHaveLength(2);
    const donors = (r: string[]) => (r[tags.indexOf('#org+funder')] ?? '').split('; ').sort();
    expect(mine.map(donors)).toEqual([
      ['RMX', 'RPX'],
      ['RMX', 'RPX'],
    ]);
    expect(await run('shipments', toCsv(rows))).toMatchObject({ created: 0, updated: 0, errors: [] });
    const flour = mine.find((r) => r[tags.indexOf('#item+name')] === 'XR-FL') as string[];
    flour[tags.indexOf('#output+quantity')] = '25';
    const before = await count('shipments');
    expect(await run('shipments', toCsv(rows))).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('shipments')).toBe(before);
    const stored = await store.owner.query(
      `SELECT sum(l.quantity)::float AS total FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id
        WHERE s.reference = 'SHP-701'`,
    );
    expect(stored.rows[0]?.total).toBe(525);
  });

  it('reports a line by its own row, and rows that contradict their shipment', async () => {
    const bad =
      'المرجع,الشحنة (بالعربية),الوجهة,المادة,الكمية,الوحدة\n' +
      'SHP-790,قافلة,SY0200,XR-FB,10,piece\n' +
      'SHP-790,قافلة,SY0200,XR-FL,-10,kg\n' +
      'SHP-790,قافلة أخرى,SY0200,XR-FL,10,kg\n';
    const plan = await importRecords(
      { ...ctx, lang: 'ar' },
      { bytes: new TextEncoder().encode(bad), fileName: 'bad.csv', resource: 'shipments', dryRun: true },
    );
    expect(plan.errors.map((e) => [e.line, e.column, e.field])).toEqual([
      [3, 'E', 'lines.quantity'],
      [4, 'B', 'titles'],
    ]);
    expect(plan.errors[1]?.message).toBe('يخالف السطر الأول الذي يحمل المرجع نفسه');
  });

  it('reports a unit its item is not counted in by row and column, and writes nothing', async () => {
    const bad =
      'Reference,Shipment (English),Item,Quantity,Unit\n' +
      'SHP-791,Unit check,XR-FB,10,piece\n' +
      'SHP-791,Unit check,XR-FL,3,litre\n' +
      'SHP-792,Unit check two,XR-FB,2,tonne\n';
    const before = await count('shipments');
    const plan = await run('shipments', bad, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.column, e.field, e.code])).toEqual([
      [3, 'E', 'lines.unit', 'unit.unknown'],
      [4, 'E', 'lines.unit', 'unit.incompatible'],
    ]);
    expect(plan.errors[0]?.message).toContain('litre');
    await expect(run('shipments', bad)).rejects.toMatchObject({ code: 'import.rows_invalid' });
    expect(await count('shipments')).toBe(before);
  });

  it('refuses new lines for a dispatched shipment on its own row', async () => {
    const csv = 'Reference,Shipment (English),Item,Quantity,Unit\nSHP-793,Sent convoy,XR-FB,10,piece\n';
    expect(await run('shipments', csv)).toMatchObject({ created: 1, errors: [] });
    const { rows } = await store.owner.query<{ id: string }>(
      `SELECT id FROM shipments WHERE reference = 'SHP-793'`,
    );
    await recordStatusEvent(ctx, shipments, rows[0]?.id as string, {
      status: 'dispatched',
      occurredOn: '2025-03-01',
    });
    const plan = await run('shipments', `${csv}SHP-793,Sent convoy,XR-FL,5,kg\n`, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [2, 'lines', 'shipment.lines_locked'],
    ]);
    // The same lines as stored are no change, and allowed.
    expect(await run('shipments', csv)).toMatchObject({ status: 'unchanged', unchanged: 1 });
  });
});

describe('meetings', () => {
  it('reads participants as a ;-separated list, and an unchanged export changes nothing', async () => {
    const csv =
      'الاجتماع (بالعربية),الاجتماع (بالإنجليزية),النوع,البداية,المكان,المشاركون,الجهات الداعية\n' +
      'اجتماع تنسيق العودة,Returns coordination,coordination_meeting,2025-06-10,Al Bab,RMX؛ لجنة المخيم,RPX\n';
    const before = await count('meetings');
    const first = await run('meetings', csv);
    expect(first).toMatchObject({ created: 1, errors: [] });
    expect(await run('meetings', csv)).toMatchObject({ unchanged: 1, status: 'unchanged' });

    const rows = await exportCsv('meetings');
    const tags = rows[1] as string[];
    const row = rows.find((r) => r[tags.indexOf('#event+name+i_en')] === 'Returns coordination') as string[];
    expect(row[tags.indexOf('#org+convener')]).toBe('RPX');
    expect((row[tags.indexOf('#org+participant')] ?? '').split('; ').sort()).toEqual(['CCX', 'RMX']);
    expect(await run('meetings', toCsv(rows))).toMatchObject({ created: 0, updated: 0, errors: [] });

    // A participant dropped from the list: the meeting is updated, not duplicated.
    const fewer = csv.replace('RMX؛ لجنة المخيم', 'RMX');
    expect(await run('meetings', fewer)).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('meetings')).toBe(before + 1);
    const stored = await store.owner.query(
      `SELECT count(*)::int AS n FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
        WHERE m.title_en = 'Returns coordination'`,
    );
    expect(stored.rows[0]?.n).toBe(2);

    // A file without the conveners' column says nothing of them: they stay.
    const onlyParticipants =
      'Meeting (English),Start,Participants\nReturns coordination,2025-06-10,RMX; CCX\n';
    expect(await run('meetings', onlyParticipants)).toMatchObject({ created: 0, updated: 1, errors: [] });
    const roles = await store.owner.query(
      `SELECT p.role, count(*)::int AS n FROM meeting_participants p JOIN meetings m ON m.id = p.meeting_id
        WHERE m.title_en = 'Returns coordination' GROUP BY p.role ORDER BY p.role`,
    );
    expect(roles.rows).toEqual([
      { role: 'convener', n: 1 },
      { role: 'participant', n: 2 },
    ]);
    expect(await run('meetings', onlyParticipants)).toMatchObject({ unchanged: 1, status: 'unchanged' });

    const bad =
      'Meeting (English),Kind,Start,Participants\nBad meeting,coordination_meeting,2025-06-11,RMX; Nobody\n';
    const plan = await run('meetings', bad, { dryRun: true });
    expect(plan.errors.map((e) => [e.line, e.column, e.code])).toEqual([[2, 'D', 'organization_not_found']]);
  });
});

describe('agreements', () => {
  it('reads parties per role and domains as lists, and matches on title and type', async () => {
    const csv =
      '#activity+name+i_en,#activity+type,#sector+domain,#org+signatory,#org+witness,#date+start\n' +
      'Crossing access arrangement,access_arrangement,customs; trade,RMX; RPX,,2025-07-01\n';
    const before = await count('agreements');
    expect(await run('agreements', csv)).toMatchObject({ created: 1, errors: [] });
    expect(await run('agreements', csv)).toMatchObject({ unchanged: 1, status: 'unchanged' });

    const rows = await exportCsv('agreements');
    const tags = rows[1] as string[];
    const row = rows.find(
      (r) => r[tags.indexOf('#activity+name+i_en')] === 'Crossing access arrangement',
    ) as string[];
    expect((row[tags.indexOf('#sector+domain')] ?? '').split('; ').sort()).toEqual(['customs', 'trade']);
    expect(await run('agreements', toCsv(rows))).toMatchObject({ created: 0, updated: 0, errors: [] });
    row[tags.indexOf('#org+witness')] = 'شريك الإغاثة';
    row[tags.indexOf('#org+signatory')] = 'RMX';
    expect(await run('agreements', toCsv(rows))).toMatchObject({ created: 0, updated: 1, errors: [] });
    expect(await count('agreements')).toBe(before + 1);
    const parties = await store.owner.query(
      `SELECT p.role, o.acronym FROM agreement_parties p JOIN agreements a ON a.id = p.agreement_id
         JOIN organizations o ON o.id = p.organization_id
        WHERE a.title_en = 'Crossing access arrangement' ORDER BY p.role`,
    );
    expect(parties.rows).toEqual([
      { role: 'signatory', acronym: 'RMX' },
      { role: 'witness', acronym: 'RPX' },
    ]);

    const bad = 'Agreement (English),Type,Domains\nBad one,mou,customs; astrology\n';
    const plan = await run('agreements', bad, { dryRun: true });
    expect(plan.errors).toEqual([
      expect.objectContaining({ line: 2, column: 'C', field: expect.stringMatching(/^domains/) }),
    ]);
  });
});

describe('templates', () => {
  it.each(['population-movements', 'distributions', 'shipments', 'meetings', 'agreements'])(
    '%s: an empty sheet with the HXL row that imports as nothing',
    async (resource) => {
      const output = new PassThrough();
      const parts: Buffer[] = [];
      output.on('data', (chunk: Buffer) => parts.push(chunk));
      await writeTemplate({ ...ctx, lang: 'ar' }, resource, output);
      output.end();
      const bytes = new Uint8Array(Buffer.concat(parts));
      const plan = await importRecords(ctx, { bytes, fileName: 't.xlsx', resource, dryRun: true });
      expect(plan).toMatchObject({ rows: 0, created: 0, errors: [], ignored: [] });
    },
  );
});
