import arJson from './ar.json';
import enJson from './en.json';

/** The two UI languages. Arabic and English are equal citizens; Arabic is the default. */
export const langs = ['ar', 'en'] as const;
export type Lang = (typeof langs)[number];

/** Every message key, taken from the English catalogue. */
export type MessageKey = keyof typeof enJson;

// Compile-time check that ar.json has exactly en.json's keys:
// a missing key fails the annotation below, an extra key fails `arHasNoExtraKeys`.
const en: Record<MessageKey, string> = enJson;
const ar: Record<MessageKey, string> = arJson;
type ExtraArKeys = Exclude<keyof typeof arJson, MessageKey>;
export const arHasNoExtraKeys: [ExtraArKeys] extends [never] ? true : ExtraArKeys = true;

export type Catalogue = Record<MessageKey, string>;
export const catalogues: Record<Lang, Catalogue> = { ar, en };

export function isLang(value: unknown): value is Lang {
  return value === 'ar' || value === 'en';
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** The Intl locale for a UI language. Arabic uses Western (Latin) digits: `ar-u-nu-latn`. */
export function localeOf(lang: Lang): string {
  return lang === 'ar' ? 'ar-u-nu-latn' : 'en';
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number): string {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang));
    numberFormats.set(lang, format);
  }
  return format.format(value);
}

/** Country name from an ISO 3166 alpha-2 code, in the UI language; the code itself if unknown. */
export function countryName(lang: Lang, code: string): string {
  try {
    return new Intl.DisplayNames([localeOf(lang)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `lang`, with `{name}` placeholders filled; numbers go through Intl. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}, catalogue?: Catalogue): string {
  return (catalogue ?? catalogues[lang])[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export type DatePrecision = 'day' | 'month' | 'year';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: Lang, precision: DatePrecision | 'time'): Intl.DateTimeFormat {
  const cacheKey = `${lang}:${precision}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    // Dates in the record are calendar dates: UTC keeps 2021-07-24 on the 24th everywhere.
    const options: Intl.DateTimeFormatOptions =
      precision === 'year'
        ? { year: 'numeric', timeZone: 'UTC' }
        : precision === 'month'
          ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
          : precision === 'day'
            ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
            : { dateStyle: 'medium', timeStyle: 'short' };
    format = new Intl.DateTimeFormat(localeOf(lang), options);
    dateFormats.set(cacheKey, format);
  }
  return format;
}

/**
 * A calendar date (`2021-07-24`, `2021-07`, `2021`) at its precision, or a timestamp with its time
 * when `precision` is 'time'. Text that is no date comes back as it is.
 */
export function formatDate(lang: Lang, value: string, precision: DatePrecision | 'time' = 'day'): string {
  const padded = /^\d{4}$/.test(value)
    ? `${value}-01-01`
    : /^\d{4}-\d{2}$/.test(value)
      ? `${value}-01`
      : value;
  const date = new Date(precision === 'time' ? value : `${padded.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat(lang, precision).format(date);
}

/** A period `start`–`end` at its precision; an open end shows the start alone. */
export function formatPeriod(
  lang: Lang,
  period: { start: string | null; end?: string | null; precision?: string | null } | null,
): string {
  if (!period?.start) return '';
  const precision: DatePrecision =
    period.precision === 'month' || period.precision === 'year' ? period.precision : 'day';
  const start = formatDate(lang, period.start, precision);
  if (!period.end || period.end === period.start) return start;
  return `${start} – ${formatDate(lang, period.end, precision)}`;
}

const percentFormats = new Map<Lang, Intl.NumberFormat>();

export function formatPercent(lang: Lang, ratio: number): string {
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(localeOf(lang), { style: 'percent', maximumFractionDigits: 0 });
    percentFormats.set(lang, format);
  }
  return format.format(ratio);
}

export interface LocalizedValue {
  ar?: string | undefined;
  en?: string | undefined;
}

/** Text in `lang`, else in the other language, with the language it is actually in (for `lang=`). */
export function pickText(
  text: LocalizedValue | null | undefined,
  lang: Lang,
): { text: string; lang: Lang } | null {
  if (!text) return null;
  const other: Lang = lang === 'ar' ? 'en' : 'ar';
  for (const candidate of [lang, other]) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, lang: candidate };
  }
  return null;
}

/** The message for `prefix.value` when one exists (enum labels), else the raw value made readable. */
export function labelOf(lang: Lang, prefix: string, value: string, catalogue?: Catalogue): string {
  const key = `${prefix}.${value}`;
  if (isMessageKey(key)) return t(lang, key, {}, catalogue);
  return value.replaceAll('_', ' ');
}
