/**
 * Quantities: a recognized number and the unit it counts («250 ألف جرعة», "1,250 food baskets", "$5
 * million"), with what is counted and how exact the text says it is.
 *
 * A quantity needs a number from `recognizeNumbers` — vague amounts («عشرات الآلاف من اللاجئين») have none
 * and so are never quantities — except the Arabic dual, which is a count by itself («جرعتين» is two
 * doses). Lexicon phrases are looked up token by token at a number's edges, so the cost is per number,
 * not per character of the text.
 */
import {
  CENT_CURRENCIES,
  ITEMS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  type QualifierName,
  UNITS,
  VACCINES,
} from './lexicon/units.js';
import { type Folded, fold, originalSpan } from './normalize.js';
import { isLetterCode, isSpaceCode } from './numbers.js';
import { HASH_SEED, HashFilter, hashDone, hashRange, hashStep, WordTable } from './tokens.js';
import type { Lang, NumberMention, QuantityMention } from './types.js';

interface UnitReading {
  unit: string;
  count: 'one' | 'two' | 'many';
  measure: boolean;
  /** Only a unit when written in capitals in the original ("USD", not "usd"). */
  code: boolean;
}

/**
 * Phrases keyed by their folded text with single spaces, looked up token by token: a token is a run of
 * letters, a run of digits or one other mark, so «ل.س» and "us$" are phrases of three and two tokens.
 */
interface PhraseTable<T> {
  entries: Map<string, T>;
  /** The same entries, read in place where the text has single spaces (nearly always). */
  inPlace: WordTable<T>;
  maxTokens: number;
  /**
   * The hashes of the entries' openings (their first token, their first two, and so on), and of their
   * last tokens as `phraseBefore` reads them: most places a phrase is looked for start (or end) none,
   * and one token tells; after a unit, the second token mostly tells that the phrase is over.
   */
  openings: HashFilter;
  lastTokens: HashFilter;
}

function phraseTable<T>(pairs: Iterable<readonly [string, T]>): PhraseTable<T> {
  const entries = new Map<string, T>();
  const openings = new HashFilter();
  const lastTokens = new HashFilter();
  let maxTokens = 1;
  for (const [form, value] of pairs) {
    const key = fold(form);
    if (entries.has(key)) continue;
    entries.set(key, value);
    const ends = tokenEnds(key, 0, Number.POSITIVE_INFINITY);
    maxTokens = Math.max(maxTokens, ends.length);
    for (const end of ends) openings.add(hashRange(key, 0, end));
    const lastStart = lastTokenStart(key, key.length);
    if (lastStart >= 0) lastTokens.add(hashRange(key, lastStart, key.length));
  }
  return { entries, inPlace: new WordTable(entries), maxTokens, openings, lastTokens };
}

const collapse = (text: string): string => (text.includes('  ') ? text.replace(/ +/g, ' ') : text);

/** The entry for `text[start, end)`, its runs of spaces read as one. */
function entryOf<T>(table: PhraseTable<T>, text: string, start: number, end: number): T | undefined {
  for (let i = start + 1; i < end; i++) {
    if (text.charCodeAt(i) === 0x20 && text.charCodeAt(i - 1) === 0x20)
      return table.entries.get(collapse(text.slice(start, end)));
  }
  return table.inPlace.get(text, start, end);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The end of the token at `at`, or -1 at a space, a line break or the end of the text. */
function tokenEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (Number.isNaN(code) || isSpaceCode(code)) return -1;
  let end = at + 1;
  if (isLetterCode(code)) while (end < text.length && isLetterCode(text.charCodeAt(end))) end++;
  else if (isDigitCode(code)) while (isDigitCode(text.charCodeAt(end))) end++;
  return end;
}

/** The ends of up to `limit` tokens from `at`, separated by nothing or by spaces on one line. */
function tokenEnds(text: string, at: number, limit: number): number[] {
  const ends: number[] = [];
  let cursor = at;
  while (ends.length < limit) {
    const end = tokenEnd(text, cursor);
    if (end < 0) break;
    ends.push(end);
    cursor = end;
    while (text[cursor] === ' ' || text[cursor] === '\t') cursor++;
  }
  return ends;
}

/**
 * The start of the token that ends at `end`, read backwards as `phraseBefore` reads it (a run of letters,
 * else one character), or -1 at a space or the start of the text.
 */
function lastTokenStart(text: string, end: number): number {
  if (end <= 0) return -1;
  const code = text.charCodeAt(end - 1);
  if (isSpaceCode(code)) return -1;
  let start = end - 1;
  if (isLetterCode(code)) while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
  return start;
}

/** Token ends for `phraseAt`, which calls nothing that needs them in turn: one buffer serves every call. */
const phraseEnds = new Int32Array(64);
const phraseHashes = new Int32Array(64);

/** The longest phrase of `table` that starts at `at`. */
function phraseAt<T>(table: PhraseTable<T>, text: string, at: number): { value: T; end: number } | null {
  const limit = Math.min(table.maxTokens, phraseEnds.length);
  let found = 0;
  let cursor = at;
  // Every candidate starts at `at`, so one running hash serves them all.
  let hash = HASH_SEED;
  // Where a run of spaces first appears: a candidate reaching past it goes to `entryOf`, which reads the
  // run as one space.
  let doubleSpace = Number.POSITIVE_INFINITY;
  while (found < limit) {
    const end = tokenEnd(text, cursor);
    if (end < 0) break;
    for (let i = cursor; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
    phraseEnds[found] = end;
    phraseHashes[found++] = hashDone(hash);
    // No entry opens with the tokens read so far: no longer candidate is one either.
    if (doubleSpace === Number.POSITIVE_INFINITY && !table.openings.mayHave(hashDone(hash))) break;
    cursor = end;
    for (let code = text.charCodeAt(cursor); code === 0x20 || code === 0x09; code = text.charCodeAt(cursor)) {
      if (code === 0x20 && text.charCodeAt(cursor - 1) === 0x20 && doubleSpace > cursor) doubleSpace = cursor;
      hash = hashStep(hash, code);
      cursor++;
    }
  }
  for (let count = found; count > 0; count--) {
    const end = phraseEnds[count - 1] as number;
    const value =
      doubleSpace < end
        ? entryOf(table, text, at, end)
        : table.inPlace.getHashed(text, at, end, phraseHashes[count - 1] as number);
    if (value !== undefined) return { value, end };
  }
  return null;
}

/** The longest phrase of `table` that ends at `at` (spaces before `at` skipped); a clitic may open it. */
function phraseBefore<T>(table: PhraseTable<T>, text: string, at: number): T | null {
  let end = at;
  while (end > 0 && text[end - 1] === ' ') end--;
  // Every candidate ends with the last token; a one-token candidate may also have lost a clitic.
  const lastStart = lastTokenStart(text, end);
  if (lastStart < 0) return null;
  const lastClitic = cliticAt(text, lastStart, end);
  if (
    !table.lastTokens.mayHave(hashRange(text, lastStart, end)) &&
    !(lastClitic > 0 && table.lastTokens.mayHave(hashRange(text, lastStart + lastClitic, end)))
  )
    return null;
  const starts: number[] = [];
  let cursor = end;
  while (starts.length < table.maxTokens && cursor > 0) {
    const code = text.charCodeAt(cursor - 1);
    if (isSpaceCode(code)) {
      if (text[cursor - 1] !== ' ') break;
      cursor--;
      continue;
    }
    let start = cursor - 1;
    if (isLetterCode(code)) while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
    starts.push(start);
    cursor = start;
  }
  for (let count = starts.length; count > 0; count--) {
    const start = starts[count - 1] as number;
    const found =
      entryOf(table, text, start, end) ?? entryOf(table, text, start + cliticAt(text, start, end), end);
    if (found !== undefined) return found;
  }
  return null;
}

const CLITICS = ['وب', 'ول', 'فب', 'و', 'ف', 'ب', 'ل', 'ك'];

function cliticLength(word: string): number {
  return cliticAt(word, 0, word.length);
}

/** The letters every clitic starts with: و ف ب ل ك. */
const CLITIC_STARTS = new Set(CLITICS.map((clitic) => clitic.charCodeAt(0)));

/** The length of a clitic opening `text[start, end)`, leaving at least two letters. */
function cliticAt(text: string, start: number, end: number): number {
  if (!CLITIC_STARTS.has(text.charCodeAt(start))) return 0;
  for (const clitic of CLITICS)
    if (text.startsWith(clitic, start) && end - start > clitic.length + 1) return clitic.length;
  return 0;
}

function buildUnits(): { units: PhraseTable<UnitReading>; duals: Map<string, UnitReading> } {
  const pairs: [string, UnitReading][] = [];
  const duals = new Map<string, UnitReading>();
  for (const entry of UNITS) {
    const base = { unit: entry.unit, measure: entry.measure === true, code: false };
    for (const form of entry.one ?? []) pairs.push([form, { ...base, count: 'one' }]);
    for (const form of entry.two ?? []) pairs.push([form, { ...base, count: 'two' }]);
    for (const form of entry.many ?? []) pairs.push([form, { ...base, count: 'many' }]);
    for (const form of entry.codes ?? []) pairs.push([form, { ...base, count: 'many', code: true }]);
    for (const form of entry.two ?? [])
      if (!form.includes(' ')) duals.set(fold(form), { ...base, count: 'two' });
  }
  return { units: phraseTable(pairs), duals };
}

const { units: UNIT_TABLE, duals: DUAL_READINGS } = buildUnits();

const CURRENCY_BEFORE: ReadonlyMap<string, UnitReading> = new Map(
  UNITS.flatMap((entry) => [
    ...(entry.before ?? []).map((form): [string, UnitReading] => [
      fold(form),
      { unit: entry.unit, count: 'many', measure: false, code: false },
    ]),
    ...(entry.codes ?? []).map((code): [string, UnitReading] => [
      fold(code),
      { unit: entry.unit, count: 'many', measure: false, code: true },
    ]),
  ]),
);
/** A sign needs no boundary («بـ€20»); a code needs one on its Latin side only («وUSD 5»). */
const BEFORE_NUMBER = /(?:(?<![a-z0-9])[a-z]{3}|us\$|[^\p{L}\p{N}\s]) ?$/u;

const ITEM_TABLE = phraseTable(ITEMS.flatMap(([name, forms]) => forms.map((form) => [form, name] as const)));
const VACCINE_TABLE = phraseTable(
  VACCINES.flatMap(([name, forms]) => forms.map((form) => [form, name] as const)),
);
const BEFORE_QUALIFIERS = phraseTable(
  QUALIFIERS_BEFORE.flatMap(([name, forms]) => forms.map((form) => [form, name] as const)),
);
const AFTER_QUALIFIERS = phraseTable(
  QUALIFIERS_AFTER.flatMap(([name, forms]) => forms.map((form) => [form, name] as const)),
);

const CLAUSE_END = /[.،,؛;:\n!?؟]/;
/** Between the two ends of a range: «10-20 دولار», «من 10 إلى 20», «بين 10 و20», "10 to 20", "between 10 and 20". */
const RANGE_LINK = /^ *(?:-|الي|حتي|to| ل) *$/;
const RANGE_AND = /^ *(?:و|and) *$/;
const RANGE_BETWEEN = /(?:^|[^\p{L}])(?:ما )?(?:بين|between) *$/u;
const PERCENT = /[%٪]$/;
const EN_STOP_WORDS: ReadonlySet<string> = new Set([
  'to',
  'for',
  'in',
  'from',
  'at',
  'by',
  'on',
  'with',
  'and',
  'or',
  'into',
  'across',
  'through',
  'was',
  'were',
  'have',
  'has',
  'had',
  'is',
  'are',
  'which',
  'that',
]);

/** The folded index of an original offset: the first folded unit at or after it. */
function foldedIndex(doc: Folded, original: number): number {
  const map = doc.toOriginal;
  // Folding only drops units, so the answer is at most `original`, and is `original` itself when
  // nothing before it was dropped (most texts drop nothing): one look settles that case.
  const guess = Math.min(original, map.length - 1);
  if ((map[guess] as number) >= original && (guess === 0 || (map[guess - 1] as number) < original))
    return guess;
  let low = 0;
  let high = map.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((map[middle] as number) < original) low = middle + 1;
    else high = middle;
  }
  return low;
}

function skipSpaces(text: string, at: number): number {
  let cursor = at;
  while (text[cursor] === ' ' || text[cursor] === '\t') cursor++;
  return cursor;
}

interface Candidate {
  start: number;
  end: number;
  value: number;
  unit: string;
  item: string | null;
  qualifier: QualifierName | null;
}

interface UnitMatch {
  reading: UnitReading;
  end: number;
}

function isUpperCode(doc: Folded, start: number, end: number): boolean {
  const span = originalSpan(doc, start, end);
  const written = doc.original.slice(span.start, span.end);
  return written === written.toUpperCase();
}

function unitAt(doc: Folded, at: number): UnitMatch | null {
  const found = phraseAt(UNIT_TABLE, doc.text, at);
  if (!found || (found.value.code && !isUpperCode(doc, at, found.end))) return null;
  return { reading: found.value, end: found.end };
}

/**
 * A unit right after the number, after a hyphen ("14-truck"), or after «من» with the article or in the
 * plural («مليون من اللاجئين»).
 */
function unitAfter(doc: Folded, at: number): UnitMatch | null {
  const direct = unitAt(doc, at);
  if (direct) return direct;
  const text = doc.text;
  // "a 14-truck convoy"
  if (text[at] === '-' && isLetterCode(text.charCodeAt(at + 1))) {
    const compound = unitAt(doc, at + 1);
    return compound?.reading.count === 'one' ? compound : null;
  }
  if (!text.startsWith('من ', at)) return null;
  const noun = skipSpaces(text, at + 3);
  if (text.startsWith('ال', noun)) {
    const definite = unitAt(doc, noun + 2);
    if (definite) return definite;
  }
  const bare = unitAt(doc, noun);
  return bare && bare.reading.count !== 'one' ? bare : null;
}

/** Arabic letters, digits and spaces never end a currency written before a number: no need to read back. */
function mayEndCurrency(code: number): boolean {
  return !((code >= 0x621 && code <= 0x64a) || isDigitCode(code) || isSpaceCode(code));
}

function currencyBefore(doc: Folded, numberStart: number): { reading: UnitReading; start: number } | null {
  // `BEFORE_NUMBER` ends on a sign or a code, then at most one space.
  const last = doc.text.charCodeAt(numberStart - 1) === 0x20 ? numberStart - 2 : numberStart - 1;
  if (last < 0 || !mayEndCurrency(doc.text.charCodeAt(last))) return null;
  const window = doc.text.slice(Math.max(0, numberStart - 8), numberStart);
  const match = BEFORE_NUMBER.exec(window);
  if (!match) return null;
  const written = match[0].trimEnd();
  const reading = CURRENCY_BEFORE.get(written);
  if (!reading) return null;
  const start = numberStart - (window.length - window.lastIndexOf(written));
  if (reading.code && !isUpperCode(doc, start, start + written.length)) return null;
  return { reading, start };
}

function qualifierBefore(doc: Folded, start: number): QualifierName | null {
  return phraseBefore(BEFORE_QUALIFIERS, doc.text, start);
}

function qualifierAfter(doc: Folded, at: number): QualifierName | null {
  return phraseAt(AFTER_QUALIFIERS, doc.text, skipSpaces(doc.text, at))?.value ?? null;
}

function clauseEnd(text: string, from: number, limit: number): number {
  const stop = Math.min(text.length, from + limit);
  for (let i = from; i < stop; i++) if (CLAUSE_END.test(text[i] as string)) return i;
  return stop;
}

/** A known vaccine named in the rest of the clause («من اللقاح الروسي "سبوتنيك لايت"»). */
function vaccineIn(text: string, from: number): string | null {
  const stop = clauseEnd(text, from, 60);
  for (let at = from; at < stop; at++) {
    if (at > from && isLetterCode(text.charCodeAt(at - 1))) continue;
    const found = phraseAt(VACCINE_TABLE, text, at);
    if (found && found.end <= stop) return found.value;
  }
  return null;
}

/**
 * The content a measure names, as written, when no known item matches («طن من الإسمنت»): in Arabic the
 * noun and the adjectives that agree with it (they carry the article); in English up to three words.
 */
function phraseAsWritten(doc: Folded, at: number, lang: Lang): { text: string; end: number } | null {
  const text = doc.text;
  let end = at;
  let words = 0;
  let cursor = at;
  while (words < 3) {
    const start = skipSpaces(text, cursor);
    if (!isLetterCode(text.charCodeAt(start))) break;
    const wordEnd = tokenEnd(text, start);
    const word = text.slice(start, wordEnd);
    if (lang === 'en' ? EN_STOP_WORDS.has(word) : words > 0 && !word.startsWith('ال')) break;
    end = cursor = wordEnd;
    words++;
  }
  if (words === 0) return null;
  const span = originalSpan(doc, at, end);
  return { text: doc.original.slice(span.start, span.end), end };
}

function readItem(
  doc: Folded,
  at: number,
  unit: UnitReading,
  lang: Lang,
): { item: string | null; end: number } {
  const text = doc.text;
  let from = skipSpaces(text, at);
  const hasOf = text.startsWith('من ', from) || text.startsWith('of ', from);
  from = hasOf ? skipSpaces(text, from + 3) : from;
  const vaccine = unit.unit === 'dose' ? vaccineIn(text, from) : null;
  const found = phraseAt(ITEM_TABLE, text, from);
  if (found) {
    if (found.value === 'vaccine' || (vaccine && unit.unit === 'dose')) {
      return { item: vaccine ? `${vaccine} vaccine` : 'vaccine', end: found.end };
    }
    return { item: found.value, end: found.end };
  }
  if (vaccine && hasOf) return { item: `${vaccine} vaccine`, end: at };
  if (unit.measure && hasOf) {
    const phrase = phraseAsWritten(doc, from, lang);
    if (phrase) return { item: phrase.text, end: phrase.end };
  }
  return { item: null, end: at };
}

/** «20 دولاراً و43 سنتاً», "$20 and 43 cents": the cents join the amount. */
function readCents(
  doc: Folded,
  at: number,
  placed: readonly Placed[],
): { cents: number; end: number; index: number } | null {
  const text = doc.text;
  let cursor = skipSpaces(text, at);
  if (text[cursor] === 'و') cursor = skipSpaces(text, cursor + 1);
  else if (text.startsWith('and ', cursor)) cursor = skipSpaces(text, cursor + 4);
  const number = placedAt(placed, cursor);
  if (!number || !Number.isInteger(number.value) || number.value < 0 || number.value > 99) return null;
  const unit = unitAfter(doc, skipSpaces(text, number.end));
  if (unit?.reading.unit !== 'cent') return null;
  return { cents: number.value, end: unit.end, index: number.index };
}

/** The scale a number written as digits and words carries («20 ألف» → 1000), to apply to a bare range start. */
function scaleOf(text: string, value: number): number {
  const digits = /^[\d.,]+/.exec(text);
  if (!digits || digits[0].length === text.length) return 1;
  const written = Number(digits[0].replaceAll(',', ''));
  const scale = written > 0 ? Math.round(value / written) : 1;
  return scale >= 1000 && Number.isInteger(Math.log10(scale)) ? scale : 1;
}

/** A one-word unit, maybe with a clitic («وشاحنة»). */
function unitWord(
  word: string,
  table: ReadonlyMap<string, UnitReading>,
): { reading: UnitReading; clitic: number } | null {
  const direct = table.get(word);
  if (direct) return { reading: direct, clitic: 0 };
  const clitic = cliticLength(word);
  const reading = clitic > 0 ? table.get(word.slice(clitic)) : undefined;
  return reading ? { reading, clitic } : null;
}

interface Placed {
  start: number;
  end: number;
  value: number;
  text: string;
  index: number;
}

/** The number that starts at folded offset `start`, found by halving (numbers come in text order). */
function placedAt(placed: readonly Placed[], start: number): Placed | undefined {
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((placed[middle] as Placed).start <= start) low = middle + 1;
    else high = middle;
  }
  const found = placed[low - 1];
  return found?.start === start ? found : undefined;
}

export function recognizeQuantities(doc: Folded, numbers: NumberMention[], lang: Lang): QuantityMention[] {
  const text = doc.text;
  const placed: Placed[] = numbers.map((number, index) => {
    const start = foldedIndex(doc, number.start);
    const end = foldedIndex(doc, number.end);
    // The folded text between the folded offsets is the number's text folded: no need to fold it again.
    return { start, end, value: number.value, text: text.slice(start, end), index };
  });
  const candidates: Candidate[] = [];
  const consumed = new Set<number>();
  const unitOf = new Map<number, Candidate>();

  for (const number of placed) {
    if (consumed.has(number.index) || PERCENT.test(number.text)) continue;
    const prefix = currencyBefore(doc, number.start);
    let reading: UnitReading;
    let start = number.start;
    let end = number.end;
    let value = number.value;
    if (prefix) {
      reading = prefix.reading;
      start = prefix.start;
    } else {
      const unit = unitAfter(doc, skipSpaces(text, number.end));
      if (!unit) continue;
      reading = unit.reading;
      end = unit.end;
    }
    if (CENT_CURRENCIES.has(reading.unit)) {
      const cents = readCents(doc, end, placed);
      if (cents && Number.isInteger(value)) {
        value = (value * 100 + cents.cents) / 100;
        end = cents.end;
        consumed.add(cents.index);
      }
    }
    const item = readItem(doc, end, reading, lang);
    const qualifier =
      qualifierBefore(doc, start) ?? qualifierAfter(doc, end) ?? qualifierAfter(doc, item.end);
    const candidate = { start, end, value, unit: reading.unit, item: item.item, qualifier };
    candidates.push(candidate);
    unitOf.set(number.index, candidate);
  }

  candidates.push(...rangeStarts(doc, placed, unitOf));
  candidates.push(...unitThenOne(doc, placed, unitOf));
  if (lang === 'ar') candidates.push(...duals(doc, lang));
  return present(doc, candidates);
}

/**
 * The first end of a range takes the unit of the second: «بين 10 و20 ألف عائلة» counts households at
 * both ends. The start reads as "at least", the end as "up to", unless the text qualifies the range.
 */
function rangeStarts(doc: Folded, placed: readonly Placed[], unitOf: Map<number, Candidate>): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 1; i < placed.length; i++) {
    const first = placed[i - 1] as Placed;
    const second = placed[i] as Placed;
    const end = unitOf.get(second.index);
    if (!end || unitOf.has(first.index) || end.start !== second.start) continue;
    const link = doc.text.slice(first.end, second.start);
    const between =
      RANGE_AND.test(link) && RANGE_BETWEEN.test(doc.text.slice(Math.max(0, first.start - 12), first.start));
    if (!between && !RANGE_LINK.test(link)) continue;
    const qualifier = qualifierBefore(doc, first.start);
    const scale = /^[\d.,]+$/.test(first.text) ? scaleOf(second.text, second.value) : 1;
    found.push({
      ...end,
      start: first.start,
      end: first.end,
      value: first.value * scale,
      qualifier: qualifier ?? 'at_least',
    });
    end.qualifier = end.qualifier ?? qualifier ?? 'up_to';
  }
  return found;
}

/** «شاحنة واحدة»: Arabic writes one after the noun. */
function unitThenOne(doc: Folded, placed: readonly Placed[], unitOf: Map<number, Candidate>): Candidate[] {
  const found: Candidate[] = [];
  const text = doc.text;
  for (const number of placed) {
    if (number.value !== 1 || unitOf.has(number.index)) continue;
    if (number.text !== 'واحد' && number.text !== 'واحده') continue;
    let wordEnd = number.start;
    while (wordEnd > 0 && text[wordEnd - 1] === ' ') wordEnd--;
    let wordStart = wordEnd;
    while (wordStart > 0 && isLetterCode(text.charCodeAt(wordStart - 1))) wordStart--;
    if (wordStart === wordEnd || wordEnd === number.start) continue;
    const unit = unitWord(text.slice(wordStart, wordEnd), UNIT_TABLE.entries);
    if (unit?.reading.count !== 'one' || unit.reading.code) continue;
    const start = wordStart + unit.clitic;
    found.push({
      start,
      end: number.end,
      value: 1,
      unit: unit.reading.unit,
      item: null,
      qualifier: qualifierBefore(doc, start),
    });
  }
  return found;
}

/** «جرعتين», «شاحنتان»: an Arabic dual is a count of two with no number written. */
function duals(doc: Folded, lang: Lang): Candidate[] {
  const found: Candidate[] = [];
  const text = doc.text;
  // Every dual ends in «ن» (-ān, -ayn): only the words that end on one are read, found by searching for it.
  for (let nun = text.indexOf('ن'); nun >= 0; nun = text.indexOf('ن', nun + 1)) {
    const end = nun + 1;
    if (end < text.length && isLetterCode(text.charCodeAt(end))) continue;
    let wordStart = nun;
    while (wordStart > 0 && isLetterCode(text.charCodeAt(wordStart - 1))) wordStart--;
    const dual = unitWord(text.slice(wordStart, end), DUAL_READINGS);
    if (!dual) continue;
    const start = wordStart + dual.clitic;
    const item = readItem(doc, end, dual.reading, lang);
    found.push({
      start,
      end,
      value: 2,
      unit: dual.reading.unit,
      item: item.item,
      qualifier: qualifierBefore(doc, start),
    });
  }
  return found;
}

/** In text order, one per span: a number's own quantity wins over a dual or a range start it overlaps. */
function present(doc: Folded, candidates: Candidate[]): QuantityMention[] {
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: QuantityMention[] = [];
  let reached = -1;
  for (const candidate of candidates) {
    if (candidate.start < reached) continue;
    reached = candidate.end;
    const span = originalSpan(doc, candidate.start, candidate.end);
    out.push({
      value: candidate.value,
      unit: candidate.unit,
      item: candidate.item,
      qualifier: candidate.qualifier,
      approximate: candidate.qualifier !== null,
      text: doc.original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    });
  }
  return out;
}
