// What every spreadsheet reader here shares: rows with the line they came from, the limits that
// bound memory and time on hostile files, and the one error type they throw.

import { AppError, type ErrorCode } from '@tansiq/core';

/** One raw row of a file: its cells as text, and the 1-based line (CSV) or sheet row (XLSX) it starts on. */
export interface SourceRow {
  cells: string[];
  line: number;
}

export type ExchangeErrorCode = Extract<ErrorCode, `exchange.${string}`>;

/** A file that cannot be read as asked; `code` has an Arabic and an English message in core. */
export class ExchangeError extends AppError {
  declare readonly code: ExchangeErrorCode;
  constructor(code: ExchangeErrorCode, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(code, details, options);
    this.name = 'ExchangeError';
  }
}

export function isExchangeError(value: unknown): value is ExchangeError {
  return value instanceof ExchangeError;
}

/**
 * Bounds on what a reader accepts. Memory while reading is O(one row): at most
 * `min(maxColumns × maxCellChars, maxRowChars)` characters, plus, for XLSX, the file itself and
 * its shared-strings table (see `xlsx.ts`).
 */
export interface ReadLimits {
  /** Bytes of input (CSV and JSON as streamed; XLSX as held in memory). */
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  maxCellChars: number;
  maxRowChars: number;
}

// Excel holds 1,048,576 rows × 16,384 columns and 32,767 characters a cell; CSV has no such bounds, so
// these defaults leave room above Excel's cell size for long narrative columns.
export const defaultReadLimits: ReadLimits = {
  maxBytes: 1024 * 1024 * 1024,
  maxRows: 2_000_000,
  maxColumns: 2_000,
  maxCellChars: 100_000,
  maxRowChars: 2_000_000,
};

export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...defaultReadLimits, ...overrides };
}

/** Spreadsheet column name of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}
