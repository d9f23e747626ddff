import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTable, readHxl } from './reader.ts';
import {
  type Cell,
  csvCell,
  neutralizeFormula,
  restoreNeutralized,
  type WriteColumn,
  writeColumnsOf,
  writeCsv,
  writeJsonObjects,
  writeJsonRows,
} from './writer.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, '../fixtures/hxl', name));

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for await (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

async function readFixture(name: string) {
  const table = await openTable(new Uint8Array(fixture(name)));
  const rows: string[][] = [];
  for await (const row of table.rows) rows.push(row.values);
  return { columns: writeColumnsOf(table.columns), rows };
}

describe('writing what was read (libhxl TestFunctions)', () => {
  it('writes CSV with the header and hashtag rows, CRLF line ends', async () => {
    const { columns, rows } = await readFixture('input-valid.csv');
    const written = await text(writeCsv(columns, rows));
    expect(written).toBe(fixture('output-valid.csv').toString('utf8'));
  });

  it('writes JSON as arrays, headers and hashtags first', async () => {
    const { columns, rows } = await readFixture('input-valid.csv');
    const written = await text(writeJsonRows(columns, rows));
    expect(JSON.parse(written)).toEqual(JSON.parse(fixture('output-valid.json').toString('utf8')));
    expect(written.split('\n')).toHaveLength(9);
  });

  it('writes JSON as objects keyed by hashtag spec, untagged columns left out', async () => {
    const { columns, rows } = await readFixture('input-valid.csv');
    const written = await text(writeJsonObjects(columns, rows));
    expect(JSON.parse(written)).toEqual(JSON.parse(fixture('output-valid-objects.json').toString('utf8')));
  });

  it('sorts attributes in JSON object keys', async () => {
    const table = await readHxl([
      { cells: ['#sector+es+cluster'], line: 1 },
      { cells: ['Hygiene'], line: 2 },
    ]);
    const rows: string[][] = [];
    for await (const row of table.rows) rows.push(row.values);
    const written = await text(writeJsonObjects(writeColumnsOf(table.columns), rows));
    expect(JSON.parse(written)).toEqual([{ '#sector+cluster+es': 'Hygiene' }]);
  });

  it('refuses two columns with the same spec in JSON objects', async () => {
    const columns = [{ hashtag: '#org+a+b' }, { hashtag: '#org +b +a' }];
    await expect(text(writeJsonObjects(columns, [['x', 'y']]))).rejects.toMatchObject({
      code: 'exchange.duplicate_header',
      details: { header: '#org+a+b', columns: ['A', 'B'] },
    });
  });

  it('writes typed values: numbers, booleans, dates, blanks', async () => {
    const columns: WriteColumn[] = [
      { header: 'n' },
      { header: 'b' },
      { header: 'd' },
      { header: 't' },
      { header: 'e' },
    ];
    const rows: Cell[][] = [
      [-5.5, true, new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 1, 9)), null],
    ];
    expect(await text(writeCsv(columns, rows, { newline: '\n' }))).toBe(
      'n,b,d,t,e\n-5.5,true,2024-03-01,2024-03-01T09:00:00.000Z,\n',
    );
    expect(JSON.parse(await text(writeJsonRows(columns, rows, { headers: false })))).toEqual([
      [-5.5, true, '2024-03-01', '2024-03-01T09:00:00.000Z', null],
    ]);
    expect(await text(writeJsonRows(columns, [], { headers: false }))).toBe('[]\n');
    expect(await text(writeJsonObjects([{ hashtag: '#org' }], []))).toBe('[]\n');
  });
});

describe('CSV output', () => {
  it('adds a BOM for Excel, and the hashtag row only when asked or when there are hashtags', async () => {
    const columns = [{ header: 'المحافظة', hashtag: '#adm1+name' }];
    expect(await text(writeCsv(columns, [['حلب']], { bom: true }))).toBe(
      '\uFEFFالمحافظة\r\n#adm1+name\r\nحلب\r\n',
    );
    expect(await text(writeCsv(columns, [['حلب']], { hashtags: false, newline: '\n' }))).toBe(
      'المحافظة\nحلب\n',
    );
    expect(await text(writeCsv([{ header: 'x' }], [['1']], { newline: '\n' }))).toBe('x\n1\n');
    expect(
      await text(writeCsv([{ hashtag: '#org' }, { hashtag: '#adm1' }], [['a', 'b']], { newline: '\n' })),
    ).toBe('#org,#adm1\na,b\n');
  });

  it('quotes cells holding the delimiter, quotes or line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('')).toBe('');
  });

  it('reads back what it writes, through the streaming reader', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'ب', ' ', ',', ';', '"', '\n', '\r\n', '=', '-', '1', '@'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 6 }),
        fc.constantFrom(',', ';', '\t' as const),
        async (rows, delimiter) => {
          const columns = [
            { header: 'Org', hashtag: '#org' },
            { header: 'Note', hashtag: '#description' },
          ];
          const bytes = new TextEncoder().encode(
            await text(writeCsv(columns, rows, { delimiter: delimiter as ',' })),
          );
          const table = await openTable(bytes, { delimiter: delimiter as ',' });
          const read: string[][] = [];
          for await (const row of table.rows) read.push(row.values.map(restoreNeutralized));
          const blank = (r: string[]) => r.every((v) => neutralizeFormula(v).trim() === '');
          const expected = [...rows];
          while (expected.length > 0 && blank(expected[expected.length - 1] ?? [])) expected.pop();
          expect(read).toEqual(expected.map((r) => (blank(r) ? ['', ''] : r)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('streams: the first chunk comes before the rows are all produced', async () => {
    let produced = 0;
    function* rows() {
      for (let i = 0; i < 1_000_000; i++) {
        produced++;
        yield [`org ${i}`, i];
      }
    }
    const chunks = writeCsv([{ header: 'org' }, { header: 'n' }], rows());
    const first = await chunks.next();
    expect(first.done).toBe(false);
    expect(produced).toBeLessThan(10_000);
    await chunks.return(undefined);
  });
});

describe('formula injection', () => {
  it('prefixes text starting with = + - @, tab or CR', () => {
    expect(neutralizeFormula('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(neutralizeFormula('+cmd|" /C calc"!A0')).toBe('\'+cmd|" /C calc"!A0');
    expect(neutralizeFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(neutralizeFormula('@SUM(1)')).toBe("'@SUM(1)");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('\r=1')).toBe("'\r=1");
    expect(neutralizeFormula('\t5')).toBe("'\t5");
  });

  it('leaves other text and plain numbers alone', () => {
    for (const value of [
      'Aleppo',
      'حلب',
      '',
      ' =x',
      "'quoted",
      "'5",
      '-5',
      '+3.5',
      '-1,000',
      '-2.5e3',
      '5-6',
    ]) {
      expect(neutralizeFormula(value)).toBe(value);
    }
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('=1+1')).toBe("'=1+1");
  });

  it('is undone by restoreNeutralized, which changes nothing else', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '1', 'a', ' ') }),
        (value) => {
          expect(restoreNeutralized(neutralizeFormula(value))).toBe(value);
          const neutral = neutralizeFormula(value);
          if (neutral === value)
            expect(restoreNeutralized(value) === value || value.startsWith("'")).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
