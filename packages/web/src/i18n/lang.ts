import { dirOf, isLang, type Lang } from './index.ts';

const STORAGE_KEY = 'tansiq.lang';

/** Used when nothing is stored and the browser does not ask for Arabic. Tansiq is Arabic-first. */
const FALLBACK_LANG: Lang = 'ar';

function storedLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null; // storage can be disabled (private mode, strict policies)
  }
}

function browserAsksForArabic(): boolean {
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  return preferred.some((tag) => tag?.toLowerCase().startsWith('ar'));
}

/** The language to start in: the stored choice, else Arabic if the browser prefers it, else the fallback. */
export function initialLang(): Lang {
  return storedLang() ?? (browserAsksForArabic() ? 'ar' : FALLBACK_LANG);
}

export function storeLang(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not persisting is acceptable; the choice still holds for this page.
  }
}

/** Point the document at `lang`: `lang` and `dir` on <html>, so the whole page flips. */
export function applyLang(lang: Lang): void {
  const root = document.documentElement;
  root.lang = lang;
  root.dir = dirOf(lang);
}
