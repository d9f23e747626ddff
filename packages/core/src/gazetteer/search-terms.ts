import { searchTerms } from '../text/arabic.ts';
import { gazetteerByPcode } from './builtin.ts';

/** A unit is found by its names, its p-code, and the common variants the built-in gazetteer knows. */
export function adminUnitSearchTerms(pcode: string, nameAr?: string | null, nameEn?: string | null): string {
  const alt = gazetteerByPcode.get(pcode)?.altNames;
  return searchTerms(nameAr, nameEn, ...(alt?.ar ?? []), ...(alt?.en ?? []), pcode);
}
