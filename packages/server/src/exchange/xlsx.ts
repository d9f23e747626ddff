// XLSX in and out.
//
// Reading is our own, over `zip.ts` and `xml-scan.ts`: exceljs's streaming reader
// (`stream.xlsx.WorkbookReader`, 4.4.0) decodes every inflated chunk as UTF-8 on its own, so a
// character cut by a chunk boundary turns into two U+FFFD — measured at 5 damaged rows in 20,000 rows
// of Arabic text — and it neither bounds what it inflates nor avoids writing sheets to temporary
// files. Reading here streams the chosen sheet's rows, never evaluates a formula (the cached result is
// read), and is bounded: the file itself (`maxBytes`, held in memory), the shared-strings table it
// must keep (`maxSharedStringsBytes` of XML) and one row. Peak memory is about
// `maxBytes + 2 × maxSharedStringsBytes` plus one row, whatever the sheet's size.
//
// Writing uses exceljs's streaming `WorkbookWriter`.

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralizeFormula } from './hxl/writer.ts';
import { columnLetter, ExchangeError, type ReadLimits, readLimits, type SourceRow } from './source.ts';
import { type XmlHandler, XmlScanner, xmlAttribute } from './xml-scan.ts';
import { checkEntrySize, inflateEntry, inflateText, readZipDirectory, type ZipEntry } from './zip.ts';

export interface XlsxLimits extends ReadLimits {
  /** Uncompressed bytes of the sheet read. */
  maxUncompressedBytes: number;
  /** Uncompressed bytes of the shared-strings part, which is held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Parts over 1 MiB inflating more than this many times their size are refused as zip bombs. */
  maxCompressionRatio: number;
  maxEntries: number;
}

export const defaultXlsxLimits = {
  maxBytes: 128 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxCompressionRatio: 500,
  maxEntries: 10_000,
};

// Workbook, relationships and styles are small parts, read whole.
const MAX_SMALL_PART = 16 * 1024 * 1024;
// Excel's own bounds: beyond them a reference is not a cell.
const EXCEL_ROWS = 1_048_576;
const EXCEL_COLUMNS = 16_384;

export interface XlsxReadOptions extends Partial<XlsxLimits> {
  /** A sheet name, or a 0-based index in workbook order; by default the first visible sheet. */
  sheet?: string | number;
}

export interface XlsxSheet {
  name: string;
  hidden: boolean;
}

export interface XlsxFile {
  sheet: string;
  sheets: XlsxSheet[];
  rows: AsyncGenerator<SourceRow>;
}

function malformed(reason: string, details: Record<string, unknown> = {}): ExchangeError {
  return new ExchangeError('exchange.malformed_xlsx', { reason, ...details });
}

/** Runs a whole small XML part through a handler. */
function scanAll(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.push(text);
  scanner.end();
}

function ignore(): void {}

interface Relationship {
  id: string;
  target: string;
  type: string;
}

function parseRelationships(text: string, base: string): Relationship[] {
  const out: Relationship[] = [];
  scanAll(text, {
    open(name, attributes) {
      if (name !== 'Relationship') return;
      const id = xmlAttribute(attributes, 'Id');
      const target = xmlAttribute(attributes, 'Target');
      if (id === null || target === null || xmlAttribute(attributes, 'TargetMode') === 'External') return;
      out.push({ id, target: resolvePart(base, target), type: xmlAttribute(attributes, 'Type') ?? '' });
    },
    close: ignore,
    text: ignore,
  });
  return out;
}

/** A part's path inside the zip from a relationship target (relative to `base`, or absolute). */
function resolvePart(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface WorkbookInfo {
  sheets: { name: string; hidden: boolean; rid: string }[];
  date1904: boolean;
}

function parseWorkbook(text: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  scanAll(text, {
    open(name, attributes) {
      if (name === 'workbookPr') {
        const v = xmlAttribute(attributes, 'date1904');
        info.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const state = xmlAttribute(attributes, 'state');
        info.sheets.push({
          name: xmlAttribute(attributes, 'name') ?? '',
          hidden: state === 'hidden' || state === 'veryHidden',
          rid: xmlAttribute(attributes, 'id') ?? '',
        });
      }
    },
    close: ignore,
    text: ignore,
  });
  return info;
}

// Built-in number formats that show dates or times (ECMA-376 §18.8.30, plus the East Asian ones).
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58, 71, 72, 73, 74, 75, 76, 77,
  78, 79, 80, 81,
]);
const BUILTIN_TIME_FORMATS = new Set([18, 19, 20, 21, 32, 33, 45, 46, 47, 55, 56]);

type DateKind = 0 | 1 | 2; // not a date, a date (maybe with time), a time of day

function formatKind(code: string): DateKind {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '');
  if (/[dy]/i.test(bare)) return 1;
  if (/[hs]/i.test(bare)) return 2;
  return /m/i.test(bare) ? 1 : 0;
}

/** For each cell style (`s`), whether its number format shows a date or a time. */
function parseStyles(text: string): DateKind[] {
  const custom = new Map<number, DateKind>();
  const kinds: DateKind[] = [];
  let inCellXfs = false;
  scanAll(text, {
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(xmlAttribute(attributes, 'numFmtId'));
        custom.set(id, formatKind(xmlAttribute(attributes, 'formatCode') ?? ''));
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(xmlAttribute(attributes, 'numFmtId') ?? '0');
        kinds.push(
          custom.get(id) ?? (BUILTIN_DATE_FORMATS.has(id) ? 1 : BUILTIN_TIME_FORMATS.has(id) ? 2 : 0),
        );
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: ignore,
  });
  return kinds;
}

// OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a CR in a cell as `_x000D_`).
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

function unescapeOoxml(text: string): string {
  return text.includes('_x')
    ? text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    : text;
}

async function* decodeEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of inflateEntry(bytes, entry)) {
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield text;
    }
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch (error) {
    if (error instanceof ExchangeError) throw error;
    throw malformed('invalid_utf8', { entry: entry.name });
  }
}

async function readSharedStrings(bytes: Uint8Array, entry: ZipEntry): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let capture = false;
  let phonetic = 0;
  const scanner = new XmlScanner({
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic += selfClosing ? 0 : 1;
      else if (name === 't' && phonetic === 0 && !selfClosing) capture = true;
    },
    close(name) {
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic = Math.max(0, phonetic - 1);
      else if (name === 'si') {
        strings.push(unescapeOoxml(current ?? ''));
        current = null;
      }
    },
    text(text) {
      if (capture && current !== null) current += text;
    },
  });
  for await (const text of decodeEntry(bytes, entry)) scanner.push(text);
  scanner.end();
  return strings;
}

/** Column index (0-based) and row number of a cell reference such as `AB12`; null if it is not one. */
function parseReference(ref: string): { column: number; row: number | null } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
    if (column > EXCEL_COLUMNS) return null;
  }
  if (i === 0) return null;
  if (i === ref.length) return { column: column - 1, row: null };
  let row = 0;
  for (let k = i; k < ref.length; k++) {
    const d = ref.charCodeAt(k) - 0x30;
    if (d < 0 || d > 9 || (k === i && d === 0)) return null;
    row = row * 10 + d;
    if (row > EXCEL_ROWS) return null;
  }
  return { column: column - 1, row };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel serial date as ISO 8601: `2024-03-01`, `2024-03-01T14:30:00`, or `14:30:00` for a time of day. */
export function excelSerialToIso(serial: number, date1904: boolean, kind: DateKind = 1): string {
  // 25569 is 1970-01-01 in the 1900 system; serials below 61 sit before Excel's phantom 1900-02-29.
  const days = date1904 ? serial - 24107 : serial < 61 ? serial - 25568 : serial - 25569;
  const ms = Math.round((days * 86_400_000) / 1000) * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || Math.abs(serial) > 2_958_465) return String(serial);
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (kind === 2 && serial >= 0 && serial < 1) return time;
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return time === '00:00:00' ? day : `${day}T${time}`;
}

/** Turns sheet XML events into rows of strings. */
class SheetRows implements XmlHandler {
  readonly out: SourceRow[] = [];
  done = false;
  #inData = false;
  #row: string[] | null = null;
  #rowNumber = 0;
  #rowChars = 0;
  #rows = 0;
  #column = -1;
  #type = '';
  #style = 0;
  #value = '';
  #capture = false;
  #inline = false;
  #phonetic = 0;
  readonly #strings: readonly string[];
  readonly #dateKinds: readonly DateKind[];
  readonly #date1904: boolean;
  readonly #limits: ReadLimits;

  constructor(
    strings: readonly string[],
    dateKinds: readonly DateKind[],
    date1904: boolean,
    limits: ReadLimits,
  ) {
    this.#strings = strings;
    this.#dateKinds = dateKinds;
    this.#date1904 = date1904;
    this.#limits = limits;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    if (name === 'sheetData') {
      this.#inData = !selfClosing;
    } else if (!this.#inData) {
      return;
    } else if (name === 'row') {
      const r = xmlAttribute(attributes, 'r');
      const number = r === null ? this.#rowNumber + 1 : Number(r);
      if (!Number.isInteger(number) || number <= this.#rowNumber || number > EXCEL_ROWS) {
        throw malformed('bad_row_number', { row: r });
      }
      // Rows Excel leaves out are blank rows: keep them, so that "the row above" means what it shows.
      for (let blank = this.#rowNumber + 1; blank < number; blank++) this.#emit([], blank);
      this.#rowNumber = number;
      this.#row = [];
      this.#rowChars = 0;
      this.#column = -1;
    } else if (name === 'c' && this.#row !== null) {
      const r = xmlAttribute(attributes, 'r');
      const ref = r === null ? { column: this.#column + 1, row: null } : parseReference(r);
      if (ref === null || ref.column >= EXCEL_COLUMNS) throw malformed('bad_cell_reference', { cell: r });
      if (ref.column >= this.#limits.maxColumns) {
        throw new ExchangeError('exchange.too_many_columns', {
          line: this.#rowNumber,
          limit: this.#limits.maxColumns,
        });
      }
      this.#column = ref.column;
      this.#type = xmlAttribute(attributes, 't') ?? 'n';
      this.#style = Number(xmlAttribute(attributes, 's') ?? '0');
      this.#value = '';
      this.#inline = false;
      this.#phonetic = 0;
    } else if (name === 'v') {
      this.#capture = !selfClosing;
    } else if (name === 'is') {
      this.#inline = true;
    } else if (name === 'rPh') {
      if (!selfClosing) this.#phonetic++;
    } else if (name === 't' && this.#inline && this.#phonetic === 0) {
      this.#capture = !selfClosing;
    }
  }

  close(name: string): void {
    if (name === 'v' || name === 't') {
      this.#capture = false;
    } else if (name === 'rPh') {
      this.#phonetic = Math.max(0, this.#phonetic - 1);
    } else if (name === 'c' && this.#row !== null) {
      this.#setCell(this.#row, this.#column, this.#cellText());
    } else if (name === 'row' && this.#row !== null) {
      const row = this.#row;
      let end = row.length;
      while (end > 0 && row[end - 1] === '') end--;
      row.length = end;
      this.#emit(row, this.#rowNumber);
      this.#row = null;
    } else if (name === 'sheetData') {
      this.#inData = false;
      this.done = true;
    }
  }

  text(text: string): void {
    if (!this.#capture) return;
    if (this.#value.length + text.length > this.#limits.maxCellChars) this.#tooLarge();
    this.#value += text;
  }

  #tooLarge(): never {
    throw new ExchangeError('exchange.cell_too_large', {
      line: this.#rowNumber,
      column: columnLetter(this.#column),
      limit: this.#limits.maxCellChars,
    });
  }

  #setCell(row: string[], column: number, text: string): void {
    if (text.length > this.#limits.maxCellChars) this.#tooLarge();
    this.#rowChars += text.length;
    if (this.#rowChars > this.#limits.maxRowChars) {
      throw new ExchangeError('exchange.row_too_large', {
        line: this.#rowNumber,
        limit: this.#limits.maxRowChars,
      });
    }
    while (row.length < column) row.push('');
    row[column] = text;
  }

  #cellText(): string {
    const raw = this.#value;
    switch (this.#type) {
      case 's': {
        if (raw === '') return '';
        const text = this.#strings[Number(raw)];
        if (text === undefined) throw malformed('bad_shared_string', { line: this.#rowNumber });
        return text;
      }
      case 'inlineStr':
        return unescapeOoxml(raw);
      case 'str':
      case 'e':
        return unescapeOoxml(raw);
      case 'b':
        return raw === '' ? '' : raw.trim() === '0' ? 'false' : 'true';
      case 'd':
        return raw.replace(/T00:00(?::00(?:\.0+)?)?Z?$/, '');
      default: {
        if (raw === '') return '';
        const n = Number(raw);
        if (!Number.isFinite(n)) return raw;
        const kind = this.#dateKinds[this.#style] ?? 0;
        return kind === 0 ? String(n) : excelSerialToIso(n, this.#date1904, kind);
      }
    }
  }

  #emit(cells: string[], line: number): void {
    this.#rows++;
    if (this.#rows > this.#limits.maxRows)
      throw new ExchangeError('exchange.too_many_rows', { limit: this.#limits.maxRows });
    this.out.push({ cells, line });
  }
}

/**
 * Opens an XLSX workbook held in memory and streams the rows of one sheet as text: numbers as
 * written by `String(n)`, dates as ISO 8601, booleans as `true`/`false`, formulas as their cached
 * result (never evaluated), rich text flattened, error values as shown (`#N/A`). Trailing empty cells
 * are dropped; rows Excel did not store come as empty rows.
 */
export async function openXlsx(bytes: Uint8Array, opts: XlsxReadOptions = {}): Promise<XlsxFile> {
  const limits = { ...readLimits(), ...defaultXlsxLimits, ...opts };
  if (bytes.length > limits.maxBytes)
    throw new ExchangeError('exchange.too_large', { limit: limits.maxBytes });
  const entries = readZipDirectory(bytes, limits);
  const small = async (path: string): Promise<string | null> => {
    const entry = entries.get(path);
    if (!entry) return null;
    checkEntrySize(entry, MAX_SMALL_PART, limits);
    return inflateText(bytes, entry);
  };

  const rootRels = await small('_rels/.rels');
  const officeDocument = rootRels
    ? parseRelationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target
    : undefined;
  const workbookPath = officeDocument ?? 'xl/workbook.xml';
  const workbookText = await small(workbookPath);
  if (workbookText === null) throw new ExchangeError('exchange.unsupported_format', { format: 'zip' });
  const workbook = parseWorkbook(workbookText);
  const base = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = parseRelationships((await small(relsPathOf(workbookPath))) ?? '<Relationships/>', base);
  if (workbook.sheets.length === 0) throw malformed('no_sheets');

  const names = workbook.sheets.map((s) => s.name);
  let chosen: (typeof workbook.sheets)[number] | undefined;
  if (typeof opts.sheet === 'number') {
    chosen = workbook.sheets[opts.sheet];
  } else if (typeof opts.sheet === 'string') {
    const wanted = opts.sheet.trim();
    chosen =
      workbook.sheets.find((s) => s.name === wanted) ??
      workbook.sheets.find((s) => s.name.trim().toLowerCase() === wanted.toLowerCase());
  } else {
    chosen = workbook.sheets.find((s) => !s.hidden) ?? workbook.sheets[0];
  }
  if (!chosen)
    throw new ExchangeError('exchange.sheet_not_found', { sheet: String(opts.sheet), sheets: names });
  const rid = chosen.rid;
  const sheetPath = rels.find((r) => r.id === rid)?.target;
  const sheetEntry = sheetPath === undefined ? undefined : entries.get(sheetPath);
  if (!sheetEntry) throw malformed('missing_part', { part: sheetPath ?? rid });
  checkEntrySize(sheetEntry, limits.maxUncompressedBytes, limits);

  const partOf = (suffix: string, fallback: string) =>
    rels.find((r) => r.type.endsWith(suffix))?.target ?? `${base}${fallback}`;
  const stylesText = await small(partOf('/styles', 'styles.xml'));
  const dateKinds = stylesText === null ? [] : parseStyles(stylesText);
  const stringsEntry = entries.get(partOf('/sharedStrings', 'sharedStrings.xml'));
  let strings: string[] = [];
  if (stringsEntry) {
    checkEntrySize(stringsEntry, limits.maxSharedStringsBytes, limits);
    strings = await readSharedStrings(bytes, stringsEntry);
  }

  async function* rows(): AsyncGenerator<SourceRow> {
    const handler = new SheetRows(strings, dateKinds, workbook.date1904, limits);
    const scanner = new XmlScanner(handler);
    // Read to the end even after </sheetData>, so that the size and CRC-32 checks run.
    for await (const text of decodeEntry(bytes, sheetEntry as ZipEntry)) {
      scanner.push(text);
      if (handler.out.length > 0) yield* handler.out.splice(0);
    }
    scanner.end();
  }

  return {
    sheet: chosen.name,
    sheets: workbook.sheets.map(({ name, hidden }) => ({ name, hidden })),
    rows: rows(),
  };
}

// ---------------------------------------------------------------------------------------------
// Writing

export type CellValue = string | number | boolean | Date | null | undefined;

export interface XlsxColumn {
  header?: string | null;
  /** The HXL hashtag spec written in the hashtag row. */
  hashtag?: string | null;
  /** Characters; by default from the header's length. */
  width?: number;
  /** Allowed values: the template offers them as a drop-down list on every data cell of the column. */
  list?: readonly string[];
}

export interface XlsxWriteOptions {
  sheetName?: string;
  /** Right-to-left sheet, as Arabic readers expect. */
  rightToLeft?: boolean;
  /** Write the header row (bold); default true when a column has a header. */
  headers?: boolean;
  /** Write the HXL hashtag row under the headers; default true when a column has a hashtag. */
  hashtags?: boolean;
  /** Name of the hidden sheet that holds long validation lists; default `lists`. */
  listSheetName?: string;
  /**
   * Prefix `'` to text that would be a formula in CSV, as `writeCsv` does. Off by default: XLSX text
   * cells are never evaluated, and the prefix would change the data; on, a sheet re-saved as CSV
   * by its reader stays safe.
   */
  neutralizeFormulas?: boolean;
}

// Excel's limit on the characters in one cell.
export const XLSX_MAX_CELL_CHARS = 32_767;
// An inline list ("a,b,c") in a validation may not exceed 255 characters.
const INLINE_LIST_CHARS = 255;
// Characters XML 1.0 cannot hold at all: a cell with one makes Excel refuse the whole file.
const XML_INVALID =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove.
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// Shared style objects: exceljs caches a style's id by object identity, and otherwise works out the
// style of every cell anew — most of the time a large export would take. Never mutated.
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const DAY_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'yyyy-mm-dd' });
const TIMESTAMP_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'yyyy-mm-dd hh:mm:ss' });
// Rows between two checks of the compression backlog, and the backlog (bytes of XML) that makes us wait.
const ROWS_PER_CHECK = 500;
const MAX_BACKLOG = 4 * 1024 * 1024;

type LegacyWritable = Writable & { _writableState?: { length: number } };

/**
 * Waits while the sheet's XML waits to be compressed. exceljs's sheet stream hands its chunks to the
 * zip's input (a PassThrough) without heeding backpressure, so without this wait a large export
 * would pile up in memory whenever compression or the destination is slower than row production.
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = (sheet as unknown as { stream?: { pipes?: LegacyWritable[] } }).stream?.pipes?.[0];
  // archiver's PassThrough comes from readable-stream 2, which predates `writableLength`.
  const backlog = input ? (input.writableLength ?? input._writableState?.length ?? 0) : 0;
  if (input && backlog > MAX_BACKLOG && !input.destroyed) {
    const stop = new AbortController();
    try {
      await Promise.race([
        once(input, 'drain', { signal: stop.signal }),
        once(input, 'close', { signal: stop.signal }),
      ]);
    } finally {
      stop.abort();
    }
  } else {
    // Let compression callbacks run even when rows come from a synchronous source.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`. */
export function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, ' ')
    .trim()
    .slice(0, 31);
  return cleaned === '' ? 'Sheet1' : cleaned;
}

function quoteSheet(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

function cellValue(value: CellValue, line: number, column: number): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = value.replace(XML_INVALID, '');
    if (text.length > XLSX_MAX_CELL_CHARS) {
      throw new ExchangeError('exchange.cell_too_large', {
        line,
        column: columnLetter(column),
        limit: XLSX_MAX_CELL_CHARS,
      });
    }
    return text;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return value;
}

function isMidnight(date: Date): boolean {
  return (
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0
  );
}

/**
 * Writes one sheet as a streamed XLSX to `output`: a bold header row, the HXL hashtag row, frozen
 * above the data; right-to-left on request; drop-down validation lists for columns that have
 * `list` (inline when short, else from a hidden sheet). Text cells are stored as text, never as
 * formulas, so they need no neutralizing (see `hxl/writer.ts` for CSV). Resolves with the number of
 * data rows written once the file is complete.
 */
export async function writeXlsx(
  output: Writable,
  columns: readonly XlsxColumn[],
  rows: AsyncIterable<readonly CellValue[]> | Iterable<readonly CellValue[]>,
  opts: XlsxWriteOptions = {},
): Promise<{ rows: number }> {
  const withHeaders = opts.headers ?? columns.some((c) => c.header);
  const withHashtags = opts.hashtags ?? columns.some((c) => c.hashtag);
  const top = (withHeaders ? 1 : 0) + (withHashtags ? 1 : 0);
  const sheetName = safeSheetName(opts.sheetName ?? 'data');
  const listSheetName = safeSheetName(opts.listSheetName ?? 'lists');
  const neutralize = opts.neutralizeFormulas ?? false;

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: top, xSplit: 0, rightToLeft: opts.rightToLeft ?? false }],
  });
  sheet.columns = columns.map((c) => ({
    width: c.width ?? Math.min(50, Math.max(10, (c.header ?? c.hashtag ?? '').length + 2)),
  }));

  if (withHeaders) {
    const row = sheet.addRow(columns.map((c, i) => cellValue(c.header ?? null, 1, i)));
    row.font = { bold: true };
    row.commit();
  }
  if (withHashtags) {
    const row = sheet.addRow(columns.map((c, i) => cellValue(c.hashtag ?? null, top, i)));
    row.font = { italic: true, color: { argb: 'FF595959' } };
    row.commit();
  }

  const lists: { column: number; values: readonly string[] }[] = [];
  // The streaming worksheet has data validations, but exceljs's types declare them on `Worksheet` only.
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
  ).dataValidations;
  columns.forEach((c, column) => {
    if (!c.list || c.list.length === 0) return;
    const inline = c.list.join(',');
    const first = columnLetter(column);
    const range = `${first}${top + 1}:${first}${EXCEL_ROWS}`;
    let formula: string;
    if (inline.length + 2 <= INLINE_LIST_CHARS && !c.list.some((v) => v.includes(',') || v.includes('"'))) {
      formula = `"${inline}"`;
    } else {
      const at = columnLetter(lists.length);
      formula = `${quoteSheet(listSheetName)}!$${at}$1:$${at}$${c.list.length}`;
      lists.push({ column, values: c.list });
    }
    validations.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
    });
  });

  let count = 0;
  for await (const values of rows) {
    const line = top + count + 1;
    const row = sheet.addRow(
      values.map((v, i) =>
        cellValue(neutralize && typeof v === 'string' ? neutralizeFormula(v) : v, line, i),
      ),
    );
    values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      row.getCell(i + 1).style =
        v instanceof Date ? (isMidnight(v) ? DAY_STYLE : TIMESTAMP_STYLE) : PLAIN_STYLE;
    });
    row.commit();
    count++;
    if (count % ROWS_PER_CHECK === 0) await drained(sheet);
  }
  sheet.commit();

  if (lists.length > 0) {
    const listSheet = workbook.addWorksheet(listSheetName, { state: 'hidden' });
    const height = Math.max(...lists.map((l) => l.values.length));
    for (let r = 0; r < height; r++) {
      listSheet.addRow(lists.map((l) => cellValue(l.values[r] ?? null, r + 1, 0))).commit();
    }
    listSheet.commit();
  }
  await workbook.commit();
  return { rows: count };
}
