// Writing tables out as CSV (with an optional hashtag row) and as HXL's two JSON forms, streamed:
// each writer is an async generator of UTF-8 chunks, pulled as fast as the destination takes them,
// so a million rows never sit in memory. XLSX is written by `writeXlsx` in `../xlsx.ts`.
//
// Formula injection: a spreadsheet program opening a CSV evaluates a cell that starts with `=`, `+`,
// `-` or `@` (and may strip a leading tab or CR first). Such text cells are written with a leading
// `'`, which Excel and LibreOffice show as text. Two kinds of value are left alone, because they
// cannot carry a formula: numbers passed as numbers, and text that is exactly a plain number
// (`-5`, `+3.5`, `-1,000`), so negative quantities survive an export → edit → import round trip.
// `restoreNeutralized` undoes the prefix on the way back in.

import { columnLetter, ExchangeError } from '../source.ts';
import { parseNumber } from './datatypes.ts';
import { columnKey, displayTag, type HxlColumn, parseHashtag } from './model.ts';

export type Cell = string | number | boolean | Date | null | undefined;

export interface WriteColumn {
  header?: string | null;
  /** HXL hashtag spec, e.g. `#adm1+name+i_ar`. */
  hashtag?: string | null;
}

type Rows = AsyncIterable<readonly Cell[]> | Iterable<readonly Cell[]>;

const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

function formulaLike(text: string): boolean {
  if (text === '' || !FORMULA_TRIGGERS.has(text[0] as string)) return false;
  return parseNumber(text) === null || /^\s/.test(text);
}

/**
 * Prefixes `'` to text a spreadsheet would run as a formula; plain numbers are left as they are.
 * Text that already starts with `'` before such a formula gets one more, so `restoreNeutralized`
 * can always tell our prefix from the user's own quote.
 */
export function neutralizeFormula(text: string): string {
  const bare = text.charCodeAt(0) === 0x27 ? text.replace(/^'+/, '') : text;
  return formulaLike(bare) ? `'${text}` : text;
}

/** Undoes `neutralizeFormula`: `'=SUM(A1)` → `=SUM(A1)`; any other text is returned unchanged. */
export function restoreNeutralized(text: string): string {
  if (text.charCodeAt(0) !== 0x27) return text;
  return formulaLike(text.replace(/^'+/, '')) ? text.slice(1) : text;
}

/** A date as ISO 8601: the day alone at UTC midnight, else the full timestamp. */
export function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutralizeFormula(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isoDate(value);
}

export interface CsvWriteOptions {
  delimiter?: ',' | ';' | '\t';
  /** RFC 4180's CRLF by default. */
  newline?: '\r\n' | '\n';
  /** A UTF-8 BOM first, so that Excel reads the file as UTF-8 (Arabic text stays readable). */
  bom?: boolean;
  /** The header row; default true when a column has a header. */
  headers?: boolean;
  /** The HXL hashtag row; default true when a column has a hashtag. */
  hashtags?: boolean;
}

/** One CSV cell, quoted when it holds the delimiter, a quote or a line break; text neutralized. */
export function csvCell(value: Cell, delimiter = ','): string {
  const text = cellText(value);
  if (text.includes('"')) return `"${text.replaceAll('"', '""')}"`;
  if (text.includes(delimiter) || text.includes('\n') || text.includes('\r')) return `"${text}"`;
  return text;
}

const FLUSH_CHARS = 64 * 1024;

/** Joins text into chunks of about 64 KiB and encodes them as UTF-8. */
class ChunkBuffer {
  #parts: string[] = [];
  #length = 0;
  readonly #encoder = new TextEncoder();

  add(text: string): Uint8Array | null {
    this.#parts.push(text);
    this.#length += text.length;
    return this.#length >= FLUSH_CHARS ? this.flush() : null;
  }

  flush(): Uint8Array | null {
    if (this.#length === 0) return null;
    const bytes = this.#encoder.encode(this.#parts.join(''));
    this.#parts = [];
    this.#length = 0;
    return bytes;
  }
}

/** Header and hashtag cells for writing a table that was read (`displayTag` keeps attribute order). */
export function writeColumnsOf(columns: readonly HxlColumn[]): WriteColumn[] {
  return columns.map((c) => ({ header: c.header, hashtag: displayTag(c) }));
}

/**
 * Streams a table as CSV: headers, the hashtag row, then the rows, each cell formatted (numbers as
 * written by `String`, dates as ISO 8601, booleans as `true`/`false`) and text neutralized.
 */
export async function* writeCsv(
  columns: readonly WriteColumn[],
  rows: Rows,
  opts: CsvWriteOptions = {},
): AsyncGenerator<Uint8Array> {
  const delimiter = opts.delimiter ?? ',';
  const newline = opts.newline ?? '\r\n';
  const line = (cells: readonly Cell[]) => cells.map((c) => csvCell(c, delimiter)).join(delimiter) + newline;
  const buffer = new ChunkBuffer();
  if (opts.bom) buffer.add('\uFEFF');
  if (opts.headers ?? columns.some((c) => c.header)) buffer.add(line(columns.map((c) => c.header ?? '')));
  if (opts.hashtags ?? columns.some((c) => c.hashtag)) buffer.add(line(columns.map((c) => c.hashtag ?? '')));
  for await (const row of rows) {
    const chunk = buffer.add(line(row));
    if (chunk) yield chunk;
  }
  const rest = buffer.flush();
  if (rest) yield rest;
}

function jsonValue(value: Cell): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

export interface JsonRowsOptions {
  /** The header row first; default true when a column has a header. */
  headers?: boolean;
  /** The hashtag row; default true when a column has a hashtag. */
  hashtags?: boolean;
}

/**
 * HXL JSON as an array of arrays: `[headers], [hashtags], [values]…`, one row per line. A missing
 * header is `null`, a column without a hashtag `""` in the hashtag row.
 */
export async function* writeJsonRows(
  columns: readonly WriteColumn[],
  rows: Rows,
  opts: JsonRowsOptions = {},
): AsyncGenerator<Uint8Array> {
  const buffer = new ChunkBuffer();
  let first = true;
  const add = (cells: readonly unknown[]) => {
    const text = `${first ? '[\n' : ',\n'}${JSON.stringify(cells)}`;
    first = false;
    return buffer.add(text);
  };
  if (opts.headers ?? columns.some((c) => c.header)) add(columns.map((c) => c.header ?? null));
  if (opts.hashtags ?? columns.some((c) => c.hashtag)) add(columns.map((c) => c.hashtag ?? ''));
  for await (const row of rows) {
    const chunk = add(row.map(jsonValue));
    if (chunk) yield chunk;
  }
  buffer.add(first ? '[]\n' : '\n]\n');
  const rest = buffer.flush();
  if (rest) yield rest;
}

/** The JSON object keys of columns: the hashtag with sorted attributes; null for untagged columns. */
export function objectKeys(columns: readonly WriteColumn[]): (string | null)[] {
  return columns.map((c) => {
    const parsed = c.hashtag ? parseHashtag(c.hashtag) : null;
    return parsed ? columnKey(parsed) : null;
  });
}

/**
 * HXL JSON as an array of objects keyed by hashtag spec (attributes sorted, so `#sector+es+cluster`
 * becomes `#sector+cluster+es`); columns without a hashtag are left out. Two columns with the same
 * spec cannot both be keys: `exchange.duplicate_header` (write rows instead).
 */
export async function* writeJsonObjects(
  columns: readonly WriteColumn[],
  rows: Rows,
): AsyncGenerator<Uint8Array> {
  const keys = objectKeys(columns);
  const seen = new Map<string, number>();
  keys.forEach((key, i) => {
    if (key === null) return;
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ExchangeError('exchange.duplicate_header', {
        header: key,
        columns: [columnLetter(first), columnLetter(i)],
      });
    }
    seen.set(key, i);
  });
  const buffer = new ChunkBuffer();
  let first = true;
  for await (const row of rows) {
    const object: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      if (key !== null) object[key] = jsonValue(row[i]);
    });
    const chunk = buffer.add(`${first ? '[\n' : ',\n'}${JSON.stringify(object)}`);
    first = false;
    if (chunk) yield chunk;
  }
  buffer.add(first ? '[]\n' : '\n]\n');
  const rest = buffer.flush();
  if (rest) yield rest;
}
