// Bounded fuzzing of the readers: whatever the bytes, opening and reading a table ends, quickly,
// with rows or with an ExchangeError — never another exception, never a hang. The bench runs the
// same properties with many more cases.

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildXlsx, buildZip, sharedStrings, sheet } from '../fixtures/hxl/build-xlsx.ts';
import { ExchangeError } from '../source.ts';
import { writeXlsx } from '../xlsx.ts';
import { openTable } from './reader.ts';

const limits = { maxCellChars: 200, maxColumns: 40, maxRows: 500, maxRowChars: 2_000 };
// Per case: generous for a slow CI machine, far below what a hang would take.
const CASE_MS = 2_000;

/** Reads the whole table; returns the error code, or 'ok'. Any non-ExchangeError fails the property. */
async function readAll(bytes: Uint8Array, opts: Parameters<typeof openTable>[1] = {}): Promise<string> {
  const started = performance.now();
  try {
    const table = await openTable(bytes, { ...limits, ...opts });
    for await (const _row of table.rows) {
      // drain
    }
    return 'ok';
  } catch (error) {
    if (!(error instanceof ExchangeError)) throw error;
    return error.code;
  } finally {
    expect(performance.now() - started).toBeLessThan(CASE_MS);
  }
}

const csvToken = fc.oneof(
  fc.constantFrom(
    ',',
    ';',
    '\t',
    '"',
    '""',
    '\n',
    '\r',
    '\r\n',
    '#',
    '#adm1',
    '#org+name',
    '+',
    ' ',
    '=',
    'x',
    'حلب',
    '١٢',
  ),
  fc.string({ maxLength: 8 }),
  fc.constant('y'.repeat(300)),
);
const csvText = fc.array(csvToken, { maxLength: 200 }).map((tokens) => tokens.join(''));

const encodings = fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', 'broken');

function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'utf-16le':
      return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);
    case 'windows-1252':
      return new Uint8Array(Buffer.from(text, 'latin1'));
    case 'broken': {
      const bytes = new TextEncoder().encode(text);
      return bytes.length > 3 ? new Uint8Array([...bytes.subarray(0, 3), 0xff, ...bytes.subarray(3)]) : bytes;
    }
    default:
      return new TextEncoder().encode(text);
  }
}

describe('fuzzing CSV input', () => {
  it('reads generated CSV text in every encoding, or refuses it with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, encodings, async (text, encoding) => {
        await readAll(encode(text, encoding), { fileName: 'f.csv' });
      }),
      { numRuns: 300 },
    );
  });

  it('reads arbitrary bytes, or refuses them with a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        await readAll(bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('enforces the cell limit on an enormous cell', async () => {
    expect(await readAll(new TextEncoder().encode(`#org\n"${'x'.repeat(10_000)}"\n`))).toBe(
      'exchange.cell_too_large',
    );
  });
});

async function xlsxOf(rows: (string | number | Date)[][]): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeXlsx(
    out,
    [
      { header: 'Org', hashtag: '#org', list: ['a', 'b'] },
      { header: 'Qty', hashtag: '#value' },
    ],
    rows,
  );
  out.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('fuzzing XLSX input', () => {
  const bases: Uint8Array[] = [];
  beforeAll(async () => {
    bases.push(await xlsxOf(Array.from({ length: 40 }, (_, i) => [`منظمة ${i}`, i])));
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('s');
    ws.addRows([
      ['Org', 'Date'],
      ['#org', '#date'],
      ['UNHCR', new Date(Date.UTC(2024, 0, 1))],
      ['WFP', { formula: '1+1', result: 2 }],
    ]);
    bases.push(new Uint8Array(await workbook.xlsx.writeBuffer()));
    bases.push(
      buildXlsx({
        sheets: {
          s: sheet(
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>#adm1</t></is></c></row>',
          ),
        },
        sharedStrings: sharedStrings(['#org']),
      }),
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 8 }),
      value: fc.integer({ min: 0, max: 255 }),
    }),
    fc.record({
      kind: fc.constant('overwrite' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  );

  type Mutation =
    | { kind: 'truncate'; at: number }
    | { kind: 'flip'; at: number[]; value: number }
    | { kind: 'overwrite'; at: number; bytes: Uint8Array };

  function mutate(base: Uint8Array, m: Mutation): Uint8Array {
    const bytes = base.slice();
    const pos = (x: number) => Math.min(bytes.length - 1, Math.floor(x * bytes.length));
    if (m.kind === 'truncate') return bytes.subarray(0, pos(m.at));
    if (m.kind === 'flip') {
      for (const at of m.at) bytes[pos(at)] = m.value ^ (bytes[pos(at)] ?? 0);
      return bytes;
    }
    bytes.set(m.bytes.subarray(0, bytes.length - pos(m.at)), pos(m.at));
    return bytes;
  }

  it('refuses damaged workbooks with a typed error, or reads them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(2), mutation, async (which, m) => {
        const base = bases[which] ?? new Uint8Array(0);
        await readAll(mutate(base, m), { fileName: 'f.xlsx' });
      }),
      { numRuns: 300 },
    );
  });

  const xmlToken = fc.constantFrom(
    '<row r="1">',
    '<row r="2">',
    '<row>',
    '</row>',
    '<c r="A1" t="s">',
    '<c r="B2" t="inlineStr">',
    '<c t="b">',
    '<c r="XFD1">',
    '<c s="9">',
    '</c>',
    '<v>',
    '</v>',
    '<is><t>',
    '</t></is>',
    '0',
    '1e308',
    '#org',
    'حلب',
    '&amp;',
    '&#0;',
    '&bogus;',
    '<![CDATA[x]]>',
    '<!-- c -->',
    '<?pi?>',
    '<',
    '>',
    '"',
    "'",
    '</sheetData>',
    '<sheetData>',
  );

  it('refuses malformed sheet XML with a typed error, or reads it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xmlToken, { maxLength: 60 }), fc.boolean(), async (tokens, wrapped) => {
        const body = tokens.join('');
        const xml = wrapped ? sheet(body) : body;
        await readAll(buildXlsx({ sheets: { s: xml }, sharedStrings: sharedStrings(['a']) }));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses zip bombs and lying sizes without inflating them', async () => {
    const zeros = sheet(`<row r="1"><c r="A1"><v>${'0'.repeat(4 * 1024 * 1024)}</v></c></row>`);
    expect(await readAll(buildXlsx({ sheets: { s: zeros } }))).toBe('exchange.malformed_xlsx');
    const huge = buildXlsx({
      sheets: { s: sheet('') },
      extra: [{ name: 'xl/worksheets/sheet1.xml', data: sheet(''), declaredSize: 0xfffffff0 }],
    });
    expect(await readAll(huge)).toBe('exchange.too_large');
    const nested = buildZip([{ name: 'inner.xlsx', data: buildXlsx({ sheets: { s: zeros } }) }]);
    expect(await readAll(nested)).toBe('exchange.unsupported_format');
  });
});
