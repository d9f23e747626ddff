import { type Catalogue, catalogues } from '../i18n/index.ts';

/**
 * An RTL pseudo-locale: every message of the English catalogue wrapped in ⟦…⟧ and in a
 * right-to-left embedding, shown under dir="rtl". Text on screen without the brackets did not come
 * through the catalogue (a hard-coded string), and layout bugs that only RTL shows stand out.
 */
export const OPEN = '\u202B⟦';
export const CLOSE = '⟧\u202C';

export const pseudoCatalogue = Object.fromEntries(
  Object.entries(catalogues.en).map(([key, message]) => [key, `${OPEN}${message}${CLOSE}`]),
) as Catalogue;
