// RFC 4180 CSV reader: quoted fields with delimiters, doubled quotes and line breaks; CRLF, LF or CR
// line ends; an optional UTF-8 BOM. Lenient where it costs nothing (text after a closing quote is
// kept), strict where input would otherwise be silently swallowed (an unterminated quote).

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

export interface CsvOptions {
  /** One character; detected from the first line when omitted. */
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

/**
 * Picks the delimiter of a CSV file from its first (header) line: whichever of `,`, `;` and tab
 * occurs most often outside quotes; `,` on a tie or when none occurs.
 */
export function detectDelimiter(firstLine: string): Delimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === 0x2c) counts[0] = (counts[0] ?? 0) + 1;
    else if (c === 0x3b) counts[1] = (counts[1] ?? 0) + 1;
    else if (c === 0x09) counts[2] = (counts[2] ?? 0) + 1;
  }
  let best = 0;
  for (let k = 1; k < CANDIDATES.length; k++) if ((counts[k] ?? 0) > (counts[best] ?? 0)) best = k;
  return CANDIDATES[best] ?? ',';
}

function countLineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** Parses CSV text into rows of cells, with the line each row starts on. Cells are not trimmed. */
export function parseCsvWithLines(text: string, opts: CsvOptions = {}): CsvRecords {
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  const delimiter = opts.delimiter ?? detectDelimiter(text.slice(i, i + 4096));
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new RangeError(`invalid CSV delimiter ${JSON.stringify(delimiter)}`);
  }
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  const lines: number[] = [];
  if (i >= n) return { rows, lines };

  let line = 1;
  let row: string[] = [];
  let rowLine = 1;
  for (;;) {
    // At the start of a field.
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      let j = i + 1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) throw new CsvSyntaxError('unterminated quoted field', line);
        value += text.slice(j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      line += countLineBreaks(text, i, j);
      let k = j;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      if (k > j) value += text.slice(j, k);
      i = k;
    } else {
      let k = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === LF || c === CR) break;
        k++;
      }
      value = text.slice(i, k);
      i = k;
    }
    row.push(value);

    if (i >= n) {
      rows.push(row);
      lines.push(rowLine);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    // A line break ends the row.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    lines.push(rowLine);
    if (i >= n) break; // the final line break does not open an empty row
    row = [];
    rowLine = line;
  }
  return { rows, lines };
}

/** Parses CSV text (RFC 4180) into rows of cells; a leading BOM is dropped, cells are not trimmed. */
export function parseCsv(text: string, opts?: CsvOptions): string[][] {
  return parseCsvWithLines(text, opts).rows;
}
