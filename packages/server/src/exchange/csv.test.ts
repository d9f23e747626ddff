import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv, parseCsvWithLines } from './csv.ts';

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
