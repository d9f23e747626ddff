// Reading a table as HXL: find the hashtag row, take the header row above it, stream the data rows
// below. Works on rows from any source (CSV, XLSX, JSON); `openTable` picks the source from the
// file's bytes. A table without a hashtag row is still read, by its header names (`hxl: false`).

import { type Delimiter, openCsv } from '../csv.ts';
import { concatBytes, decodeBytes, limitBytes, sniffFormat, type TextEncoding } from '../decode.ts';
import { columnLetter, ExchangeError, type ReadLimits, readLimits, type SourceRow } from '../source.ts';
import { defaultXlsxLimits, openXlsx, type XlsxLimits, type XlsxSheet } from '../xlsx.ts';
import { isEmpty, normaliseString } from './datatypes.ts';
import { type HxlColumn, looksLikeHashtag, makeColumn, parseHashtag } from './model.ts';

/** HXL 1.1: the hashtag row is looked for among the first 25 rows. */
export const HASHTAG_SCAN_ROWS = 25;

export interface HxlRow {
  /** One value per column, as written (not trimmed); missing cells are ''. */
  values: string[];
  /** Line (CSV) or sheet row (XLSX) the row starts on. */
  line: number;
  /** Non-empty cells beyond the last column, when the row is longer than the header. */
  overflow?: string[];
}

export interface InvalidHashtag {
  column: number;
  /** `A`, `B`… as a spreadsheet names the column. */
  letter: string;
  text: string;
  /** `malformed`: starts with `#` but is not a hashtag spec; `not_a_hashtag`: plain text in the hashtag row. */
  reason: 'malformed' | 'not_a_hashtag';
}

export interface HxlTable {
  /** Whether a hashtag row was found. */
  hxl: boolean;
  columns: HxlColumn[];
  /** Columns without a valid hashtag in a tagged table (kept, with their header). */
  untagged: number[];
  /** Cells of the hashtag row that are not valid hashtags. */
  invalidHashtags: InvalidHashtag[];
  hashtagLine: number | null;
  headerLine: number | null;
  rows: AsyncGenerator<HxlRow>;
}

export interface HxlReadOptions {
  /** Rows searched for the hashtag row; default 25. */
  scanRows?: number;
  /** In a table without hashtags, allow two columns with the same header (default: refuse, as they could not be told apart). */
  allowDuplicateHeaders?: boolean;
}

function blank(cells: readonly string[]): boolean {
  return cells.every(isEmpty);
}

function trimTrailing(cells: readonly string[]): string[] {
  let end = cells.length;
  while (end > 0 && isEmpty(cells[end - 1])) end--;
  return cells.slice(0, end);
}

/**
 * Whether a row is a hashtag row: at least one non-empty cell, and at least half of the non-empty
 * cells valid hashtag specs (the rule libhxl applies, lenient with a few broken cells).
 */
export function isHashtagRow(cells: readonly string[]): boolean {
  let filled = 0;
  let tagged = 0;
  for (const cell of cells) {
    if (isEmpty(cell)) continue;
    filled++;
    if (parseHashtag(cell) !== null) tagged++;
  }
  return tagged > 0 && tagged * 2 >= filled;
}

function hashtagIssues(cells: readonly string[]): InvalidHashtag[] {
  const issues: InvalidHashtag[] = [];
  cells.forEach((cell, column) => {
    if (isEmpty(cell) || parseHashtag(cell) !== null) return;
    issues.push({
      column,
      letter: columnLetter(column),
      text: cell.trim(),
      reason: looksLikeHashtag(cell) ? 'malformed' : 'not_a_hashtag',
    });
  });
  return issues;
}

function checkUniqueHeaders(columns: readonly HxlColumn[]): void {
  const seen = new Map<string, number>();
  for (const column of columns) {
    if (column.header === null) continue;
    const key = normaliseString(column.header);
    const first = seen.get(key);
    if (first !== undefined) {
      throw new ExchangeError('exchange.duplicate_header', {
        header: column.header,
        columns: [columnLetter(first), columnLetter(column.index)],
      });
    }
    seen.set(key, column.index);
  }
}

type RowSource = AsyncIterable<SourceRow> | Iterable<SourceRow>;

/**
 * Reads rows as an HXL table. Data rows are padded to the columns' width; blank rows inside the
 * data are kept (so line numbers stay meaningful) but trailing ones are dropped. Throws
 * `exchange.no_header` for a table with no non-blank row, and `exchange.duplicate_header` for a table
 * without hashtags whose headers repeat (unless allowed).
 */
export async function readHxl(source: RowSource, opts: HxlReadOptions = {}): Promise<HxlTable> {
  const iterator = (
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  ) as AsyncIterator<SourceRow> | Iterator<SourceRow>;
  const scanRows = opts.scanRows ?? HASHTAG_SCAN_ROWS;
  const scanned: SourceRow[] = [];
  let exhausted = false;
  let hashtagAt = -1;
  while (scanned.length < scanRows) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    scanned.push(next.value);
    if (isHashtagRow(next.value.cells)) {
      hashtagAt = scanned.length - 1;
      break;
    }
  }

  let columns: HxlColumn[];
  let dataFrom: number;
  let invalidHashtags: InvalidHashtag[] = [];
  let hashtagLine: number | null = null;
  let headerLine: number | null = null;
  if (hashtagAt !== -1) {
    const tags = scanned[hashtagAt] as SourceRow;
    const header = hashtagAt > 0 ? (scanned[hashtagAt - 1] as SourceRow) : null;
    const tagCells = trimTrailing(tags.cells);
    const headerCells = header ? trimTrailing(header.cells) : [];
    const width = Math.max(tagCells.length, headerCells.length);
    columns = Array.from({ length: width }, (_, i) => makeColumn(i, tagCells[i], headerCells[i]));
    invalidHashtags = hashtagIssues(tagCells);
    hashtagLine = tags.line;
    headerLine = header?.line ?? null;
    dataFrom = hashtagAt + 1;
  } else {
    let headerAt = scanned.findIndex((r) => !blank(r.cells));
    while (headerAt === -1 && !exhausted) {
      const next = await iterator.next();
      if (next.done) exhausted = true;
      else if (!blank(next.value.cells)) {
        scanned.splice(0, scanned.length, next.value);
        headerAt = 0;
      }
    }
    const header = headerAt === -1 ? undefined : scanned[headerAt];
    if (header === undefined) throw new ExchangeError('exchange.no_header');
    columns = trimTrailing(header.cells).map((cell, i) => makeColumn(i, null, cell));
    if (!opts.allowDuplicateHeaders) checkUniqueHeaders(columns);
    headerLine = header.line;
    dataFrom = headerAt + 1;
  }

  const width = columns.length;
  const buffered = scanned.slice(dataFrom);
  const shape = (row: SourceRow): HxlRow => {
    const cells = row.cells;
    if (cells.length <= width) {
      while (cells.length < width) cells.push('');
      return { values: cells, line: row.line };
    }
    const extra = trimTrailing(cells.slice(width));
    const values = cells.slice(0, width);
    return extra.length > 0 ? { values, line: row.line, overflow: extra } : { values, line: row.line };
  };
  async function* rows(): AsyncGenerator<HxlRow> {
    // Blank rows wait until a filled row follows them: trailing ones are never emitted.
    let pendingBlanks: number[] = [];
    for (;;) {
      let row = buffered.shift();
      if (row === undefined) {
        if (exhausted) return;
        const step = await iterator.next();
        if (step.done) return;
        row = step.value;
      }
      if (blank(row.cells)) {
        pendingBlanks.push(row.line);
        continue;
      }
      if (pendingBlanks.length > 0) {
        for (const line of pendingBlanks) yield { values: new Array<string>(width).fill(''), line };
        pendingBlanks = [];
      }
      yield shape(row);
    }
  }

  const untagged = hashtagAt === -1 ? [] : columns.filter((c) => c.tag === null).map((c) => c.index);
  return { hxl: hashtagAt !== -1, columns, untagged, invalidHashtags, hashtagLine, headerLine, rows: rows() };
}

/**
 * Tags untagged columns from their headers, as HXL's tagger does: `specs` maps header text to a
 * hashtag spec. Headers compare with whitespace and case normalised; unless `matchAll`, a key found
 * inside a longer header matches too (the first key that fits wins). A malformed spec is a RangeError.
 */
export function tagByHeader(
  columns: readonly HxlColumn[],
  specs: Readonly<Record<string, string>>,
  opts: { matchAll?: boolean } = {},
): HxlColumn[] {
  const entries = Object.entries(specs).map(([header, spec]) => {
    if (parseHashtag(spec) === null) throw new RangeError(`not a hashtag spec: ${spec}`);
    return [normaliseString(header), spec] as const;
  });
  return columns.map((column) => {
    if (column.tag !== null || column.header === null) return column;
    const header = normaliseString(column.header);
    const found =
      entries.find(([key]) => key === header) ??
      (opts.matchAll ? undefined : entries.find(([key]) => header.includes(key)));
    return found ? makeColumn(column.index, found[1], column.header) : column;
  });
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * How deep a cell that is itself an array or object may nest. JSON.parse reads any depth, but
 * writing the cell back as text recurses, and thousands of levels overflow the stack.
 */
const MAX_CELL_DEPTH = 32;

function nestsDeeper(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth === 0) return true;
  for (const inner of Object.values(value)) if (nestsDeeper(inner, depth - 1)) return true;
  return false;
}

function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (nestsDeeper(value, MAX_CELL_DEPTH))
    throw new ExchangeError('exchange.malformed_json', { reason: 'nested_cell' });
  return JSON.stringify(value);
}

/**
 * Rows of HXL's two JSON forms: an array of arrays (rows, hashtag row among them), or an array of
 * objects keyed by hashtag spec (or by header name), whose keys become the first row.
 */
export function jsonRows(text: string): SourceRow[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ExchangeError('exchange.malformed_json', { reason: 'syntax' }, { cause: error });
  }
  if (!Array.isArray(doc)) throw new ExchangeError('exchange.malformed_json', { reason: 'not_an_array' });
  if (doc.every((item) => Array.isArray(item))) {
    return doc.map((item: unknown[], i) => ({ cells: item.map(jsonCell), line: i + 1 }));
  }
  if (!doc.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
    throw new ExchangeError('exchange.malformed_json', { reason: 'mixed_rows' });
  }
  const keys: string[] = [];
  const known = new Set<string>();
  for (const item of doc as Record<string, unknown>[]) {
    for (const key of Object.keys(item)) {
      if (!known.has(key)) {
        known.add(key);
        keys.push(key);
      }
    }
  }
  const rows: SourceRow[] = [{ cells: keys, line: 1 }];
  (doc as Record<string, unknown>[]).forEach((item, i) => {
    rows.push({ cells: keys.map((k) => jsonCell(item[k])), line: i + 2 });
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Files

export type TableFormat = 'csv' | 'xlsx' | 'json';

export interface OpenTableOptions extends Partial<ReadLimits>, HxlReadOptions {
  /** By default: a zip is XLSX; else the extension (.csv .tsv .ssv .json); else JSON if it starts with `[` or `{`, else CSV. */
  format?: TableFormat;
  fileName?: string;
  /** XLSX: a sheet name or 0-based index. */
  sheet?: string | number;
  /** CSV and JSON: force an encoding instead of detecting it. */
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  xlsx?: Partial<XlsxLimits>;
  /** JSON is parsed whole: bytes accepted (default 64 MiB). */
  maxJsonBytes?: number;
}

export interface OpenedTable extends HxlTable {
  format: TableFormat;
  /** CSV and JSON; for CSV final only once the rows are read. */
  readonly encoding?: TextEncoding;
  delimiter?: Delimiter;
  sheet?: string;
  sheets?: XlsxSheet[];
}

const DEFAULT_MAX_JSON_BYTES = 64 * 1024 * 1024;
const HEAD_BYTES = 8 * 1024;

function extensionFormat(fileName: string | undefined): TableFormat | null {
  const ext = fileName?.split('.').pop()?.toLowerCase() ?? '';
  if (ext === 'xlsx' || ext === 'xlsm') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'ssv') return 'csv';
  return null;
}

async function collect(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of limitBytes(chunks, maxBytes)) {
    parts.push(chunk);
    length += chunk.length;
  }
  return concatBytes(parts, length);
}

/** Splits a byte source into its first `HEAD_BYTES` and a stream that replays them then the rest. */
async function peek(
  source: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  if (source instanceof Uint8Array) {
    return {
      head: source.subarray(0, HEAD_BYTES),
      all: (async function* () {
        yield source;
      })(),
    };
  }
  const iterator = (
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]()
  ) as AsyncIterator<Uint8Array> | Iterator<Uint8Array>;
  const first: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    length += next.value.length;
  }
  const head = concatBytes(first, length);
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* first;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, all: all() };
}

/**
 * Opens a spreadsheet file — CSV (any delimiter or encoding `openCsv` reads), XLSX or HXL JSON —
 * and reads it as an HXL table whose rows stream. Every failure is an `ExchangeError`.
 */
export async function openTable(
  source: Uint8Array | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: OpenTableOptions = {},
): Promise<OpenedTable> {
  const limits = readLimits(opts);
  const { head, all } = await peek(source);
  const sniffed = sniffFormat(head);
  let format: TableFormat;
  if (sniffed === 'zip') format = 'xlsx';
  else if (sniffed !== 'text' && sniffed !== 'json')
    throw new ExchangeError('exchange.unsupported_format', { format: sniffed });
  else format = opts.format ?? extensionFormat(opts.fileName) ?? (sniffed === 'json' ? 'json' : 'csv');
  if (format === 'xlsx' && sniffed !== 'zip')
    throw new ExchangeError('exchange.malformed_xlsx', { reason: 'not_a_zip' });
  if (format !== 'xlsx' && sniffed === 'zip')
    throw new ExchangeError('exchange.unsupported_format', { format: 'zip' });

  if (format === 'xlsx') {
    const xlsxLimits = {
      ...limits,
      ...defaultXlsxLimits,
      maxBytes: Math.min(limits.maxBytes, defaultXlsxLimits.maxBytes),
      ...opts.xlsx,
    };
    const bytes = await collect(all, xlsxLimits.maxBytes);
    const file = await openXlsx(bytes, {
      ...xlsxLimits,
      ...(opts.sheet === undefined ? {} : { sheet: opts.sheet }),
    });
    const table = await readHxl(file.rows, opts);
    return { ...table, format, sheet: file.sheet, sheets: file.sheets };
  }
  if (format === 'json') {
    const bytes = await collect(all, opts.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES);
    const { text, encoding } = decodeBytes(bytes, opts.encoding);
    const table = await readHxl(jsonRows(text), opts);
    return { ...table, format, encoding };
  }
  const csv = await openCsv(all, {
    ...limits,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  });
  const table = await readHxl(csv.rows, opts);
  return {
    ...table,
    format,
    delimiter: csv.delimiter,
    get encoding() {
      return csv.encoding;
    },
  };
}
