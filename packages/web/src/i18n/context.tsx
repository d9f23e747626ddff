import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import {
  type Catalogue,
  type DatePrecision,
  dirOf,
  formatDate,
  formatNumber,
  formatPeriod,
  type Lang,
  type LocalizedValue,
  labelOf,
  type MessageKey,
  type MessageParams,
  pickText,
  t,
} from './index.ts';
import { applyLang, initialLang, storeLang } from './lang.ts';

export interface I18n {
  lang: Lang;
  dir: 'rtl' | 'ltr';
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /** The label of an enum value: `label('status', 'planned')` reads `status.planned`. */
  label: (prefix: string, value: string) => string;
  formatNumber: (value: number) => string;
  formatDate: (value: string, precision?: DatePrecision | 'time') => string;
  formatPeriod: (period: Parameters<typeof formatPeriod>[1]) => string;
  pick: (text: LocalizedValue | null | undefined) => { text: string; lang: Lang } | null;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({
  children,
  initial,
  catalogue,
}: {
  children: ReactNode;
  /** Tests start in a given language; the app starts in the stored or preferred one. */
  initial?: Lang;
  /** Tests swap the messages (a pseudo-locale) to find strings that bypass the catalogue. */
  catalogue?: Catalogue;
}) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? initialLang());

  // Layout effect: <html dir> must flip before the browser paints the new language.
  useLayoutEffect(() => applyLang(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    storeLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      dir: dirOf(lang),
      setLang,
      t: (key, params) => t(lang, key, params, catalogue),
      label: (prefix, raw) => labelOf(lang, prefix, raw, catalogue),
      formatNumber: (n) => formatNumber(lang, n),
      formatDate: (v, precision) => formatDate(lang, v, precision),
      formatPeriod: (period) => formatPeriod(lang, period),
      pick: (text) => pickText(text, lang),
    }),
    [lang, setLang, catalogue],
  );

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
