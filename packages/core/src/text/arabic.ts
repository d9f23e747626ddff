/**
 * Text folding for search and matching in Arabic and Latin script.
 *
 * The same folding is applied to what is stored (`searchTerms`) and to what a user types (`searchQuery`),
 * so that spelling variation that Arabic writers treat as insignificant (harakat, hamza seats, tatweel,
 * ta marbuta written as ha, Persian keyboard letters, Arabic-Indic digits) never prevents a match.
 */

/*
 * Harakat U+064B–U+065F and the superscript alef U+0670 are combining marks, so the generic
 * `\p{M}` removal below already drops them. The Quranic annotation range U+06D6–U+06ED and tatweel
 * are not all marks (small waw/ya and tatweel are modifier *letters*), so they need their own rule.
 */
const QURANIC_MARKS_AND_TATWEEL = /[\u06D6-\u06ED\u0640]/g;

const COMBINING_MARKS = /\p{M}/gu;

/*
 * Apostrophes (and the modifier letters ʾ ʿ used for hamza and ʿayn) sit inside transliterated names:
 * "Ma'arrat", "Sana‘a", "Darʿa". Deleting them rather than splitting the word lets "maarrat" and
 * "ma'arrat" fold to the same token.
 */
const APOSTROPHES = /['`\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF]/g;

/*
 * Format characters (ZWNJ in Persian words, bidi marks pasted from web pages, soft hyphens) are
 * invisible and occur inside words, so they are deleted. Zero-width space is the exception: it is a
 * word boundary, and is turned into a space before this rule runs.
 */
const ZERO_WIDTH_SPACE = /\u200B/g;
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/*
 * After this everything that is neither a letter nor a number is a separator. That also guarantees the
 * output is safe for PostgreSQL tsvector/tsquery syntax, whose special characters are all punctuation.
 */
const NOT_LETTER_OR_NUMBER = /[^\p{L}\p{N}]+/gu;

/*
 * Letters that spell the same word in different hands. أ إ آ ؤ ئ are absent on purpose: NFKD splits them
 * into a base letter plus a hamza/madda mark, and the mark removal already folds them.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ alef wasla → ا
  '\u0649': '\u064A', // ى alef maqsura → ي
  '\u0629': '\u0647', // ة ta marbuta → ه
  '\u06A9': '\u0643', // ک Persian kaf → ك
  '\u06CC': '\u064A', // ی Persian ya → ي
};
const FOLDABLE_LETTER = /[\u0671\u0649\u0629\u06A9\u06CC]/g;

const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/g;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/g;
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function normalizeForMatch(text: string): string {
  return (
    text
      // A lone surrogate is no character; left in, removing a mark between two of them would join
      // them into one after lowercasing, and a second pass would give another result.
      .replace(LONE_SURROGATES, ' ')
      // NFKC first so presentation forms (ﻻ, ﺑ, ligatures like ﷲ) become ordinary letters before lowercasing.
      .normalize('NFKC')
      .toLowerCase()
      // NFKD exposes Latin accents and Arabic hamza/madda as separate marks so they can be dropped.
      .normalize('NFKD')
      .replace(COMBINING_MARKS, '')
      .replace(QURANIC_MARKS_AND_TATWEEL, '')
      .replace(APOSTROPHES, '')
      .replace(ZERO_WIDTH_SPACE, ' ')
      .replace(FORMAT_CHARACTERS, '')
      .replace(FOLDABLE_LETTER, (letter) => LETTER_FOLDS[letter] ?? letter)
      .replace(ARABIC_INDIC_DIGIT, (digit) => String(digit.charCodeAt(0) - ARABIC_INDIC_ZERO))
      .replace(PERSIAN_DIGIT, (digit) => String(digit.charCodeAt(0) - PERSIAN_ZERO))
      // Recompose what NFKD split but mark removal left intact (Hangul syllables), so output is NFC.
      .normalize('NFC')
      .replace(NOT_LETTER_OR_NUMBER, ' ')
      .trim()
  );
}

export function tokenize(text: string): string[] {
  return normalizeForMatch(text)
    .split(' ')
    .filter((token) => token.length > 0);
}

const CONJUNCTIONS = ['و', 'ف'];
const PREPOSITIONS = ['ب', 'ك', 'ل'];
const ARTICLE = 'ال';
/* ل + ال is written «لل»: the alef of the article is dropped after the preposition. */
const LAM_ARTICLE = 'لل';

/* Stripping must leave a real word behind, otherwise «بل» would become «ل». */
const MIN_STEM_LETTERS = 2;

function stripPrefix(word: string, prefix: string): string | undefined {
  if (!word.startsWith(prefix)) return undefined;
  const rest = word.slice(prefix.length);
  return [...rest].length >= MIN_STEM_LETTERS ? rest : undefined;
}

function stripOneOf(word: string, prefixes: readonly string[]): string | undefined {
  for (const prefix of prefixes) {
    const rest = stripPrefix(word, prefix);
    if (rest !== undefined) return rest;
  }
  return undefined;
}

function withOptional(forms: readonly string[], strip: (form: string) => string | undefined): string[] {
  const result: string[] = [];
  for (const form of forms) {
    result.push(form);
    const stripped = strip(form);
    if (stripped !== undefined) result.push(stripped);
  }
  return result;
}

/**
 * The forms under which one normalized token may be matched: the token itself, then the forms left by
 * removing an attached conjunction (و ف), preposition (ب ك ل) and article (ال, or «لل» for ل + ال), in
 * that order. The token itself is always kept because many words genuinely begin with these letters
 * (وزارة, بلدي, لبنان, فلسطين).
 */
export function arabicStemVariants(token: string): string[] {
  const afterConjunction = withOptional([token], (form) => stripOneOf(form, CONJUNCTIONS));
  const afterPreposition = afterConjunction.flatMap((form) => {
    const variants = withOptional([form], (candidate) => stripOneOf(candidate, PREPOSITIONS));
    const withoutLamArticle = stripPrefix(form, LAM_ARTICLE);
    if (withoutLamArticle !== undefined) variants.push(withoutLamArticle);
    return variants;
  });
  const afterArticle = withOptional(afterPreposition, (form) => stripPrefix(form, ARTICLE));
  return [...new Set(afterArticle)];
}

/**
 * The text a record stores for full-text search: every variant of every token, first appearance first.
 * Safe to pass to `to_tsvector('simple', …)`: only letters, digits and single spaces.
 */
export function searchTerms(...texts: (string | null | undefined)[]): string {
  const terms = new Set<string>();
  for (const text of texts) {
    if (text == null) continue;
    for (const token of tokenize(text)) {
      for (const variant of arabicStemVariants(token)) terms.add(variant);
    }
  }
  return [...terms].join(' ');
}

/**
 * A `to_tsquery('simple', …)` string for what a user typed: each token becomes an OR group of prefix
 * matches on its variants, and the groups are ANDed. Null when nothing searchable remains.
 * Tokens contain only letters and digits, so no input can produce tsquery syntax errors.
 */
export function searchQuery(q: string): string | null {
  const groups = [...new Set(tokenize(q))].map((token) => {
    const prefixes = arabicStemVariants(token).map((variant) => `${variant}:*`);
    return `(${prefixes.join(' | ')})`;
  });
  return groups.length > 0 ? groups.join(' & ') : null;
}
