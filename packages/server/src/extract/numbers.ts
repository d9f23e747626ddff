/**
 * Numbers written in a text, in digits or in words, Arabic or English.
 *
 * The folded text is cut once into tokens (digit clusters, words, single marks). A digit cluster is read
 * whole first («1,250.5», «10-20», «2021-07-24», «1/2»), because what surrounds a run of digits decides
 * whether it is a number at all: digits inside a code («SY0101», «1M», «٢٥مل»), an ISO date or a phone
 * number are not numbers of the text. Words are looked up after their clitic is taken off, and a small
 * grammar then joins neighbouring tokens into one value: «ثلاثة آلاف وخمسمائة», «مليون ونصف»,
 * "one hundred and five", «250 ألف», "1.5 million".
 *
 * Values are kept as a numerator over a power of ten while they are built, so "1.15 million" is exactly
 * 1150000 rather than the nearest binary product.
 */
import {
  DIGIT_PREFIXES,
  GLUED_SUFFIXES,
  NUMBER_WORDS,
  type NumberWord,
  WORD_CLITICS,
} from './lexicon/number-words.js';
import { type Folded, originalSpan } from './normalize.js';
import { codeTable, HASH_SEED, hashDone, hashStep, WordTable } from './tokens.js';
import type { NumberMention } from './types.js';

interface Ratio {
  num: number;
  den: number;
}

const ZERO: Ratio = { num: 0, den: 1 };

function add(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function times(a: Ratio, factor: number): Ratio {
  return { num: a.num * factor, den: a.den };
}

function amountOf(a: Ratio): number {
  return a.num / a.den;
}

/**
 * `other` is a run of tokens that play no part in a number, merged into one atom; `link` keeps the few
 * words a number reading looks at («على», «من», «المليون»); `hyphen` and `dot` may sign a number.
 */
type AtomKind = 'literal' | 'word' | 'waw' | 'hyphen' | 'dot' | 'link' | 'other';

interface Atom {
  kind: AtomKind;
  /** Folded offsets of the atom, without a leading clitic. */
  start: number;
  end: number;
  /** What separates it from the previous atom: nothing, spaces, or a line break. */
  gap: 'none' | 'space' | 'break';
  /** Folded text without the clitic. */
  text: string;
  clitic: string;
  word: NumberWord | null;
  literal: Ratio | null;
  /** The digits of an integer literal as written («05» after «فاصلة» is five hundredths). */
  digits: string | null;
  /** A literal written as a fraction («1/4», «½»). */
  fraction: boolean;
}

/** «1 234 567»: thousands grouped by single spaces, each group of three digits. */
const SPACE_GROUPED = /\d{1,3}(?: \d{3})+(?:\.\d+)?(?![\d.,،/:-]| \d)/y;
const PLAIN_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const ONLY_DIGITS = /^\d+$/;
const LETTER = /\p{L}/u;
const PHONE_LIKE = /^0\d{6,}$/;
/** A minus sign or a leading point starts a number only after a space or an opening mark, not in «10$-20$». */
const SIGN_MAY_FOLLOW = /[\s(«"'=:[]/;

const VULGAR_FRACTIONS: Readonly<Record<string, Ratio>> = {
  '½': { num: 1, den: 2 },
  '⅓': { num: 1, den: 3 },
  '⅔': { num: 2, den: 3 },
  '¼': { num: 1, den: 4 },
  '¾': { num: 3, den: 4 },
  '⅕': { num: 1, den: 5 },
  '⅖': { num: 2, den: 5 },
  '⅗': { num: 3, den: 5 },
  '⅘': { num: 4, den: 5 },
  '⅙': { num: 1, den: 6 },
  '⅛': { num: 1, den: 8 },
  '⅜': { num: 3, den: 8 },
  '⅝': { num: 5, den: 8 },
  '⅞': { num: 7, den: 8 },
};

/** ½ ¼ ¾ and ⅓ to ⅞: the only characters `VULGAR_FRACTIONS` needs looking up for. */
function isVulgarFractionCode(code: number): boolean {
  return (code >= 0xbc && code <= 0xbe) || (code >= 0x2150 && code <= 0x215e);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Letters of folded text: ASCII, the Arabic block, and any other letter by its Unicode class. */
function letterByRanges(code: number): boolean {
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code >= 0x0621 && code <= 0x064a) return true;
  if (code >= 0x0600 && code <= 0x06ff) {
    return (code >= 0x066e && code <= 0x06d3) || code === 0x06d5 || (code >= 0x06fa && code <= 0x06ff);
  }
  if (code < 0xaa || (code >= 0xd800 && code <= 0xdfff)) return false;
  return LETTER.test(String.fromCharCode(code));
}

function spaceByRanges(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

const LETTER_CODES = codeTable(letterByRanges);
const SPACE_CODES = codeTable(spaceByRanges);

export function isLetterCode(code: number): boolean {
  return LETTER_CODES[code] === 1;
}

export function isSpaceCode(code: number): boolean {
  return SPACE_CODES[code] === 1;
}

function isLetterAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && isLetterCode(text.charCodeAt(index));
}

const CLUSTER_JOINERS = '.,،/:-';

/** Where a run of digits joined by «. , ، / : -» ends («1,250.5», «2021-07-24», «3/4»). */
function digitClusterEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    while (isDigitCode(text.charCodeAt(end))) end++;
    if (CLUSTER_JOINERS.includes(text[end] ?? ' ') && isDigitCode(text.charCodeAt(end + 1))) end++;
    else return end;
  }
}

/** «1,250.75» → 125075/100; null when the integer part is not a safe integer. */
function readPlain(text: string): Ratio | null {
  const match = PLAIN_NUMBER.exec(text);
  if (!match) return null;
  const integer = (match[1] as string).replaceAll(',', '');
  if (!Number.isSafeInteger(Number(integer))) return null;
  const decimals = match[2];
  if (decimals === undefined) return { num: Number(integer), den: 1 };
  const mantissa = Number(integer + decimals);
  if (decimals.length > 15 || !Number.isSafeInteger(mantissa))
    return { num: Number(`${integer}.${decimals}`), den: 1 };
  return { num: mantissa, den: 10 ** decimals.length };
}

function isDigitRun(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** `readCluster` of digits alone («2024», «900»), most clusters, without cutting them into pieces. */
function readInteger(digits: string, offset: number): ClusterPart[] {
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || PHONE_LIKE.test(digits)) return [];
  return [{ start: offset, end: offset + digits.length, value: { num: value, den: 1 }, digits }];
}

interface ClusterPart {
  start: number;
  end: number;
  value: Ratio;
  digits: string | null;
  fraction?: boolean;
}

/**
 * The numbers inside one digit cluster, or [] when the cluster is a date, a time, a version or a phone
 * number rather than numbers: «10-20» is two numbers, «2021-07-24» and «10:30» none, «3/4» a fraction,
 * «1,2» a list of two.
 */
function readCluster(cluster: string, offset: number): ClusterPart[] {
  if (cluster.includes(':')) return [];
  // The Arabic comma groups thousands too when it sits between digits («١٠،٠٠٠»).
  const pieces = cluster.replaceAll('،', ',').split('-');
  if (pieces.length > 2) return [];
  const parts: ClusterPart[] = [];
  let at = offset;
  for (const piece of pieces) {
    const read = readPiece(piece, at);
    if (read === null) return [];
    parts.push(...read);
    at += piece.length + 1;
  }
  return parts;
}

function readPiece(piece: string, offset: number): ClusterPart[] | null {
  const end = offset + piece.length;
  if (piece.includes('/')) {
    const [top, bottom, ...rest] = piece.split('/');
    if (rest.length > 0 || top === undefined || bottom === undefined) return null;
    if (!ONLY_DIGITS.test(top) || !ONLY_DIGITS.test(bottom)) return null;
    // «7/2021» is a month and year, not a fraction.
    if (bottom.length === 4 || Number(bottom) === 0) return null;
    return [
      { start: offset, end, value: { num: Number(top), den: Number(bottom) }, digits: null, fraction: true },
    ];
  }
  const whole = readPlain(piece);
  if (whole !== null) {
    if (PHONE_LIKE.test(piece)) return null;
    return [{ start: offset, end, value: whole, digits: ONLY_DIGITS.test(piece) ? piece : null }];
  }
  if (piece.split('.').length > 2 && !piece.includes(',')) return null; // «24.07.2021», «1.2.3»
  // Commas that do not group thousands separate a list: «1,2,3».
  const parts: ClusterPart[] = [];
  let at = offset;
  for (const item of piece.split(',')) {
    const value = readPlain(item);
    if (value === null || item.includes(',')) return null;
    parts.push({ start: at, end: at + item.length, value, digits: ONLY_DIGITS.test(item) ? item : null });
    at += item.length + 1;
  }
  return parts;
}

/** «+963 11 …», «+41225551234»: a plus sign before a long run of digits or before digit groups. */
function isPhoneStart(text: string, digits: number, end: number): boolean {
  return digits >= 7 || ((text[end] === ' ' || text[end] === '-') && isDigitCode(text.charCodeAt(end + 1)));
}

function gapBetween(text: string, from: number, to: number): Atom['gap'] {
  if (from === to) return 'none';
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13 || code === 0x2028 || code === 0x2029) return 'break';
  }
  return 'space';
}

interface WordForm {
  entry: NumberWord;
  clitic: string;
  bare: string;
}

/** Every number word with and without the clitics it may carry, so one lookup reads a token. */
function buildWordForms(): Map<string, WordForm> {
  const forms = new Map<string, WordForm>();
  for (const [bare, entry] of NUMBER_WORDS) forms.set(bare, { entry, clitic: '', bare });
  for (const [bare, entry] of NUMBER_WORDS) {
    if (entry.lang !== 'ar') continue;
    for (const clitic of WORD_CLITICS) {
      if (entry.onlyWaw && clitic !== 'و') continue;
      if (!forms.has(clitic + bare)) forms.set(clitic + bare, { entry, clitic, bare });
    }
  }
  return forms;
}

const WORD_FORMS = buildWordForms();
const LONGEST_FORM = Math.max(...[...WORD_FORMS.keys()].map((key) => key.length));
/** The tokenizer reads words in place: only a number word or a link word is ever cut out of the text. */
const WORD_TABLE = new WordTable(WORD_FORMS);
const LINK_TABLE = new WordTable(
  [...NUMBER_WORDS]
    .filter(([, entry]) => entry.kind === 'scale')
    .map(([bare]) => `ال${bare}`)
    .concat(['علي', 'من'])
    .map((word) => [word, true] as const),
);

/** The letters glued before `index` are a clitic or the article («و5», «بـ5», «الـ30») and nothing else. */
function prefixAllowsDigits(text: string, index: number): boolean {
  let from = index;
  while (from > 0 && isLetterAt(text, from - 1)) from--;
  if (from === index) return true;
  return DIGIT_PREFIXES.has(text.slice(from, index));
}

function markAtom(kind: AtomKind, text: string, start: number, end: number, gap: Atom['gap']): Atom {
  return {
    kind,
    start,
    end,
    gap,
    text,
    clitic: '',
    word: null,
    literal: null,
    digits: null,
    fraction: false,
  };
}

/** Tokens outside numbers extend the `other` atom before them, so a plain sentence costs one atom. */
function pushOther(atoms: Atom[], start: number, end: number, gap: Atom['gap']): void {
  const last = atoms[atoms.length - 1];
  if (last?.kind === 'other') last.end = end;
  else atoms.push(markAtom('other', '', start, end, gap));
}

function literalAtom(part: ClusterPart, gap: Atom['gap']): Atom {
  return {
    kind: 'literal',
    start: part.start,
    end: part.end,
    gap,
    text: '',
    clitic: '',
    word: null,
    literal: part.value,
    digits: part.digits,
    fraction: part.fraction === true,
  };
}

/**
 * Pushes the numbers of the digit run at [start, end) with the sign, percent sign and vulgar fraction
 * around it; returns where reading continues, or -1 when the run is no number (a code, a date…).
 */
function digitAtoms(text: string, start: number, end: number, gap: Atom['gap'], atoms: Atom[]): number {
  let from = start;
  const previous = atoms[atoms.length - 1];
  // A sign or a leading decimal point stands right before the digits and after no letter or digit.
  const before = text[start - 1];
  let negative = false;
  let leadingPoint = false;
  if ((previous?.kind === 'hyphen' || previous?.kind === 'dot') && previous.end === start) {
    const outside = text[start - 2];
    if (outside === undefined || SIGN_MAY_FOLLOW.test(outside)) {
      negative = before === '-';
      leadingPoint = before === '.';
      from = start - 1;
    } else if (before === '-' && isLetterAt(text, start - 2)) {
      return -1; // «COVID-19»
    }
  }
  if (!prefixAllowsDigits(text, from)) return -1;

  let stop = end;
  let vulgar: Ratio | undefined;
  const next = text[end];
  if (next !== undefined && VULGAR_FRACTIONS[next]) {
    vulgar = VULGAR_FRACTIONS[next];
    stop = end + 1;
  }
  if (isLetterAt(text, stop)) {
    let letters = stop;
    while (isLetterAt(text, letters)) letters++;
    if (!GLUED_SUFFIXES.has(text.slice(stop, letters))) return -1;
  }

  const parts = leadingPoint
    ? readCluster(`0.${text.slice(start, end).replaceAll(' ', ',')}`, start - 2)
    : isDigitRun(text, start, end)
      ? readInteger(text.slice(start, end), start)
      : readCluster(text.slice(start, end).replaceAll(' ', ','), start);
  if (parts.length === 0) return -1;
  if (from < start) atoms.pop();
  const first = parts[0] as ClusterPart;
  if (leadingPoint) first.start = from;
  if (negative) {
    first.start = from;
    first.value = { num: -first.value.num, den: first.value.den };
  }
  const last = parts[parts.length - 1] as ClusterPart;
  if (vulgar && last.value.den === 1 && last.value.num >= 0) {
    last.value = add(last.value, vulgar);
    last.end = stop;
    last.digits = null;
  }
  let after = last.end;
  if (text[after] === '%' || text[after] === '٪') after++;
  else if (text[after] === ' ' && (text[after + 1] === '%' || text[after + 1] === '٪')) after += 2;
  last.end = after;

  parts.forEach((part, index) => {
    if (index > 0) pushOther(atoms, part.start - 1, part.start, 'none');
    atoms.push(literalAtom(part, index === 0 ? gap : 'none'));
  });
  return after;
}

function tokenize(doc: Folded): Atom[] {
  const { text, codes } = doc;
  const atoms: Atom[] = [];
  const length = codes.length;
  let previousEnd = 0;
  /** The end of the phone number being read: «+963 11 2345678» is one token. */
  let phoneEnd = -1;
  let index = 0;
  while (index < length) {
    const code = codes[index] as number;
    if (isSpaceCode(code)) {
      index++;
      continue;
    }
    const start = index;
    const gap = gapBetween(text, previousEnd, start);
    if (isDigitCode(code)) {
      let end = digitClusterEnd(text, start);
      const continuesPhone =
        phoneEnd >= 0 && start - phoneEnd === 1 && (text[phoneEnd] === ' ' || text[phoneEnd] === '-');
      if (continuesPhone || (text[start - 1] === '+' && isPhoneStart(text, end - start, end))) {
        phoneEnd = end;
        pushOther(atoms, start, end, gap);
        previousEnd = index = end;
        continue;
      }
      phoneEnd = -1;
      if (code !== 48 && end - start <= 3) {
        SPACE_GROUPED.lastIndex = start;
        const grouped = SPACE_GROUPED.exec(text);
        if (grouped) end = start + grouped[0].length;
      }
      const consumed = digitAtoms(text, start, end, gap, atoms);
      if (consumed < 0) pushOther(atoms, start, end, gap);
      previousEnd = index = Math.max(consumed, end);
      continue;
    }
    if (!isLetterCode(code)) {
      const end = start + 1;
      const char = text[start] as string;
      const vulgar = isVulgarFractionCode(code) ? VULGAR_FRACTIONS[char] : undefined;
      if (vulgar && !isDigitCode(text.charCodeAt(start - 1))) {
        atoms.push(literalAtom({ start, end, value: vulgar, digits: null, fraction: true }, gap));
      } else if (char === '-' || char === '.') {
        atoms.push(markAtom(char === '-' ? 'hyphen' : 'dot', char, start, end, gap));
      } else pushOther(atoms, start, end, gap);
      previousEnd = index = end;
      continue;
    }
    // The word is hashed while it is scanned: both tables below look it up by that one hash.
    let end = start + 1;
    let hash = hashStep(HASH_SEED, code);
    for (; end < length; end++) {
      const letter = codes[end] as number;
      if (!isLetterCode(letter)) break;
      hash = hashStep(hash, letter);
    }
    previousEnd = index = end;
    // Letters glued to digits («١مليون») belong to the digits' token, which is no number.
    if (end - start > LONGEST_FORM || isDigitCode(text.charCodeAt(start - 1))) {
      pushOther(atoms, start, end, gap);
      continue;
    }
    const wordHash = hashDone(hash);
    const form = WORD_TABLE.getHashed(text, start, end, wordHash);
    if (form) {
      const clitic = form.clitic;
      atoms.push({
        kind: 'word',
        start: start + clitic.length,
        end,
        gap,
        text: form.bare,
        clitic,
        word: form.entry,
        literal: null,
        digits: null,
        fraction: false,
      });
    } else if (end - start === 1 && text.charCodeAt(start) === 0x648)
      atoms.push(markAtom('waw', 'و', start, end, gap));
    else if (LINK_TABLE.getHashed(text, start, end, wordHash))
      atoms.push(markAtom('link', text.slice(start, end), start, end, gap));
    else pushOther(atoms, start, end, gap);
  }
  return atoms;
}

type Last =
  | 'none'
  | 'minus'
  | 'article'
  | 'literal'
  | 'unit'
  | 'teen_first'
  | 'teen'
  | 'ten'
  | 'hundred'
  | 'scale'
  | 'fraction'
  | 'closed';

interface State {
  sign: number;
  total: Ratio;
  /** The part below the last scale («خمسمائة» in «ألف وخمسمائة»). */
  group: Ratio;
  last: Last;
  lastScale: number;
  /** What the last count word or literal added to the group: «أرباع» divides only it («مائة وثلاثة أرباع»). */
  lastAdded: number;
  /** «خمسة وعشرون»: the tens came after the units, so nothing more joins this group. */
  inverted: boolean;
  wordsOnly: boolean;
  lang: 'ar' | 'en' | null;
}

interface ParsedNumber {
  value: number;
  start: number;
  end: number;
  /** Index of the first atom after the number. */
  next: number;
  wordsOnly: boolean;
  atoms: number;
}

const INCOMPLETE: ReadonlySet<Last> = new Set(['none', 'minus', 'article', 'teen_first']);
const COUNTS: ReadonlySet<Last> = new Set(['unit', 'teen', 'ten', 'literal']);

function wordAt(atoms: readonly Atom[], index: number): NumberWord | null {
  const atom = atoms[index];
  return atom && atom.kind === 'word' && atom.gap !== 'break' ? atom.word : null;
}

/** Sets the group to `value` when a new group opens, adds it when it continues one; records it. */
function put(state: State, value: number, last: Last, opens: boolean): void {
  state.group = opens ? { num: value, den: 1 } : add(state.group, { num: value, den: 1 });
  state.lastAdded = value;
  state.last = last;
}

/** How many atoms the element at `index` consumes into `state` (0: it does not continue the number). */
function step(state: State, atoms: readonly Atom[], index: number, joined: boolean): number {
  const atom = atoms[index] as Atom;
  if (atom.kind === 'literal') return stepLiteral(state, atoms, index, joined);
  const word = atom.word;
  if (atom.kind !== 'word' || word === null) return 0;
  if (word.kind !== 'article' && word.kind !== 'and' && state.lang !== null && word.lang !== state.lang)
    return 0;
  const consumed = stepWord(state, atoms, index, word, joined);
  if (consumed > 0 && word.kind !== 'article') state.lang = word.lang;
  return consumed;
}

function stepLiteral(state: State, atoms: readonly Atom[], index: number, joined: boolean): number {
  const atom = atoms[index] as Atom;
  const value = atom.literal as Ratio;
  const last = state.last;
  const amount = amountOf(value);
  if (last === 'none' || last === 'minus') {
    state.group = value;
  } else if (last === 'scale' && joined && value.den === 1 && amount < state.lastScale) {
    // «مليون و200 ألف»; but in «مليون و2021» the digits are a number of their own.
    const scale = wordAt(atoms, index + 1);
    if (scale?.kind !== 'scale' || scale.value >= state.lastScale || scale.count === 'two') return 0;
    state.group = value;
  } else if (
    last === 'hundred' &&
    joined &&
    value.den === 1 &&
    amount < 100 &&
    amountOf(state.group) % 100 === 0
  ) {
    state.group = add(state.group, value); // «ثلاث مئة و21»
  } else if (
    last === 'literal' &&
    !joined &&
    atom.fraction &&
    amount < 1 &&
    state.group.den === 1 &&
    amountOf(state.group) > 0
  ) {
    state.group = add(state.group, value); // «2 1/4»
    state.last = 'closed';
    return 1;
  } else return 0;
  state.lastAdded = amount;
  state.last = 'literal';
  state.wordsOnly = false;
  return 1;
}

function stepWord(
  state: State,
  atoms: readonly Atom[],
  index: number,
  word: NumberWord,
  joined: boolean,
): number {
  const last = state.last;
  const fresh = last === 'none' || last === 'minus';
  const groupOpen = fresh || last === 'scale';
  const afterHundred = last === 'hundred' && amountOf(state.group) % 100 === 0;
  const value = word.value;

  switch (word.kind) {
    case 'unit': {
      const teenStart =
        last === 'teen_first' || (last === 'unit' && state.lastAdded > 0 && state.lastAdded < 10);
      if (value === 10 && word.lang === 'ar' && !joined && teenStart) {
        // «ثلاثة عشر», «إحدى عشرة»
        const ones = state.lastAdded;
        put(state, last === 'teen_first' ? 10 + ones : 10, 'teen', false);
        state.lastAdded = 10 + ones;
        return 1;
      }
      if (value === 0 && !fresh) return 0;
      // Units follow tens in English ("twenty five"); Arabic writes them first, or after «و».
      const afterTen =
        last === 'ten' && !state.inverted && value > 0 && value < 10 && (joined || word.lang === 'en');
      if (!(groupOpen || afterHundred || afterTen)) return 0;
      put(state, value, 'unit', groupOpen);
      return 1;
    }
    case 'teen_first': {
      if (!(groupOpen || afterHundred)) return 0;
      state.last = 'teen_first';
      state.lastAdded = value;
      return 1;
    }
    case 'teen': {
      if (!(groupOpen || afterHundred)) return 0;
      put(state, value, 'teen', groupOpen);
      return 1;
    }
    case 'ten': {
      const afterUnit =
        last === 'unit' && joined && !state.inverted && state.lastAdded > 0 && state.lastAdded < 10;
      if (!(groupOpen || afterHundred || afterUnit)) return 0;
      const lastAdded = state.lastAdded;
      put(state, value, 'ten', groupOpen);
      if (afterUnit) {
        state.inverted = true;
        state.lastAdded = value + lastAdded;
      }
      return 1;
    }
    case 'hundred': {
      const below = amountOf(state.group);
      const multiplies =
        word.multiplies && !joined && COUNTS.has(last) && below > 0 && below < 100 && Number.isInteger(below);
      if (multiplies) state.group = times(state.group, 100);
      else if (groupOpen || last === 'article') state.group = { num: value, den: 1 };
      else return 0;
      state.last = 'hundred';
      state.lastAdded = 0;
      state.inverted = false;
      return 1;
    }
    case 'scale':
      return stepScale(state, word, joined);
    case 'fraction':
      return stepFraction(state, atoms, index, word, joined, false);
    case 'denominator': {
      const count = state.lastAdded;
      if (joined || !COUNTS.has(last) || !Number.isInteger(count) || count < 1 || count > 10) return 0;
      // «ثلاثة أرباع» is 3/4; «مائة وثلاثة أرباع» is 100 + 3/4.
      state.group = add(state.group, { num: count - count * value, den: value });
      state.last = 'closed';
      return 1;
    }
    case 'point':
      return stepPoint(state, atoms, index);
    case 'minus': {
      if (last !== 'none') return 0;
      state.sign = -1;
      state.last = 'minus';
      return 1;
    }
    case 'article': {
      if (last === 'none') {
        state.last = 'article';
        return 1;
      }
      // "two and a half", "half a million"
      const next = wordAt(atoms, index + 1);
      if (next?.kind === 'fraction' && joined)
        return stepFraction(state, atoms, index + 1, next, true, true) > 0 ? 2 : 0;
      if (next?.kind === 'scale' && last === 'fraction') return stepScale(state, next, false) > 0 ? 2 : 0;
      return 0;
    }
    case 'and':
      return 0;
  }
}

function stepFraction(
  state: State,
  atoms: readonly Atom[],
  index: number,
  word: NumberWord,
  joined: boolean,
  afterArticle: boolean,
): number {
  const last = state.last;
  const fraction = { num: word.value, den: 1 };
  if (last === 'none' || last === 'minus') {
    state.group = fraction;
    state.last = 'fraction';
    return 1;
  }
  // English joins a half with its article: "two and a half", never "2021 and half".
  if (!joined || (word.lang === 'en' && !afterArticle)) return 0;
  if (last === 'scale') {
    // «مليون ونصف» is half of the scale: 1,500,000.
    state.total = add(state.total, { num: word.value * state.lastScale, den: 1 });
    state.last = 'closed';
    // «مليون ونصف المليون»: the scale repeated with the article belongs to the number.
    const repeated = atoms[index + 1];
    if (repeated?.kind === 'link' && repeated.gap === 'space' && repeated.text.startsWith('ال')) {
      const scale = NUMBER_WORDS.get(repeated.text.slice(2));
      if (scale?.kind === 'scale' && scale.value === state.lastScale) return 2;
    }
    return 1;
  }
  if (!(COUNTS.has(last) || last === 'hundred')) return 0;
  state.group = add(state.group, fraction);
  state.last = 'fraction';
  return 1;
}

function stepScale(state: State, word: NumberWord, joined: boolean): number {
  const last = state.last;
  const scale = word.value;
  if (word.afterDigits && last !== 'literal') return 0;
  let count: Ratio;
  if (last === 'none' || last === 'minus' || last === 'article' || (last === 'scale' && joined)) {
    if (word.count === 'many' || (last === 'article' && word.count !== 'one')) return 0;
    count = { num: word.count === 'two' ? 2 : 1, den: 1 };
  } else if (last === 'scale') {
    // «ألف مليون»: a thousand millions.
    if (amountOf(state.group) !== 0 || scale <= state.lastScale || word.count !== 'one') return 0;
    state.total = times(state.total, scale);
    state.lastScale = scale;
    return 1;
  } else if (COUNTS.has(last) || last === 'hundred' || last === 'fraction') {
    if (word.count === 'two' || joined || amountOf(state.group) <= 0) return 0;
    count = state.group;
  } else return 0;
  if (scale >= state.lastScale) return 0;
  state.total = add(state.total, times(count, scale));
  state.group = ZERO;
  state.lastScale = scale;
  state.lastAdded = 0;
  // «2.5 مليار» is complete: «2.5 مليار و10 آلاف» lists two amounts.
  state.last = Number.isInteger(amountOf(count)) ? 'scale' : 'closed';
  state.inverted = false;
  return 1;
}

/** «واحد فاصلة خمسة», «1 فاصلة 25», "three point five": the digits after the point as written. */
function stepPoint(state: State, atoms: readonly Atom[], index: number): number {
  if (!(COUNTS.has(state.last) || state.last === 'hundred') || state.group.den !== 1) return 0;
  const next = atoms[index + 1];
  if (!next || next.gap === 'break') return 0;
  let digits: string | null = null;
  let consumed = 0;
  if (next.kind === 'literal') {
    digits = next.digits;
    consumed = 1;
  } else if (next.kind === 'word' && next.clitic === '') {
    const fraction = parseAt(atoms, index + 1);
    if (fraction?.wordsOnly && Number.isInteger(fraction.value) && fraction.value >= 0) {
      digits = String(fraction.value);
      consumed = fraction.next - index - 1;
    }
  }
  if (digits === null || digits.length > 15) return 0;
  state.group = add(state.group, { num: Number(digits), den: 10 ** digits.length });
  state.last = 'literal';
  state.lastAdded = 0;
  return consumed + 1;
}

function initialState(): State {
  return {
    sign: 1,
    total: ZERO,
    group: ZERO,
    last: 'none',
    lastScale: Number.POSITIVE_INFINITY,
    lastAdded: 0,
    inverted: false,
    wordsOnly: true,
    lang: null,
  };
}

/** The longest number that starts at atom `first`, or null. */
function parseAt(atoms: readonly Atom[], first: number): ParsedNumber | null {
  const head = atoms[first];
  if (!head || (head.kind !== 'literal' && head.kind !== 'word')) return null;
  const state = initialState();
  let best: ParsedNumber | null = null;
  let index = first;
  let joined = false;
  while (index < atoms.length) {
    const atom = atoms[index] as Atom;
    if (index > first && atom.gap === 'break') break;
    if (index > first && atom.kind === 'waw') {
      if (joined || INCOMPLETE.has(state.last)) break;
      joined = true;
      index++;
      continue;
    }
    if (index > first && atom.kind === 'word' && atom.word?.kind === 'and') {
      if (joined || INCOMPLETE.has(state.last)) break;
      joined = true;
      index++;
      continue;
    }
    if (atom.kind === 'hyphen') {
      // "twenty-five"
      const next = atoms[index + 1];
      if (state.last !== 'ten' || state.lang !== 'en' || atom.gap !== 'none' || next?.gap !== 'none') break;
      if (next.word?.kind !== 'unit') break;
      index++;
      continue;
    }
    if (index > first && atom.clitic !== '') {
      if (atom.clitic !== 'و' || joined) break;
      joined = true;
    }
    const consumed = step(state, atoms, index, joined);
    if (consumed === 0) break;
    index += consumed;
    joined = false;
    if (!INCOMPLETE.has(state.last)) {
      const value = state.sign * amountOf(add(state.total, state.group));
      best = {
        value,
        start: head.start,
        end: (atoms[index - 1] as Atom).end,
        next: index,
        wordsOnly: state.wordsOnly,
        atoms: index - first,
      };
    }
    if (state.last === 'closed') break;
  }
  return best;
}

/** The word right before `at` on the same line (spaces between), or ''. */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > 0 && isLetterCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** The word right after `at` on the same line (spaces between), or ''. */
function wordAfter(text: string, at: number): string {
  let start = at;
  while (text[start] === ' ' || text[start] === '\t') start++;
  let end = start;
  while (end < text.length && isLetterCode(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

const AR_PRONOUN_BEFORE_ONE: ReadonlySet<string> = new Set(['اي', 'كل']);
const EN_PRONOUN_BEFORE_ONE: ReadonlySet<string> = new Set([
  'the',
  'any',
  'every',
  'each',
  'no',
  'this',
  'that',
  'which',
  'another',
]);
const EN_NOT_HALF_BEFORE: ReadonlySet<string> = new Set(['first', 'second', 'last', 'latter', 'other']);
const EN_HALF_AFTER: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an']);

/**
 * A single number word that is not a number where it stands, or a fraction rather than a count: «أي
 * واحد» is "which one"; «خمس السكان» is a fifth; «نصف نهائي» is a semi-final.
 */
function readAlone(text: string, atoms: readonly Atom[], index: number, parsed: ParsedNumber): number | null {
  const atom = atoms[index] as Atom;
  const word = atom.word;
  if (parsed.atoms !== 1 || word === null) return parsed.value;
  const previous = wordBefore(text, atom.start - atom.clitic.length);
  // «وكل واحد»: the conjunction on the word before does not change it.
  const before =
    previous.length > 2 && (previous[0] === 'و' || previous[0] === 'ف') ? previous.slice(1) : previous;
  const after = wordAfter(text, atom.end);
  if (word.kind === 'unit' && word.value === 1) {
    const pronouns = word.lang === 'ar' ? AR_PRONOUN_BEFORE_ONE : EN_PRONOUN_BEFORE_ONE;
    if (atom.clitic === '' && pronouns.has(before)) return null;
  }
  if (word.fraction !== undefined && after.startsWith('ال') && after.length > 3) return word.fraction;
  if (word.kind === 'fraction') {
    if (word.lang === 'ar' && (after === 'نهايي' || after === 'النهايي')) return null;
    if (word.lang === 'en' && (!EN_HALF_AFTER.has(after) || EN_NOT_HALF_BEFORE.has(before))) return null;
  }
  return parsed.value;
}

/**
 * «واحد على مائة», «ناقص مائة على خمسة وثلاثين» (over) and «واحد من ثلاثة» (out of): fractions read out in
 * words. Only between numbers written in words, where «على» and «من» cannot mean anything else.
 */
function readRatio(atoms: readonly Atom[], parsed: ParsedNumber): ParsedNumber | null {
  if (!parsed.wordsOnly) return null;
  const link = atoms[parsed.next];
  const link2 = atoms[parsed.next + 1];
  if (!link || !link2 || link.kind !== 'link' || link.gap !== 'space' || link2.gap !== 'space') return null;
  if (link.text !== 'علي' && link.text !== 'من') return null;
  if (link2.kind !== 'word' || link2.clitic !== '') return null;
  const denominator = parseAt(atoms, parsed.next + 1);
  if (!denominator?.wordsOnly || denominator.value === 0) return null;
  if (link.text === 'من') {
    const count = parsed.value;
    if (!Number.isInteger(count) || count < 1 || !(denominator.value > count)) return null;
  }
  return { ...denominator, value: parsed.value / denominator.value, start: parsed.start };
}

export function recognizeNumbers(doc: Folded): NumberMention[] {
  const atoms = tokenize(doc);
  const mentions: NumberMention[] = [];
  let index = 0;
  while (index < atoms.length) {
    const parsed = parseAt(atoms, index);
    if (parsed === null) {
      index++;
      continue;
    }
    const ratio = readRatio(atoms, parsed);
    const found = ratio ?? parsed;
    const value = ratio ? ratio.value : readAlone(doc.text, atoms, index, parsed);
    index = found.next;
    if (value === null || !Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) continue;
    const span = originalSpan(doc, found.start, found.end);
    mentions.push({
      value: value === 0 ? 0 : value,
      text: doc.original.slice(span.start, span.end),
      start: span.start,
      end: span.end,
    });
  }
  return mentions;
}
