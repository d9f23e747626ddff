/**
 * Folding for recognition, with a map back to the original text.
 *
 * Recognizers match folded text (one spelling per word, ASCII digits) but must report spans of the
 * original input. Folding here only deletes characters or replaces one UTF-16 unit by one, so a single
 * index array maps every folded position back. It is deliberately narrower than core's
 * `normalizeForMatch` (no NFKC, no punctuation removal): punctuation such as «/», «-» and «،» carries
 * meaning for dates and lists.
 */
import { Buffer } from 'node:buffer';

export interface Folded {
  /** The folded text. */
  text: string;
  /**
   * The folded text's UTF-16 units: the recognizers' word scanners read every character, and a typed
   * array reads twice as fast as `text.charCodeAt`.
   */
  codes: Uint16Array;
  /** `toOriginal[i]` is the index in the original of folded unit `i`; one extra entry maps the end. */
  toOriginal: Int32Array;
  original: string;
}

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0649': '\u064A', // ى → ي
  '\u0629': '\u0647', // ة → ه
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u06A9': '\u0643', // Persian ک → ك
  '\u06CC': '\u064A', // Persian ی → ي
  '\u066C': ',', // Arabic thousands separator
  '\u066B': '.', // Arabic decimal separator
  '\u00A0': ' ', // no-break space
  '\u2007': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u2010': '-', // hyphens and dashes: one hyphen
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u200B': ' ', // zero-width space separates words
};

/** Harakat, superscript alef, Quranic marks, tatweel: dropped, and kept inside a span that ends on them. */
function isArabicMark(code: number): boolean {
  return (
    (code >= 0x064b && code <= 0x065f) ||
    code === 0x0670 ||
    (code >= 0x06d6 && code <= 0x06ed) ||
    code === 0x0640
  );
}

/* Bidi marks, ZWNJ/ZWJ, soft hyphen, BOM: invisible, dropped. */
function isInvisible(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0xfeff ||
    (code >= 0x200c && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x061c
  );
}

export function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (isArabicMark(code) || isInvisible(code)) return '';
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(48 + code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(48 + code - 0x06f0);
  const replaced = REPLACEMENTS[char];
  if (replaced !== undefined) return replaced;
  if (code < 0x80) return char.toLowerCase();
  const lower = char.toLowerCase();
  return lower.length === 1 ? lower : char;
}

/*
 * The folding of every UTF-16 unit, computed once: -1 drops it, otherwise the unit it becomes.
 * Folding is one table lookup per unit (news texts are mostly Arabic letters and ASCII), and
 * the output is built from char codes, not one string per character.
 */
const DROP = -1;
const foldTable = new Int32Array(0x10000);
for (let code = 0; code < 0x10000; code++) {
  if (code >= 0xd800 && code <= 0xdfff) {
    foldTable[code] = code; // surrogate halves pass through unchanged
    continue;
  }
  const folded = foldChar(String.fromCharCode(code));
  foldTable[code] = folded === '' ? DROP : folded.length === 1 ? folded.charCodeAt(0) : code;
}

const CHUNK = 8192;

/** The folded units before they become a string: one buffer, grown when a text needs more. */
let scratchCodes = new Uint16Array(8192);

/** Whether a Uint16Array holds its units little-endian here, as UTF-16LE decoding reads them. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The string of `codes[0, length)`. Decoding the buffer as UTF-16LE copies it at once, lone surrogates
 * included; `String.fromCharCode.apply` first spreads every unit as an argument, ten times slower.
 */
function stringOf(codes: Uint16Array, length: number): string {
  if (LITTLE_ENDIAN) return Buffer.from(codes.buffer, codes.byteOffset, length * 2).toString('utf16le');
  let text = '';
  for (let start = 0; start < length; start += CHUNK) {
    text += String.fromCharCode.apply(
      null,
      codes.subarray(start, Math.min(length, start + CHUNK)) as unknown as number[],
    );
  }
  return text;
}

export function foldWithMap(original: string): Folded {
  const length = original.length;
  if (scratchCodes.length < length) scratchCodes = new Uint16Array(Math.max(length, 2 * scratchCodes.length));
  const codes = scratchCodes;
  const map = new Int32Array(length + 1);
  let n = 0;
  for (let i = 0; i < length; i++) {
    const folded = foldTable[original.charCodeAt(i)] as number;
    if (folded === DROP) continue;
    codes[n] = folded;
    map[n++] = i;
  }
  map[n] = length;
  const units = codes.slice(0, n);
  return { text: stringOf(units, n), codes: units, toOriginal: map.subarray(0, n + 1), original };
}

/** Fold a lexicon entry or a pattern's literal the same way the text is folded. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = foldTable[text.charCodeAt(i)] as number;
    if (folded !== DROP) out += String.fromCharCode(folded);
  }
  return out;
}

/**
 * The original span of folded `[start, end)`. The end moves past marks written on the last letter
 * («طنًا» keeps its tanwin) but not past anything else that folding dropped.
 */
export function originalSpan(folded: Folded, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = folded.toOriginal[start] ?? folded.original.length;
    return { start: at, end: at };
  }
  const originalStart = folded.toOriginal[start] as number;
  let originalEnd = (folded.toOriginal[end - 1] as number) + 1;
  while (originalEnd < folded.original.length && isArabicMark(folded.original.charCodeAt(originalEnd)))
    originalEnd++;
  return { start: originalStart, end: originalEnd };
}
