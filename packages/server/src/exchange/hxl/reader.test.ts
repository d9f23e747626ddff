import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv.ts';
import { buildZip } from '../fixtures/hxl/build-xlsx.ts';
import type { SourceRow } from '../source.ts';
import { displayTag, getValue } from './model.ts';
import { type HxlTable, isHashtagRow, jsonRows, openTable, readHxl, tagByHeader } from './reader.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../../..');
const sharedData = path.resolve(process.env.TANSIQ_SHARED_DIR ?? path.join(repoRoot, '../shared'), 'data');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(here, '../fixtures/hxl', name)));
const fixtureText = (name: string) => readFileSync(path.join(here, '../fixtures/hxl', name), 'utf8');
const rows = (table: string[][]): SourceRow[] => table.map((cells, i) => ({ cells, line: i + 1 }));

async function values(table: HxlTable): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of table.rows) out.push(row.values);
  return out;
}

// The table every input-valid fixture holds (CSV, TSV, SSV, JSON, XLSX), as libhxl's test files do.
const EXPECTED_HEADERS = [
  'Record',
  'Sector/Cluster',
  'Subsector',
  'Organisation',
  'Men',
  'Women',
  'Governorate',
  'District',
  null,
];
const EXPECTED_TAGS = [
  null,
  '#sector',
  '#subsector',
  '#org',
  '#targeted',
  '#targeted',
  '#adm1',
  '#adm2',
  '#date',
];
const EXPECTED_ATTRIBUTES = [[], ['ar'], ['ar'], ['ar'], ['m'], ['f'], ['name'], ['name'], ['reported']];
const EXPECTED_CONTENT = [
  [
    '001',
    'المياه والصرف الصحي',
    'النظافة',
    'الهلال الأحمر',
    '100',
    '120',
    'Aleppo',
    'Al Bab',
    '1 March 2024',
  ],
  ['002', 'الصحة', 'التلقيح', 'منظمة الصحة العالمية', '', '', 'Idleb', 'Harim', ''],
  ['003', 'التعليم', 'تدريب المعلمين', 'يونيسف', '250', '300', 'Idleb', 'Ariha', ''],
  ['004', 'المياه والصرف الصحي', 'حضري', 'منظمة الصحة العالمية', '80', '95', 'Deir-ez-Zor', 'Al Mayadin', ''],
];

async function validXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('hxl');
  for (const row of parseCsv(fixtureText('input-valid.csv'))) {
    sheet.addRow(row.map((cell) => (/^[1-9]\d*$/.test(cell) ? Number(cell) : cell)));
  }
  sheet.mergeCells('B1:C1');
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function expectValidTable(table: HxlTable): Promise<void> {
  expect(table.hxl).toBe(true);
  expect(table.columns.map((c) => c.header)).toEqual(EXPECTED_HEADERS);
  expect(table.columns.map((c) => c.tag)).toEqual(EXPECTED_TAGS);
  expect(table.columns.map((c) => c.attributes)).toEqual(EXPECTED_ATTRIBUTES);
  expect(await values(table)).toEqual(EXPECTED_CONTENT);
}

describe('hashtag row detection', () => {
  it('needs at least one valid hashtag among the non-empty cells, and at least half of them', () => {
    expect(isHashtagRow(['#org', '', '#adm1'])).toBe(true);
    expect(isHashtagRow(['#org', 'notes'])).toBe(true);
    expect(isHashtagRow(['#org', 'notes', 'more'])).toBe(false);
    expect(isHashtagRow(['#org+', '#1x'])).toBe(false);
    expect(isHashtagRow(['', ' '])).toBe(false);
    expect(isHashtagRow([])).toBe(false);
  });

  it('finds the hashtag row among the first 25 rows, not after', async () => {
    const filler = Array.from({ length: 23 }, (_, i) => [`note ${i}`]);
    const at24 = await readHxl(rows([...filler, ['Org'], ['#org'], ['UNICEF']]));
    expect(at24).toMatchObject({ hxl: true, hashtagLine: 25, headerLine: 24 });
    const at26 = await readHxl(rows([...filler, ['Org'], ['x'], ['#org'], ['UNICEF']]));
    expect(at26.hxl).toBe(false);
  });

  it('takes the header from the row just above the hashtags, whatever precedes it', async () => {
    const table = await readHxl(
      rows(
        fixtureText('input-multiple-headers.csv')
          .trim()
          .split('\n')
          .map((l) => l.split(',')),
      ),
    );
    expect(table.columns.map((c) => c.header)).toEqual([
      'Org',
      'No hashtag',
      'Governorate',
      'Number affected',
    ]);
    expect(table.columns.map(displayTag)).toEqual(['#org', null, '#adm1', '#affected']);
    expect(table.untagged).toEqual([1]);
  });
});

describe('reading HXL (libhxl test_input, TestParser)', () => {
  it('reads a CSV fixture: row count, headers, tags, attributes, columns, content', async () => {
    await expectValidTable(await openTable(fixture('input-valid.csv')));
  });

  it('reads tab- and semicolon-separated files', async () => {
    for (const name of ['input-valid.tsv', 'input-valid.ssv']) {
      const table = await openTable(fixture(name), { fileName: name });
      expect(table.delimiter).toBe(name.endsWith('.tsv') ? '\t' : ';');
      await expectValidTable(table);
    }
  });

  it('gives every data row one value per column', async () => {
    for (const row of await values(await openTable(fixture('input-valid.csv'))))
      expect(row).toHaveLength(EXPECTED_TAGS.length);
  });

  it('reads Windows-1252 (Latin-1) without being told, and when told', async () => {
    for (const encoding of [undefined, 'windows-1252'] as const) {
      const table = await openTable(fixture('input-valid-windows1252.csv'), encoding ? { encoding } : {});
      expect(table.columns.map((c) => c.tag)).toEqual(['#sector', '#org', '#adm1', '#reached']);
      expect(table.columns[3]?.header).toBe('Bénéficiaires');
      expect((await values(table))[1]).toEqual(['Éducation', 'Première Urgence', 'Déir ez-Zor', '300']);
      expect(table.encoding).toBe('windows-1252');
    }
  });

  it('reads UTF-16 files with a BOM', async () => {
    const text = fixtureText('input-valid.csv');
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    await expectValidTable(await openTable(le));
  });

  it('reads JSON arrays and JSON objects, with or without a .json name', async () => {
    await expectValidTable(await openTable(fixture('input-valid.json')));
    await expectValidTable(await openTable(fixture('input-valid.json'), { fileName: 'export.txt' }));
    const objects = await openTable(fixture('input-valid-objects.json'));
    expect(objects.hxl).toBe(true);
    expect(objects.columns.map((c) => c.tag)).toEqual(EXPECTED_TAGS.slice(1));
    expect(await values(objects)).toEqual(EXPECTED_CONTENT.map((r) => r.slice(1)));
  });

  it('reads an XLSX workbook, also under a wrong extension, without expanding merged cells', async () => {
    const bytes = await validXlsx();
    await expectValidTable(await openTable(bytes, { fileName: 'input.xlsx' }));
    const renamed = await openTable(bytes, { fileName: 'input.NOEXT' });
    expect(renamed).toMatchObject({ format: 'xlsx', sheet: 'hxl' });
    const titleRow = await openTable(bytes, { scanRows: 1, allowDuplicateHeaders: true });
    expect(titleRow.columns.slice(0, 3).map((c) => c.header)).toEqual([null, 'ماذا؟', null]);
  });

  it('refuses a sheet that is not there', async () => {
    await expect(openTable(await validXlsx(), { sheet: 100 })).rejects.toMatchObject({
      code: 'exchange.sheet_not_found',
    });
  });

  it('reads a multi-line quoted cell', async () => {
    const table = await openTable(fixture('input-multiline.csv'));
    for await (const row of table.rows) {
      expect(getValue(table.columns, row.values, 'description')).toBe(
        'السطر الأول\nالسطر الثاني\nالسطر الثالث',
      );
    }
  });

  it('still reads an imperfect hashtag row, reporting the broken cells', async () => {
    const table = await openTable(fixture('input-fuzzy.csv'));
    expect(table.hxl).toBe(true);
    expect(table.columns.map((c) => c.tag)).toEqual([
      '#sector',
      null,
      '#org',
      null,
      '#targeted',
      null,
      '#adm2',
      '#date',
    ]);
    expect(table.invalidHashtags).toEqual([
      { column: 1, letter: 'B', text: '#subsector+', reason: 'malformed' },
      { column: 3, letter: 'D', text: '#1targeted', reason: 'malformed' },
      { column: 5, letter: 'F', text: 'governorate', reason: 'not_a_hashtag' },
    ]);
    expect(table.untagged).toEqual([1, 3, 5]);
    expect(table.columns[5]?.header).toBe('Gov');
  });

  it('reads a file without a hashtag row by its headers (libhxl raises instead)', async () => {
    const table = await openTable(fixture('input-invalid.csv'));
    expect(table.hxl).toBe(false);
    expect(table.hashtagLine).toBeNull();
    expect(table.headerLine).toBe(1);
    expect(table.columns.map((c) => c.header)).toEqual([
      null,
      'ماذا؟',
      null,
      'من؟',
      'لمن؟',
      null,
      'أين؟',
      null,
      'متى؟',
    ]);
    expect(table.columns.every((c) => c.tag === null)).toBe(true);
    expect(await values(table)).toHaveLength(6);
  });

  it('accepts an empty row above the header', async () => {
    const table = await readHxl(rows([[], ['X', 'Y'], ['#adm1', '#affected'], ['Aleppo', '100']]));
    expect(table.columns.map((c) => c.header)).toEqual(['X', 'Y']);
  });

  it('reads from bytes in memory', async () => {
    const table = await openTable(new TextEncoder().encode('#org\nOrg A'));
    expect(table.columns.map((c) => c.tag)).toEqual(['#org']);
  });

  it('knows where each row and column came from', async () => {
    const table = await openTable(fixture('input-multiple-headers.csv'));
    const read = [];
    for await (const row of table.rows) read.push(row);
    expect(read.map((r) => r.line)).toEqual([4, 5]);
    expect(table.columns.map((c) => c.index)).toEqual([0, 1, 2, 3]);
    expect(read[0]?.values).toEqual(['Org X', 'xxx', 'Hama', ' 100']);
  });

  it('reads the shared OCHA p-code tables', async () => {
    const table = await openTable(
      new Uint8Array(readFileSync(path.join(sharedData, 'syria-adm2-pcodes.csv'))),
    );
    expect(table.columns.map(displayTag)).toEqual([
      '#adm2+code',
      '#adm2+name+i_en',
      '#adm2+name+i_ar',
      '#adm1+code',
      '#adm1+name+i_en',
      '#date+start',
    ]);
    const data = await values(table);
    expect(data).toHaveLength(62);
    expect(getValue(table.columns, data[0] ?? [], '#adm2+name+i_ar')).toBe('مدينة دمشق');
    const adm1 = await openTable(
      new Uint8Array(readFileSync(path.join(sharedData, 'syria-adm1-pcodes.csv'))),
    );
    expect(adm1.untagged).toEqual([3]);
    expect(adm1.columns[3]?.header).toBe('ISO 3166-2');
  });
});

describe('reading rows (libhxl TestUntaggedInput, TestFunctions)', () => {
  it('gives the rows of untagged JSON as they are', async () => {
    const raw = jsonRows(fixtureText('input-untagged.json')).map((r) => r.cells);
    expect(raw.slice(1)).toEqual([EXPECTED_HEADERS.slice(0, 8), ...EXPECTED_CONTENT]);
    const table = await openTable(fixture('input-untagged.json'));
    expect(table.hxl).toBe(false);
  });

  it('writes a nested cell as JSON text, and refuses one nested deeper than a cell should be', () => {
    expect(jsonRows('[["#org", "#meta"], ["A", {"list": [1, 2]}]]')[1]?.cells).toEqual([
      'A',
      '{"list":[1,2]}',
    ]);
    // Deep enough to overflow the stack when written back as text, were it not refused first.
    const deep = `[["#org"], [${'['.repeat(6000)}${']'.repeat(6000)}]]`;
    expect(() => jsonRows(deep)).toThrow(expect.objectContaining({ code: 'exchange.malformed_json' }));
  });

  it('turns the keys of untagged JSON objects into the header row', async () => {
    const raw = jsonRows(fixtureText('input-untagged-objects.json')).map((r) => r.cells);
    expect(raw).toEqual([EXPECTED_HEADERS.slice(0, 8), ...EXPECTED_CONTENT.map((r) => r.slice(0, 8))]);
    const table = await openTable(fixture('input-untagged-objects.json'));
    expect(table).toMatchObject({ hxl: false, headerLine: 1 });
    expect(await values(table)).toHaveLength(4);
  });

  it('tags an untagged table from its headers', async () => {
    const DATA_UNTAGGED = [
      ['District', 'Sector', 'Organisation'],
      ['Coast', 'Health', 'NGO A'],
      ['Plains', 'Education', 'NGO B'],
    ];
    const table = await readHxl(rows(DATA_UNTAGGED));
    const tagged = tagByHeader(table.columns, { district: '#adm1', 'organisation ': '#org' });
    expect(tagged.map(displayTag)).toEqual(['#adm1', null, '#org']);
    expect(tagByHeader(table.columns, { Organ: '#org' }).map(displayTag)).toEqual([null, null, '#org']);
    expect(tagByHeader(table.columns, { Organ: '#org' }, { matchAll: true }).map(displayTag)).toEqual([
      null,
      null,
      null,
    ]);
    expect(await values(table)).toEqual(DATA_UNTAGGED.slice(1));
    expect(() => tagByHeader(table.columns, { District: 'adm1' })).toThrow(RangeError);
  });
});

describe('reading: shapes and refusals', () => {
  it('pads short rows, reports cells beyond the last column, drops trailing blank rows', async () => {
    const table = await readHxl(
      rows([['Org', 'Gov'], ['#org', '#adm1'], ['A'], [], ['B', 'Homs', '', 'extra', ''], [''], [' ', '']]),
    );
    const read = [];
    for await (const row of table.rows) read.push(row);
    expect(read).toEqual([
      { values: ['A', ''], line: 3 },
      { values: ['', ''], line: 4 },
      { values: ['B', 'Homs'], line: 5, overflow: ['', 'extra'] },
    ]);
  });

  it('refuses a file with no header, and duplicate headers without hashtags', async () => {
    await expect(openTable(new TextEncoder().encode('\n\n , \n'))).rejects.toMatchObject({
      code: 'exchange.no_header',
    });
    await expect(openTable(new Uint8Array(0))).rejects.toMatchObject({ code: 'exchange.no_header' });
    await expect(openTable(new TextEncoder().encode('Name,Org,name \nx,y,z\n'))).rejects.toMatchObject({
      code: 'exchange.duplicate_header',
      details: { header: 'name', columns: ['A', 'C'] },
    });
    const allowed = await openTable(new TextEncoder().encode('Name,name\nx,y\n'), {
      allowDuplicateHeaders: true,
    });
    expect(allowed.columns).toHaveLength(2);
    const tagged = await openTable(new TextEncoder().encode('Men,Men\n#targeted+m,#targeted+m\n1,2\n'));
    expect(tagged.hxl).toBe(true);
  });

  it('refuses legacy XLS, HTML pages, images and zips that are not workbooks', async () => {
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'xls'],
      [new TextEncoder().encode('<!DOCTYPE html><html><body>Sign in</body></html>'), 'html'],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image'],
      [buildZip([{ name: 'data.csv', data: '#org\nA\n' }]), 'zip'],
    ];
    for (const [bytes, format] of cases) {
      await expect(openTable(bytes)).rejects.toMatchObject({
        code: 'exchange.unsupported_format',
        details: { format },
      });
    }
    await expect(openTable(new TextEncoder().encode('#org\nA'), { format: 'xlsx' })).rejects.toMatchObject({
      code: 'exchange.malformed_xlsx',
    });
  });

  it('refuses JSON that is neither rows nor objects', async () => {
    for (const [text, reason] of [
      ['[["#org"], {"#org": 1}]', 'mixed_rows'],
      ['{"#org": "A"}', 'not_an_array'],
      ['[["#org"]', 'syntax'],
    ]) {
      await expect(openTable(new TextEncoder().encode(text))).rejects.toMatchObject({
        code: 'exchange.malformed_json',
        details: { reason },
      });
    }
  });

  it('streams rows from chunks without reading ahead', async () => {
    let produced = 0;
    async function* source() {
      yield new TextEncoder().encode('Org,Qty\n#org,#value\n');
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield new TextEncoder().encode(`org ${i},${i}\n`);
      }
    }
    const table = await openTable(source(), { fileName: 'big.csv' });
    let seen = 0;
    for await (const row of table.rows) {
      seen++;
      if (seen === 10) {
        expect(row.values).toEqual(['org 9', '9']);
        break;
      }
    }
    expect(produced).toBeLessThan(20_000);
  });
});
