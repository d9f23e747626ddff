import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CsvParser,
  CsvSyntaxError,
  detectDelimiter,
  openCsv,
  parseCsv,
  parseCsvWithLines,
  sniffDelimiter,
} from './csv.ts';
import { ExchangeError } from './source.ts';

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('name;note, with comma;code')).toBe(';');
  });

  it('ignores delimiters inside quotes and after the first line', () => {
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(detectDelimiter('a;b\nc,d,e,f')).toBe(';');
  });

  it('falls back to a comma', () => {
    expect(detectDelimiter('single')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
    expect(detectDelimiter('a,b;c')).toBe(',');
  });
});

describe('parseCsv', () => {
  it('splits rows and cells', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('handles CRLF, CR and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps empty cells and empty lines', () => {
    expect(parseCsv(',a,\n\nb,,')).toEqual([['', 'a', ''], [''], ['b', '', '']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(parseCsv('"a,1","say ""hi""","two\nlines"\r\nx,"",y')).toEqual([
      ['a,1', 'say "hi"', 'two\nlines'],
      ['x', '', 'y'],
    ]);
    expect(parseCsv('"crlf\r\ninside",z')).toEqual([['crlf\r\ninside', 'z']]);
  });

  it('drops a leading BOM and does not trim', () => {
    expect(parseCsv('\uFEFFP-code, name \nSY01, Damascus ')).toEqual([
      ['P-code', ' name '],
      ['SY01', ' Damascus '],
    ]);
  });

  it('detects or accepts the delimiter', () => {
    expect(parseCsv('a;b\n"1;2";3')).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
    expect(parseCsv('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a;b,c', { delimiter: ',' })).toEqual([['a;b', 'c']]);
    expect(() => parseCsv('a', { delimiter: '"' })).toThrow(RangeError);
    expect(() => parseCsv('a', { delimiter: ';;' })).toThrow(RangeError);
  });

  it('is lenient with stray quotes', () => {
    expect(parseCsv('ab"c,"d"e')).toEqual([['ab"c', 'de']]);
  });

  it('returns no rows for empty input', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('""')).toEqual([['']]);
  });

  it('rejects an unterminated quote, naming the line it starts on', () => {
    try {
      parseCsv('a,b\n1,2\n3,"open\nstill open');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('reports the line each row starts on', () => {
    const { rows, lines } = parseCsvWithLines('h1,h2\r\n"a\r\nb",c\n\n"x\ny\nz",w\nlast,row');
    expect(rows).toHaveLength(5);
    expect(lines).toEqual([1, 2, 4, 5, 8]);
  });

  it('reads back what a writer quoting by RFC 4180 produced', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', ',', ';', '"', '\n', '\r\n', '\t', 'x') });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t'), fc.boolean(), (rows, delimiter, crlf) => {
        const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;
        const text = rows
          .map((row) => row.map((v) => (v === '' || /[",;\t\r\n]/.test(v) ? quote(v) : v)).join(delimiter))
          .join(crlf ? '\r\n' : '\n');
        expect(parseCsv(text, { delimiter })).toEqual(rows);
      }),
    );
  });

  it('is fast enough for large files', () => {
    const line = 'SY010000,Damascus,"مدينة دمشق, المركز",SY0100,Damascus,SY01,2020-12-17\n';
    const text = line.repeat(50_000);
    const started = performance.now();
    const rows = parseCsv(text);
    expect(rows).toHaveLength(50_000);
    expect(rows[49_999]?.[2]).toBe('مدينة دمشق, المركز');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('sniffDelimiter', () => {
  it('looks past a title row to the lines that share a cell count', () => {
    const text = 'Who does what, where; 2024\nname;org;count\nا;ب;1\nc;d;2\n';
    expect(sniffDelimiter(text)).toBe(';');
    expect(detectDelimiter(text)).toBe(',');
  });

  it('agrees with detectDelimiter on a single line', () => {
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  it('ignores delimiters inside quoted cells, even across lines', () => {
    expect(sniffDelimiter('"a;b;c\nd;e",x,y\n1,2,3\n')).toBe(',');
  });
});

describe('CsvParser', () => {
  it('gives the same rows however the text is cut into pieces', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', ',', '"', '\n', '\r', '\r\n', 'x') });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(40), { maxLength: 6 }),
        (cells, cuts) => {
          const text = cells.join('');
          let whole: unknown;
          try {
            whole = parseCsvWithLines(text, { delimiter: ',' });
          } catch (error) {
            whole = error instanceof CsvSyntaxError ? error.line : error;
          }
          const parser = new CsvParser(',');
          const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
          const rows = [];
          let from = 0;
          let pieces: unknown;
          try {
            for (const p of [...points, text.length]) {
              rows.push(...parser.push(text.slice(from, p)));
              from = p;
            }
            rows.push(...parser.end());
            pieces = { rows: rows.map((r) => r.cells), lines: rows.map((r) => r.line) };
          } catch (error) {
            pieces = error instanceof CsvSyntaxError ? error.line : error;
          }
          expect(pieces).toEqual(whole);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a cell over the size limit as soon as it is seen', () => {
    const parser = new CsvParser(',', { maxCellChars: 10 });
    expect(parser.push('a,bbbbbbbbbb\n')).toHaveLength(1);
    try {
      parser.push(`c,${'d'.repeat(6)}`);
      parser.push('d'.repeat(6));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ExchangeError);
      expect(error).toMatchObject({
        code: 'exchange.cell_too_large',
        details: { line: 2, column: 'B', limit: 10 },
      });
    }
  });

  it('refuses too many columns, too long a row and too many rows', () => {
    expect(() => new CsvParser(',', { maxColumns: 3 }).push('a,b,c,d\n')).toThrow(
      expect.objectContaining({ code: 'exchange.too_many_columns', details: { line: 1, limit: 3 } }),
    );
    expect(() => new CsvParser(',', { maxRowChars: 5 }).push('abc,def\n')).toThrow(
      expect.objectContaining({ code: 'exchange.row_too_large' }),
    );
    expect(() => new CsvParser(',', { maxRows: 2 }).push('a\nb\nc\n')).toThrow(
      expect.objectContaining({ code: 'exchange.too_many_rows', details: { limit: 2 } }),
    );
  });
});

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(source: Parameters<typeof openCsv>[0], opts?: Parameters<typeof openCsv>[1]) {
  const file = await openCsv(source, opts);
  const rows = [];
  for await (const row of file.rows) rows.push(row.cells);
  return { rows, delimiter: file.delimiter, encoding: file.encoding, bom: file.bom };
}

describe('openCsv', () => {
  const text = 'الاسم;العدد\r\n"حلب; المدينة";1\r\nإدلب;2\r\n';
  const utf8 = new TextEncoder().encode(text);

  it('streams rows from byte chunks of any size, multi-byte characters cut or not', async () => {
    for (const size of [1, 2, 3, 7, 64, 100_000]) {
      const read = await readAll(chunked(utf8, size));
      expect(read.rows).toEqual([
        ['الاسم', 'العدد'],
        ['حلب; المدينة', '1'],
        ['إدلب', '2'],
      ]);
      expect(read.delimiter).toBe(';');
      expect(read.encoding).toBe('utf-8');
    }
  });

  it('reads UTF-8 with a BOM, and UTF-16 LE and BE with theirs', async () => {
    const withBom = await readAll(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
    expect(withBom).toMatchObject({ bom: true, encoding: 'utf-8' });
    expect(withBom.rows[0]).toEqual(['الاسم', 'العدد']);
    const units = [0xfeff, ...Array.from(text, (c) => c.charCodeAt(0))];
    const le = new Uint8Array(units.flatMap((u) => [u & 0xff, u >> 8]));
    const be = new Uint8Array(units.flatMap((u) => [u >> 8, u & 0xff]));
    for (const [bytes, encoding] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const read = await readAll(chunked(bytes, 5));
      expect(read.encoding).toBe(encoding);
      expect(read.rows[1]).toEqual(['حلب; المدينة', '1']);
    }
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('name,note\nx,caf'), 0xe9, 0x80, 0x0a]);
    const read = await readAll(chunked(bytes, 4));
    expect(read.encoding).toBe('windows-1252');
    expect(read.rows[1]).toEqual(['x', 'café€']);
  });

  it('refuses an empty-handed guess: a file that turns invalid after valid UTF-8', async () => {
    const good = new TextEncoder().encode(`a,b\nحلب,${'x'.repeat(70_000)}\n`);
    const bytes = new Uint8Array([...good, 0xff, 0x0a]);
    await expect(readAll(chunked(bytes, 1000))).rejects.toMatchObject({
      code: 'exchange.unreadable_encoding',
      details: { encoding: 'UTF-8', offset: good.length },
    });
  });

  it('names the line of an unterminated quote', async () => {
    await expect(readAll(new TextEncoder().encode('a,b\n1,"open\n2,3\n'))).rejects.toMatchObject({
      code: 'exchange.malformed_csv',
      details: { line: 2 },
    });
  });

  it('refuses binary files and spreadsheets given as CSV', async () => {
    await expect(readAll(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({
      code: 'exchange.unsupported_format',
      details: { format: 'zip' },
    });
    await expect(readAll(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).rejects.toMatchObject({
      details: { format: 'image' },
    });
    await expect(readAll(new Uint8Array([0x61, 0x2c, 0x00, 0x62]))).rejects.toMatchObject({
      details: { format: 'binary' },
    });
  });

  it('enforces the byte limit while streaming', async () => {
    await expect(readAll(chunked(utf8, 10), { maxBytes: 20 })).rejects.toMatchObject({
      code: 'exchange.too_large',
      details: { limit: 20 },
    });
  });

  it('reads an empty file as no rows', async () => {
    expect((await readAll(new Uint8Array(0))).rows).toEqual([]);
    expect((await readAll(new Uint8Array([0xef, 0xbb, 0xbf]))).rows).toEqual([]);
  });
});
