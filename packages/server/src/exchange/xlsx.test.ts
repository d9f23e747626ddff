import { PassThrough } from 'node:stream';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx, buildZip, sharedStrings, sheet } from './fixtures/hxl/build-xlsx.ts';
import {
  type CellValue,
  excelSerialToIso,
  openXlsx,
  safeSheetName,
  writeXlsx,
  type XlsxColumn,
} from './xlsx.ts';
import { decodeXml } from './xml-scan.ts';
import { inflateText, readZipDirectory } from './zip.ts';

async function readRows(bytes: Uint8Array, opts: Parameters<typeof openXlsx>[1] = {}) {
  const file = await openXlsx(bytes, opts);
  const rows: { cells: string[]; line: number }[] = [];
  for await (const row of file.rows) rows.push(row);
  return { ...file, rows };
}

async function written(
  columns: XlsxColumn[],
  rows: CellValue[][],
  opts: Parameters<typeof writeXlsx>[3] = {},
): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeXlsx(out, columns, rows, opts);
  out.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  const entry = readZipDirectory(bytes, { maxEntries: 100, maxCompressionRatio: 1000 }).get(name);
  if (!entry) throw new Error(`no ${name}`);
  return inflateText(bytes, entry);
}

const expectCode = async (promise: Promise<unknown>, code: string, details: Record<string, unknown> = {}) =>
  expect(promise).rejects.toMatchObject({
    name: 'ExchangeError',
    code,
    details: expect.objectContaining(details),
  });

describe('writeXlsx and openXlsx', () => {
  const columns: XlsxColumn[] = [
    { header: 'الرمز', hashtag: '#adm2+code' },
    { header: 'الاسم', hashtag: '#adm2+name+i_ar' },
    { header: 'العدد', hashtag: '#affected' },
    { header: 'التاريخ', hashtag: '#date' },
    { header: 'مؤكد' },
    { header: 'ملاحظة' },
  ];

  it('writes what it reads back: text, numbers, dates, booleans, blanks', async () => {
    const bytes = await written(columns, [
      ['SY0200', 'جبل سمعان', 1250, new Date(Date.UTC(2024, 2, 1)), true, '=HYPERLINK("x")'],
      ['SY0202', 'الباب', -5.5, new Date(Date.UTC(2024, 2, 1, 14, 30)), false, null],
    ]);
    const { rows, sheet: name } = await readRows(bytes);
    expect(name).toBe('data');
    expect(rows.map((r) => r.cells)).toEqual([
      ['الرمز', 'الاسم', 'العدد', 'التاريخ', 'مؤكد', 'ملاحظة'],
      ['#adm2+code', '#adm2+name+i_ar', '#affected', '#date'],
      ['SY0200', 'جبل سمعان', '1250', '2024-03-01', 'true', '=HYPERLINK("x")'],
      ['SY0202', 'الباب', '-5.5', '2024-03-01T14:30:00', 'false'],
    ]);
  });

  it('keeps Arabic text whole across every chunk boundary of a large sheet', async () => {
    const text = 'مدينة دمشق، المركز — حيّ الميدان';
    const rows = Array.from({ length: 20_000 }, (_, i) => [`SY${i}`, text]);
    const { rows: read } = await readRows(await written(columns.slice(0, 2), rows));
    expect(read).toHaveLength(20_002);
    expect(read.slice(2).every((r) => r.cells[1] === text)).toBe(true);
  });

  it('writes a right-to-left sheet with bold headers frozen above the data', async () => {
    const bytes = await written(columns, [], { rightToLeft: true });
    const xml = await part(bytes, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/rightToLeft="1"/);
    expect(xml).toMatch(/<pane[^>]*ySplit="2"[^>]*state="frozen"/);
    const styles = await part(bytes, 'xl/styles.xml');
    expect(styles).toMatch(/<b\/>/);
    expect(await part(await written(columns, [], { hashtags: false }), 'xl/worksheets/sheet1.xml')).toMatch(
      /ySplit="1"/,
    );
  });

  it('adds drop-down lists: inline when short, from a hidden sheet when long', async () => {
    const pcodes = Array.from({ length: 120 }, (_, i) => `SY${String(i).padStart(4, '0')}`);
    const bytes = await written(
      [
        { header: 'الوحدة', hashtag: '#item+unit', list: ['kg', 'bag', 'carton'] },
        { header: 'الرمز', hashtag: '#adm2+code', list: pcodes },
      ],
      [],
    );
    const xml = decodeXml(await part(bytes, 'xl/worksheets/sheet1.xml'));
    expect(xml).toContain('sqref="A3:A1048576"');
    expect(xml).toContain('<formula1>"kg,bag,carton"</formula1>');
    expect(xml).toContain("<formula1>'lists'!$A$1:$A$120</formula1>");
    const workbook = await part(bytes, 'xl/workbook.xml');
    expect(workbook).toMatch(/name="lists"[^>]*state="hidden"/);
    const { rows, sheets } = await readRows(bytes, { sheet: 'lists' });
    expect(sheets).toEqual([
      { name: 'data', hidden: false },
      { name: 'lists', hidden: true },
    ]);
    expect(rows.map((r) => r.cells[0])).toEqual(pcodes);
  });

  it('drops characters XML cannot hold and refuses cells Excel cannot hold', async () => {
    const { rows } = await readRows(await written([{ header: 'a' }], [['bell\u0007 ok\u0000']]));
    expect(rows[1]?.cells).toEqual(['bell ok']);
    await expectCode(written([{ header: 'a' }], [['x'.repeat(40_000)]]), 'exchange.cell_too_large', {
      line: 2,
      column: 'A',
      limit: 32_767,
    });
  });

  it('stores formula-like text as text, neutralized on request', async () => {
    const plain = await readRows(await written([{ header: 'a' }], [['=1+1'], ['-5']]));
    expect(plain.rows.slice(1).map((r) => r.cells)).toEqual([['=1+1'], ['-5']]);
    const xml = await part(await written([{ header: 'a' }], [['=1+1']]), 'xl/worksheets/sheet1.xml');
    expect(xml).not.toContain('<f>');
    const neutral = await readRows(
      await written([{ header: 'a' }], [['=1+1'], ['-5']], { neutralizeFormulas: true }),
    );
    expect(neutral.rows.slice(1).map((r) => r.cells)).toEqual([["'=1+1"], ['-5']]);
  });

  it('makes sheet names Excel accepts', () => {
    expect(safeSheetName('2024/03: Aleppo [draft]')).toBe('2024 03  Aleppo  draft');
    expect(safeSheetName('')).toBe('Sheet1');
    expect(safeSheetName('x'.repeat(40))).toHaveLength(31);
  });
});

describe('openXlsx on workbooks from other programs', () => {
  it('reads shared strings, rich text, formulas’ cached results, dates, hyperlinks and merged cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('التوزيع');
    ws.addRow(['', 'ماذا؟', '', 'أين؟']);
    ws.mergeCells('B1:C1');
    ws.addRow(['Record', 'Sector', 'Qty', 'Governorate', 'Date', 'Total', 'Link']);
    ws.addRow(['', '#sector', '#item+qty', '#adm1+name', '#date', '#value', '#meta+url']);
    ws.addRow([
      '001',
      { richText: [{ text: 'المياه ' }, { font: { bold: true }, text: 'والصرف الصحي' }] },
      12,
      'Aleppo',
      new Date(Date.UTC(2024, 0, 31)),
      { formula: 'C4*2', result: 24 },
      { text: 'report', hyperlink: 'https://example.org/r' },
    ]);
    ws.getCell('E4').numFmt = 'dd/mm/yyyy';
    ws.addRow(['002', 'الصحة', 0.1, 'Idleb', null, { formula: 'C5&"x"', result: '0.1x' }]);
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { rows, sheet: name } = await readRows(buffer);
    expect(name).toBe('التوزيع');
    expect(rows.map((r) => r.cells)).toEqual([
      ['', 'ماذا؟', '', 'أين؟'],
      ['Record', 'Sector', 'Qty', 'Governorate', 'Date', 'Total', 'Link'],
      ['', '#sector', '#item+qty', '#adm1+name', '#date', '#value', '#meta+url'],
      ['001', 'المياه والصرف الصحي', '12', 'Aleppo', '2024-01-31', '24', 'report'],
      ['002', 'الصحة', '0.1', 'Idleb', '', '0.1x'],
    ]);
  });

  it('reads inline strings, prefixed namespaces, cells without references and escaped characters', async () => {
    const rows = `
      <x:row r="1"><x:c t="inlineStr"><x:is><x:t>line&#10;break &amp; more</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>a</x:t></x:r><x:r><x:t>b</x:t></x:r></x:is></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>
      <x:row><x:c t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="d"><x:v>2024-05-06T00:00:00Z</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>cached</x:v></x:c><x:c><x:v><![CDATA[42]]></x:v></x:c></x:row>`;
    const bytes = buildXlsx({
      sheets: { Data: sheet(rows, 'x') },
      sharedStrings: `<sst xmlns="x"><si><t>cr_x000D_here</t><rPh sb="0" eb="1"><t>ふりがな</t></rPh></si></sst>`,
    });
    expect((await readRows(bytes)).rows).toEqual([
      { cells: ['line\nbreak & more', 'ab', 'cr\rhere'], line: 1 },
      { cells: ['true', '#N/A', '2024-05-06', 'cached', '42'], line: 2 },
    ]);
  });

  it('reads dates by their cell style: built-in and custom formats, times, the 1904 system', async () => {
    const styles = `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="[$-ar-SY]d mmmm yyyy"/><numFmt numFmtId="165" formatCode="&quot;kg&quot; 0.00"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="20"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const rows = `<row r="1"><c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352.75</v></c><c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>45352</v></c><c r="E1"><v>45352</v></c></row>`;
    expect((await readRows(buildXlsx({ sheets: { s: sheet(rows) }, styles }))).rows[0]?.cells).toEqual([
      '2024-03-01',
      '2024-03-01T18:00:00',
      '12:00:00',
      '45352',
      '45352',
    ]);
    const in1904 = await readRows(buildXlsx({ sheets: { s: sheet(rows) }, styles, date1904: true }));
    expect(in1904.rows[0]?.cells[0]).toBe('2028-03-02');
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
  });

  it('keeps rows Excel left out as blank rows, and fills skipped cells', async () => {
    const rows =
      '<row r="1"><c r="C1" t="inlineStr"><is><t>c</t></is></c></row><row r="4"><c r="B4"><v>2</v></c></row>';
    expect((await readRows(buildXlsx({ sheets: { s: sheet(rows) } }))).rows).toEqual([
      { cells: ['', '', 'c'], line: 1 },
      { cells: [], line: 2 },
      { cells: [], line: 3 },
      { cells: ['', '2'], line: 4 },
    ]);
  });

  it('opens the first visible sheet, or the one named or numbered', async () => {
    const one = (v: string) => sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row>`);
    const bytes = buildXlsx({
      sheets: { hiddenLists: one('lists'), Data: one('data'), More: one('more') },
      hidden: ['hiddenLists'],
    });
    expect((await readRows(bytes)).rows[0]?.cells).toEqual(['data']);
    expect((await readRows(bytes, { sheet: 'more' })).rows[0]?.cells).toEqual(['more']);
    expect((await readRows(bytes, { sheet: 0 })).rows[0]?.cells).toEqual(['lists']);
    await expectCode(openXlsx(bytes, { sheet: 100 }), 'exchange.sheet_not_found', {
      sheet: '100',
      sheets: ['hiddenLists', 'Data', 'More'],
    });
    await expectCode(openXlsx(bytes, { sheet: 'Summary' }), 'exchange.sheet_not_found');
  });
});

describe('openXlsx on damaged and hostile files', () => {
  const good = buildXlsx({ sheets: { s: sheet('<row r="1"><c r="A1"><v>1</v></c></row>') } });

  it('refuses a truncated file before reading anything', async () => {
    for (const at of [10, good.length / 2, good.length - 5]) {
      await expectCode(openXlsx(good.subarray(0, Math.floor(at))), 'exchange.malformed_xlsx', {
        reason: 'truncated',
      });
    }
  });

  it('refuses a zip that is not a workbook, and bytes that are not a zip', async () => {
    await expectCode(
      openXlsx(buildZip([{ name: 'word/document.xml', data: '<w/>' }])),
      'exchange.unsupported_format',
      {
        format: 'zip',
      },
    );
    await expectCode(openXlsx(new TextEncoder().encode('a,b\n1,2\n')), 'exchange.malformed_xlsx', {
      reason: 'truncated',
    });
  });

  it('refuses a zip bomb by its compression ratio, without inflating it', async () => {
    const bomb = buildXlsx({
      sheets: { s: sheet(`<row r="1"><c r="A1"><v>${'0'.repeat(8 * 1024 * 1024)}</v></c></row>`) },
    });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expectCode(openXlsx(bomb), 'exchange.malformed_xlsx', { reason: 'zip_bomb' });
  });

  it('refuses a sheet larger than the uncompressed bound', async () => {
    await expectCode(openXlsx(good, { maxUncompressedBytes: 20 }), 'exchange.too_large', { limit: 20 });
    await expectCode(openXlsx(good, { maxBytes: 100 }), 'exchange.too_large', { limit: 100 });
  });

  it('stops at the declared size when an entry inflates to more', async () => {
    const data = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const lying = buildXlsx({
      sheets: { s: data },
      extra: [{ name: 'xl/worksheets/sheet1.xml', data, declaredSize: 40 }],
    });
    await expectCode(readRows(lying), 'exchange.malformed_xlsx', { reason: 'size_mismatch' });
  });

  it('checks each entry’s CRC-32', async () => {
    const data = sheet('<row r="1"><c r="A1"><v>1</v></c></row>');
    const bad = buildXlsx({
      sheets: { s: data },
      extra: [{ name: 'xl/worksheets/sheet1.xml', data, crc: 12345 }],
    });
    await expectCode(readRows(bad), 'exchange.malformed_xlsx', { reason: 'crc_mismatch' });
  });

  it('refuses encrypted and overlapping entries', async () => {
    const encrypted = good.slice();
    const view = new DataView(encrypted.buffer);
    for (let i = 0; i < encrypted.length - 4; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    await expectCode(openXlsx(encrypted), 'exchange.malformed_xlsx', { reason: 'encrypted' });

    const overlapping = good.slice();
    const o = new DataView(overlapping.buffer);
    const centrals: number[] = [];
    for (let i = 0; i < overlapping.length - 4; i++)
      if (o.getUint32(i, true) === 0x02014b50) centrals.push(i);
    const [first = 0, second = 0] = centrals;
    o.setUint32(second + 42, o.getUint32(first + 42, true), true);
    await expectCode(openXlsx(overlapping), 'exchange.malformed_xlsx');
  });

  it('refuses a DTD, broken XML and invalid UTF-8 in a sheet', async () => {
    const doctype = buildXlsx({ sheets: { s: `<!DOCTYPE x [<!ENTITY a "aaaa">]>${sheet('')}` } });
    await expectCode(readRows(doctype), 'exchange.malformed_xlsx', { reason: 'doctype' });
    const broken = buildXlsx({ sheets: { s: '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>' } });
    await expectCode(readRows(broken), 'exchange.malformed_xlsx', { reason: 'truncated_xml' });
    const latin = buildXlsx({
      sheets: { s: new Uint8Array([...new TextEncoder().encode('<worksheet><sheetData>'), 0xe9]) },
    });
    await expectCode(readRows(latin), 'exchange.malformed_xlsx', { reason: 'invalid_utf8' });
  });

  it('refuses rows out of order, bad references and unknown shared strings', async () => {
    const cases: [string, string][] = [
      ['<row r="2"/><row r="1"/>', 'bad_row_number'],
      ['<row r="1"><c r="1A"><v>1</v></c></row>', 'bad_cell_reference'],
      ['<row r="1"><c r="ZZZZ1"><v>1</v></c></row>', 'bad_cell_reference'],
      ['<row r="1"><c r="A1" t="s"><v>7</v></c></row>', 'bad_shared_string'],
    ];
    for (const [rows, reason] of cases) {
      await expectCode(
        readRows(buildXlsx({ sheets: { s: sheet(rows) }, sharedStrings: sharedStrings(['a']) })),
        'exchange.malformed_xlsx',
        {
          reason,
        },
      );
    }
  });

  it('applies the cell, column, row and shared-strings limits', async () => {
    const long = buildXlsx({
      sheets: { s: sheet(`<row r="3"><c r="B3" t="inlineStr"><is><t>${'x'.repeat(200)}</t></is></c></row>`) },
    });
    await expectCode(readRows(long, { maxCellChars: 100 }), 'exchange.cell_too_large', {
      line: 3,
      column: 'B',
      limit: 100,
    });
    const wide = buildXlsx({ sheets: { s: sheet('<row r="1"><c r="K1"><v>1</v></c></row>') } });
    await expectCode(readRows(wide, { maxColumns: 10 }), 'exchange.too_many_columns', { line: 1, limit: 10 });
    const tall = buildXlsx({ sheets: { s: sheet('<row r="1000"/>') } });
    await expectCode(readRows(tall, { maxRows: 500 }), 'exchange.too_many_rows', { limit: 500 });
    const strings = buildXlsx({ sheets: { s: sheet('') }, sharedStrings: sharedStrings(['a'.repeat(1000)]) });
    await expectCode(openXlsx(strings, { maxSharedStringsBytes: 500 }), 'exchange.too_large', { limit: 500 });
  });

  it('reads a stored (uncompressed) part as well as a deflated one', async () => {
    const data = sheet('<row r="1"><c r="A1"><v>7</v></c></row>');
    const stored = buildXlsx({
      sheets: { s: data },
      extra: [{ name: 'xl/worksheets/sheet1.xml', data, store: true }],
    });
    expect((await readRows(stored)).rows[0]?.cells).toEqual(['7']);
    expect(zlib.crc32('x')).toBeTypeOf('number');
  });
});
