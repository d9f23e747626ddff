// Values as HXL reads them: whitespace is insignificant at the ends of a value and any run of it
// inside counts as one space; numbers and dates are recognised in the forms spreadsheets of
// humanitarian data actually hold (thousands separators, Arabic-Indic digits, day-first dates, month
// names in English and Arabic), and written back in one canonical form.

import { normalizeForMatch } from '@tansiq/core/text/arabic';

const SPACE_RUN = /\s+/g;

/** Trims and collapses each run of whitespace (line breaks and tabs included) to one space. */
export function normaliseSpace(value: string): string {
  return value.replace(SPACE_RUN, ' ').trim();
}

/** Whitespace-normalised and lowercased: how HXL compares two text values. */
export function normaliseString(value: string | null | undefined): string {
  return value == null ? '' : normaliseSpace(value).toLowerCase();
}

/** Null, empty or only whitespace. */
export function isEmpty(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}

// ---------------------------------------------------------------------------------------------
// Numbers

const EASTERN_DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u066b\u066c\u2212]/g;

function westernDigits(value: string): string {
  return value.replace(EASTERN_DIGITS, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x066b) return '.'; // Arabic decimal separator
    if (code === 0x066c) return ','; // Arabic thousands separator
    if (code === 0x2212) return '-'; // minus sign
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

// Commas only as thousands separators (groups of three): "1,5" is not read as one and a half.
const NUMBER = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a number: optional sign, `,` thousands separators, `.` decimals, an exponent; Arabic-Indic
 * and Persian digits and the Arabic separators ٬ ٫ too. Surrounding whitespace is ignored. Null when
 * the text is not a number.
 */
export function parseNumber(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value == null) return null;
  const text = westernDigits(value.trim());
  if (!NUMBER.test(text)) return null;
  const n = Number(text.replaceAll(',', ''));
  return Number.isFinite(n) ? n : null;
}

export function isNumber(value: string | number | null | undefined): boolean {
  return parseNumber(value) !== null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateOptions {
  /** How to read 03/04/2024 when both parts could be the month: day first (the default, as OCHA writes). */
  dayFirst?: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function ymd(year: number, month: number, day: number): string | null {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** ISO 8601: a year has 53 weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function weeksInYear(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = daysInMonth(year, 2) === 29;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

const MONTHS: Readonly<Record<string, number>> = {};
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'يناير', 'كانون الثاني', 'janvier', 'janv'],
  ['february', 'feb', 'فبراير', 'شباط', 'février', 'fevrier', 'févr', 'fevr'],
  ['march', 'mar', 'مارس', 'آذار', 'mars'],
  ['april', 'apr', 'أبريل', 'إبريل', 'نيسان', 'avril', 'avr'],
  ['may', 'مايو', 'أيار', 'mai'],
  ['june', 'jun', 'يونيو', 'يونيه', 'حزيران', 'juin'],
  ['july', 'jul', 'يوليو', 'يوليه', 'تموز', 'juillet', 'juil'],
  ['august', 'aug', 'أغسطس', 'آب', 'août', 'aout'],
  ['september', 'sep', 'sept', 'سبتمبر', 'أيلول', 'septembre'],
  ['october', 'oct', 'أكتوبر', 'تشرين الأول', 'octobre'],
  ['november', 'nov', 'نوفمبر', 'تشرين الثاني', 'novembre'],
  ['december', 'dec', 'ديسمبر', 'كانون الأول', 'décembre', 'decembre', 'déc'],
];
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) (MONTHS as Record<string, number>)[normalizeForMatch(name)] = i + 1;
});
// Two-word Levantine names ("تشرين الأول") become one token before the date is split into words.
const TWO_WORD_MONTHS = new RegExp(
  `(${Object.keys(MONTHS)
    .filter((name) => name.includes(' '))
    .join('|')})`,
  'g',
);
const WEEKDAYS = new Set(
  [
    'monday',
    'mon',
    'tuesday',
    'tue',
    'tues',
    'wednesday',
    'wed',
    'thursday',
    'thu',
    'thur',
    'thurs',
    'friday',
    'fri',
    'saturday',
    'sat',
    'sunday',
    'sun',
    'الاثنين',
    'الإثنين',
    'الثلاثاء',
    'الأربعاء',
    'الخميس',
    'الجمعة',
    'السبت',
    'الأحد',
  ].map(normalizeForMatch),
);

const YEAR = /^(\d{4})$/;
const WEEK = /^(\d{4})-?w(\d{1,2})$/;
const QUARTER = /^(\d{4})-?q(\d)$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const ISO_DATE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[t ]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th|er|e)$/;

/**
 * Reads a date and returns it in the ISO form HXL uses, keeping its precision: `2024`, `2024-03`,
 * `2024-03-01`, `2024W09` (ISO week), `2024Q1`. Accepts ISO dates (with a time, which is dropped),
 * d/m/y and m/d/y with `/`, `-` or `.` (day first when both could be the month, unless told
 * otherwise), and month names in English, French or Arabic (Egyptian and Levantine): "Jan 20, 2008",
 * "12 June 2017", "Feb 2/17", "٣ تشرين الأول ٢٠٢٣", "Jan 2008". Null when it is not a valid date.
 */
export function parseDate(value: string | null | undefined, opts: DateOptions = {}): string | null {
  if (value == null) return null;
  const text = westernDigits(normaliseSpace(value)).toLowerCase();
  if (text === '') return null;
  let m = YEAR.exec(text);
  if (m) return m[1] ?? null;
  m = ISO_DATE.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_MONTH.exec(text);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? `${m[1]}-${pad(month)}` : null;
  }
  m = WEEK.exec(text);
  if (m) {
    const week = Number(m[2]);
    return week >= 1 && week <= weeksInYear(Number(m[1])) ? `${m[1]}W${pad(week)}` : null;
  }
  m = QUARTER.exec(text);
  if (m) {
    const quarter = Number(m[2]);
    return quarter >= 1 && quarter <= 4 ? `${m[1]}Q${quarter}` : null;
  }
  m = NUMERIC_DATE.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const year = fullYear(m[3] ?? '');
    if (a > 12 && b > 12) return null;
    const dayFirst = a > 12 || (b <= 12 && (opts.dayFirst ?? true));
    return dayFirst ? ymd(year, b, a) : ymd(year, a, b);
  }
  return namedMonthDate(text);
}

function namedMonthDate(text: string): string | null {
  const folded = normalizeForMatch(text).replace(TWO_WORD_MONTHS, (name) => name.replace(' ', '_'));
  let month: number | null = null;
  let monthAt = -1;
  const numbers: { text: string; at: number }[] = [];
  const words = folded.split(' ').filter((w) => w !== '' && !WEEKDAYS.has(w));
  for (const [at, raw] of words.entries()) {
    const word = raw.replace('_', ' ');
    const named = MONTHS[word];
    if (named !== undefined) {
      if (month !== null) return null;
      month = named;
      monthAt = at;
      continue;
    }
    const ordinal = ORDINAL.exec(word);
    if (/^\d+$/.test(word) || ordinal) {
      numbers.push({ text: ordinal?.[1] ?? word, at });
      continue;
    }
    return null;
  }
  if (month === null) return null;
  if (numbers.length === 1) {
    const [only] = numbers;
    return only && only.text.length === 4 ? `${only.text}-${pad(month)}` : null;
  }
  if (numbers.length !== 2) return null;
  const [first, second] = numbers;
  if (!first || !second) return null;
  // "2017 Feb 2": a four-digit number before the month is the year.
  if (first.text.length === 4 && first.at < monthAt)
    return ymd(Number(first.text), month, Number(second.text));
  if (first.text.length > 2 || (second.text.length !== 4 && second.text.length !== 2)) return null;
  return ymd(fullYear(second.text), month, Number(first.text));
}

export function isDate(value: string | null | undefined, opts?: DateOptions): boolean {
  return parseDate(value, opts) !== null;
}

// ---------------------------------------------------------------------------------------------
// Lists (`+list` columns)

/** Splits a `+list` cell on commas (a backslash keeps the next character, `\,` a literal comma); trims items. */
export function parseList(value: string | null | undefined): string[] {
  if (value == null) return [];
  const items: string[] = [];
  let item = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      item += value[++i];
    } else if (c === ',') {
      items.push(item);
      item = '';
    } else {
      item += c;
    }
  }
  items.push(item);
  return items.map(normaliseSpace).filter((v) => v !== '');
}

/** Joins items into one `+list` cell, escaping commas and backslashes so `parseList` gives them back. */
export function formatList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\,]/g, (c) => `\\${c}`)).join(',');
}
