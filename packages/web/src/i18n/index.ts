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

const catalogues: Record<Lang, Record<MessageKey, string>> = { ar, en };

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
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}
