/**
 * Paragraphs and sentences of a text, as offset ranges into it. Recognizers attribute facts per sentence
 * (an event's date, place and claimant must share one), so a false split costs more than a missed one:
 * when in doubt, do not split.
 */
import { codeTable } from './tokens.js';

export interface Range {
  start: number;
  end: number;
}

export interface Segments {
  paragraphs: Range[];
  sentences: Range[];
}

function isLineBreak(code: number): boolean {
  return (code >= 0x0a && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

/** White space and the invisible marks (bidi, zero-width, BOM) that pasted text carries around it. */
export function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    isLineBreak(code) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202f) ||
    code === 0x205f ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x061c
  );
}

function isDigit(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) || (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)
  );
}

function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f);
}

function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

/** A letter of any script, roughly: what a sentence needs at least one of. */
function isLetter(code: number): boolean {
  if (code < 0x80) return isLatinLetter(code);
  if (isSpace(code) || isDigit(code)) return false;
  if (code >= 0x2000 && code <= 0x2bff) return false; // punctuation, symbols, arrows
  if (code >= 0x3000 && code <= 0x303f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates: emoji and the like
  if (code === 0x060c || code === 0x061b || code === 0x061f || code === 0x06d4) return false;
  if (code >= 0x066a && code <= 0x066d) return false;
  return code > 0xbf;
}

const FULL_STOP = 0x2e;
const ELLIPSIS = 0x2026;
/** . ! ? ؟ ؛ ۔ … */
function isTerminator(code: number): boolean {
  return (
    code === FULL_STOP ||
    code === 0x21 ||
    code === 0x3f ||
    code === 0x061f ||
    code === 0x061b ||
    code === 0x06d4 ||
    code === ELLIPSIS
  );
}

/** Closers a sentence keeps after its stop: «…»), "…". */
function isCloser(code: number): boolean {
  return (
    code === 0x29 ||
    code === 0x5d ||
    code === 0xbb ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x22 ||
    code === 0x27
  );
}

/** Opening quote → its closing quote. */
const QUOTES: ReadonlyMap<number, number> = new Map([
  [0xab, 0xbb], // « »
  [0x201c, 0x201d], // “ ”
  [0x201e, 0x201c], // „ “
  [0x22, 0x22], // " "
]);

function isOpeningQuote(code: number): boolean {
  return code === 0xab || code === 0x201c || code === 0x201e || code === 0x22;
}

// English titles and short forms that take a full stop in the middle of a sentence. «etc.» is not here:
// it usually ends one.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'cmdr',
  'adm',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'rev',
  'hon',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'govt',
  'vs',
  'approx',
  'est',
  'fig',
  'vol',
  'art',
  'para',
  'pp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
]);
// «No. 5» and «Nos. 3–4» only before a number: «he said no.» ends a sentence.
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos']);

/**
 * Whether the full stop at `dot` belongs to an abbreviation or initial: «U.S.», «Dr.», «J. Smith»,
 * «د. أحمد», «م. خالد». A lone letter after a digit is a unit or era (2021م., 5 m.) and may end one.
 */
function isAbbreviation(text: string, dot: number, lineStart: number): boolean {
  let start = dot;
  while (start > lineStart) {
    const code = text.charCodeAt(start - 1);
    if (!isLatinLetter(code) && !isArabicLetter(code)) break;
    start--;
  }
  const length = dot - start;
  if (length === 0) return false;
  const before = start > lineStart ? text.charCodeAt(start - 1) : 0x20;
  if (length === 1) return !isDigit(before);
  if (!isLatinLetter(text.charCodeAt(start)) || isDigit(before)) return false;
  const word = text.slice(start, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(word)) {
    let next = dot + 1;
    while (next < text.length && text.charCodeAt(next) === 0x20) next++;
    return isDigit(text.charCodeAt(next));
  }
  return false;
}

/** The end of a sentence whose stop run is `[runStart, runEnd)`, or -1 when it does not end there. */
function sentenceEnd(
  text: string,
  runStart: number,
  runEnd: number,
  lineStart: number,
  lineEnd: number,
): number {
  let end = runEnd;
  while (end < lineEnd && isCloser(text.charCodeAt(end)) && text.charCodeAt(end) !== 0x22) end++;
  const next = end < lineEnd ? text.charCodeAt(end) : 0x20;
  const after = end + 1 < lineEnd ? text.charCodeAt(end + 1) : 0x20;
  const previous = runStart > lineStart ? text.charCodeAt(runStart - 1) : 0x20;
  const first = text.charCodeAt(runStart);
  let dots = 0;
  for (let i = runStart; i < runEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === FULL_STOP) dots++;
    else if (code === ELLIPSIS) dots += 3;
  }
  const onlyDots = dots > 0 && dots >= runEnd - runStart;
  if (!onlyDots) {
    // «؟» and «؛» end a sentence even when the writer left out the space; «?» and «!» inside a URL do not.
    if (isSpace(next) || next === 0x22) return end;
    return (first === 0x061f || first === 0x061b || first === 0x06d4) && !isDigit(next) ? end : -1;
  }
  if (dots > 1) {
    // An ellipsis, or Arabic headlines' «..» between two clauses: a break only before a capital.
    return isSpace(next) && after >= 0x41 && after <= 0x5a ? end : -1;
  }
  if (isDigit(previous) && isDigit(next)) return -1; // 2.5, 24.07.2021
  if (isAbbreviation(text, runStart, lineStart)) return -1;
  if (isSpace(next) || next === 0x22) return end;
  // «دمشق.وقال»: Arabic writers often leave out the space after a stop; «example.com» is not a stop.
  return isArabicLetter(previous) && isArabicLetter(next) ? end : -1;
}

function trimmed(text: string, start: number, end: number): Range {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** What `isLineBreak` accepts, as a pattern. */
const LINE_BREAK = /[\n\v\f\r\x85\u2028\u2029]/g;

/** Characters that neither open a quotation nor stop a sentence: most of a text, passed over at once. */
const ORDINARY = codeTable((code) => !isOpeningQuote(code) && !isTerminator(code));

/** A run of `ORDINARY` characters, stopping at a line break too (so that it never leaves the line). */
const ORDINARY_RUN = /[^.!?\u061f\u061b\u06d4\u2026\u00ab\u201c\u201e"\n\v\f\r\x85\u2028\u2029]*/y;

/** Where each closing quote last occurs in the line: an opening quote with no closer after it quotes nothing. */
function lastClosingQuotes(text: string, lineStart: number, lineEnd: number): Map<number, number> {
  const lastClose = new Map<number, number>();
  for (let i = lineStart; i < lineEnd; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xbb || code === 0x201d || code === 0x201c || code === 0x22) lastClose.set(code, i);
  }
  return lastClose;
}

function splitSentences(text: string, lineStart: number, lineEnd: number, out: Range[]): void {
  // Read when the line's first opening quote is met: most lines have none.
  let lastClose: Map<number, number> | null = null;
  let start = lineStart;
  let hasLetter = false;
  let i = lineStart;
  while (i < lineEnd) {
    const code = text.charCodeAt(i);
    if (ORDINARY[code] === 1) {
      if (!hasLetter) {
        hasLetter = isLetter(code);
        i++;
        continue;
      }
      // With a letter seen, nothing matters before the next stop or opening quote: skip to it at once.
      ORDINARY_RUN.lastIndex = i + 1;
      ORDINARY_RUN.test(text);
      i = Math.min(ORDINARY_RUN.lastIndex, lineEnd);
      continue;
    }
    const close = isOpeningQuote(code) ? QUOTES.get(code) : undefined;
    if (close !== undefined) lastClose ??= lastClosingQuotes(text, lineStart, lineEnd);
    if (close !== undefined && (lastClose?.get(close) ?? -1) > i) {
      const at = text.indexOf(String.fromCharCode(close), i + 1);
      for (let k = i + 1; k < at && !hasLetter; k++) hasLetter = isLetter(text.charCodeAt(k));
      // A quote that closes on a stop («…انتهى."») ends the sentence with it.
      const inside = text.charCodeAt(at - 1);
      const following = at + 1 < lineEnd ? text.charCodeAt(at + 1) : 0x20;
      i = at + 1;
      if (hasLetter && isTerminator(inside) && inside !== ELLIPSIS && isSpace(following)) {
        out.push(trimmed(text, start, i));
        start = i;
        hasLetter = false;
      }
      continue;
    }
    if (!isTerminator(code)) {
      if (!hasLetter) hasLetter = isLetter(code);
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < lineEnd && isTerminator(text.charCodeAt(runEnd))) runEnd++;
    const end = hasLetter ? sentenceEnd(text, i, runEnd, lineStart, lineEnd) : -1;
    if (end === -1) {
      i = runEnd;
      continue;
    }
    out.push(trimmed(text, start, end));
    start = end;
    hasLetter = false;
    i = end;
  }
  const rest = trimmed(text, start, lineEnd);
  if (rest.end > rest.start) out.push(rest);
}

/**
 * Every non-blank line is a paragraph (news text pasted from a page has one paragraph per line; blank
 * lines between them change nothing). Sentences end at . ! ? ؟ ؛ ۔ but not inside numbers, dates,
 * abbreviations, initials or quotations; a line without a final stop (a headline) is one sentence.
 */
export function segment(text: string): Segments {
  const paragraphs: Range[] = [];
  const sentences: Range[] = [];
  let lineStart = 0;
  // The pattern's compiled scan finds the next break faster than a loop over the characters.
  LINE_BREAK.lastIndex = 0;
  while (lineStart <= text.length) {
    const lineEnd = LINE_BREAK.exec(text)?.index ?? text.length;
    const line = trimmed(text, lineStart, lineEnd);
    if (line.end > line.start) {
      paragraphs.push(line);
      splitSentences(text, line.start, line.end, sentences);
    }
    lineStart = lineEnd + 1;
  }
  return { paragraphs, sentences };
}
