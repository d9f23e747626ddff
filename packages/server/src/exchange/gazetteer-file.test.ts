import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinGazetteer, gazetteerByPcode } from '@tansiq/core/gazetteer/builtin';
import { describe, expect, it } from 'vitest';
import { GazetteerFileError, type GazetteerRow, parseGazetteerFile } from './gazetteer-file.ts';
import { isPolygonal, pointInPolygonal } from './geometry.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../../..');
const sharedData = path.resolve(process.env.TANSIQ_SHARED_DIR ?? path.join(repoRoot, '../shared'), 'data');

const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const parseFixture = (name: string) => parseGazetteerFile(fixture(name), name);

function expectError(fn: () => unknown, code: string, details: Record<string, unknown> = {}): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(GazetteerFileError);
    const e = error as GazetteerFileError;
    expect(e.code).toBe(code);
    expect(e.details).toMatchObject(details);
    return;
  }
  expect.unreachable(`expected ${code}`);
}

const byCode = (rows: readonly GazetteerRow[], pcode: string) => rows.find((r) => r.pcode === pcode);

describe('parseGazetteerFile: CSV header conventions', () => {
  it('reads the HDX admin{N}Pcode / admin{N}Name_en / validOn convention (CRLF)', () => {
    const parsed = parseFixture('hdx-admin2.csv');
    expect(parsed.format).toBe('csv');
    expect(parsed.level).toBe(2);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        pcode: 'SY0202',
        level: 2,
        parentPcode: 'SY02',
        names: { en: 'Al Bab', ar: 'الباب' },
        validFrom: '2020-12-17',
      },
      {
        line: 3,
        pcode: 'SY0203',
        level: 2,
        parentPcode: 'SY02',
        names: { en: 'Afrin', ar: 'عفرين' },
        validFrom: '2020-12-17',
      },
      {
        line: 4,
        pcode: 'SY1006',
        level: 2,
        parentPcode: 'SY10',
        names: { en: 'Qadmous', ar: 'القدموس' },
        validFrom: '2020-12-17',
      },
    ]);
  });

  it('reads the COD-AB ADM{N}_PCODE / ADM{N}_EN / ADM{N}_AR convention', () => {
    const parsed = parseFixture('cod-ab-adm1.csv');
    expect(parsed.level).toBe(1);
    expect(parsed.rows.map((r) => r.pcode)).toEqual(['SY01', 'SY07', 'SY14']);
    // ADM0_PCODE is the parent; ADM1ALT1_EN and ADM1_REF are not the name; `date` is not validOn.
    expect(byCode(parsed.rows, 'SY07')).toEqual({
      line: 3,
      pcode: 'SY07',
      level: 1,
      parentPcode: 'SY',
      names: { en: 'Idleb', ar: 'إدلب' },
      validFrom: '2020-12-17',
      validTo: '2030-01-01',
    });
    expect(byCode(parsed.rows, 'SY01')?.names).toEqual({ en: 'Damascus', ar: 'مدينة دمشق' });
  });

  it('reads a semicolon-delimited file with plain headers, day-first dates and decimal commas', () => {
    const parsed = parseFixture('semicolon-districts.csv');
    // No column names a level: the p-codes (country + 4 digits) do.
    expect(parsed.level).toBe(2);
    expect(parsed.rows).toEqual([
      {
        line: 2,
        pcode: 'SY0802',
        level: 2,
        parentPcode: 'SY08',
        names: { en: 'Quamishli', ar: 'القامشلي' },
        validFrom: '2020-12-17',
        centre: { lat: 37.0522, lon: 41.2207 },
      },
      {
        line: 3,
        pcode: 'SY0803',
        level: 2,
        parentPcode: 'SY08',
        names: { en: 'Al-Malikeyyeh, Derik', ar: 'المالكية' },
        validFrom: '2020-12-31',
        centre: { lat: 37.1747, lon: 42.138 },
      },
      {
        line: 5,
        pcode: 'SY0804',
        level: 2,
        parentPcode: 'SY08',
        names: { en: 'Ras Al Ain', ar: 'رأس العين' },
        validFrom: '2020-12-17',
      },
    ]);
  });

  it('strips a BOM and prefers HXL hashtags to unknown headers', () => {
    const parsed = parseFixture('bom-hxl-adm1.csv');
    expect(parsed.level).toBe(1);
    expect(parsed.rows).toEqual([
      {
        line: 3,
        pcode: 'SY12',
        level: 1,
        parentPcode: null,
        names: { en: "Dar'a", ar: 'درعا' },
        validFrom: '2020-12-17',
      },
      {
        line: 4,
        pcode: 'SY13',
        level: 1,
        parentPcode: null,
        names: { en: 'As-Sweida', ar: 'السويداء' },
        validFrom: '2020-12-17',
      },
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks, counting lines as in the file', () => {
    const parsed = parseFixture('quoted-districts.csv');
    expect(parsed.level).toBe(2);
    expect(parsed.rows.map((r) => [r.line, r.pcode, r.parentPcode, r.names.en, r.names.ar])).toEqual([
      [2, 'SY0702', 'SY07', "Al Ma'ra, Ma'arrat an-Nu'man", 'معرة النعمان'],
      [4, 'SY0703', 'SY07', 'Harim', 'حارم'],
      [5, 'SY0704', 'SY07', 'Jisr-Ash-Shugur', 'جسر\nالشغور'],
      [9, 'SY0705', 'SY07', 'Ariha', 'أريحا'],
    ]);
  });

  it('reads a tab-delimited ADM3 table, with the district as parent', () => {
    const parsed = parseFixture('adm3.tsv');
    expect(parsed.level).toBe(3);
    expect(parsed.rows.map((r) => [r.pcode, r.level, r.parentPcode, r.names.en, r.names.ar])).toEqual([
      ['SY020000', 3, 'SY0200', 'Jebel Saman', 'مركز جبل سمعان'],
      ['SY020001', 3, 'SY0200', 'Atareb', 'أتارب'],
    ]);
  });

  it('takes an unlabelled code column to be one level below the deepest labelled one', () => {
    const parsed = parseGazetteerFile('pcode,name,name_ar,admin1Pcode\nSY0302,Duma,دوما,SY03\n', 'x.csv');
    expect(parsed.level).toBe(2);
    expect(parsed.rows[0]).toMatchObject({
      pcode: 'SY0302',
      parentPcode: 'SY03',
      names: { en: 'Duma', ar: 'دوما' },
    });
  });

  it('guesses the language of a name column that does not say it', () => {
    const parsed = parseGazetteerFile('ADM1_PCODE,ADM1_NAME,Governorate\nSY04,حمص,Homs\n', 'x.csv');
    expect(parsed.rows[0]?.names).toEqual({ ar: 'حمص', en: 'Homs' });
  });

  it('reads a file made of a hashtag row and data only', () => {
    const parsed = parseGazetteerFile('#adm2+code,#adm2+name,#adm1+code\nSY0405,Tadmor,SY04\n', 'x.csv');
    expect(parsed.rows).toEqual([
      { line: 2, pcode: 'SY0405', level: 2, parentPcode: 'SY04', names: { en: 'Tadmor' } },
    ]);
  });

  it('recognises HXL hashtags whatever their attribute order and spacing', () => {
    const text =
      'a,b,c,d,e\n#adm1 +code,#adm1 +i_ar +name,#adm1+name +i_en,#geo+lat,#geo+lon\nSY05,حماة,Hama,35.1,36.7\n';
    expect(parseGazetteerFile(text, 'x.csv').rows[0]).toEqual({
      line: 3,
      pcode: 'SY05',
      level: 1,
      parentPcode: null,
      names: { ar: 'حماة', en: 'Hama' },
      centre: { lat: 35.1, lon: 36.7 },
    });
  });

  it('ignores blank lines and trailing empty cells, and trims cells', () => {
    const parsed = parseGazetteerFile(
      '\n P-code , Governorate (en) ,,\n\n SY06 , Lattakia ,,\n,,,\n',
      'x.csv',
    );
    expect(parsed.rows).toEqual([
      { line: 4, pcode: 'SY06', level: 1, parentPcode: null, names: { en: 'Lattakia' } },
    ]);
  });

  it('gives no rows for a header-only file', () => {
    expect(parseGazetteerFile('admin1Pcode,admin1Name_en\n', 'x.csv')).toEqual({
      format: 'csv',
      level: 1,
      rows: [],
    });
  });
});

describe('parseGazetteerFile: errors', () => {
  it('reports an unterminated quote with the line it opens on', () => {
    expectError(() => parseFixture('malformed-unclosed-quote.csv'), 'gazetteer.bad_row', {
      line: 3,
      reason: 'unterminated_quote',
    });
  });

  it('reports a table without a code column', () => {
    expectError(
      () => parseGazetteerFile('Governorate (en),Governorate (ar)\nHoms,حمص\n', 'x.csv'),
      'gazetteer.no_code_column',
    );
  });

  it('reports files it cannot read at all', () => {
    expectError(() => parseGazetteerFile('foo,bar\n1,2\n', 'x.csv'), 'gazetteer.unrecognized_file', {
      reason: 'no_known_column',
    });
    expectError(() => parseGazetteerFile('PK\u0003\u0004\u0000', 'x.xlsx'), 'gazetteer.unrecognized_file', {
      reason: 'unsupported_extension',
    });
    expectError(() => parseGazetteerFile('\uFEFF \n', 'x.csv'), 'gazetteer.unrecognized_file', {
      reason: 'empty',
    });
    expectError(
      () => parseGazetteerFile('{"type": "FeatureCollection",', 'x.geojson'),
      'gazetteer.unrecognized_file',
      {
        reason: 'invalid_json',
      },
    );
    expectError(
      () => parseGazetteerFile('{"type": "Topology", "objects": {}}', 'x.json'),
      'gazetteer.unrecognized_file',
      {
        reason: 'not_a_feature_collection',
      },
    );
    expectError(
      () => parseGazetteerFile('ADM4_PCODE,ADM4_EN\nSY01000001,X\n', 'x.csv'),
      'gazetteer.unrecognized_file',
      {
        reason: 'unsupported_level',
        level: 4,
      },
    );
  });

  it('reports bad rows with their line and column', () => {
    const header = 'P-code,Governorate (en),Valid from,lat,lon\n';
    expectError(
      () => parseGazetteerFile(`${header}SY01,Damascus,,,\n,Aleppo,,,\n`, 'x.csv'),
      'gazetteer.bad_row',
      {
        line: 3,
        column: 'P-code',
        reason: 'missing_pcode',
      },
    );
    expectError(() => parseGazetteerFile(`${header}SY 01,Damascus,,,\n`, 'x.csv'), 'gazetteer.bad_row', {
      line: 2,
      reason: 'invalid_pcode',
      value: 'SY 01',
    });
    expectError(
      () => parseGazetteerFile(`${header}SY01,Damascus,2020-02-30,,\n`, 'x.csv'),
      'gazetteer.bad_row',
      {
        line: 2,
        column: 'Valid from',
        reason: 'invalid_date',
      },
    );
    expectError(() => parseGazetteerFile(`${header}SY01,Damascus,,33.5,\n`, 'x.csv'), 'gazetteer.bad_row', {
      line: 2,
      column: 'lon',
      reason: 'invalid_coordinate',
    });
    expectError(() => parseGazetteerFile(`${header}SY01,Damascus,,95,36\n`, 'x.csv'), 'gazetteer.bad_row', {
      column: 'lat',
      reason: 'invalid_coordinate',
    });
    expectError(() => parseGazetteerFile(`${header}SY01,Damascus,,,,extra\n`, 'x.csv'), 'gazetteer.bad_row', {
      line: 2,
      reason: 'too_many_cells',
    });
    expectError(
      () => parseGazetteerFile(`${header}SY01,Damascus,,,\nSY01,Aleppo,,,\n`, 'x.csv'),
      'gazetteer.bad_row',
      {
        line: 3,
        reason: 'duplicate_pcode',
        value: 'SY01',
        firstLine: 2,
      },
    );
  });
});

describe('parseGazetteerFile: GeoJSON', () => {
  it('reads p-codes, names and validity from properties and computes centroids', () => {
    const parsed = parseFixture('tiny-boundaries.geojson');
    expect(parsed.format).toBe('geojson');
    expect(parsed.level).toBe(1);
    const [quneitra, tartous, damascus] = parsed.rows;
    expect(quneitra).toMatchObject({
      line: 1,
      pcode: 'SY14',
      level: 1,
      parentPcode: 'SY',
      names: { en: 'Quneitra', ar: 'القنيطرة' },
      validFrom: '2020-12-17',
      centre: { lat: 33.1, lon: 35.8 },
    });
    expect(quneitra?.validTo).toBeUndefined();
    expect(isPolygonal(quneitra?.geometry)).toBe(true);
    // The island barely moves the mainland's centre (35.9-36.4 × 34.6-35.2).
    expect(tartous?.geometry).toMatchObject({ type: 'MultiPolygon' });
    expect(tartous?.centre?.lat).toBeCloseTo(34.9, 2);
    expect(tartous?.centre?.lon).toBeCloseTo(36.15, 2);
    expect(tartous?.centre?.lon).not.toBe(36.15);
    expect(damascus).toEqual({
      line: 3,
      pcode: 'SY01',
      level: 1,
      parentPcode: 'SY',
      names: { en: 'Damascus', ar: 'مدينة دمشق' },
      validFrom: '2020-12-17',
    });
  });

  it('reads geoBoundaries-style files without p-codes as names only', () => {
    const parsed = parseFixture('names-only-boundaries.geojson');
    expect(parsed.level).toBe(1);
    expect(parsed.rows.map((r) => [r.pcode, r.level, r.names, r.centre])).toEqual([
      [null, 1, { en: 'Hama' }, { lat: 35.5, lon: 37 }],
      // The hole (one eighth of the area, centred at 37.5, 34) pushes the centre away from itself.
      [null, 1, { en: 'Homs' }, { lat: 34, lon: 38.0714 }],
    ]);
  });

  it('accepts a single Feature and Point geometries', () => {
    const feature = {
      type: 'Feature',
      properties: { admin2Pcode: 'SY0405', admin2Name_en: 'Tadmor', admin1Pcode: 'SY04' },
      geometry: { type: 'Point', coordinates: [38.28, 34.56] },
    };
    expect(parseGazetteerFile(JSON.stringify(feature), 'palmyra.json').rows).toEqual([
      {
        line: 1,
        pcode: 'SY0405',
        level: 2,
        parentPcode: 'SY04',
        names: { en: 'Tadmor' },
        centre: { lat: 34.56, lon: 38.28 },
        geometry: feature.geometry,
      },
    ]);
  });

  it('reports features without a name or with broken geometry', () => {
    const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
    const named = { type: 'Feature', properties: { shapeName: 'Hama', shapeType: 'ADM1' }, geometry: null };
    expectError(
      () =>
        parseGazetteerFile(collection([named, { ...named, properties: { shapeType: 'ADM1' } }]), 'x.geojson'),
      'gazetteer.bad_row',
      { line: 2, reason: 'missing_name' },
    );
    expectError(
      () =>
        parseGazetteerFile(
          collection([{ ...named, geometry: { type: 'Polygon', coordinates: [[[0, 'a']]] } }]),
          'x.geojson',
        ),
      'gazetteer.bad_row',
      { line: 1, reason: 'invalid_geometry' },
    );
    expectError(() => parseGazetteerFile(collection([named, 42]), 'x.geojson'), 'gazetteer.bad_row', {
      line: 2,
      reason: 'not_a_feature',
    });
    expectError(
      () =>
        parseGazetteerFile(
          collection([{ type: 'Feature', properties: { id: 1 }, geometry: null }]),
          'x.geojson',
        ),
      'gazetteer.no_code_column',
    );
  });
});

describe('parseGazetteerFile: OCHA reference files', () => {
  const read = (name: string) => readFileSync(path.join(sharedData, name), 'utf8');
  const builtinAt = (level: number) => builtinGazetteer.filter((e) => e.level === level);

  it('reads the adm2 table as the built-in districts', () => {
    const parsed = parseGazetteerFile(read('syria-adm2-pcodes.csv'), 'syria-adm2-pcodes.csv');
    expect(parsed.level).toBe(2);
    expect(parsed.rows).toHaveLength(62);
    expect(parsed.rows.every((r) => r.level === 2)).toBe(true);
    expect(parsed.rows.map((r) => [r.pcode, r.parentPcode, r.names.en, r.names.ar, r.validFrom])).toEqual(
      builtinAt(2).map((e) => [e.pcode, e.parentPcode, e.names.en, e.names.ar, e.validFrom]),
    );
  });

  it('reads the adm1 table as the built-in governorates', () => {
    const parsed = parseGazetteerFile(read('syria-adm1-pcodes.csv'), 'syria-adm1-pcodes.csv');
    expect(parsed.level).toBe(1);
    expect(parsed.rows).toHaveLength(14);
    expect(parsed.rows.map((r) => [r.pcode, r.names.en, r.names.ar, r.validFrom])).toEqual(
      builtinAt(1).map((e) => [e.pcode, e.names.en, e.names.ar, e.validFrom]),
    );
  });

  it('reads the 2015 adm3 table, whose parents are all built-in districts', () => {
    const parsed = parseGazetteerFile(read('syria-adm3-pcodes-2015.csv'), 'syria-adm3-pcodes-2015.csv');
    expect(parsed.level).toBe(3);
    expect(parsed.rows).toHaveLength(270);
    for (const row of parsed.rows) {
      expect(gazetteerByPcode.get(row.parentPcode ?? '')?.level, row.pcode ?? '').toBe(2);
      expect(row.pcode?.startsWith(row.parentPcode ?? '-')).toBe(true);
    }
  });

  it('reads the governorate boundaries with the built-in names and centres', () => {
    const parsed = parseGazetteerFile(
      read('geoboundaries-syr-adm1.geojson'),
      'geoboundaries-syr-adm1.geojson',
    );
    expect(parsed.format).toBe('geojson');
    expect(parsed.level).toBe(1);
    expect(parsed.rows).toHaveLength(14);
    const governorates = new Map(builtinAt(1).map((e) => [e.names.en, e]));
    for (const row of parsed.rows) {
      expect(row.pcode).toBeNull();
      const entry = governorates.get(row.names.en ?? '');
      expect(entry, row.names.en).toBeDefined();
      governorates.delete(row.names.en ?? '');
      const centre = row.centre;
      expect(centre).toBeDefined();
      if (!entry?.centre || !centre) continue;
      expect(Math.abs(centre.lat - entry.centre.lat)).toBeLessThan(0.001);
      expect(Math.abs(centre.lon - entry.centre.lon)).toBeLessThan(0.001);
      // The built-in centre lies inside the governorate's own polygon.
      expect(isPolygonal(row.geometry)).toBe(true);
      if (isPolygonal(row.geometry)) expect(pointInPolygonal(entry.centre, row.geometry)).toBe(true);
    }
    expect(governorates.size).toBe(0);
  });
});
