/**
 * The language of a text when its sender did not say: Arabic when at least half of its letters are
 * Arabic script, English when at least half are Latin script (a guess: French or Turkish texts
 * should be given their language), else unknown. Only the first `sample` characters are read.
 */
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;
const LETTER = /\p{L}/u;

export function detectLanguage(text: string, sample = 100_000): 'ar' | 'en' | null {
  let letters = 0;
  let arabic = 0;
  let latin = 0;
  for (const char of text.slice(0, sample)) {
    if (!LETTER.test(char)) continue;
    letters++;
    if (ARABIC_LETTER.test(char)) arabic++;
    else if (LATIN_LETTER.test(char)) latin++;
  }
  if (letters === 0) return null;
  if (arabic / letters >= 0.5) return 'ar';
  if (latin / letters >= 0.5) return 'en';
  return null;
}
