import type { Lang } from '@tansiq/core';
import { type HeaderKey, headerLabels, words } from './labels.ts';

/** Texts in one or both languages, as views carry names and titles. */
export type Texts = { readonly ar?: string | undefined; readonly en?: string | undefined };

/** The text in the chosen language, else in the other one. */
export function textIn(texts: Texts | null | undefined, lang: Lang): string | null {
  if (!texts) return null;
  return (lang === 'ar' ? (texts.ar ?? texts.en) : (texts.en ?? texts.ar)) ?? null;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 3 }),
  ar: new Intl.NumberFormat('ar-u-nu-latn', { maximumFractionDigits: 3 }),
};

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

export function yesNo(value: boolean, lang: Lang): string {
  return (value ? words.yes : words.no)[lang];
}

/** A cell: text is aligned to the start of the column, a number to its end; null prints as a dash. */
export type Cell = string | number | null;

export interface Column<Row> {
  header: HeaderKey;
  cell: (row: Row) => Cell;
}

const maxCellWidth = 48;
// Marks (Arabic short vowels, shadda…) and format characters (direction marks) take no column.
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Columns a text takes on a terminal: code points, less the ones drawn on another character. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) if (!zeroWidth.test(char)) width += 1;
  return width;
}

/** One line per record: line breaks and tabs become spaces; long texts end in an ellipsis. */
function clean(text: string): string {
  const flat = text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim();
  if (displayWidth(flat) <= maxCellWidth) return flat;
  let out = '';
  let width = 0;
  for (const char of flat) {
    if (!zeroWidth.test(char)) {
      if (width === maxCellWidth - 1) break;
      width += 1;
    }
    out += char;
  }
  return `${out}…`;
}

function pad(text: string, width: number, atEnd: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return atEnd ? `${fill}${text}` : `${text}${fill}`;
}

/** An aligned table with localized headers; numbers formatted for the language. */
export function renderTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], lang: Lang): string {
  if (rows.length === 0) return `${words.empty[lang]}\n`;
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = column.cell(row);
      if (value === null) return { text: '—', numeric: null };
      if (typeof value === 'number') return { text: formatNumber(value, lang), numeric: true };
      return { text: clean(value) || '—', numeric: false };
    }),
  );
  const headers = columns.map((column) => headerLabels[column.header][lang]);
  const widths = headers.map((header, i) =>
    Math.max(displayWidth(header), ...cells.map((line) => displayWidth(line[i]?.text ?? ''))),
  );
  // A column of numbers (and dashes for missing ones) is aligned to the end, header included.
  const numericColumn = columns.map(
    (_, i) =>
      cells.some((line) => line[i]?.numeric === true) && cells.every((line) => line[i]?.numeric !== false),
  );
  const join = (parts: string[]) => parts.join('  ').trimEnd();
  const lines = [
    join(headers.map((header, i) => pad(header, widths[i] ?? 0, numericColumn[i] === true))),
    join(widths.map((width) => '-'.repeat(width))),
    ...cells.map((line) =>
      join(line.map((cell, i) => pad(cell.text, widths[i] ?? 0, numericColumn[i] === true))),
    ),
  ];
  return `${lines.join('\n')}\n`;
}
