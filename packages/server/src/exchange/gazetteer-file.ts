// Parsing of the gazetteer files `tansiq gazetteer import FILE` accepts, as HDX publishes them:
// COD p-code tables (CSV, with or without an HXL hashtag row) and boundary GeoJSON. Pure functions:
// no file or database access; matching rows to existing places is the service's job.

import { CsvSyntaxError, parseCsvWithLines } from './csv.ts';
import { isPolygonal, polygonCentroid } from './geometry.ts';

export type GazetteerFileErrorCode =
  | 'gazetteer.unrecognized_file'
  | 'gazetteer.no_code_column'
  | 'gazetteer.bad_row';

export class GazetteerFileError extends Error {
  readonly code: GazetteerFileErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: GazetteerFileErrorCode, details: Record<string, unknown>) {
    super(`${code} ${JSON.stringify(details)}`);
    this.name = 'GazetteerFileError';
    this.code = code;
    this.details = details;
  }
}

export interface GazetteerRow {
  /** CSV: 1-based line the record starts on. GeoJSON: 1-based index of the feature. */
  line: number;
  pcode: string | null;
  level: 1 | 2 | 3 | null;
  parentPcode: string | null;
  names: { ar?: string; en?: string };
  validFrom?: string;
  validTo?: string;
  centre?: { lat: number; lon: number };
  geometry?: unknown;
}

export interface ParsedGazetteerFile {
  format: 'csv' | 'geojson';
  level: 1 | 2 | 3 | null;
  rows: GazetteerRow[];
}

type Lang = 'ar' | 'en';

type Role =
  | { kind: 'code'; level: number | null }
  | { kind: 'parent' }
  | { kind: 'name'; level: number | null; lang: Lang | null }
  | { kind: 'validFrom' }
  | { kind: 'validTo' }
  | { kind: 'lat' }
  | { kind: 'lon' }
  | { kind: 'shapeType' };

// ---------------------------------------------------------------------------------------------
// Column recognition

const HXL_HASHTAG = /^#([a-z][a-z0-9_]*)((?:\s*\+\s*[a-z][a-z0-9_]*)*)\s*$/i;

/** Role of a column from its HXL hashtag (`#adm2+code`, `#adm1+name+i_ar`, `#date+start`, …). */
function hxlRole(hashtag: string): Role | null {
  const m = HXL_HASHTAG.exec(hashtag.trim());
  if (!m) return null;
  const tag = (m[1] ?? '').toLowerCase();
  const attrs = new Set(
    (m[2] ?? '')
      .split('+')
      .map((a) => a.trim().toLowerCase())
      .filter((a) => a !== ''),
  );
  const adm = /^adm([0-9])$/.exec(tag);
  const level = adm ? Number(adm[1]) : tag === 'country' ? 0 : null;
  if (level !== null) {
    if (attrs.has('code') || attrs.has('pcode')) return { kind: 'code', level };
    if (attrs.has('alt') || attrs.has('ref')) return null;
    const langs = [...attrs].filter((a) => a.startsWith('i_'));
    if (langs.length === 0) return { kind: 'name', level, lang: null };
    if (langs.includes('i_ar')) return { kind: 'name', level, lang: 'ar' };
    if (langs.includes('i_en')) return { kind: 'name', level, lang: 'en' };
    return null; // a name in another language
  }
  if (tag === 'date') {
    if (attrs.has('start')) return { kind: 'validFrom' };
    if (attrs.has('end')) return { kind: 'validTo' };
    return attrs.size === 0 ? { kind: 'validFrom' } : null;
  }
  if (tag === 'geo') {
    if (attrs.has('lat')) return { kind: 'lat' };
    if (attrs.has('lon')) return { kind: 'lon' };
  }
  return null;
}

const CODE_WORDS = new Set(['pcode', 'code', 'pcod', 'pcodes']);
const NAME_WORDS: Record<string, Lang | null> = {
  '': null,
  name: null,
  en: 'en',
  english: 'en',
  nameen: 'en',
  enname: 'en',
  nameenglish: 'en',
  englishname: 'en',
  ar: 'ar',
  arabic: 'ar',
  namear: 'ar',
  arname: 'ar',
  namearabic: 'ar',
  arabicname: 'ar',
  الاسم: null,
  اسم: null,
};
const LEVEL_WORDS: readonly [string, number][] = [
  ['subdistrict', 3],
  ['nahiya', 3],
  ['nahya', 3],
  ['الناحية', 3],
  ['ناحية', 3],
  ['district', 2],
  ['mantika', 2],
  ['mantiqa', 2],
  ['المنطقة', 2],
  ['منطقة', 2],
  ['governorate', 1],
  ['province', 1],
  ['muhafaza', 1],
  ['mohafaza', 1],
  ['المحافظة', 1],
  ['محافظة', 1],
];
// A bare 'date' header is left out: COD tables carry both `date` (of the source) and `validOn`.
const VALID_FROM = new Set(['validon', 'validfrom', 'valid', 'datestart', 'startdate', 'validitystart']);
const VALID_TO = new Set(['validto', 'validuntil', 'dateend', 'enddate', 'validityend']);
const LAT = new Set(['lat', 'latitude', 'centerlat', 'centrelat', 'centroidlat', 'latitudey', 'ycoord']);
const LON = new Set([
  'lon',
  'lng',
  'long',
  'longitude',
  'centerlon',
  'centrelon',
  'centroidlon',
  'centerlong',
  'centrelong',
  'longitudex',
  'xcoord',
]);

function compact(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.()[\]:/'’]+/g, '');
}

function levelledRole(rest: string, level: number | null): Role | null {
  if (CODE_WORDS.has(rest)) return { kind: 'code', level };
  if (rest in NAME_WORDS) return { kind: 'name', level, lang: NAME_WORDS[rest] ?? null };
  return null;
}

/** Role of a column from its header (`admin2Pcode`, `ADM2_AR`, `Governorate (en)`, `validOn`, …). */
function headerRole(header: string): Role | null {
  const c = compact(header);
  if (c === '') return null;
  const adm = /^(?:admin|adm)([0-9])(.*)$/.exec(c);
  if (adm) return levelledRole(adm[2] ?? '', Number(adm[1]));
  if (c === 'shapename') return { kind: 'name', level: null, lang: null };
  if (c === 'shapetype') return { kind: 'shapeType' };
  if (c.startsWith('parent') && CODE_WORDS.has(c.slice(6) || 'code')) return { kind: 'parent' };
  for (const [word, level] of LEVEL_WORDS) {
    const at = c.indexOf(word);
    if (at !== -1) return levelledRole(c.slice(0, at) + c.slice(at + word.length), level);
  }
  if (VALID_FROM.has(c)) return { kind: 'validFrom' };
  if (VALID_TO.has(c)) return { kind: 'validTo' };
  if (LAT.has(c)) return { kind: 'lat' };
  if (LON.has(c)) return { kind: 'lon' };
  return levelledRole(c, null);
}

// ---------------------------------------------------------------------------------------------
// Layout: which column holds what, once the file's level is known

interface Layout {
  level: number | null;
  /** null when the file has no p-code column. */
  code: number | null;
  parent: number | null;
  nameEn: number | null;
  nameAr: number | null;
  validFrom: number | null;
  validTo: number | null;
  lat: number | null;
  lon: number | null;
}

const ARABIC_LETTER = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/;

function guessLang(values: readonly string[]): Lang {
  let arabic = 0;
  let other = 0;
  for (const v of values) {
    if (v === '') continue;
    if (ARABIC_LETTER.test(v)) arabic++;
    else other++;
  }
  return arabic > 0 && arabic >= other ? 'ar' : 'en';
}

/** Level implied by p-codes of the common OCHA form: country prefix + two digits per level. */
function levelFromCodes(values: readonly string[]): number | null {
  let digits: number | null = null;
  for (const v of values) {
    if (v === '') continue;
    const m = /^[A-Za-z]{2,3}([0-9]+)$/.exec(v);
    if (!m) return null;
    const n = (m[1] ?? '').length;
    if (digits !== null && n !== digits) return null;
    digits = n;
  }
  return digits !== null && digits % 2 === 0 && digits >= 2 ? digits / 2 : null;
}

function firstIndex(roles: readonly (Role | null)[], test: (role: Role) => boolean): number | null {
  const i = roles.findIndex((r) => r !== null && test(r));
  return i === -1 ? null : i;
}

/**
 * Works out the file's level (the deepest level with a code column) and which column supplies each
 * field. Columns without a level in their name take it from the others, or from the p-codes.
 */
function resolveLayout(
  roles: readonly (Role | null)[],
  valuesOf: (column: number) => string[],
  levelHint: number | null,
): Layout {
  const levelled = new Map<number, number>();
  let unlevelledCode: number | null = null;
  let deepestName: number | null = null;
  for (const [i, role] of roles.entries()) {
    if (role?.kind === 'code') {
      if (role.level === null) unlevelledCode ??= i;
      else if (!levelled.has(role.level)) levelled.set(role.level, i);
    } else if (role?.kind === 'name' && role.level !== null) {
      deepestName = Math.max(deepestName ?? role.level, role.level);
    }
  }
  const deepestLevelled = levelled.size > 0 ? Math.max(...levelled.keys()) : null;

  let level: number | null = deepestLevelled ?? levelHint;
  let code: number | null = deepestLevelled === null ? null : (levelled.get(deepestLevelled) ?? null);
  if (unlevelledCode !== null) {
    let own: number | null;
    if (deepestLevelled === null) {
      own = deepestName ?? levelHint ?? levelFromCodes(valuesOf(unlevelledCode));
    } else if (deepestName !== null && deepestName > deepestLevelled) {
      own = deepestName;
    } else {
      own = deepestLevelled + 1;
    }
    if (code === null || (own !== null && level !== null && own > level)) {
      level = own;
      code = unlevelledCode;
      if (own !== null && !levelled.has(own)) levelled.set(own, unlevelledCode);
    }
  }

  const explicitParent = firstIndex(roles, (r) => r.kind === 'parent');
  const parent = explicitParent ?? (level === null ? null : (levelled.get(level - 1) ?? null));

  // Names at the file's level, or without a level; named languages first, then guessed ones.
  const names: { en: number | null; ar: number | null } = { en: null, ar: null };
  const ownLevel = (r: Role) => r.kind === 'name' && (r.level === level || r.level === null);
  for (const pass of ['levelled', 'unlevelled'] as const) {
    roles.forEach((role, i) => {
      if (role?.kind !== 'name' || !ownLevel(role)) return;
      if ((role.level === null) !== (pass === 'unlevelled')) return;
      if (role.lang !== null && names[role.lang] === null) names[role.lang] = i;
    });
    roles.forEach((role, i) => {
      if (role?.kind !== 'name' || !ownLevel(role)) return;
      if ((role.level === null) !== (pass === 'unlevelled') || role.lang !== null) return;
      const lang = guessLang(valuesOf(i));
      if (names[lang] === null) names[lang] = i;
    });
  }

  return {
    level,
    code,
    parent,
    nameEn: names.en,
    nameAr: names.ar,
    validFrom: firstIndex(roles, (r) => r.kind === 'validFrom'),
    validTo: firstIndex(roles, (r) => r.kind === 'validTo'),
    lat: firstIndex(roles, (r) => r.kind === 'lat'),
    lon: firstIndex(roles, (r) => r.kind === 'lon'),
  };
}

function checkLevel(level: number | null, fileName: string): 1 | 2 | 3 | null {
  if (level === null || level === 1 || level === 2 || level === 3) return level;
  throw new GazetteerFileError('gazetteer.unrecognized_file', {
    fileName,
    reason: 'unsupported_level',
    level,
  });
}

// ---------------------------------------------------------------------------------------------
// Cell values

const PCODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

function normaliseDate(raw: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$/.exec(raw);
  const dmy = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ].*)?$/.exec(raw);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else if (dmy) {
    const a = Number(dmy[1]);
    const b = Number(dmy[2]);
    y = Number(dmy[3]);
    // Day first, as OCHA writes dates, unless only month-first makes sense.
    [d, m] = a <= 12 && b > 12 ? [b, a] : [a, b];
  } else {
    return null;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function parseCoordinate(raw: string): number | null {
  const text = !raw.includes('.') && raw.split(',').length === 2 ? raw.replace(',', '.') : raw;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** Reads one record through the layout into a row; throws `gazetteer.bad_row` on bad values. */
function buildRow(
  line: number,
  cell: (column: number | null) => string,
  label: (column: number) => string,
  layout: Layout,
  level: 1 | 2 | 3 | null,
  requireCode: boolean,
): GazetteerRow {
  const bad = (column: number | null, reason: string, extra: Record<string, unknown> = {}) =>
    new GazetteerFileError('gazetteer.bad_row', {
      line,
      ...(column === null ? {} : { column: label(column) }),
      reason,
      ...extra,
    });

  const code = cell(layout.code);
  if (code === '' && requireCode) throw bad(layout.code, 'missing_pcode');
  if (code !== '' && !PCODE.test(code)) throw bad(layout.code, 'invalid_pcode', { value: code });
  const parent = cell(layout.parent);
  if (parent !== '' && !PCODE.test(parent)) throw bad(layout.parent, 'invalid_pcode', { value: parent });

  const row: GazetteerRow = {
    line,
    pcode: code === '' ? null : code,
    level,
    parentPcode: parent === '' ? null : parent,
    names: {},
  };
  const en = cell(layout.nameEn);
  const ar = cell(layout.nameAr);
  if (en !== '') row.names.en = en;
  if (ar !== '') row.names.ar = ar;

  for (const [field, column] of [
    ['validFrom', layout.validFrom],
    ['validTo', layout.validTo],
  ] as const) {
    const raw = cell(column);
    if (raw === '') continue;
    const date = normaliseDate(raw);
    if (date === null) throw bad(column, 'invalid_date', { value: raw });
    row[field] = date;
  }

  const rawLat = cell(layout.lat);
  const rawLon = cell(layout.lon);
  if (rawLat !== '' || rawLon !== '') {
    const lat = parseCoordinate(rawLat);
    const lon = parseCoordinate(rawLon);
    if (lat === null || lat < -90 || lat > 90) throw bad(layout.lat, 'invalid_coordinate', { value: rawLat });
    if (lon === null || lon < -180 || lon > 180)
      throw bad(layout.lon, 'invalid_coordinate', { value: rawLon });
    row.centre = { lat, lon };
  }
  return row;
}

function checkDuplicates(rows: readonly GazetteerRow[], label: string): void {
  const seen = new Map<string, number>();
  for (const row of rows) {
    if (row.pcode === null) continue;
    const first = seen.get(row.pcode);
    if (first !== undefined) {
      throw new GazetteerFileError('gazetteer.bad_row', {
        line: row.line,
        column: label,
        reason: 'duplicate_pcode',
        value: row.pcode,
        firstLine: first,
      });
    }
    seen.set(row.pcode, row.line);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

function isHashtagRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  const tagged = filled.filter((c) => c.startsWith('#')).length;
  return tagged > 0 && tagged * 2 >= filled.length;
}

function parseCsvFile(text: string, fileName: string): ParsedGazetteerFile {
  let records: ReturnType<typeof parseCsvWithLines>;
  try {
    records = parseCsvWithLines(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      throw new GazetteerFileError('gazetteer.bad_row', { line: error.line, reason: 'unterminated_quote' });
    }
    throw error;
  }
  const rows = records.rows.map((r) => r.map((c) => c.trim()));
  const blank = (r: readonly string[]) => r.every((c) => c === '');
  let start = rows.findIndex((r) => !blank(r));
  if (start === -1)
    throw new GazetteerFileError('gazetteer.unrecognized_file', { fileName, reason: 'empty' });

  const header = rows[start] ?? [];
  let hashtags: readonly string[] = [];
  if (isHashtagRow(header)) {
    hashtags = header;
    start += 1;
  } else if (rows[start + 1] !== undefined && isHashtagRow(rows[start + 1] ?? [])) {
    hashtags = rows[start + 1] ?? [];
    start += 2;
  } else {
    start += 1;
  }
  const width = Math.max(header.length, hashtags.length);
  const label = (i: number) => header[i] || hashtags[i] || `#${i + 1}`;
  const roles: (Role | null)[] = [];
  for (let i = 0; i < width; i++) {
    const tag = hashtags[i] ?? '';
    roles.push((tag === '' ? null : hxlRole(tag)) ?? headerRole(header[i] ?? ''));
  }
  if (roles.every((r) => r === null)) {
    throw new GazetteerFileError('gazetteer.unrecognized_file', {
      fileName,
      reason: 'no_known_column',
      columns: header,
    });
  }

  const data: { line: number; cells: string[] }[] = [];
  for (let r = start; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    if (blank(cells)) continue;
    const line = records.lines[r] ?? r + 1;
    if (cells.length > width && cells.slice(width).some((c) => c !== '')) {
      throw new GazetteerFileError('gazetteer.bad_row', {
        line,
        reason: 'too_many_cells',
        expected: width,
        actual: cells.length,
      });
    }
    data.push({ line, cells });
  }

  const layout = resolveLayout(roles, (column) => data.map((d) => d.cells[column] ?? ''), null);
  if (layout.code === null) {
    throw new GazetteerFileError('gazetteer.no_code_column', { fileName, columns: header });
  }
  const level = checkLevel(layout.level, fileName);
  const out = data.map(({ line, cells }) =>
    buildRow(line, (c) => (c === null ? '' : (cells[c] ?? '')), label, layout, level, true),
  );
  checkDuplicates(out, label(layout.code));
  return { format: 'csv', level, rows: out };
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function propertyText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function parseGeoJsonFile(text: string, fileName: string): ParsedGazetteerFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new GazetteerFileError('gazetteer.unrecognized_file', {
      fileName,
      reason: 'invalid_json',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  let features: unknown[];
  if (isRecord(doc) && doc.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    features = doc.features;
  } else if (isRecord(doc) && doc.type === 'Feature') {
    features = [doc];
  } else {
    throw new GazetteerFileError('gazetteer.unrecognized_file', {
      fileName,
      reason: 'not_a_feature_collection',
      type: isRecord(doc) ? doc.type : typeof doc,
    });
  }

  const props: Record<string, unknown>[] = features.map((f, i) => {
    if (!isRecord(f) || f.type !== 'Feature') {
      throw new GazetteerFileError('gazetteer.bad_row', { line: i + 1, reason: 'not_a_feature' });
    }
    return isRecord(f.properties) ? f.properties : {};
  });
  const keys: string[] = [];
  const known = new Set<string>();
  for (const p of props) {
    for (const key of Object.keys(p)) {
      if (!known.has(key)) {
        known.add(key);
        keys.push(key);
      }
    }
  }
  const roles = keys.map(headerRole);
  const valuesOf = (column: number) => props.map((p) => propertyText(p[keys[column] ?? '']));

  // geoBoundaries says the level in `shapeType` ('ADM1'); otherwise the deepest named level.
  let levelHint: number | null = null;
  const shapeType = roles.findIndex((r) => r?.kind === 'shapeType');
  if (shapeType !== -1) {
    const m = /^adm([0-9])$/i.exec(valuesOf(shapeType).find((v) => v !== '') ?? '');
    if (m) levelHint = Number(m[1]);
  }
  for (const role of roles) {
    if (levelHint === null && role?.kind === 'name' && role.level !== null) levelHint = role.level;
  }

  // Without a p-code property, rows carry names only, to be matched by name later.
  const layout = resolveLayout(roles, valuesOf, levelHint);
  const requireCode = layout.code !== null;
  if (layout.code === null && layout.nameEn === null && layout.nameAr === null) {
    throw new GazetteerFileError('gazetteer.no_code_column', { fileName, columns: keys });
  }
  const level = checkLevel(layout.level, fileName);
  const label = (i: number) => keys[i] ?? '';

  const rows = features.map((feature, i) => {
    const p = props[i] ?? {};
    const row = buildRow(
      i + 1,
      (c) => (c === null ? '' : propertyText(p[keys[c] ?? ''])),
      label,
      layout,
      level,
      requireCode,
    );
    if (row.pcode === null && row.names.en === undefined && row.names.ar === undefined) {
      throw new GazetteerFileError('gazetteer.bad_row', { line: i + 1, reason: 'missing_name' });
    }
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    if (isRecord(geometry)) {
      if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
        if (!isPolygonal(geometry)) {
          throw new GazetteerFileError('gazetteer.bad_row', { line: i + 1, reason: 'invalid_geometry' });
        }
        const centre = polygonCentroid(geometry);
        if (centre !== null) row.centre = centre;
      } else if (geometry.type === 'Point' && row.centre === undefined) {
        const [lon, lat] = Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
        if (typeof lat === 'number' && typeof lon === 'number') row.centre = { lat, lon };
      }
      row.geometry = geometry;
    }
    return row;
  });
  if (layout.code !== null) checkDuplicates(rows, label(layout.code));
  return { format: 'geojson', level, rows };
}

// ---------------------------------------------------------------------------------------------

const CSV_EXTENSIONS = new Set(['csv', 'tsv', 'txt']);
const JSON_EXTENSIONS = new Set(['geojson', 'json']);

/**
 * Parses a gazetteer file: a CSV p-code table (header row, optional HXL hashtag row; `,`, `;` or
 * tab delimited) or a GeoJSON FeatureCollection of boundaries. `fileName` only serves to tell the
 * format and to name the file in errors. Throws `GazetteerFileError`.
 */
export function parseGazetteerFile(content: string, fileName: string): ParsedGazetteerFile {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  if (ext !== '' && !CSV_EXTENSIONS.has(ext) && !JSON_EXTENSIONS.has(ext)) {
    throw new GazetteerFileError('gazetteer.unrecognized_file', {
      fileName,
      reason: 'unsupported_extension',
    });
  }
  const trimmed = text.trimStart();
  if (trimmed === '')
    throw new GazetteerFileError('gazetteer.unrecognized_file', { fileName, reason: 'empty' });
  if (text.includes('\u0000')) {
    throw new GazetteerFileError('gazetteer.unrecognized_file', { fileName, reason: 'binary' });
  }
  if (trimmed.startsWith('{') || JSON_EXTENSIONS.has(ext)) return parseGeoJsonFile(text, fileName);
  return parseCsvFile(text, fileName);
}
