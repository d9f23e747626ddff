/**
 * Places: Syria's governorates, districts and main towns (with OCHA p-codes), countries of the world and
 * the cities abroad that news about Syria mention, in Arabic and English.
 *
 * One pass over the folded text's words: at each word a phrase index (a trie keyed by folded words) finds
 * the longest name starting there, so the cost does not grow with the number of names. The word matcher
 * is shared with organizations.ts.
 */
import { builtinGazetteer, type GazetteerEntry } from '@tansiq/core/gazetteer/builtin';
import isoCountries from 'i18n-iso-countries/index.js';
import arabicCountryNames from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import englishCountryNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { arabicNationalityForms } from './lexicon/nationalities.js';
import {
  adjectiveHeads,
  adminVariants,
  citiesAbroad,
  countryNames,
  countryNamesIgnored,
  countryVariants,
  cuedNames,
  districtNames,
  governorateNames,
  notPlaces,
  placeFollowers,
  placeNouns,
  placePrepositions,
  syrianTowns,
} from './lexicon/places.js';
import { type Folded, fold, originalSpan } from './normalize.js';
import {
  codeTable,
  detachedCopy,
  HASH_SEED,
  HashFilter,
  hashAfter,
  hashDone,
  hashRange,
  hashStep,
  LastDocument,
} from './tokens.js';
import type { PlaceMention } from './types.js';

// ---------------------------------------------------------------------------------------------------
// Words and phrases, shared with organizations.ts

/** The words of a folded text: maximal runs of letters and digits, by their folded offsets. */
export interface Words {
  doc: Folded;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Each word's `hashRange`. */
  hashes: Int32Array;
  /** Each word's text, cut out of the folded text when first asked for (`wordAt`): most words never are. */
  texts: (string | undefined)[];
  /** Each word's readings (itself, then without its clitics), filled when first asked for. */
  readings: (Reading[] | undefined)[];
  /** `STEM_HASHES` hashes a word at a time (see `mayReadAs`). */
  stemHashes: Int32Array;
}

export interface Reading {
  stem: string;
  clitic: string;
}

function isArabicLetter(code: number): boolean {
  return (code >= 0x0621 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3);
}

function wordByRanges(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    isArabicLetter(code) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

const WORD_CODES = codeTable(wordByRanges);

export function isWordCode(code: number): boolean {
  return WORD_CODES[code] === 1;
}

/** Hashes per word in `Words.stemHashes`: the word's, and those of the four stems a clitic may leave. */
const STEM_HASHES = 5;

/**
 * A document's word columns are views of buffers shared by every document (grown when a text needs
 * more), not copies: a typed array longer than a few dozen bytes lives outside the heap and costs a
 * microsecond to allocate. `WORDS` is their only user and keeps the last document's words only, so
 * nothing reads them once the next document has overwritten the buffers.
 */
let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);
let scratchHashes = new Int32Array(1024);
let scratchStemHashes = new Int32Array(1024 * STEM_HASHES);

/** Where the words of a text start and end, and each word's `hashRange`, computed while it is read. */
function wordBounds(codes: Uint16Array): { starts: Int32Array; ends: Int32Array; hashes: Int32Array } {
  const length = codes.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    if (!isWordCode(codes[i] as number)) {
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    for (; i < length; i++) {
      const code = codes[i] as number;
      if (!isWordCode(code)) break;
      hash = hashStep(hash, code);
    }
    if (count === scratchStarts.length) {
      const starts = new Int32Array(count * 2);
      const ends = new Int32Array(count * 2);
      const hashes = new Int32Array(count * 2);
      starts.set(scratchStarts);
      ends.set(scratchEnds);
      hashes.set(scratchHashes);
      scratchStarts = starts;
      scratchEnds = ends;
      scratchHashes = hashes;
    }
    scratchStarts[count] = start;
    scratchEnds[count] = i;
    scratchHashes[count] = hashDone(hash);
    count++;
  }
  return {
    starts: scratchStarts.subarray(0, count),
    ends: scratchEnds.subarray(0, count),
    hashes: scratchHashes.subarray(0, count),
  };
}

/** The words of a lexicon entry, split as `wordBounds` splits a text (but in buffers of their own). */
function splitWords(text: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
    words.push(text.slice(start, i));
  }
  return words;
}

/**
 * The texts and readings cut out of the last document's words: shared like the columns, and emptied for
 * the next document (allocating two arrays of a few thousand slots per document fed the collector).
 */
const scratchTexts: (string | undefined)[] = [];
const scratchReadings: (Reading[] | undefined)[] = [];

const WORDS = new LastDocument((doc: Folded): Words => {
  const { starts, ends, hashes } = wordBounds(doc.codes);
  const count = starts.length;
  scratchTexts.fill(undefined);
  scratchReadings.fill(undefined);
  // Grown slot by slot, never by a write past the end: a sparse array would turn into a slow dictionary.
  while (scratchTexts.length < count) scratchTexts.push(undefined);
  while (scratchReadings.length < count) scratchReadings.push(undefined);
  return {
    doc,
    count,
    starts,
    ends,
    hashes,
    texts: scratchTexts,
    readings: scratchReadings,
    stemHashes: stemHashesOf(doc.text, starts, ends, hashes),
  };
});

/** The text of word `i`, or undefined past either end. */
export function wordAt(words: Words, i: number): string | undefined {
  if (i < 0 || i >= words.count) return undefined;
  let text = words.texts[i];
  if (text === undefined) {
    text = words.doc.text.slice(words.starts[i], words.ends[i]);
    words.texts[i] = text;
  }
  return text;
}

/** The words of `doc`, computed once per document for every recognizer that asks. */
export function wordsOf(doc: Folded): Words {
  return WORDS.of(doc);
}

/** The folded words of a lexicon entry, split the way the text is. */
export function phraseWords(written: string): string[] {
  return splitWords(fold(written));
}

/**
 * How an English entry's capitals must appear in the text: acronyms of up to three letters exactly
 * ("US", "WHO", never "us", "who"), longer ones in capitals or title case ("UNICEF", "Unicef"), names
 * with their first capital ("Turkey", not "turkey").
 */
type Casing = 'none' | 'capital' | 'acronym' | 'long_acronym';

function casingOf(written: string): Casing {
  const letters = written.replace(/[^A-Za-z]/g, '');
  if (letters === '') return 'none';
  if (letters.length >= 2 && letters === letters.toUpperCase()) {
    return letters.length <= 3 ? 'acronym' : 'long_acronym';
  }
  const first = letters[0] as string;
  return first === first.toUpperCase() ? 'capital' : 'none';
}

/** Whether the letters of `original[start, end)` have the capitals `casing` asks for. */
function casingHolds(casing: Casing, original: string, start: number, end: number): boolean {
  let letters = 0;
  let upper = 0;
  let firstUpper = false;
  for (let k = start; k < end; k++) {
    const code = original.charCodeAt(k);
    let isUpper: boolean;
    // ASCII by its code, which names nearly always are; any other character by its case mappings.
    if (code < 0x80) {
      isUpper = code >= 0x41 && code <= 0x5a;
      if (!isUpper && !(code >= 0x61 && code <= 0x7a)) continue; // not a cased letter
    } else {
      const char = original[k] as string;
      isUpper = char !== char.toLowerCase();
      if (!isUpper && char === char.toUpperCase()) continue;
    }
    if (letters === 0) firstUpper = isUpper;
    letters++;
    if (isUpper) upper++;
  }
  if (!firstUpper) return false;
  if (casing === 'capital' || upper === letters) return true;
  return casing === 'long_acronym' && upper === 1;
}

interface PhraseEntry<T> {
  value: T;
  casing: Casing;
  /** "U.S.": the final dot belongs to the name when the text has it. */
  trailingDot: boolean;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  entries: PhraseEntry<T>[];
}

/** A trie of phrases keyed by folded words. */
export interface PhraseIndex<T> {
  root: TrieNode<T>;
  /**
   * The hashes of one-word phrases, and of the first two words of longer ones (`wordPairHash`): a word
   * that is neither one nor the first of a pair with the word after it starts no phrase, and is passed
   * over before it is read. Common words open a few long names ("the", "a"), rarely with the next word.
   */
  oneWords: HashFilter;
  wordPairs: HashFilter;
}

export function createPhraseIndex<T>(): PhraseIndex<T> {
  return { root: { next: new Map(), entries: [] }, oneWords: new HashFilter(), wordPairs: new HashFilter() };
}

/** One hash for two words in order, from their `hashRange`s. */
function wordPairHash(first: number, second: number): number {
  return hashDone(hashStep(first, second));
}

const wordHash = (word: string): number => hashRange(word, 0, word.length);

/** Adds `written` (as a lexicon writes it); the first entry added for a phrase and casing wins. */
export function addPhrase<T>(index: PhraseIndex<T>, written: string, value: T): void {
  const words = phraseWords(written);
  if (words.length === 0) return;
  const [first, second] = words as [string, string | undefined];
  if (second === undefined) index.oneWords.add(wordHash(first));
  else index.wordPairs.add(wordPairHash(wordHash(first), wordHash(second)));
  let node = index.root;
  for (const word of words) {
    let child = node.next.get(word);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(word, child);
    }
    node = child;
  }
  const casing = casingOf(written);
  if (node.entries.some((entry) => entry.casing === casing)) return;
  node.entries.push({ value, casing, trailingDot: written.endsWith('.') });
}

export interface PhraseMatch<T> {
  value: T;
  /** Folded offsets of the name, without an attached clitic. */
  start: number;
  end: number;
  /** Index of the first and of the last word. */
  first: number;
  last: number;
  /** Letters of an attached clitic dropped from the first word («ب» in «بدمشق»). */
  clitic: string;
}

/**
 * Arabic first words with their proclitics removed: «و/ف» then «ب/ك/ل»; «لل» is «ل» + «ال» with the
 * article's alef dropped («للرقة» → «الرقة»).
 */
export function cliticStems(word: string): Reading[] {
  const stems: Reading[] = [];
  if (!isArabicLetter(word.charCodeAt(0))) return stems;
  let rest = word;
  let clitic = '';
  if ((rest[0] === 'و' || rest[0] === 'ف') && rest.length > 2) {
    clitic = rest[0];
    rest = rest.slice(1);
    stems.push({ stem: rest, clitic });
  }
  const letter = rest[0];
  if ((letter === 'ب' || letter === 'ك' || letter === 'ل') && rest.length > 2) {
    stems.push({ stem: rest.slice(1), clitic: clitic + letter });
    if (letter === 'ل' && rest[1] === 'ل') stems.push({ stem: `ا${rest.slice(1)}`, clitic: clitic + letter });
  }
  return stems;
}

/**
 * Readings by word, shared by every document: news reuses a small vocabulary, so most words are read
 * once per process. Cleared when full, to bound memory on unusual input.
 */
const READINGS = new Map<string, Reading[]>();
const READINGS_LIMIT = 100_000;

function readingsOf(word: string): Reading[] {
  let readings = READINGS.get(word);
  if (readings === undefined) {
    const kept = detachedCopy(word);
    readings = [{ stem: kept, clitic: '' }, ...cliticStems(kept)];
    if (READINGS.size >= READINGS_LIMIT) READINGS.clear();
    READINGS.set(kept, readings);
  }
  return readings;
}

/** Word `i` as written, then without its clitics; computed once per word for every index that asks. */
export function readingsAt(words: Words, i: number): Reading[] {
  let readings = words.readings[i];
  if (readings === undefined) {
    readings = readingsOf(wordAt(words, i) ?? '');
    words.readings[i] = readings;
  }
  return readings;
}

const ALEF = 0x627;
const WAW = 0x648;
const FA = 0x641;
const BA = 0x628;
const KAF = 0x643;
const LAM = 0x644;

function isPreposition(code: number): boolean {
  return code === BA || code === KAF || code === LAM;
}

/**
 * Per word, the hashes of the word and of every stem `cliticStems` cuts from it; -1 where it cuts none.
 */
function stemHashesOf(
  text: string,
  starts: Int32Array,
  ends: Int32Array,
  wordHashes: Int32Array,
): Int32Array {
  if (scratchStemHashes.length < starts.length * STEM_HASHES)
    scratchStemHashes = new Int32Array(2 * starts.length * STEM_HASHES);
  const hashes = scratchStemHashes.subarray(0, starts.length * STEM_HASHES).fill(-1);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] as number;
    const end = ends[i] as number;
    const at = i * STEM_HASHES;
    hashes[at] = wordHashes[i] as number;
    if (end - start <= 2) continue;
    // The stems `cliticStems` cuts, under the same conditions: «و/ف», then «ب/ك/ل», «لل» read as «ال».
    const first = text.charCodeAt(start);
    const second = text.charCodeAt(start + 1);
    const conjunction = first === WAW || first === FA;
    const preposition = conjunction ? isPreposition(second) : isPreposition(first);
    if (conjunction || preposition) hashes[at + 1] = hashRange(text, start + 1, end);
    if (conjunction && preposition) hashes[at + 2] = hashRange(text, start + 2, end);
    if (!conjunction && first === LAM && second === LAM)
      hashes[at + 3] = hashAfter(ALEF, text, start + 1, end);
    if (conjunction && second === LAM && text.charCodeAt(start + 2) === LAM)
      hashes[at + 4] = hashAfter(ALEF, text, start + 2, end);
  }
  return hashes;
}

/**
 * Whether a phrase of `index` may start at word `i`: one of its readings is a one-word phrase or opens a
 * longer one with the word after it. Tested on hashes, so most words cost no string lookup.
 */
export function mayStartPhrase<T>(words: Words, i: number, index: PhraseIndex<T>): boolean {
  const hashes = words.stemHashes;
  const next = i + 1 < words.count ? (hashes[(i + 1) * STEM_HASHES] as number) : -1;
  const at = i * STEM_HASHES;
  // Every stem cut from a word leaves its first letter off: a word without that stem has no other.
  const stems = (hashes[at + 1] as number) < 0 ? 1 : STEM_HASHES;
  for (let k = at; k < at + stems; k++) {
    const hash = hashes[k] as number;
    if (hash < 0) continue;
    if (index.oneWords.mayHave(hash)) return true;
    if (next >= 0 && index.wordPairs.mayHave(wordPairHash(hash, next))) return true;
  }
  return false;
}

/**
 * Adds to `into`'s filters the starts of `from`'s phrases that `keep` takes: `mayStartPhrase` on `into`
 * then holds wherever a kept phrase of `from` may start, so one test stands for several indexes. Read
 * off the trie, whose first two levels are the phrases' first two words.
 */
export function addPhraseStarts<T>(
  into: PhraseIndex<unknown>,
  from: PhraseIndex<T>,
  keep: (value: T, firstWord: string) => boolean = () => true,
): void {
  const holdsKept = (node: TrieNode<T>, first: string): boolean =>
    node.entries.some((entry) => keep(entry.value, first)) ||
    [...node.next.values()].some((child) => holdsKept(child, first));
  for (const [first, node] of from.root.next) {
    const hash = wordHash(first);
    if (node.entries.some((entry) => keep(entry.value, first))) into.oneWords.add(hash);
    for (const [second, child] of node.next)
      if (holdsKept(child, first)) into.wordPairs.add(wordPairHash(hash, wordHash(second)));
  }
}

/** Adds a one-word start to `into`'s filters (a head word that readers test themselves). */
export function addWordStart(into: PhraseIndex<unknown>, word: string): void {
  into.oneWords.add(wordHash(word));
}

/** Whether words `j` and `j + 1` belong to one name: only a space, a hyphen or an apostrophe apart. */
export function joined(words: Words, j: number): boolean {
  const from = words.ends[j] as number;
  const to = words.starts[j + 1];
  if (to === undefined || to - from > 3) return false;
  const text = words.doc.text;
  for (let k = from; k < to; k++) {
    const char = text[k];
    if (char === ' ' || char === '-' || char === "'" || char === '’' || char === '‘') continue;
    // "U.S. Department": a dot after a single letter
    if (char === '.' && (words.ends[j] as number) - (words.starts[j] as number) === 1) continue;
    return false;
  }
  return true;
}

/**
 * The longest phrase of `index` starting at word `i` (a clitic allowed on the first word) whose casing
 * holds and that `accept` takes.
 */
export function matchPhrase<T>(
  index: PhraseIndex<T>,
  words: Words,
  i: number,
  accept: (match: PhraseMatch<T>) => boolean = () => true,
): PhraseMatch<T> | null {
  if (i >= words.count || !mayStartPhrase(words, i, index)) return null;
  let best: PhraseMatch<T> | null = null;
  const readings = readingsAt(words, i);
  for (let k = 0; k < readings.length; k++) {
    const { stem, clitic } = readings[k] as Reading;
    let node = index.root.next.get(stem);
    if (!node) continue;
    // The phrases ending along the walk, on a shared stack: `accept` may match phrases itself, above `base`.
    const base = reachedTop;
    let j = i;
    while (node) {
      if (node.entries.length > 0) {
        reachedNodes[reachedTop] = node;
        reachedLasts[reachedTop++] = j;
      }
      // Most names are one word long: a leaf needs the next word neither cut out nor looked up.
      if (node.next.size === 0) break;
      const nextWord = wordAt(words, j + 1);
      if (nextWord === undefined || !joined(words, j)) break;
      node = node.next.get(nextWord);
      j++;
    }
    const top = reachedTop;
    for (let r = top - 1; r >= base; r--) {
      const last = reachedLasts[r] as number;
      if (best && last <= best.last) break;
      const match = acceptedEntry(reachedNodes[r] as TrieNode<T>, words, i, last, clitic, accept);
      if (match) {
        best = match;
        break;
      }
    }
    reachedTop = base;
  }
  return best;
}

const reachedNodes: TrieNode<unknown>[] = [];
const reachedLasts: number[] = [];
let reachedTop = 0;

function acceptedEntry<T>(
  node: TrieNode<T>,
  words: Words,
  i: number,
  last: number,
  clitic: string,
  accept: (match: PhraseMatch<T>) => boolean,
): PhraseMatch<T> | null {
  const start = (words.starts[i] as number) + clitic.length;
  const end = words.ends[last] as number;
  for (const entry of node.entries) {
    if (entry.casing !== 'none') {
      const span = originalSpan(words.doc, start, end);
      if (!casingHolds(entry.casing, words.doc.original, span.start, span.end)) continue;
    }
    const withDot = entry.trailingDot && words.doc.text[end] === '.' ? end + 1 : end;
    const match = { value: entry.value, start, end: withDot, first: i, last, clitic };
    if (accept(match)) return match;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// The place index

export interface PlaceValue {
  name: string;
  pcode: string | null;
  country: string;
  isCountry: boolean;
  /** Matching it hides the place name inside («بلاد الشام»). */
  notPlace: boolean;
  cue: 'strong' | 'weak' | null;
  /** Also the feminine nationality adjective («سورية»: Syrian). */
  adjectival: boolean;
}

const OMAN_NEIGHBOURS = new Set(['SA', 'AE', 'KW', 'QA', 'BH', 'OM', 'YE']);
const AMMAN = fold('عمان');

function foldedSet(list: readonly string[]): Set<string> {
  return new Set(list.map(fold));
}

function namesOf(entry: GazetteerEntry): string[] {
  return [
    entry.names.ar,
    ...(entry.altNames?.ar ?? []),
    entry.names.en,
    ...(entry.altNames?.en ?? []),
    ...(adminVariants[entry.pcode]?.ar ?? []),
    ...(adminVariants[entry.pcode]?.en ?? []),
  ].filter((name) => !/^(مدينة|مركز) /.test(name));
}

/** Names from `i18n-iso-countries` that read as names in running text ("Korea, Republic of" does not). */
function readsAsName(name: string): boolean {
  return !/[,(]/.test(name);
}

function buildPlaceIndex(): PhraseIndex<PlaceValue> {
  const index = createPhraseIndex<PlaceValue>();
  const cues = new Map(Object.entries(cuedNames).map(([name, cue]) => [fold(name), cue]));
  const adjectives = new Set(
    [...arabicNationalityForms()].filter(([, form]) => form.feminine && !form.definite).map(([f]) => f),
  );
  const add = (
    written: string,
    place: Pick<PlaceValue, 'name' | 'pcode' | 'country'>,
    notPlace = false,
    isCountry = false,
  ) => {
    const key = phraseWords(written).join(' ');
    addPhrase(index, written, {
      ...place,
      isCountry,
      notPlace,
      cue: cues.get(key) ?? null,
      adjectival: adjectives.has(key),
    });
  };

  for (const phrase of notPlaces) add(phrase, { name: '', pcode: null, country: '' }, true);

  const governorates = builtinGazetteer.filter((entry) => entry.level === 1);
  for (const entry of governorates) {
    const name = governorateNames[entry.pcode] ?? entry.names.en;
    for (const written of namesOf(entry)) add(written, { name, pcode: entry.pcode, country: 'SY' });
  }
  // «ريف حلب», "rural Idlib", "Aleppo countryside": the governorate outside its capital
  for (const entry of governorates) {
    if (entry.pcode === 'SY01' || entry.pcode === 'SY03') continue;
    const name = `Rural ${governorateNames[entry.pcode] ?? entry.names.en}`;
    const place = { name, pcode: entry.pcode, country: 'SY' };
    for (const written of namesOf(entry)) {
      if (/[a-z]/i.test(written)) {
        add(`rural ${written}`, place);
        add(`${written} countryside`, place);
      } else {
        add(`ريف ${written}`, place);
      }
    }
  }
  for (const town of syrianTowns) {
    for (const written of [...(town.ar ?? []), ...(town.en ?? [])])
      add(written, { name: town.name, pcode: town.pcode, country: 'SY' });
  }
  for (const entry of builtinGazetteer.filter((e) => e.level === 2)) {
    const name = districtNames[entry.pcode] ?? entry.names.en;
    for (const written of namesOf(entry)) add(written, { name, pcode: entry.pcode, country: 'SY' });
  }
  for (const city of citiesAbroad) {
    for (const written of [...(city.ar ?? []), ...(city.en ?? [])])
      add(written, { name: city.name, pcode: null, country: city.country });
  }

  const ignored = new Set(countryNamesIgnored);
  const gazetteerCountries = new Map(
    builtinGazetteer.filter((entry) => entry.level === 0).map((entry) => [entry.pcode, entry]),
  );
  // The package's main entry loads every locale it has; two are enough here.
  isoCountries.registerLocale(arabicCountryNames);
  isoCountries.registerLocale(englishCountryNames);
  const arabic = isoCountries.getNames('ar', { select: 'all' });
  const english = isoCountries.getNames('en', { select: 'all' });
  for (const code of Object.keys(english)) {
    const known = gazetteerCountries.get(code);
    const englishNames = (english[code] ?? []).filter(readsAsName);
    const name = known?.names.en ?? countryNames[code] ?? englishNames[0];
    if (name === undefined) continue;
    const written = [
      ...(known
        ? [known.names.ar, ...(known.altNames?.ar ?? []), known.names.en, ...(known.altNames?.en ?? [])]
        : []),
      ...(countryVariants[code]?.ar ?? []),
      ...(countryVariants[code]?.en ?? []),
      ...(arabic[code] ?? []).filter(readsAsName),
      ...englishNames,
    ];
    for (const phrase of written)
      if (!ignored.has(phrase)) add(phrase, { name, pcode: null, country: code }, false, true);
  }
  return index;
}

let placeIndexCache: PhraseIndex<PlaceValue> | null = null;

export function placeIndex(): PhraseIndex<PlaceValue> {
  placeIndexCache ??= buildPlaceIndex();
  return placeIndexCache;
}

// ---------------------------------------------------------------------------------------------------
// Context

let contextWords: {
  nouns: Set<string>;
  prepositions: Set<string>;
  followers: Set<string>;
  heads: Set<string>;
} | null = null;

function context() {
  contextWords ??= {
    nouns: foldedSet(placeNouns),
    prepositions: foldedSet(placePrepositions),
    followers: foldedSet(placeFollowers),
    heads: foldedSet(adjectiveHeads),
  };
  return contextWords;
}

/** The word before word `i` when only spaces separate them, without a leading «و». */
function wordBefore(words: Words, i: number): string | null {
  if (i === 0) return null;
  const between = words.doc.text.slice(words.ends[i - 1], words.starts[i]);
  if (between.trim() !== '') return null;
  const word = wordAt(words, i - 1) as string;
  return word.length > 2 && (word[0] === 'و' || word[0] === 'ف') && isArabicLetter(word.charCodeAt(1))
    ? word.slice(1)
    : word;
}

function hasCue(
  words: Words,
  match: PhraseMatch<PlaceValue>,
  cue: 'strong' | 'weak',
  previousPlaceEnd: number,
): boolean {
  const { nouns, prepositions, followers } = context();
  // «منبج والباب وجرابلس»: one of a list of places
  const gap = words.doc.text.slice(previousPlaceEnd, words.starts[match.first]);
  if (previousPlaceEnd >= 0 && /^[\s،,]{1,3}$/.test(gap) && /^و?$/.test(match.clitic)) return true;
  const before = wordBefore(words, match.first);
  if (before !== null && nouns.has(before)) return true;
  const after = wordAt(words, match.last + 1);
  if (after !== undefined && followers.has(after) && words.doc.text[match.end] === ' ') return true;
  if (cue === 'strong') return false;
  if (/[بل]$/.test(match.clitic)) return true;
  return before !== null && prepositions.has(before);
}

/** «مدن سورية»: a nationality adjective after an indefinite noun, not the country. */
function isAdjective(words: Words, match: PhraseMatch<PlaceValue>): boolean {
  if (match.clitic !== '') return false;
  const before = wordBefore(words, match.first);
  if (before === null || !isArabicLetter(before.charCodeAt(0))) return false;
  return context().heads.has(before) || (before.endsWith('ات') && !before.startsWith('ال'));
}

function acceptPlace(words: Words, match: PhraseMatch<PlaceValue>, previousPlaceEnd = -1): boolean {
  const value = match.value;
  if (value.notPlace) return true;
  if (value.cue && !hasCue(words, match, value.cue, previousPlaceEnd)) return false;
  return !(value.adjectival && isAdjective(words, match));
}

/** The place named at word `i`, if any (organizations read «السفارة الروسية في دمشق» with it). */
export function matchPlace(words: Words, i: number): PhraseMatch<PlaceValue> | null {
  const match = matchPhrase(placeIndex(), words, i, (m) => acceptPlace(words, m));
  return match && !match.value.notPlace ? match : null;
}

// ---------------------------------------------------------------------------------------------------
// Amman or Oman

/**
 * «عمان» is Amman unless written «عُمان», or listed beside Gulf states («قطر وعمان والبحرين»); «سلطنة
 * عمان» never gets here (it is a longer name).
 */
function omanInstead(doc: Folded, mentions: PlaceMention[], k: number): boolean {
  const mention = mentions[k] as PlaceMention;
  const after = doc.original.slice(mention.start + 1, mention.start + 3);
  if (after.includes('\u064F')) return true;
  if (after.includes('\u0651') || doc.original.slice(mention.start, mention.end).includes('\u0651'))
    return false;
  return [mentions[k - 1], mentions[k + 1]].some(
    (other) =>
      other !== undefined &&
      OMAN_NEIGHBOURS.has(other.country ?? '') &&
      /^[\sو،,]*$/.test(
        doc.original.slice(Math.min(mention.end, other.end), Math.max(mention.start, other.start)),
      ),
  );
}

// ---------------------------------------------------------------------------------------------------

export function recognizePlaces(doc: Folded): PlaceMention[] {
  const words = wordsOf(doc);
  const index = placeIndex();
  const mentions: PlaceMention[] = [];
  const ammans: number[] = [];
  let previousPlaceEnd = -1;
  const accept = (m: PhraseMatch<PlaceValue>) => acceptPlace(words, m, previousPlaceEnd);
  let i = 0;
  while (i < words.count) {
    const match = matchPhrase(index, words, i, accept);
    if (!match) {
      i++;
      continue;
    }
    i = match.last + 1;
    if (match.value.notPlace) continue;
    previousPlaceEnd = match.end;
    const span = originalSpan(doc, match.start, match.end);
    if (doc.text.slice(match.start, match.end) === AMMAN) ammans.push(mentions.length);
    mentions.push({
      name: match.value.name,
      pcode: match.value.pcode,
      country: match.value.country,
      text: doc.original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    });
  }
  for (const k of ammans) {
    if (omanInstead(doc, mentions, k)) {
      const mention = mentions[k] as PlaceMention;
      mentions[k] = { ...mention, name: 'Oman', pcode: null, country: 'OM' };
    }
  }
  return mentions;
}
