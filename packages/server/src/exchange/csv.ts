// RFC 4180 CSV reader: quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR
// line ends; an optional BOM. Lenient where it costs nothing (text after a closing quote is kept),
// strict where input would otherwise be silently swallowed (an unterminated quote).
//
// One incremental parser serves both the in-memory functions (`parseCsv`, used by the gazetteer import)
// and the streaming reader (`openCsv`), which decodes bytes as they arrive and yields rows, so that a
// million-row file never sits in memory.

import {
  concatBytes,
  decodeStream,
  limitBytes,
  StreamDecoder,
  sniffFormat,
  type TextEncoding,
} from './decode.ts';
import { columnLetter, ExchangeError, type ReadLimits, readLimits, type SourceRow } from './source.ts';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

export interface CsvOptions {
  /** One character; detected from the first lines when omitted. */
  delimiter?: string;
}

export interface CsvRecords {
  rows: string[][];
  /** 1-based line on which each row starts (rows may span lines through quoted line breaks). */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`${message} (line ${line})`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

const CANDIDATES = [',', ';', '\t'] as const;
export type Delimiter = (typeof CANDIDATES)[number];
const CANDIDATE_CODES = CANDIDATES.map((c) => c.charCodeAt(0));

/**
 * Picks the delimiter of a CSV file from its first (header) line: whichever of `,`, `;` and tab
 * occurs most often outside quotes; `,` on a tie or when none occurs.
 */
export function detectDelimiter(firstLine: string): Delimiter {
  const [counts] = delimiterCounts(firstLine, 1);
  let best = 0;
  for (let k = 1; k < CANDIDATES.length; k++) if ((counts?.[k] ?? 0) > (counts?.[best] ?? 0)) best = k;
  return CANDIDATES[best] ?? ',';
}

/** Per line (up to `maxLines` complete, non-blank lines), how often each candidate occurs outside quotes. */
function delimiterCounts(text: string, maxLines: number, complete = false): number[][] {
  const lines: number[][] = [];
  let counts = [0, 0, 0];
  let filled = false;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < maxLines; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) {
      if (filled) lines.push(counts);
      counts = [0, 0, 0];
      filled = false;
    } else {
      filled = true;
      const k = CANDIDATE_CODES.indexOf(c);
      if (k !== -1) counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  // The last line counts only when it is known to be whole (or is the only one there is).
  if (filled && lines.length < maxLines && (complete || lines.length === 0)) lines.push(counts);
  return lines;
}

/**
 * Picks the delimiter from the first lines of a file (outside quotes): the candidate that splits the
 * most lines into the same number of cells, then the one that occurs most often; `,` when none occurs.
 * Looking past the first line copes with title rows above the header ("Who does what, where; 2024").
 */
export function sniffDelimiter(text: string, complete = true): Delimiter {
  const lines = delimiterCounts(text.charCodeAt(0) === BOM ? text.slice(1) : text, 20, complete);
  let best: Delimiter = ',';
  let bestLines = 0;
  let bestCount = 0;
  CANDIDATES.forEach((candidate, k) => {
    const frequency = new Map<number, number>();
    for (const counts of lines) {
      const n = counts[k] ?? 0;
      if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    }
    for (const [count, lineCount] of frequency) {
      if (lineCount > bestLines || (lineCount === bestLines && count > bestCount)) {
        best = candidate;
        bestLines = lineCount;
        bestCount = count;
      }
    }
  });
  return best;
}

function checkDelimiter(delimiter: string): number {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`invalid CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  return delimiter.charCodeAt(0);
}

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;
const AFTER_CR = 4;

type ParserLimits = Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCellChars' | 'maxRowChars'>;

const unlimited: ParserLimits = {
  maxRows: Number.POSITIVE_INFINITY,
  maxColumns: Number.POSITIVE_INFINITY,
  maxCellChars: Number.POSITIVE_INFINITY,
  maxRowChars: Number.POSITIVE_INFINITY,
};

/**
 * Incremental CSV parser: `push` text in pieces of any size, get the rows completed so far; `end`
 * returns the last row. Cells are not trimmed. Limits are checked as text arrives, so an endless cell
 * or row fails before it fills memory.
 */
export class CsvParser {
  readonly #delimiter: number;
  readonly #limits: ParserLimits;
  #state = FIELD_START;
  #row: string[] = [];
  #field = '';
  #rowChars = 0;
  #line = 1;
  #rowLine = 1;
  #quoteLine = 1;
  #rows = 0;
  #started = false;
  // A CR that ended a quoted piece at the end of a chunk: one line break, or half of a CRLF.
  #pendingCR = false;

  constructor(delimiter: string, limits: Partial<ParserLimits> = {}) {
    this.#delimiter = checkDelimiter(delimiter);
    this.#limits = { ...unlimited, ...limits };
  }

  push(text: string): SourceRow[] {
    const out: SourceRow[] = [];
    let i = 0;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    const n = text.length;
    const d = this.#delimiter;
    if (this.#state === AFTER_CR && i < n) {
      if (text.charCodeAt(i) === LF) i++;
      this.#state = FIELD_START;
    }
    while (i < n) {
      const state = this.#state;
      if (state === FIELD_START && text.charCodeAt(i) === QUOTE) {
        this.#state = QUOTED;
        this.#quoteLine = this.#line;
        i++;
      } else if (state === FIELD_START || state === UNQUOTED) {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          k++;
        }
        if (k > i) this.#append(text, i, k);
        if (k === n) {
          this.#state = UNQUOTED;
          break;
        }
        i = this.#terminate(text, k, out);
      } else if (state === QUOTED) {
        const q = text.indexOf('"', i);
        const end = q === -1 ? n : q;
        this.#countQuotedBreaks(text, i, end);
        if (end > i) this.#append(text, i, end);
        if (q === -1) break;
        this.#state = QUOTE_IN_QUOTED;
        i = q + 1;
      } else {
        // After a quote inside a quoted field: a doubled quote, or the field's end.
        if (text.charCodeAt(i) === QUOTE) {
          this.#append('"', 0, 1);
          this.#state = QUOTED;
          i++;
        } else {
          this.#state = UNQUOTED;
        }
      }
    }
    return out;
  }

  /** Ends the input: returns the last row, if it has no final line break. */
  end(): SourceRow[] {
    if (this.#state === QUOTED) throw new CsvSyntaxError('unterminated quoted field', this.#quoteLine);
    const out: SourceRow[] = [];
    if (this.#state === AFTER_CR || (this.#state === FIELD_START && this.#row.length === 0)) return out;
    this.#endField();
    this.#emit(out);
    return out;
  }

  #append(text: string, from: number, to: number): void {
    const length = this.#field.length + (to - from);
    if (length > this.#limits.maxCellChars) {
      throw new ExchangeError('exchange.cell_too_large', {
        line: this.#rowLine,
        column: columnLetter(this.#row.length),
        limit: this.#limits.maxCellChars,
      });
    }
    this.#rowChars += to - from;
    if (this.#rowChars > this.#limits.maxRowChars) {
      throw new ExchangeError('exchange.row_too_large', {
        line: this.#rowLine,
        limit: this.#limits.maxRowChars,
      });
    }
    this.#field += text.slice(from, to);
  }

  #countQuotedBreaks(text: string, from: number, to: number): void {
    let i = from;
    if (this.#pendingCR) {
      this.#pendingCR = false;
      if (i < to && text.charCodeAt(i) === LF) i++;
      this.#line++;
    }
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) this.#line++;
      else if (c === CR) {
        if (i + 1 < text.length) {
          if (text.charCodeAt(i + 1) !== LF) this.#line++;
        } else {
          this.#pendingCR = true;
        }
      }
    }
  }

  #endField(): void {
    if (this.#pendingCR) {
      this.#pendingCR = false;
      this.#line++;
    }
    if (this.#row.length >= this.#limits.maxColumns) {
      throw new ExchangeError('exchange.too_many_columns', {
        line: this.#rowLine,
        limit: this.#limits.maxColumns,
      });
    }
    this.#row.push(this.#field);
    this.#field = '';
  }

  #emit(out: SourceRow[]): void {
    this.#rows++;
    if (this.#rows > this.#limits.maxRows) {
      throw new ExchangeError('exchange.too_many_rows', { limit: this.#limits.maxRows });
    }
    out.push({ cells: this.#row, line: this.#rowLine });
    this.#row = [];
    this.#rowChars = 0;
  }

  /** Handles the delimiter or line break at `k`; returns where parsing resumes. */
  #terminate(text: string, k: number, out: SourceRow[]): number {
    this.#endField();
    const c = text.charCodeAt(k);
    this.#state = FIELD_START;
    if (c === this.#delimiter) return k + 1;
    this.#emit(out);
    this.#line++;
    this.#rowLine = this.#line;
    if (c === LF) return k + 1;
    if (k + 1 >= text.length) {
      this.#state = AFTER_CR;
      return k + 1;
    }
    return text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
  }
}

/** Parses CSV text into rows of cells, with the line each row starts on. Cells are not trimmed. */
export function parseCsvWithLines(text: string, opts: CsvOptions = {}): CsvRecords {
  const start = text.charCodeAt(0) === BOM ? 1 : 0;
  const head = text.slice(start, start + SNIFF_CHARS);
  const parser = new CsvParser(opts.delimiter ?? sniffDelimiter(head, head.length === text.length - start));
  const records = [...parser.push(text), ...parser.end()];
  return { rows: records.map((r) => r.cells), lines: records.map((r) => r.line) };
}

/** Parses CSV text (RFC 4180) into rows of cells; a leading BOM is dropped, cells are not trimmed. */
export function parseCsv(text: string, opts?: CsvOptions): string[][] {
  return parseCsvWithLines(text, opts).rows;
}

// ---------------------------------------------------------------------------------------------
// Streaming

export interface CsvReadOptions extends Partial<ReadLimits> {
  delimiter?: Delimiter;
  /** Forces an encoding; by default the BOM, else UTF-8 unless the bytes are not valid UTF-8 (then Windows-1252). */
  encoding?: TextEncoding;
}

export interface CsvFile {
  delimiter: Delimiter;
  /** The encoding read so far; final once `rows` is exhausted (pure ASCII reads as UTF-8). */
  readonly encoding: TextEncoding;
  readonly bom: boolean;
  rows: AsyncGenerator<SourceRow>;
}

// Enough text to see the first lines of nearly any file, however wide.
const SNIFF_CHARS = 64 * 1024;
const SNIFF_BYTES = 8 * 1024;

type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array> | Uint8Array;

/** The most bytes decoded and parsed at once: the rows of one piece are held until they are read. */
const PIECE_BYTES = 64 * 1024;

/**
 * The source in pieces of at most PIECE_BYTES. A whole file given as one chunk would otherwise be
 * parsed into all its rows before the first is read: a million rows in memory at once.
 */
async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source instanceof Uint8Array ? [source] : source) {
    for (let start = 0; start < chunk.length; start += PIECE_BYTES) {
      yield chunk.subarray(start, start + PIECE_BYTES);
    }
  }
}

/** Refuses binaries (XLSX, XLS, PDF, images, NUL-laden files) before they are read as text. */
async function* textOnly(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const head: Uint8Array[] = [];
  let length = 0;
  let checked = false;
  for await (const chunk of source) {
    if (checked) {
      yield chunk;
      continue;
    }
    head.push(chunk);
    length += chunk.length;
    if (length < SNIFF_BYTES) continue;
    checked = true;
    yield* checkHead(head, length);
  }
  if (!checked) yield* checkHead(head, length);
}

function checkHead(head: Uint8Array[], length: number): Uint8Array[] {
  const bytes = concatBytes(head, length);
  const format = sniffFormat(bytes);
  if (format !== 'text' && format !== 'json') {
    throw new ExchangeError('exchange.unsupported_format', { format });
  }
  return [bytes];
}

/**
 * Opens a CSV file given as bytes or a stream of byte chunks: detects the encoding and the delimiter
 * (from the first 64 KiB), then yields rows as they are parsed. Throws `ExchangeError`s only:
 * `exchange.unsupported_format`, `unreadable_encoding`, `malformed_csv`, `too_large`, `too_many_rows`,
 * `too_many_columns`, `cell_too_large`, `row_too_large`.
 */
export async function openCsv(source: ByteSource, opts: CsvReadOptions = {}): Promise<CsvFile> {
  const limits = readLimits(opts);
  const decoder = new StreamDecoder(opts.encoding);
  const texts = decodeStream(textOnly(limitBytes(chunksOf(source), limits.maxBytes)), decoder);
  const head: string[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_CHARS) {
    const next = await texts.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const delimiter = opts.delimiter ?? sniffDelimiter(head.join(''), done);
  const parser = new CsvParser(delimiter, limits);

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (const text of head) yield* parser.push(text);
      head.length = 0;
      if (!done) for await (const text of texts) yield* parser.push(text);
      yield* parser.end();
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw new ExchangeError('exchange.malformed_csv', { line: error.line }, { cause: error });
      }
      throw error;
    }
  }

  return {
    delimiter,
    get encoding() {
      return decoder.encoding;
    },
    get bom() {
      return decoder.bom;
    },
    rows: rows(),
  };
}
