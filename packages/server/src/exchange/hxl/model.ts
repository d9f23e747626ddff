// The HXL 1.1 data model (hxlstandard.org): a column is tagged by a hashtag row cell such as
// `#affected +f +children`: a hashtag, then attributes. Hashtags and attributes are ASCII names
// starting with a letter, compared case-insensitively (we store them in lowercase); whitespace around
// `+` is insignificant. `#x_…` hashtags and `+x_…` attributes are extensions, `+i_xx` a language.
// Tag patterns select columns: `#adm1+name-code`, `#*+f`, and absolute `#affected+f+children!`.

import { normaliseSpace } from './datatypes.ts';

export interface HxlColumn {
  /** 0-based position in the source row. */
  index: number;
  /** The header text above the hashtag (or, without hashtags, the header row's cell), whitespace-normalised; null when blank. */
  header: string | null;
  /** `#adm1`, lowercase; null for a column without a valid hashtag. */
  tag: string | null;
  /** Lowercase, in the order written, each once. */
  attributes: readonly string[];
}

export interface Hashtag {
  tag: string;
  attributes: string[];
}

const NAME = '[A-Za-z][A-Za-z0-9_]*';
const HASHTAG = new RegExp(`^#(${NAME})((?:\\s*\\+\\s*${NAME})*)$`);
const PATTERN = new RegExp(`^#?(\\*|${NAME})((?:\\s*[+-]\\s*${NAME})*)\\s*(!?)$`);

/** Parses a hashtag spec (`#adm1 +name +i_ar`); null when the text is not one. */
export function parseHashtag(spec: string): Hashtag | null {
  const m = HASHTAG.exec(spec.trim());
  if (!m) return null;
  return { tag: `#${(m[1] ?? '').toLowerCase()}`, attributes: uniqueAttributes((m[2] ?? '').split('+')) };
}

function uniqueAttributes(names: readonly string[]): string[] {
  const seen: string[] = [];
  for (const name of names) {
    const a = name.trim().toLowerCase();
    if (a !== '' && !seen.includes(a)) seen.push(a);
  }
  return seen;
}

/** Whether a hashtag-row cell is a hashtag spec (possibly malformed) rather than plain text. */
export function looksLikeHashtag(cell: string): boolean {
  return cell.trimStart().startsWith('#');
}

/** A column from its hashtag-row cell and header; an invalid or blank cell gives an untagged column. */
export function makeColumn(
  index: number,
  spec: string | null | undefined,
  header?: string | null,
): HxlColumn {
  const parsed = spec ? parseHashtag(spec) : null;
  const text = header == null ? '' : normaliseSpace(header);
  return {
    index,
    header: text === '' ? null : text,
    tag: parsed?.tag ?? null,
    attributes: parsed?.attributes ?? [],
  };
}

/** `#tag+a+b` as written (attributes in their order); null for an untagged column. */
export function displayTag(column: Pick<HxlColumn, 'tag' | 'attributes'>): string | null {
  if (column.tag === null) return null;
  return column.tag + column.attributes.map((a) => `+${a}`).join('');
}

/**
 * `#tag+a+b` with attributes sorted: equal for columns HXL considers the same (attribute order is not
 * significant), so it serves as a key — e.g. in HXL's JSON objects.
 */
export function columnKey(column: Pick<HxlColumn, 'tag' | 'attributes'>): string | null {
  if (column.tag === null) return null;
  return (
    column.tag +
    [...column.attributes]
      .sort()
      .map((a) => `+${a}`)
      .join('')
  );
}

/** Same hashtag and same set of attributes (headers and positions do not matter). */
export function sameColumn(
  a: Pick<HxlColumn, 'tag' | 'attributes'>,
  b: Pick<HxlColumn, 'tag' | 'attributes'>,
): boolean {
  return a.tag !== null && columnKey(a) === columnKey(b);
}

export function isExtensionTag(tag: string): boolean {
  return tag.toLowerCase().startsWith('#x_');
}

export function hasAttribute(column: Pick<HxlColumn, 'attributes'>, attribute: string): boolean {
  return column.attributes.includes(attribute.toLowerCase());
}

/** The language an `+i_xx` attribute gives the column (`ar` for `+i_ar`), if any. */
export function columnLanguage(column: Pick<HxlColumn, 'attributes'>): string | null {
  const attribute = column.attributes.find((a) => a.startsWith('i_') && a.length > 2);
  return attribute ? attribute.slice(2) : null;
}

// ---------------------------------------------------------------------------------------------
// Tag patterns

export interface TagPattern {
  /** `#adm1`, or `*` for any hashtag. */
  tag: string;
  include: readonly string[];
  exclude: readonly string[];
  /** `!`: the column must have exactly the included attributes, no others. */
  absolute: boolean;
}

/**
 * Parses a tag pattern: `#tag`, `tag` (the `#` may be left out), `#tag +a -b`, `#*+f`, `#tag+a!`.
 * Returns null for malformed text.
 */
export function parseTagPattern(text: string): TagPattern | null {
  const m = PATTERN.exec(text.trim());
  if (!m) return null;
  const include: string[] = [];
  const exclude: string[] = [];
  for (const part of (m[2] ?? '').matchAll(/([+-])\s*([A-Za-z][A-Za-z0-9_]*)/g)) {
    const name = (part[2] ?? '').toLowerCase();
    const list = part[1] === '+' ? include : exclude;
    if (!list.includes(name)) list.push(name);
  }
  const tag = m[1] === '*' ? '*' : `#${(m[1] ?? '').toLowerCase()}`;
  return { tag, include, exclude, absolute: m[3] === '!' };
}

/** Parses a comma-separated list of tag patterns; null if any is malformed. */
export function parseTagPatterns(text: string): TagPattern[] | null {
  const patterns: TagPattern[] = [];
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const pattern = parseTagPattern(part);
    if (pattern === null) return null;
    patterns.push(pattern);
  }
  return patterns;
}

/** Accepts a pattern or its text; malformed text matches nothing. */
function toPattern(pattern: TagPattern | string): TagPattern | null {
  return typeof pattern === 'string' ? parseTagPattern(pattern) : pattern;
}

export function matchesPattern(
  pattern: TagPattern | string,
  column: Pick<HxlColumn, 'tag' | 'attributes'>,
): boolean {
  const p = toPattern(pattern);
  if (p === null || column.tag === null) return false;
  if (p.tag !== '*' && p.tag !== column.tag) return false;
  for (const a of p.include) if (!column.attributes.includes(a)) return false;
  for (const a of p.exclude) if (column.attributes.includes(a)) return false;
  if (p.absolute) return column.attributes.every((a) => p.include.includes(a));
  return true;
}

/** Index of the first column the pattern matches, or -1. */
export function findColumn(columns: readonly HxlColumn[], pattern: TagPattern | string): number {
  const p = toPattern(pattern);
  return p === null ? -1 : columns.findIndex((c) => matchesPattern(p, c));
}

/** Indexes of every column the pattern matches. */
export function findColumns(columns: readonly HxlColumn[], pattern: TagPattern | string): number[] {
  const p = toPattern(pattern);
  if (p === null) return [];
  const found: number[] = [];
  columns.forEach((c, i) => {
    if (matchesPattern(p, c)) found.push(i);
  });
  return found;
}

/**
 * The value of the first matching column that is not blank (so that `#org` finds the filled one of
 * two `#org` columns); null when no column matches or all are blank.
 */
export function getValue(
  columns: readonly HxlColumn[],
  values: readonly string[],
  pattern: TagPattern | string,
): string | null {
  const indexes = findColumns(columns, pattern);
  for (const i of indexes) {
    const value = values[i];
    if (value !== undefined && value.trim() !== '') return value;
  }
  return indexes.length > 0 && indexes[0] !== undefined && values[indexes[0]] !== undefined
    ? (values[indexes[0]] ?? null)
    : null;
}

/** The values of every matching column, in column order (missing cells are left out). */
export function getValues(
  columns: readonly HxlColumn[],
  values: readonly string[],
  pattern: TagPattern | string,
): string[] {
  const out: string[] = [];
  for (const i of findColumns(columns, pattern)) {
    const value = values[i];
    if (value !== undefined) out.push(value);
  }
  return out;
}

/** A pattern written back as text (`#adm1+name-code`, `#*+f!`). */
export function formatTagPattern(pattern: TagPattern): string {
  const tag = pattern.tag === '*' ? '#*' : pattern.tag;
  return (
    tag +
    pattern.include.map((a) => `+${a}`).join('') +
    pattern.exclude.map((a) => `-${a}`).join('') +
    (pattern.absolute ? '!' : '')
  );
}
