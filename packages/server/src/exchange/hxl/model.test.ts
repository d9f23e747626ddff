import { describe, expect, it } from 'vitest';
import { normaliseString } from './datatypes.ts';
import {
  columnKey,
  columnLanguage,
  displayTag,
  findColumn,
  findColumns,
  formatTagPattern,
  getValue,
  getValues,
  type HxlColumn,
  isExtensionTag,
  makeColumn,
  matchesPattern,
  parseHashtag,
  parseTagPattern,
  parseTagPatterns,
  sameColumn,
} from './model.ts';
import { readHxl } from './reader.ts';

const column = (spec: string, header: string | null = null, index = 0): HxlColumn =>
  makeColumn(index, spec, header);
const rows = (table: string[][]) => table.map((cells, i) => ({ cells, line: i + 1 }));

describe('tag patterns', () => {
  const tagged = column('#tag +foo +bar');

  it('matches on the hashtag alone', () => {
    expect(matchesPattern('#tag', tagged)).toBe(true);
    expect(matchesPattern('#tagx', tagged)).toBe(false);
  });

  it('requires included attributes', () => {
    expect(matchesPattern('#tag+foo', tagged)).toBe(true);
    expect(matchesPattern('#tag+xxx', tagged)).toBe(false);
  });

  it('refuses excluded attributes', () => {
    expect(matchesPattern('#tag-xxx', tagged)).toBe(true);
    expect(matchesPattern('#tag-foo', tagged)).toBe(false);
  });

  it('ignores case in hashtags and attributes', () => {
    expect(matchesPattern('#Tag', tagged)).toBe(true);
    expect(matchesPattern('#tag+fOO', tagged)).toBe(true);
    expect(matchesPattern('#tag', column('#TAG+FOO'))).toBe(true);
  });

  it('parses with or without the #, with whitespace between parts', () => {
    expect(parseTagPattern('#tag+foo-xxx')).toEqual({
      tag: '#tag',
      include: ['foo'],
      exclude: ['xxx'],
      absolute: false,
    });
    expect(parseTagPattern('tag+foo-xxx')?.tag).toBe('#tag');
    expect(parseTagPattern('   tag +foo  -xxx  ')).toEqual({
      tag: '#tag',
      include: ['foo'],
      exclude: ['xxx'],
      absolute: false,
    });
    expect(parseTagPattern('#tag +')).toBeNull();
    expect(parseTagPattern('#1tag')).toBeNull();
    expect(parseTagPattern('')).toBeNull();
  });

  it('parses comma-separated lists', () => {
    const matching = parseTagPatterns('tag+foo,tag-xxx');
    expect(matching).toHaveLength(2);
    for (const p of matching ?? []) expect(matchesPattern(p, tagged)).toBe(true);
    for (const p of parseTagPatterns('tag-foo,tag+xxx') ?? []) expect(matchesPattern(p, tagged)).toBe(false);
    expect(parseTagPatterns('#org, #bad+')).toBeNull();
  });

  it('matches any hashtag with the #* wildcard, attributes still applying', () => {
    expect(matchesPattern('#*', column('#affected+f'))).toBe(true);
    expect(matchesPattern('#*+f', column('#affected+f'))).toBe(true);
    expect(matchesPattern('#*+f', column('#affected+m'))).toBe(false);
    expect(matchesPattern('#*-children', column('#inneed+f+children'))).toBe(false);
    expect(matchesPattern('#*', makeColumn(0, null, 'Notes'))).toBe(false);
  });

  it('requires exactly the included attributes in an absolute pattern', () => {
    const p = '#affected +f +children!';
    expect(parseTagPattern(p)?.absolute).toBe(true);
    expect(matchesPattern(p, column('#affected+f+children'))).toBe(true);
    expect(matchesPattern(p, column('#affected+children+f'))).toBe(true);
    expect(matchesPattern(p, column('#affected'))).toBe(false);
    expect(matchesPattern(p, column('#affected+f+children+refugees'))).toBe(false);
    expect(matchesPattern('#adm1!', column('#adm1'))).toBe(true);
    expect(matchesPattern('#adm1!', column('#adm1+name'))).toBe(false);
  });

  it('writes patterns back as text', () => {
    const p = parseTagPattern(' #Affected +F -Children ! ');
    expect(p && formatTagPattern(p)).toBe('#affected+f-children!');
    expect(
      formatTagPattern(parseTagPattern('#*+code') ?? { tag: '', include: [], exclude: [], absolute: false }),
    ).toBe('#*+code');
  });

  it('never matches with a malformed pattern', () => {
    expect(matchesPattern('#adm1+', column('#adm1'))).toBe(false);
    expect(findColumn([column('#adm1')], '++')).toBe(-1);
  });
});

describe('columns', () => {
  it('keeps the hashtag, attributes in order, and header', () => {
    const c = column('#foo+en+bar+f', 'Foo header', 5);
    expect(c).toEqual({ index: 5, header: 'Foo header', tag: '#foo', attributes: ['en', 'bar', 'f'] });
  });

  it('displays the tag with attributes as written', () => {
    expect(displayTag(column('#foo +en +bar +f'))).toBe('#foo+en+bar+f');
    expect(displayTag(makeColumn(0, '', 'Notes'))).toBeNull();
  });

  it('lowercases hashtags and attributes', () => {
    expect(column('#Foo+X+y')).toMatchObject({ tag: '#foo', attributes: ['x', 'y'] });
  });

  it('ignores a repeated attribute', () => {
    expect(column('#affected+f+F+children+f').attributes).toEqual(['f', 'children']);
  });

  it('treats columns with the same hashtag and attribute set as equal, whatever the order or header', () => {
    const a = column('#xxx+b+c+a', 'foo');
    const b = column('#xxx+a+b+c', 'bar');
    const c = column('#xxx+b+c');
    expect(sameColumn(a, b)).toBe(true);
    expect(sameColumn(a, c)).toBe(false);
    expect(columnKey(a)).toBe(columnKey(b));
    expect(columnKey(a)).not.toBe(columnKey(c));
    expect(columnKey(a)).toBe('#xxx+a+b+c');
  });

  it('parses a hashtag alone, with attributes, and with surrounding or inner whitespace', () => {
    expect(parseHashtag('#tag')).toEqual({ tag: '#tag', attributes: [] });
    for (const spec of ['#tag+foo', '#tag +foo', ' #tag +foo   ']) {
      expect(parseHashtag(spec)).toEqual({ tag: '#tag', attributes: ['foo'] });
    }
    for (const spec of ['#tag+foo+bar', '#tag +foo +bar', ' #tag +bar+foo   ']) {
      expect([...(parseHashtag(spec)?.attributes ?? [])].sort()).toEqual(['bar', 'foo']);
    }
  });

  it('refuses what is not a hashtag spec', () => {
    for (const spec of [
      'tag',
      '#',
      '#1adm',
      '#adm1+',
      '#adm 1',
      '#adm1+na me',
      '#N/A',
      '#adm1-code',
      '# adm1',
      '#أدم',
    ]) {
      expect(parseHashtag(spec)).toBeNull();
    }
  });

  it('knows extension hashtags and language attributes', () => {
    expect(isExtensionTag('#x_pcode')).toBe(true);
    expect(isExtensionTag('#X_Pcode')).toBe(true);
    expect(isExtensionTag('#adm1')).toBe(false);
    expect(column('#x_aid_kind+x_custom').tag).toBe('#x_aid_kind');
    expect(columnLanguage(column('#adm1+name+i_ar'))).toBe('ar');
    expect(columnLanguage(column('#adm1+name'))).toBeNull();
  });

  it('normalises header whitespace and keeps a blank header as null', () => {
    expect(makeColumn(0, '#org', '  Organisation \n name ').header).toBe('Organisation name');
    expect(makeColumn(0, '#org', '   ').header).toBeNull();
    expect(makeColumn(0, 'not a tag', 'Notes')).toMatchObject({ tag: null, header: 'Notes', attributes: [] });
  });
});

describe('row values', () => {
  const columns = ['#sector+list', '#org', '#country'].map((spec, i) => makeColumn(i, spec));
  const values = ['Health, Education', 'WFP', 'Syria'];

  it('gets a value by pattern', () => {
    expect(getValue(columns, values, '#org')).toBe('WFP');
    expect(getValue(columns, values, 'sector')).toBe('Health, Education');
  });

  it('gets the first non-blank of several matching columns', () => {
    const cols = ['#sector', '#org', '#org'].map((spec, i) => makeColumn(i, spec));
    expect(getValue(cols, ['Health', '', 'WFP'], 'org')).toBe('WFP');
    expect(getValue(cols, ['Health', '', ''], 'org')).toBe('');
  });

  it('gets every matching value as a list', () => {
    expect(getValues(columns, values, '#org')).toEqual(['WFP']);
    expect(findColumns(columns, '#*')).toEqual([0, 1, 2]);
  });

  it('gives nothing for a column past the end of a short row', () => {
    expect(getValue(columns, values.slice(0, 1), '#country')).toBeNull();
    expect(getValues(columns, values.slice(0, 1), '#country')).toEqual([]);
  });
});

describe('datasets', () => {
  const DATA = [
    ['Organisation', 'Cluster', 'Governorate', 'Affected'],
    ['#org', '#sector+cluster', '#adm1', '#affected'],
    ['NGO A', 'WASH', 'Aleppo', '100'],
    ['NGO B', 'Education', 'Idleb', '200'],
    ['NGO B', ' education ', 'Aleppo', '300'],
  ];
  const read = async (table: string[][]) => {
    const t = await readHxl(rows(table));
    const values: string[][] = [];
    for await (const row of t.rows) values.push(row.values);
    return { ...t, values };
  };

  it('reads headers, tags and display tags', async () => {
    const t = await read(DATA);
    expect(t.columns.map((c) => c.header)).toEqual(DATA[0]);
    expect(t.columns.map((c) => c.tag)).toEqual(['#org', '#sector', '#adm1', '#affected']);
    expect(t.columns.map(displayTag)).toEqual(DATA[1]);
  });

  it('tells whether there are headers', async () => {
    expect((await read(DATA)).columns.some((c) => c.header !== null)).toBe(true);
    expect((await read(DATA.slice(1))).columns.some((c) => c.header !== null)).toBe(false);
  });

  it('reads the values', async () => {
    expect((await read(DATA)).values).toEqual(DATA.slice(2));
  });

  it('collects a column’s distinct values, raw or normalised', async () => {
    const t = await read(DATA);
    const i = findColumn(t.columns, '#sector');
    expect(new Set(t.values.map((v) => v[i]))).toEqual(new Set(['WASH', 'Education', ' education ']));
    expect(new Set(t.values.map((v) => normaliseString(v[i])))).toEqual(new Set(['wash', 'education']));
  });
});
