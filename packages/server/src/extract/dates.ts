/**
 * Dates in Arabic and English news text, resolved against a time anchor (contract, "Values" and "Time").
 *
 * The folded text is cut once into tokens (words, digit runs, punctuation); a word carrying a proclitic
 * («وفي», «بأيلول», «لعام») is looked up without it. A small hand-written grammar then reads a date at
 * each token that can open one, keeps the longest reading and resumes after it, so matching is linear
 * in the text and never backtracks across it. Reading (what was written) is kept apart from resolving
 * (which calendar day it names), because the same «الاثنين» is a different day for a publication date
 * than for a reference time.
 *
 * Conventions chosen here (the tests pin them):
 * - A week runs Monday to Sunday, as in both peer suites; «الأسبوع الماضي» is that week's day range.
 * - «أوائل/مطلع/بداية» a month is days 1–10, «أواسط» 11–20, «أواخر/نهاية» 21–last; «منتصف» a month is
 *   its 15th, as Duckling reads it. Parts of a year are months 1–4, 5–8 and 9–12.
 * - Numeric dates are day-first. A date whose day-first reading is impossible (4/22) is read month-first;
 *   an English text reads month-first only when it shows US order elsewhere (a 07/24/2021, or written
 *   dates like "July 24" and never "24 July"). So 07/08/2021 is 7 August unless the text is US-style.
 * - A bare day/month pair («22/4») needs a date cue before it («في», «بتاريخ», a weekday, "on") or a
 *   zero-padded part («22/04»): alone it is as often a score, a ratio or a fraction. A text that is one
 *   short clause and ends on its only numeral is the exception: there «4/22», «22-4», «4.22» (one part
 *   only a day) and «في 15» are dates, as both peer suites read them.
 * - A pair with a comma and a year after it ("08/12, 2015") is month-first, the US way of writing it.
 * - «الأحد القادم», "next Sunday": that weekday of the next week, as both peer suites read it.
 * - Hijri dates convert through the tabular Islamic calendar (time.ts); an observed month may start a
 *   day apart.
 * - «السابق/التالي» («الأسبوع السابق», «اليوم التالي») are read against the anchor, like «الماضي/المقبل»;
 *   a story that uses them against its own timeline will get the anchor's neighbour instead.
 * - Quarters and halves of a year («الربع الثالث من عام 2020», "Q3 2021") are month ranges.
 * - Tense is read from the words around a date (8 tokens before, 6 after, within its sentence): «سوف»,
 *   «سـ» before an imperfect verb, «المقبل», "will" point forward; a list of past-tense verbs, «أمس»,
 *   «الماضي», "ago", English "-ed" words point back.
 */
import {
  CARDINALS,
  DURATION_UNITS,
  type DurationUnit,
  ENGLISH_CARDINALS,
  ENGLISH_ORDINALS,
  GREGORIAN_MONTHS,
  type Guard,
  HIJRI_MONTHS,
  LAST_WORDS,
  ORDINAL_TEEN,
  ORDINAL_TENS,
  ORDINAL_UNITS,
  WEEKDAYS,
} from './lexicon/months.js';
import { type Folded, fold, originalSpan } from './normalize.js';
import {
  civilDate,
  dayNumber,
  daysInMonth,
  easterDay,
  formatDay,
  formatMonth,
  formatYear,
  hijriDayNumber,
  hijriMonthLength,
  hijriOfDay,
  isValidDate,
  monthIndex,
  monthOfIndex,
  parseDay,
  weekdayOfDay,
  weekStart,
} from './time.js';
import { codeTable, HashFilter, hashRange, LastDocument } from './tokens.js';
import type { DateGrain, DateMention, TimeAnchor } from './types.js';

// ---------------------------------------------------------------------------------------------------
// Vocabulary, folded once. Lists are written space-separated.

const list = (words: string): Set<string> => new Set(words.split(' ').map(fold));
const F = fold;

interface MonthEntry {
  rest: string[];
  month: number;
  hijri: boolean;
  guard: Guard;
  english: boolean;
}

function buildMonthNames(): Map<string, MonthEntry[]> {
  const names = new Map<string, MonthEntry[]>();
  const add = (name: string, month: number, hijri: boolean, guard: Guard) => {
    const [first = '', ...rest] = fold(name).split(' ');
    const entry = { rest, month, hijri, guard, english: /^[a-z]/.test(first) };
    names.set(
      first,
      [...(names.get(first) ?? []), entry].sort((a, b) => b.rest.length - a.rest.length),
    );
  };
  for (const m of GREGORIAN_MONTHS) add(m.name, m.month, false, m.guard);
  for (const m of HIJRI_MONTHS) add(m.name, m.month, true, m.guard);
  return names;
}

const MONTH_NAMES = buildMonthNames();
const WEEKDAY_WORDS = new Map(WEEKDAYS.map((w) => [fold(w.name), w]));
const ORDINAL_UNIT = new Map(ORDINAL_UNITS.map(([w, n]) => [fold(w), n]));
const ORDINAL_TEN = new Map(ORDINAL_TENS.map(([w, n]) => [fold(w), n]));
const COMPOUND_ONLY = list('الحادي حادي الحادية');
const TEEN = new Set(ORDINAL_TEEN.map(fold));
const LAST = new Set(LAST_WORDS.map(fold));
const CARDINAL = new Map([...CARDINALS, ...ENGLISH_CARDINALS].map(([w, n]) => [fold(w), n]));
const DURATION = new Map(DURATION_UNITS.map(([w, unit, count]) => [fold(w), { unit, count }]));
const ENGLISH_ORDINAL = new Map(ENGLISH_ORDINALS);
/** Short ordinals that count weekdays: «أول/ثاني/ثالث ثلاثاء», «آخر اثنين». */
const NTH = new Map<string, number>([
  [F('أول'), 1],
  [F('ثاني'), 2],
  [F('ثان'), 2],
  [F('ثالث'), 3],
  [F('رابع'), 4],
  [F('خامس'), 5],
  [F('آخر'), -1],
]);

const NEXT = list('المقبل المقبلة القادم القادمة التالي التالية الجاي الجاية');
const PREVIOUS = list('الماضي الماضية السابق السابقة المنصرم المنصرمة الفائت الفائتة');
const CURRENT = list('الجاري الجارية الحالي الحالية');
const CONNECTORS = list('- و إلى حتى لغاية to and until till through');
const RANGE_OPENERS = list('من بين from between');
const YEAR_WORDS = list('عام العام سنة السنة');
// Dual forms that introduce two years: «عامي 2011 و2015», «خلال العامين 2019 و2020».
const YEAR_PAIR_WORDS = list('عامي العامين سنتي السنتين');
const MONTH_WORD = list('شهر الشهر');
const THIS = list('هذا هذه this');
const ON_DAY_FILLERS = list('الموافق في the');
const GREGORIAN_MARK = list('م ميلادي ميلادية للميلاد ad');
const HIJRI_MARK = list('ه هجري هجرية للهجرة');
const ENGLISH_DAY_SUFFIX = list('st nd rd th');
const YESTERDAY = list('أمس البارحة امبارح yesterday');
const BEFORE_YESTERDAY = list('أمس البارحة امبارح');
const TOMORROW = list('غدا بكرة بكرا tomorrow');
const AFTER_TOMORROW = list('غد الغد بكرة بكرا غدا');
const WEEK_WORD = list('الأسبوع week');
const RELATIVE_PRONOUNS = list('الذي الي');
const ENGLISH_PERIOD_BIAS = new Map([
  ['last', -1],
  ['next', 1],
  ['coming', 1],
  ['this', 0],
]);
const ENGLISH_WEEKDAY_BIAS = new Map<string, Bias>([
  ['next', 'next'],
  ['coming', 'next'],
  ['last', 'last'],
  ['this', null],
]);

type Part = 'early' | 'middle' | 'mid' | 'late';
const PART_WORDS = new Map<string, Part>([
  ...[...list('أوائل مطلع بداية بدايات مستهل early beginning start')].map((w): [string, Part] => [
    w,
    'early',
  ]),
  ...[...list('أواسط middle')].map((w): [string, Part] => [w, 'middle']),
  ...[...list('منتصف نص نصف mid')].map((w): [string, Part] => [w, 'mid']),
  ...[...list('أواخر نهاية late end')].map((w): [string, Part] => [w, 'late']),
]);
// «نص» is also "text" and «نصف» "half": they mean mid-month only before «شهر».
const PART_NEEDS_MONTH_WORD = list('نص نصف');
// English part nouns need "of": "the end of 2020", "the beginning of March".
const PART_NEEDS_OF = list('beginning start end middle');
// Quarters and halves of a year: «الربع الثالث من عام 2016», «النصف الأول من العام الجاري», "Q3 2021".
const YEAR_DIVISIONS = new Map([
  [F('الربع'), 3],
  ['quarter', 3],
  [F('النصف'), 6],
  ['half', 6],
]);

// Words that let a bare month name or a bare year stand as a date: «في آذار», «منذ 2011», "in May".
const PERIOD_CUES = list(
  'في منذ خلال حتى قبل بعد طيلة طوال أثناء مع إلى لغاية in since until till by during before after from through throughout',
);
// Context that makes a bare «22-4» a date and not a score or a ratio.
const DATE_CUES = list('في يوم بتاريخ تاريخ الموافق منذ حتى on since until dated');
// A number after these names a law, a resolution or a file, not a date: «القانون رقم 10/2018».
const NUMBER_LABELS = list('رقم القرار قرار القانون قانون المرسوم مرسوم no number');
// What may follow a bare year after «في»: «في 2017 بعد …» is a year, «في 2000 منزل» is a count.
const AFTER_YEAR = list(
  'و بعد قبل حين حيث عندما عند حتى إلى على عن مع من في ثم أو إذ لكن كما قد لقد لم لن أن إن أنه إثر اثر خلال بين بعدما',
);
// «اليوم» followed by these is "the day …" (World Day, the day itself), not "today"; after these it is
// "that day" or "a day" («في ذلك اليوم», «مرتين في اليوم»).
const NOT_TODAY_AFTER = list(
  'العالمي الوطني الدولي الذي الوحيد الواحد الموعود المفتوح الدراسي الانتخابي نفسه ذاته ذلك',
);
const NOT_TODAY_BEFORE = list('ذلك تلك نفس ذات في');
// «الاثنين» is also "the two": «إن الاثنين سيعملان», «كلا الاثنين».
const THE_TWO_AFTER = list('إن أن كلا');

const FUTURE_WORDS = list(
  'سوف المقبل المقبلة القادم القادمة الجاي المقرر المزمع المرتقب المنتظر يعتزم تعتزم will shall upcoming next scheduled forthcoming',
);
const PAST_WORDS = list(
  'أمس الأمس البارحة الماضي الماضية المنصرم المنصرمة الفائت الفائتة لقد سبق سابقا yesterday last ago was were had did said held met took began came went sent told',
);
// Past-tense verbs that news writes around dates, with their feminine and plural forms: a practical
// stand-in for tense detection.
const PAST_VERBS = new Set(
  [
    ...'عقد انعقد جرى أعلن قال وصل سلم تسلم أكد ذكر أفاد كشف شهد وقع بدأ انطلق قتل استهدف دخل خرج غادر عاد التقى بحث اجتمع نفذ شن أصدر أضاف أشار أوضح نقل نشر صرح استقبل زار وزع أرسل سجل أطلق حدث حصل اختتم افتتح نظم دعا طالب رحب أدان شارك تدخل أسفر تعرض أصيب سقط انتهى استأنف وافق رفض أقر قرر انسحب سيطر هاجم قصف'
      .split(' ')
      .flatMap((verb) => {
        const stem = fold(verb);
        const weak = stem.endsWith('ي') ? stem.slice(0, -1) : stem;
        return [stem, `${stem}ت`, `${stem}وا`, `${weak}ت`, `${weak}وا`, `${stem}نا`, `${weak}ا`];
      }),
    ...list('تم تمت كان كانت كانوا عدت كنا جرت'),
  ].map(fold),
);
// English "-ed" words that do not report a past event.
const ED_NOT_PAST = list('scheduled expected planned proposed slated intended needed based');
// «سـ» + an imperfect prefix marks the future («سيعقد», «ستجري»); these words only look like it.
const NOT_FUTURE = list(
  'سياسة سياسي سياسية سياسات سيارة سيارات سيطرة سياق سيد سيدة سيدات سيول سيف سيناء سيناريو سيرغي سيرة ستة ستين ستون ستار ستمائة ستالين',
);

// Folded spellings the grammar compares against.
const W = {
  min: 'من',
  fi: 'في',
  of: 'of',
  in: 'in',
  the: 'the',
  yawm: 'يوم',
  alyawm: 'اليوم',
  shahrDefinite: F('الشهر'),
  am: F('عام'),
  ams: F('أمس'),
  alams: F('الأمس'),
  awwal: F('أول'),
  qabl: 'قبل',
  alqabl: 'القبل',
  baad: 'بعد',
  mundhu: 'منذ',
  ala: F('على'),
  eid: 'عيد',
  ras: F('رأس'),
  sana: F('السنة'),
  hijriya: F('الهجرية'),
  milad: 'الميلاد',
  fitr: 'الفطر',
  adha: F('الأضحى'),
  fish: 'الفصح',
  day: 'day',
  before: 'before',
  after: 'after',
  ago: 'ago',
  month: 'month',
  year: 'year',
  today: 'today',
  monday: 'الاثنين',
  christmas: 'christmas',
  easter: 'easter',
} as const;
const HOLIDAY_EPITHETS = list('المجيد السعيد المبارك');
const NTH_LINKS = list('من في of in');
const ORDINAL_BREAKS = list('من بعد قبل في');
const AGO_BLOCKERS = list('من على');

const CLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل'] as const;

// Words the grammar only looks at around a date, never starting one there.
const CONTEXT_ONLY = new Set([
  ...ENGLISH_DAY_SUFFIX,
  ...NOT_TODAY_AFTER,
  ...NOT_TODAY_BEFORE,
  ...THE_TWO_AFTER,
]);

const KNOWN: ReadonlySet<string> = new Set<string>([
  ...CONTEXT_ONLY,
  ...MONTH_NAMES.keys(),
  ...[...MONTH_NAMES.values()].flatMap((entries) => entries.flatMap((e) => e.rest)),
  ...WEEKDAY_WORDS.keys(),
  ...ORDINAL_UNIT.keys(),
  ...ORDINAL_TEN.keys(),
  ...TEEN,
  ...LAST,
  ...CARDINAL.keys(),
  ...DURATION.keys(),
  ...ENGLISH_ORDINAL.keys(),
  ...NTH.keys(),
  ...NEXT,
  ...PREVIOUS,
  ...CURRENT,
  ...CONNECTORS,
  ...RANGE_OPENERS,
  ...YEAR_WORDS,
  ...YEAR_PAIR_WORDS,
  ...MONTH_WORD,
  ...THIS,
  ...ON_DAY_FILLERS,
  ...GREGORIAN_MARK,
  ...HIJRI_MARK,
  ...YESTERDAY,
  ...TOMORROW,
  ...AFTER_TOMORROW,
  ...WEEK_WORD,
  ...RELATIVE_PRONOUNS,
  ...ENGLISH_PERIOD_BIAS.keys(),
  ...PART_WORDS.keys(),
  ...PERIOD_CUES,
  ...DATE_CUES,
  ...NUMBER_LABELS,
  ...HOLIDAY_EPITHETS,
  ...YEAR_DIVISIONS.keys(),
  'q',
  ...Object.values(W),
]);

interface Form {
  /** The word as written, proclitic included. */
  form: string;
  key: string;
  clitic: number;
  /** The readers that may start at the word (`READERS`), set once they are built. */
  readers: number;
}

/** FNV-1a over UTF-16 units, one step per character, so the tokenizer hashes while it scans. */
const HASH_SEED = 0x811c9dc5 | 0;
/** Map keys are kept to 30 bits, which V8 stores as small integers: a lookup then allocates nothing. */
const SMALL_INTEGER = 0x3fffffff;

function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * Every known word, alone and with every proclitic it may carry, bucketed by hash: the tokenizer finds
 * a word's key without slicing it, and never allocates for the words that are not calendar vocabulary.
 */
function buildForms(): Map<number, Form[]> {
  const forms = new Map<string, Form>();
  for (const word of KNOWN) forms.set(word, { form: word, key: word, clitic: 0, readers: 0 });
  for (const word of KNOWN) {
    if (word.length < 2) continue;
    for (const clitic of CLITICS) {
      const glued = clitic + word;
      if (!forms.has(glued)) forms.set(glued, { form: glued, key: word, clitic: clitic.length, readers: 0 });
      // «للعام», «وللشهر»: the article's alif drops after «ل».
      const elided = clitic + word.slice(1);
      if (clitic.endsWith('ل') && word.startsWith('ال') && !forms.has(elided)) {
        forms.set(elided, { form: elided, key: word, clitic: clitic.length - 1, readers: 0 });
      }
    }
  }
  const buckets = new Map<number, Form[]>();
  for (const form of forms.values()) {
    let hash = HASH_SEED;
    for (let i = 0; i < form.form.length; i++) hash = hashStep(hash, form.form.charCodeAt(i));
    const key = hash & SMALL_INTEGER;
    FORM_FILTER.add(key);
    buckets.set(key, [...(buckets.get(key) ?? []), form]);
  }
  return buckets;
}

const FORM_FILTER = new HashFilter();
const FORMS = buildForms();
const LONGEST_FORM = Math.max(...[...FORMS.values()].flat().map((f) => f.form.length));

function formAt(text: string, start: number, end: number, hash: number): Form | undefined {
  const key = hash & SMALL_INTEGER;
  if (!FORM_FILTER.mayHave(key)) return undefined;
  const bucket = FORMS.get(key);
  if (!bucket) return undefined;
  for (const form of bucket)
    if (form.form.length === end - start && text.startsWith(form.form, start)) return form;
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Tokens.

const WORD = 0;
const NUMBER = 1;
const PUNCT = 2;

/**
 * A text's tokens, column by column (no object per token). A known word's `key` is the word without its
 * proclitic («بأيلول» → «ايلول»); punctuation's key is its character; other words and numbers have ''.
 */
interface Tokens {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Runs on past the text's tokens, with '' there: read it by index, not by length. */
  key: string[];
  clitic: Uint8Array;
  /** The value of a number (0 for the rest). */
  value: Float64Array;
  /** The readers that may start at the token (`READERS`; those of any number): most tokens start none. */
  readers: Uint16Array;
  /** 1 when a line break (or the text's start) lies between a token and the one before it. */
  line: Uint8Array;
}

/**
 * Columns are filled in buffers shared by every call (grown when a text needs more), and a document's
 * tokens are views of them, not copies: a typed array longer than a few dozen bytes lives outside the
 * heap and costs a microsecond to allocate. `TOKENS` is the only caller and keeps the last document's
 * tokens only, so nothing reads them once the next document has overwritten the buffers.
 */
let scratch = scratchTokens(2048);
/** How many entries of `scratch.key` the last text wrote: the next one clears those it does not overwrite. */
let keysWritten = 0;

function scratchTokens(capacity: number): Tokens {
  return {
    kind: new Uint8Array(capacity),
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    key: new Array<string>(capacity).fill(''),
    clitic: new Uint8Array(capacity),
    value: new Float64Array(capacity),
    readers: new Uint16Array(capacity),
    line: new Uint8Array(capacity),
  };
}

function grownScratch(count: number): Tokens {
  const larger = scratchTokens(scratch.kind.length * 2);
  larger.kind.set(scratch.kind.subarray(0, count));
  larger.start.set(scratch.start.subarray(0, count));
  larger.end.set(scratch.end.subarray(0, count));
  for (let k = 0; k < count; k++) larger.key[k] = scratch.key[k] as string;
  larger.clitic.set(scratch.clitic.subarray(0, count));
  larger.value.set(scratch.value.subarray(0, count));
  larger.readers.set(scratch.readers.subarray(0, count));
  larger.line.set(scratch.line.subarray(0, count));
  return larger;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function letterByRanges(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x0300 && code <= 0x036f) ||
    (code >= 0x0370 && code <= 0x04ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

function spaceByRanges(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x3000
  );
}

const LETTER_CODES = codeTable(letterByRanges);
const SPACE_CODES = codeTable(spaceByRanges);

function isLetter(code: number): boolean {
  return LETTER_CODES[code] === 1;
}

function isSpace(code: number): boolean {
  return SPACE_CODES[code] === 1;
}

function tokenize(doc: Folded): Tokens {
  const { text, codes } = doc;
  const length = codes.length;
  // The shared buffers, held in a local: the loop below writes seven columns per token.
  let columns = scratch;
  let count = 0;
  let line = 1;
  let i = 0;
  while (i < length) {
    const code = codes[i] as number;
    if (isSpace(code)) {
      if (code === 10 || code === 13) line = 1;
      i++;
      continue;
    }
    const start = i;
    let kind = PUNCT;
    let key = '';
    let clitic = 0;
    let value = 0;
    let readers = 0;
    if (isDigit(code)) {
      kind = NUMBER;
      readers = NUMBER_READERS;
      for (; i < length && isDigit(codes[i] as number); i++) value = value * 10 + (codes[i] as number) - 48;
    } else if (isLetter(code)) {
      kind = WORD;
      let hash = HASH_SEED;
      for (; i < length; i++) {
        const c = codes[i] as number;
        if (!isLetter(c)) break;
        hash = hashStep(hash, c);
      }
      const form = i - start <= LONGEST_FORM ? formAt(text, start, i, hash) : undefined;
      if (form) {
        key = form.key;
        clitic = form.clitic;
        readers = form.readers;
      }
    } else {
      key = text.charAt(i++);
    }
    if (count === columns.kind.length) {
      scratch = grownScratch(count);
      columns = scratch;
    }
    columns.kind[count] = kind;
    columns.start[count] = start;
    columns.end[count] = i;
    columns.key[count] = key;
    columns.clitic[count] = clitic;
    columns.value[count] = value;
    columns.readers[count] = readers;
    columns.line[count] = line;
    count++;
    line = 0;
  }
  columns.key.fill('', count, keysWritten);
  keysWritten = count;
  return {
    kind: columns.kind.subarray(0, count),
    start: columns.start.subarray(0, count),
    end: columns.end.subarray(0, count),
    // Not a copy: the keys past `count` were cleared, so the shared array reads as this text's alone.
    key: columns.key,
    clitic: columns.clitic.subarray(0, count),
    value: columns.value.subarray(0, count),
    readers: columns.readers.subarray(0, count),
    line: columns.line.subarray(0, count),
  };
}

// ---------------------------------------------------------------------------------------------------
// What a date expression says, before it is resolved.

type Bias = 'next' | 'last' | 'current' | null;
type Holiday = 'christmas' | 'easter' | 'fitr' | 'adha' | 'hijri_new_year';

/** A calendar position as written: any field may be missing. */
interface When {
  /** 1–31; -1 is the month's last day. */
  day: number | null;
  month: number | null;
  /** A month counted from the anchor's («الشهر الماضي» is -1). */
  monthRel: number | null;
  /** `month` and `day` are Hijri. */
  hijri: boolean;
  year: number | null;
  /** `year` is marked Hijri («هـ»). */
  yearHijri: boolean;
  yearRel: number | null;
  weekday: number | null;
  /** A modifier written on the month («تموز الماضي», «الشهر الجاري»). */
  bias: Bias;
  /** The day was an ordinal after a weekday («الثلاثاء الثالث من أيلول»): it may count Tuesdays. */
  nthCandidate: boolean;
}

type Spec =
  | { t: 'when'; w: When }
  | { t: 'year'; year: number | null; rel: number; hijri: boolean }
  | { t: 'shift'; days: number }
  | { t: 'week'; offset: number }
  | { t: 'weekday'; weekday: number; bias: Bias; week: number | null }
  | { t: 'nth'; n: number; weekday: number; w: When }
  | { t: 'part'; part: Part; of: Spec }
  /** Months `from`–`to` of a year: a quarter or a half. */
  | { t: 'months'; from: number; to: number; of: Spec }
  | { t: 'range'; from: Spec; to: Spec }
  | { t: 'holiday'; holiday: Holiday; year: number | null };

interface Hit {
  /** Token index where the span starts (after a leading «أمس»). */
  start: number;
  /** Token index after the last token read. */
  end: number;
  spec: Spec;
  /** «أمس السبت 24 …»: what the leading word says of that day (-1 yesterday, 0 today, 1 tomorrow). */
  lead?: number;
}

const NO_WHEN: When = {
  day: null,
  month: null,
  monthRel: null,
  hijri: false,
  year: null,
  yearHijri: false,
  yearRel: null,
  weekday: null,
  bias: null,
  nthCandidate: false,
};

function when(fields: Partial<When>): When {
  return { ...NO_WHEN, ...fields };
}

function longer(best: Hit | null, hit: Hit | null): Hit | null {
  return hit && (!best || hit.end > best.end) ? hit : best;
}

// ---------------------------------------------------------------------------------------------------
// The grammar. Every reader takes a token index and returns what it read and where it stopped, or null.

interface Read<T> {
  end: number;
  value: T;
}

// `statedPublicationDate` and `recognizeDates` read the same document one after the other.
const TOKENS = new LastDocument(tokenize);

class Reader {
  readonly tokens: Tokens;
  readonly count: number;
  private usOrder: boolean | null = null;
  private sole: boolean | null = null;

  constructor(readonly doc: Folded) {
    this.tokens = TOKENS.of(doc);
    this.count = this.tokens.kind.length;
  }

  key(i: number): string {
    return this.tokens.key[i] ?? '';
  }

  isWord(i: number): boolean {
    return this.tokens.kind[i] === WORD;
  }

  isNumber(i: number): boolean {
    return this.tokens.kind[i] === NUMBER;
  }

  isPunct(i: number, chars: string): boolean {
    return this.tokens.kind[i] === PUNCT && chars.includes(this.key(i));
  }

  value(i: number): number {
    return this.tokens.value[i] ?? Number.NaN;
  }

  /** The readers that may start at token `i`: 0 for most. */
  readers(i: number): number {
    return this.tokens.readers[i] ?? 0;
  }

  digits(i: number): number {
    return this.isNumber(i) ? this.end(i) - this.start(i) : 0;
  }

  start(i: number): number {
    return this.tokens.start[i] ?? this.doc.text.length;
  }

  end(i: number): number {
    return this.tokens.end[i] ?? this.doc.text.length;
  }

  clitic(i: number): number {
    return this.tokens.clitic[i] ?? 0;
  }

  lineBefore(i: number): boolean {
    return this.tokens.line[i] === 1;
  }

  /** The folded text of token `i` (sliced on demand). */
  text(i: number): string {
    return this.doc.text.slice(this.start(i), this.end(i));
  }

  cliticText(i: number): string {
    return this.doc.text.slice(this.start(i), this.start(i) + this.clitic(i));
  }

  /** Token `i` touches the one before it (no space between). */
  touches(i: number): boolean {
    return i > 0 && i < this.count && this.tokens.end[i - 1] === this.tokens.start[i];
  }

  /** Token `i` carries a glued «و» («وأيار», «والعشرين»). */
  gluedAnd(i: number): boolean {
    return this.clitic(i) === 1 && this.doc.text.charCodeAt(this.start(i)) === 0x0648;
  }

  /**
   * «3.5», «10:30», «5,000», «1/2/3»: the number at `i` is a piece of a larger numeral. Years pass
   * `slash = false`: «2020/2021» is a span of years.
   */
  inLargerNumber(i: number, slash = true): boolean {
    const separators = slash ? '.,:/' : '.,:';
    if (this.isPunct(i - 1, separators) && this.touches(i - 1) && this.isNumber(i - 2) && this.touches(i))
      return true;
    return (
      this.isPunct(i + 1, separators) && this.touches(i + 1) && this.isNumber(i + 2) && this.touches(i + 2)
    );
  }

  /** English month names count only when capitalized in the original ("may" is a verb, "May" a month). */
  capitalized(i: number): boolean {
    const code = this.doc.original.charCodeAt(this.doc.toOriginal[this.start(i)] ?? 0);
    return code >= 65 && code <= 90;
  }

  /**
   * The whole text is one short clause («سأعود في 15», "back on 4/22"): a bare numeral in it has nothing
   * else to be read against, so a form that is a date is one. News text never qualifies.
   */
  soleClause(): boolean {
    if (this.sole === null) this.sole = isSoleClause(this);
    return this.sole;
  }

  /** Tokens [from, to) hold the only numeral of the text. */
  onlyNumeral(from: number, to: number): boolean {
    for (let j = 0; j < this.count; j++) if ((j < from || j >= to) && this.isNumber(j)) return false;
    return true;
  }

  /** Token `i` ends the text, or only closing punctuation follows it. */
  endsText(i: number): boolean {
    for (let j = i + 1; j < this.count; j++) if (!this.isPunct(j, SENTENCE_END)) return false;
    return true;
  }

  /** Day-first unless an English text shows US month-first order elsewhere. */
  monthFirst(): boolean {
    if (this.usOrder === null) this.usOrder = detectUsOrder(this.doc.text);
    return this.usOrder;
  }
}

/** At most this many words, on one line, make a text one clause. */
const SOLE_CLAUSE_WORDS = 4;

function isSoleClause(r: Reader): boolean {
  let words = 0;
  for (let i = 0; i < r.count; i++) {
    if (i > 0 && r.lineBefore(i)) return false;
    if (r.isWord(i) && ++words > SOLE_CLAUSE_WORDS) return false;
    const decimalPoint = r.isNumber(i - 1) && r.touches(i) && r.isNumber(i + 1) && r.touches(i + 1);
    if (r.isPunct(i, SENTENCE_END) && !decimalPoint && !r.endsText(i)) return false;
  }
  return true;
}

const ENGLISH_MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_THEN_DAY = new RegExp(`\\b(?:${ENGLISH_MONTHS}) \\d{1,2}\\b`);
const DAY_THEN_MONTH = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:${ENGLISH_MONTHS})\\b`);

function detectUsOrder(text: string): boolean {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < text.length && i < 4000; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0621 && code <= 0x064a) arabic++;
    else if (code >= 97 && code <= 122) latin++;
  }
  if (arabic >= latin) return false;
  let dayFirst = 0;
  let monthFirst = 0;
  for (const m of text.matchAll(/(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}/g)) {
    if (Number(m[1]) > 12) dayFirst++;
    if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst !== monthFirst) return monthFirst > dayFirst;
  return MONTH_THEN_DAY.test(text) && !DAY_THEN_MONTH.test(text);
}

// Numbers in words -----------------------------------------------------------------------------------

/**
 * A number in words, joined by «و» from the largest part down («ألف وتسعمائة وواحد», «ألفان وثمانية
 * عشر», «ثلاثة», "two"); units may precede their tens («واحد وعشرين»).
 */
function cardinalAt(r: Reader, i: number): Read<number> | null {
  let total = 0;
  let floor = Number.POSITIVE_INFINITY;
  let previousUnit = false;
  let end = -1;
  let j = i;
  while (j < r.count) {
    let at = j;
    if (at > i) {
      if (r.key(at) === 'و') at++;
      else if (!r.gluedAnd(at)) break;
    }
    let value = CARDINAL.get(r.key(at));
    if (value === undefined) break;
    let next = at + 1;
    if (value < 10 && TEEN.has(r.key(next))) [value, next] = [value + 10, next + 1];
    const magnitude = value >= 1000 ? 1000 : value >= 100 ? 100 : 1;
    const joinsTens = previousUnit && value >= 20 && value < 100;
    if (!joinsTens && magnitude >= floor) break;
    total += value;
    floor = joinsTens ? 1 : magnitude;
    previousUnit = value < 10;
    end = next;
    j = next;
    if (joinsTens) break;
  }
  return end === -1 ? null : { end, value: total };
}

// Days -----------------------------------------------------------------------------------------------

function dayAt(r: Reader, i: number, allowOrdinal = true): Read<number> | null {
  if (r.isNumber(i)) {
    const value = r.value(i);
    if (r.digits(i) > 2 || value < 1 || value > 31 || r.inLargerNumber(i)) return null;
    const end = r.touches(i + 1) && ENGLISH_DAY_SUFFIX.has(r.key(i + 1)) ? i + 2 : i + 1;
    return { end, value };
  }
  return allowOrdinal ? ordinalDayAt(r, i) : null;
}

/** «الأول», «الثالث عشر», «السادس والعشرين», «الحادي والثلاثين». */
function ordinalDayAt(r: Reader, i: number): Read<number> | null {
  const key = r.key(i);
  const unit = ORDINAL_UNIT.get(key);
  if (unit !== undefined) {
    if (unit < 10 && TEEN.has(r.key(i + 1))) return { end: i + 2, value: 10 + unit };
    const tens = unit < 10 ? tensAt(r, i + 1) : null;
    if (tens && unit + tens.value <= 31) return { end: tens.end, value: unit + tens.value };
    return COMPOUND_ONLY.has(key) ? null : { end: i + 1, value: unit };
  }
  const tens = ORDINAL_TEN.get(key);
  return tens !== undefined && key.startsWith('ال') ? { end: i + 1, value: tens } : null;
}

function tensAt(r: Reader, i: number): Read<number> | null {
  if (r.gluedAnd(i)) {
    const tens = ORDINAL_TEN.get(r.key(i));
    if (tens !== undefined) return { end: i + 1, value: tens };
  }
  if (r.key(i) === 'و') {
    const tens = ORDINAL_TEN.get(r.key(i + 1));
    if (tens !== undefined) return { end: i + 2, value: tens };
  }
  return null;
}

// Months ---------------------------------------------------------------------------------------------

interface MonthRead {
  month: number | null;
  monthRel: number | null;
  hijri: boolean;
  guard: Guard;
}

function nameAt(r: Reader, i: number): Read<MonthEntry> | null {
  const entries = MONTH_NAMES.get(r.key(i));
  if (!entries) return null;
  for (const entry of entries) {
    if (entry.english && !r.capitalized(i)) continue;
    let matches = true;
    for (let k = 0; k < entry.rest.length && matches; k++) matches = r.key(i + 1 + k) === entry.rest[k];
    if (!matches) continue;
    let end = i + 1 + entry.rest.length;
    // "Sept." and "Oct." keep their full stop.
    if (entry.english && entry.guard === 2 && r.isPunct(end, '.') && r.touches(end)) end++;
    return { end, value: entry };
  }
  return null;
}

function sameMonthAt(r: Reader, i: number, entry: MonthEntry): Read<MonthEntry> | null {
  const other = nameAt(r, i);
  return other && other.value.month === entry.month && other.value.hijri === entry.hijri ? other : null;
}

/** A month name with its optional «شهر» and a second name for the same month: «تموز/يوليو», «تموز (يوليو)». */
function monthNameAt(r: Reader, i: number): Read<MonthRead> | null {
  const monthWord = MONTH_WORD.has(r.key(i));
  const j = monthWord ? i + 1 : i;
  const name = nameAt(r, j);
  if (!name) return monthWord ? monthNumberAt(r, j, r.key(i) === W.shahrDefinite) : null;
  let end = name.end;
  if (r.isPunct(end, '/-\\')) {
    const other = sameMonthAt(r, end + 1, name.value);
    if (other) end = other.end;
  } else if (r.isPunct(end, '(')) {
    const other = sameMonthAt(r, end + 1, name.value);
    if (other && r.isPunct(other.end, ')')) end = other.end + 1;
  }
  const { month, hijri } = name.value;
  return { end, value: { month, monthRel: null, hijri, guard: monthWord ? 0 : name.value.guard } };
}

/** «شهر 3», «شهر ثلاثة», «الشهر الثامن». */
function monthNumberAt(r: Reader, i: number, definite: boolean): Read<MonthRead> | null {
  let read: Read<number> | null = null;
  if (definite) read = ordinalDayAt(r, i);
  else if (r.isNumber(i) && !r.inLargerNumber(i)) read = { end: i + 1, value: r.value(i) };
  else read = cardinalAt(r, i);
  if (!read || read.value < 1 || read.value > 12) return null;
  return {
    end: read.end,
    value: { month: read.value, monthRel: null, hijri: false, guard: definite ? 2 : 1 },
  };
}

function modifierAt(r: Reader, i: number): Bias {
  const key = r.key(i);
  if (NEXT.has(key)) return 'next';
  if (PREVIOUS.has(key)) return 'last';
  if (CURRENT.has(key)) return 'current';
  return null;
}

const BIAS_OFFSET = { next: 1, last: -1, current: 0 } as const;

/** "last month", "next year", "this week": the period's offset from the anchor's. */
function englishRelativeAt(r: Reader, i: number, unit: string): Read<number> | null {
  const offset = ENGLISH_PERIOD_BIAS.get(r.key(i));
  return offset !== undefined && r.key(i + 1) === unit ? { end: i + 2, value: offset } : null;
}

function relativeMonth(offset: number, end: number): Read<MonthRead> {
  return { end, value: { month: null, monthRel: offset, hijri: false, guard: 0 } };
}

/** A named month, or a month relative to the anchor: «الشهر الماضي», «هذا الشهر», "last month". */
function monthRefAt(r: Reader, i: number): Read<MonthRead> | null {
  const named = monthNameAt(r, i);
  if (named) return named;
  const key = r.key(i);
  if (key === W.shahrDefinite) {
    const bias = modifierAt(r, i + 1);
    return bias ? relativeMonth(BIAS_OFFSET[bias], i + 2) : null;
  }
  if (THIS.has(key) && (r.key(i + 1) === W.shahrDefinite || r.key(i + 1) === W.month))
    return relativeMonth(0, i + 2);
  const english = englishRelativeAt(r, i, W.month);
  return english ? relativeMonth(english.value, english.end) : null;
}

// Years ----------------------------------------------------------------------------------------------

interface YearRead {
  year: number;
  /** true: marked Hijri («هـ»); false: marked Gregorian («م»); null: unmarked. */
  hijri: boolean | null;
}

function yearAt(r: Reader, i: number): Read<YearRead> | null {
  let read: Read<number> | null;
  if (r.isNumber(i)) {
    read = r.digits(i) === 4 && !r.inLargerNumber(i, false) ? { end: i + 1, value: r.value(i) } : null;
  } else {
    // A year spelled out starts with its thousands: «ألفين», «ألف وتسعمائة وواحد».
    const thousands = CARDINAL.get(r.key(i));
    read = thousands !== undefined && thousands >= 1000 ? cardinalAt(r, i) : null;
  }
  if (!read || read.value < 1000 || read.value > 2199) return null;
  let { end } = read;
  let hijri: boolean | null = null;
  if (GREGORIAN_MARK.has(r.key(end))) [hijri, end] = [false, end + 1];
  else if (HIJRI_MARK.has(r.key(end))) [hijri, end] = [true, end + 1];
  return { end, value: { year: read.value, hijri } };
}

interface Tail {
  year: number | null;
  yearHijri: boolean;
  yearRel: number | null;
  bias: Bias;
}

function isThisYear(r: Reader, i: number): boolean {
  return THIS.has(r.key(i)) && (YEAR_WORDS.has(r.key(i + 1)) || r.key(i + 1) === W.year);
}

/**
 * What may follow a month: a year («2021», «، 2021», «من عام 2020», «لعام 1442 هـ», "of 2021"), a year
 * relative to the anchor («السنة القادمة»), or a modifier on the month itself («الماضي», «الجاري»).
 */
function tailAt(r: Reader, i: number, allowFullStop = false): Read<Tail> | null {
  const punctuated = r.isPunct(i, '،,') || (allowFullStop && r.isPunct(i, '.'));
  let k = punctuated ? i + 1 : i;
  const linked = r.key(k) === W.min || r.key(k) === W.fi || r.key(k) === W.of;
  if (linked) k++;
  const keyword = YEAR_WORDS.has(r.key(k)) || r.key(k) === W.year;
  if (keyword) k++;
  const year = yearAt(r, k);
  if (year) {
    const { hijri } = year.value;
    return {
      end: year.end,
      value: { year: year.value.year, yearHijri: hijri === true, yearRel: null, bias: null },
    };
  }
  let yearRel: Read<number> | null = null;
  if (keyword && (linked || !punctuated)) {
    const bias = modifierAt(r, k);
    if (bias) yearRel = { end: k + 1, value: BIAS_OFFSET[bias] };
  }
  if (!yearRel && isThisYear(r, k)) yearRel = { end: k + 2, value: 0 };
  yearRel ??= englishRelativeAt(r, k, W.year);
  if (yearRel)
    return { end: yearRel.end, value: { year: null, yearHijri: false, yearRel: yearRel.value, bias: null } };
  const bias = punctuated ? null : modifierAt(r, i);
  return bias ? { end: i + 1, value: { year: null, yearHijri: false, yearRel: null, bias } } : null;
}

function whenOf(month: MonthRead, day: number | null, tail: Tail | undefined): When {
  const w = when({ day, month: month.month, monthRel: month.monthRel, hijri: month.hijri });
  return tail ? { ...w, ...tail } : w;
}

// Day and month together -------------------------------------------------------------------------------

interface DateRead {
  w: When;
  guard: Guard;
}

/** «24 تموز 2021», «السادس والعشرين من شهر أكتوبر», «2. أكتوبر», "24th of July, 2021". */
function dayMonthAt(r: Reader, i: number): Read<DateRead> | null {
  const day = dayAt(r, i);
  if (!day) return null;
  let j = day.end;
  const fullStop = r.isPunct(j, '.');
  if (fullStop || (r.isPunct(j, '-/') && r.touches(j))) j++;
  if (r.key(j) === W.min || r.key(j) === W.of) j++;
  const month = monthRefAt(r, j);
  if (!month) return null;
  const tail = tailAt(r, month.end, fullStop);
  return {
    end: tail?.end ?? month.end,
    value: { w: whenOf(month.value, day.value, tail?.value), guard: month.value.guard },
  };
}

/** «يوليو 13», «سبتمبر10», «يناير-1», "July 24, 2021"; an ordinal day only with a year after it. */
function monthDayAt(
  r: Reader,
  i: number,
  month: Read<MonthRead> | null = monthNameAt(r, i),
): Read<DateRead> | null {
  if (!month) return null;
  let j = month.end;
  if (r.isPunct(j, '-') && r.touches(j)) j++;
  const numeric = dayAt(r, j, false);
  const day = numeric ?? ordinalDayAt(r, j);
  if (!day) return null;
  const tail = tailAt(r, day.end);
  if (!numeric && tail?.value.year == null) return null;
  return {
    end: tail?.end ?? day.end,
    value: { w: whenOf(month.value, day.value, tail?.value), guard: month.value.guard },
  };
}

/** Where the second half of a range starts: after «-», «إلى», «و-», "to"…, or at a word carrying «و» («وأيار»). */
function connectorAt(r: Reader, i: number): number | null {
  let j = i;
  while (j < i + 2 && CONNECTORS.has(r.key(j))) j++;
  if (j > i) return j;
  return r.gluedAnd(i) ? i : null;
}

/**
 * Day ranges: «11- و12 تشرين الثاني من عام 2020», «13 الى 15 تموز», «3 آذار إلى 5 نيسان 2021»,
 * «يوليو 13-15», "11–12 November 2020", "July 13-15, 2021". Read from what `monthNameAt` and `dayMonthAt`
 * found at `i`.
 */
function dayRangeAt(
  r: Reader,
  i: number,
  monthFirst: Read<MonthRead> | null,
  dayMonth: Read<DateRead> | null,
): Hit | null {
  if (monthFirst) {
    const from = dayAt(r, monthFirst.end, false);
    const link = from && connectorAt(r, from.end);
    const to = link ? dayAt(r, link, false) : null;
    if (!from || !to) return null;
    const tail = tailAt(r, to.end);
    const end = whenOf(monthFirst.value, to.value, tail?.value);
    return { start: i, end: tail?.end ?? to.end, spec: rangeOf({ ...end, day: from.value }, end) };
  }
  let from: Read<When> | null = dayMonth ? { end: dayMonth.end, value: dayMonth.value.w } : null;
  if (!from) {
    const day = dayAt(r, i);
    from = day ? { end: day.end, value: when({ day: day.value }) } : null;
  }
  const link = from && connectorAt(r, from.end);
  const to = link === null || link === undefined ? null : dayMonthAt(r, link);
  return from && to ? { start: i, end: to.end, spec: rangeOf(from.value, to.value.w) } : null;
}

function rangeOf(from: When, to: When): Spec {
  return { t: 'range', from: { t: 'when', w: from }, to: { t: 'when', w: to } };
}

// Numeric dates -------------------------------------------------------------------------------------

const ISO_DATE = /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/y;
const DAY_MONTH_YEAR = /(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})/y;
const MONTH_YEAR = /(\d{1,2})([/-])(\d{4})/y;
const DAY_MONTH = /(\d{1,2})([/-])(\d{1,2})/y;
/** «4.22»: a dotted pair is a date only as a whole clause, and only with a two-digit second part. */
const DOTTED_DAY_MONTH = /(\d{1,2})(\.)(\d{2})/y;
/** "08/12, 2015", "08/12, 15": the year after a comma is the US way of writing a date, month first. */
const COMMA_YEAR = /, ?(\d{4}|\d{2})/y;

function isDateSeparator(code: number): boolean {
  return code === 47 || code === 46 || code === 45; // / . -
}

/** The match ends the numeral: no digit, and no separator followed by a digit, comes next. */
function endsNumeral(text: string, end: number): boolean {
  return (
    !isDigit(text.charCodeAt(end)) &&
    !(isDateSeparator(text.charCodeAt(end)) && isDigit(text.charCodeAt(end + 1)))
  );
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  const m = re.exec(text);
  return m && endsNumeral(text, re.lastIndex) ? m : null;
}

function tokenEndingAt(r: Reader, from: number, offset: number): number {
  let j = from;
  while (j < r.count && r.end(j) < offset) j++;
  return j + 1;
}

/** 24/7/2021, 24-07-2021, 24.07.2021, 2021-07-24, ٢٤/٧/٢٠٢١, 18-9-15, 2/2013, 22/04, «في 22/4». */
function numericAt(r: Reader, i: number, anchorYear: number): Hit | null {
  // Every numeric date has a separator glued to its first number.
  if (!r.isNumber(i) || !r.isPunct(i + 1, '-/.') || !r.touches(i + 1)) return null;
  const text = r.doc.text;
  const at = r.start(i);
  const before = text.charCodeAt(at - 1);
  if (isDigit(before) || (isDateSeparator(before) && isDigit(text.charCodeAt(at - 2)))) return null;
  if (NUMBER_LABELS.has(r.key(i - 1))) return null;
  const read = numericWhenAt(r, i, at, anchorYear);
  if (!read?.w) return null;
  return { start: i, end: tokenEndingAt(r, i, read.end), spec: { t: 'when', w: read.w } };
}

function numericWhenAt(
  r: Reader,
  i: number,
  at: number,
  anchorYear: number,
): { end: number; w: When | null } | null {
  const text = r.doc.text;
  const iso = stickyAt(ISO_DATE, text, at);
  if (iso) return { end: ISO_DATE.lastIndex, w: dayWhen(Number(iso[1]), Number(iso[3]), Number(iso[4])) };
  const dmy = stickyAt(DAY_MONTH_YEAR, text, at);
  // «1.2.3» with a two-digit last part is a version or a section number.
  if (dmy && !(dmy[2] === '.' && dmy[4]?.length === 2)) {
    const written = Number(dmy[4]);
    const century = written <= (anchorYear % 100) + 20 ? 2000 : 1900;
    const year = dmy[4]?.length === 2 ? century + written : written;
    return { end: DAY_MONTH_YEAR.lastIndex, w: orderedDay(r, Number(dmy[1]), Number(dmy[3]), year) };
  }
  const my = stickyAt(MONTH_YEAR, text, at);
  if (my) {
    const [month, year] = [Number(my[1]), Number(my[3])];
    const valid = month >= 1 && month <= 12 && year >= 1900 && year <= 2199;
    return { end: MONTH_YEAR.lastIndex, w: valid ? when({ month, year }) : null };
  }
  const dm = stickyAt(DAY_MONTH, text, at);
  if (!dm) return r.soleClause() ? soleDottedAt(r, i, at) : null;
  const pairEnd = DAY_MONTH.lastIndex;
  const usYear = commaYearAt(r, i, pairEnd, anchorYear);
  if (usYear) {
    const [month, day] = [Number(dm[1]), Number(dm[3])];
    return { end: usYear.end, w: dayWhen(usYear.year, month, day) ?? orderedDay(r, day, month, usYear.year) };
  }
  const padded = dm[1]?.startsWith('0') || dm[3]?.startsWith('0');
  const cue =
    DATE_CUES.has(r.key(i - 1)) ||
    WEEKDAY_WORDS.has(r.key(i - 1)) ||
    (unambiguousPair(Number(dm[1]), Number(dm[3])) &&
      r.soleClause() &&
      soleNumeralAt(r, i, tokenEndingAt(r, i, pairEnd)));
  return {
    end: pairEnd,
    w: padded || cue ? orderedDay(r, Number(dm[1]), Number(dm[3]), null) : null,
  };
}

/** A year after the pair and a comma; a two-digit one only where it ends a one-clause text. */
function commaYearAt(
  r: Reader,
  i: number,
  at: number,
  anchorYear: number,
): { end: number; year: number } | null {
  const m = stickyAt(COMMA_YEAR, r.doc.text, at);
  const written = m?.[1];
  if (!written) return null;
  if (written.length === 2) {
    if (!r.soleClause() || !soleNumeralAt(r, i, tokenEndingAt(r, i, COMMA_YEAR.lastIndex))) return null;
    const century = Number(written) <= (anchorYear % 100) + 20 ? 2000 : 1900;
    return { end: COMMA_YEAR.lastIndex, year: century + Number(written) };
  }
  return { end: COMMA_YEAR.lastIndex, year: Number(written) };
}

/** One part can only be a day: «22-4», «4/22» are dates, «3-1» is as likely a score. */
function unambiguousPair(a: number, b: number): boolean {
  return (a > 12 && a <= 31 && b >= 1 && b <= 12) || (b > 12 && b <= 31 && a >= 1 && a <= 12);
}

/** Tokens [i, end) are the text's only numeral and nothing but punctuation follows them. */
function soleNumeralAt(r: Reader, i: number, end: number): boolean {
  return r.endsText(end - 1) && r.onlyNumeral(i, end);
}

const SOLE_DAY_CUES = list('في يوم on');

/** «سأعود في 15»: a day of the month alone after «في», when that is the whole clause and ends it. */
function soleDayAt(r: Reader, i: number): Hit | null {
  if (!r.isNumber(i) || r.digits(i) > 2 || !SOLE_DAY_CUES.has(r.key(i - 1))) return null;
  const day = r.value(i);
  if (day < 1 || day > 31 || !r.soleClause() || !soleNumeralAt(r, i, i + 1)) return null;
  return { start: i, end: i + 1, spec: { t: 'when', w: when({ day }) } };
}

function soleDottedAt(r: Reader, i: number, at: number): { end: number; w: When | null } | null {
  const m = stickyAt(DOTTED_DAY_MONTH, r.doc.text, at);
  if (!m || !unambiguousPair(Number(m[1]), Number(m[3]))) return null;
  if (!soleNumeralAt(r, i, tokenEndingAt(r, i, DOTTED_DAY_MONTH.lastIndex))) return null;
  return { end: DOTTED_DAY_MONTH.lastIndex, w: orderedDay(r, Number(m[1]), Number(m[3]), null) };
}

function dayWhen(year: number, month: number, day: number): When | null {
  return isValidDate(year, month, day) ? when({ day, month, year }) : null;
}

/** Day-first, unless that reading is impossible or the text is US-style. */
function orderedDay(r: Reader, a: number, b: number, year: number | null): When | null {
  const [first, second] = r.monthFirst() ? [b, a] : [a, b];
  if (isValidDate(year ?? 2000, second, first)) return when({ day: first, month: second, year });
  if (isValidDate(year ?? 2000, first, second)) return when({ day: second, month: first, year });
  return null;
}

// Weekdays -------------------------------------------------------------------------------------------

function weekdayWordAt(r: Reader, i: number, bare: boolean): number | null {
  const entry = WEEKDAY_WORDS.get(r.key(i));
  return entry && (bare || !entry.bare) ? entry.weekday : null;
}

/** «الاثنين», «يوم الاثنين», "Monday"; `bare` also accepts «اثنين» (after «آخر», before «الأسبوع»). */
function weekdayAt(r: Reader, i: number, bare = false): Read<number> | null {
  if (r.key(i) === W.yawm) {
    const weekday = weekdayWordAt(r, i + 1, false);
    if (weekday !== null) return { end: i + 2, value: weekday };
  }
  const weekday = weekdayWordAt(r, i, bare);
  return weekday === null ? null : { end: i + 1, value: weekday };
}

/** «الأسبوع الماضي», «هذا الأسبوع», "next week": the week's offset from the anchor's. */
function weekRefAt(r: Reader, i: number): Read<number> | null {
  if (THIS.has(r.key(i)) && WEEK_WORD.has(r.key(i + 1))) return { end: i + 2, value: 0 };
  const english = englishRelativeAt(r, i, 'week');
  if (english) return english;
  if (!WEEK_WORD.has(r.key(i))) return null;
  const bias = modifierAt(r, i + 1);
  return bias ? { end: i + 2, value: BIAS_OFFSET[bias] } : null;
}

function weekdayHit(start: number, end: number, weekday: number, bias: Bias, week: number | null): Hit {
  return { start, end, spec: { t: 'weekday', weekday, bias, week } };
}

/**
 * Everything that starts with a weekday: «السبت 24 من تموز/يوليو», «الاثنين المقبل», «الأحد من الأسبوع
 * الماضي», «أحد الأسبوع الماضي», «السبت السادس عشر», «الثلاثاء الثالث من شهر أيلول» (the 3rd if it is a
 * Tuesday, else the third Tuesday), «الأحد الثاني», "Saturday, 24 July", "next Monday".
 */
function weekdayExpressionAt(r: Reader, i: number, anchorYear: number): Hit | null {
  const key = r.key(i);
  const englishBias = ENGLISH_WEEKDAY_BIAS.get(key);
  if (englishBias !== undefined || THIS.has(key)) {
    const weekday = weekdayAt(r, i + 1);
    return weekday ? weekdayHit(i, weekday.end, weekday.value, englishBias ?? null, null) : null;
  }
  const weekFirst = weekRefAt(r, i);
  if (weekFirst) {
    const weekday = weekdayAt(r, weekFirst.end);
    return weekday ? weekdayHit(i, weekday.end, weekday.value, null, weekFirst.value) : null;
  }
  const anyWeekday = weekdayAt(r, i, true);
  if (!anyWeekday || (r.key(i) === W.monday && THE_TWO_AFTER.has(r.key(i - 1)))) return null;
  // «الأحد عشر» is eleven.
  if (TEEN.has(r.key(anyWeekday.end))) return null;
  // «أحد الأسبوع الماضي», «ثلاثاء الأسبوع الفائت», «الأحد من الأسبوع الماضي».
  const afterDay = anyWeekday.end;
  const week = weekRefAt(r, afterDay) ?? (r.key(afterDay) === W.min ? weekRefAt(r, afterDay + 1) : null);
  if (week) return weekdayHit(i, week.end, anyWeekday.value, null, week.value);
  if (weekdayAt(r, i) === null) return null;
  const weekday = anyWeekday.value;
  let best: Hit | null = weekdayHit(i, afterDay, weekday, null, null);
  const bias = modifierAt(r, afterDay);
  if (bias && bias !== 'current') best = weekdayHit(i, afterDay + 1, weekday, bias, null);
  const ordinal = weekdayOrdinalAt(r, i, afterDay, weekday);
  if (ordinal === 'reject') return null;
  best = longer(best, ordinal);
  // A written date beside the weekday.
  let j = afterDay;
  if (r.isPunct(j, '،,')) j++;
  if (ON_DAY_FILLERS.has(r.key(j))) j++;
  const dated = dateAt(r, j, anchorYear);
  if (dated && dated.spec.t === 'when' && dated.spec.w.day !== null) {
    best = longer(best, { start: i, end: dated.end, spec: { t: 'when', w: { ...dated.spec.w, weekday } } });
  } else best = longer(best, dated && { ...dated, start: i });
  return best;
}

/** An ordinal after a weekday: the day of the month, or (up to the fifth) which of the month's weekdays. */
function weekdayOrdinalAt(r: Reader, i: number, at: number, weekday: number): Hit | null | 'reject' {
  const ordinal = ordinalDayAt(r, at);
  const last = LAST.has(r.key(at));
  if (!ordinal && !last) return null;
  const afterOrdinal = ordinal?.end ?? at + 1;
  const n = ordinal?.value ?? -1;
  const month = monthRefAt(r, r.key(afterOrdinal) === W.min ? afterOrdinal + 1 : afterOrdinal);
  if (month) {
    const tail = tailAt(r, month.end);
    const w = whenOf(month.value, ordinal?.value ?? null, tail?.value);
    const end = tail?.end ?? month.end;
    if (last) return { start: i, end, spec: { t: 'nth', n: -1, weekday, w } };
    return { start: i, end, spec: { t: 'when', w: { ...w, weekday, nthCandidate: n <= 5 } } };
  }
  // «الجمعة الأولى بعد رمضان» counts from something this reader does not resolve.
  if (ORDINAL_BREAKS.has(r.key(afterOrdinal))) return 'reject';
  // Without a month, a small ordinal counts the anchor month's weekdays; a larger one is the day.
  if (n <= 5)
    return { start: i, end: afterOrdinal, spec: { t: 'nth', n, weekday, w: when({ monthRel: 0 }) } };
  return { start: i, end: afterOrdinal, spec: { t: 'when', w: when({ day: n, weekday }) } };
}

/** «أول ثلاثاء من شهر عشرة», «ثالث يوم ثلاثاء بأيلول بعام 2014», «آخر اثنين من الشهر القادم», "the first Monday of March". */
function nthWeekdayAt(r: Reader, i: number): Hit | null {
  let j = r.key(i) === W.the ? i + 1 : i;
  const n = NTH.get(r.key(j)) ?? ENGLISH_ORDINAL.get(r.key(j));
  if (n === undefined) return null;
  j++;
  if (r.key(j) === W.yawm) j++;
  const weekday = weekdayAt(r, j, true);
  if (!weekday) return null;
  j = weekday.end;
  if (NTH_LINKS.has(r.key(j))) j++;
  const month = monthRefAt(r, j);
  if (!month) return null;
  const tail = tailAt(r, month.end);
  const w = whenOf(month.value, null, tail?.value);
  return { start: i, end: tail?.end ?? month.end, spec: { t: 'nth', n, weekday: weekday.value, w } };
}

/** «اليوم الثالث من أكتوبر», «ثالث يوم من شهر عشرة», «آخر يوم بشهر عشرة سنة 2015», «اليوم الأخير من …». */
function dayOfMonthAt(r: Reader, i: number): Hit | null {
  let day: number | null = null;
  let j = i;
  if (r.key(i) === W.alyawm) {
    const ordinal = ordinalDayAt(r, i + 1);
    if (ordinal) [day, j] = [ordinal.value, ordinal.end];
    else if (LAST.has(r.key(i + 1))) [day, j] = [-1, i + 2];
  } else if (r.key(i + 1) === W.yawm) {
    const ordinal = NTH.get(r.key(i));
    if (ordinal !== undefined) [day, j] = [ordinal, i + 2];
  }
  if (day === null) return null;
  if (r.key(j) === W.min || r.key(j) === W.fi) j++;
  const month = monthRefAt(r, j);
  if (!month) return null;
  const tail = tailAt(r, month.end);
  return {
    start: i,
    end: tail?.end ?? month.end,
    spec: { t: 'when', w: whenOf(month.value, day, tail?.value) },
  };
}

// Relative expressions --------------------------------------------------------------------------------

/** «بالأمس» is yesterday; «الأمس» alone is mostly "the past" («حلفاء الأمس»). */
function isBilAmsi(r: Reader, i: number): boolean {
  return r.key(i) === W.alams && r.cliticText(i).includes('ب');
}

function shiftHit(start: number, end: number, days: number): Hit {
  return { start, end, spec: { t: 'shift', days } };
}

/** أمس، أول أمس، اليوم، غدا، بعد غد، «يوم قبل أمس»، "yesterday", "the day after tomorrow". */
function relativeDayAt(r: Reader, i: number): Hit | null {
  const key = r.key(i);
  if (YESTERDAY.has(key) || isBilAmsi(r, i)) return shiftHit(i, i + 1, -1);
  if (TOMORROW.has(key)) return shiftHit(i, i + 1, 1);
  if (key === W.today) return shiftHit(i, i + 1, 0);
  if (key === W.awwal) {
    const at = r.key(i + 1) === W.min ? i + 2 : i + 1;
    return r.key(at) === W.ams ? shiftHit(i, at + 1, -2) : null;
  }
  // «قبل أمس», «يوم قبل أمس», «اليوم الذي بعد الغد», «اليوم القبل البارحة».
  let j = i;
  if (key === W.yawm || key === W.alyawm) {
    j++;
    if (RELATIVE_PRONOUNS.has(r.key(j))) j++;
  }
  const around = r.key(j);
  if ((around === W.qabl || around === W.alqabl) && BEFORE_YESTERDAY.has(r.key(j + 1)))
    return shiftHit(i, j + 2, -2);
  if (around === W.baad && AFTER_TOMORROW.has(r.key(j + 1))) return shiftHit(i, j + 2, 2);
  if (key === W.yawm && AFTER_TOMORROW.has(r.key(i + 1))) return shiftHit(i, i + 2, 1);
  if (key === W.the && r.key(i + 1) === W.day) {
    const [relation, target] = [r.key(i + 2), r.key(i + 3)];
    if (relation === W.before && target === 'yesterday') return shiftHit(i, i + 4, -2);
    if (relation === W.after && target === 'tomorrow') return shiftHit(i, i + 4, 2);
  }
  if (THIS.has(key) && r.key(i + 1) === W.alyawm) return shiftHit(i, i + 2, 0);
  // «واليوم» is still today; «لليوم» and «باليوم» are "for the day", "per day".
  if (key === W.alyawm && !/[لبك]/.test(r.cliticText(i))) {
    const bias = modifierAt(r, i + 1);
    if (bias === 'last' || bias === 'next') return shiftHit(i, i + 2, BIAS_OFFSET[bias]);
    const next = r.key(i + 1);
    if (
      NOT_TODAY_BEFORE.has(r.key(i - 1)) ||
      NOT_TODAY_AFTER.has(next) ||
      ORDINAL_UNIT.has(next) ||
      LAST.has(next)
    ) {
      return null;
    }
    return shiftHit(i, i + 1, 0);
  }
  return null;
}

/** «الأسبوع الماضي», «الشهر المقبل», «العام الماضي», «هذه السنة», "last year". */
function relativePeriodAt(r: Reader, i: number): Hit | null {
  const week = weekRefAt(r, i);
  if (week) return { start: i, end: week.end, spec: { t: 'week', offset: week.value } };
  const month = monthRefAt(r, i);
  if (month && month.value.monthRel !== null) {
    return { start: i, end: month.end, spec: { t: 'when', w: when({ monthRel: month.value.monthRel }) } };
  }
  const year = yearRefAt(r, i);
  return year
    ? { start: i, end: year.end, spec: { t: 'year', year: null, rel: year.value, hijri: false } }
    : null;
}

function yearRefAt(r: Reader, i: number): Read<number> | null {
  if (isThisYear(r, i)) return { end: i + 2, value: 0 };
  const english = englishRelativeAt(r, i, W.year);
  if (english) return english;
  const key = r.key(i);
  if (key !== 'العام' && key !== W.sana) return null;
  const bias = modifierAt(r, i + 1);
  return bias ? { end: i + 2, value: BIAS_OFFSET[bias] } : null;
}

/** A count of days, weeks, months or years: «ثلاثة أيام», «يومين», «15 يوما», "two weeks". */
function durationAt(r: Reader, i: number): Read<{ unit: DurationUnit; count: number }> | null {
  let count: number | null = null;
  let j = i;
  if (r.isNumber(i)) {
    if (r.digits(i) > 3 || r.inLargerNumber(i)) return null;
    [count, j] = [r.value(i), i + 1];
  } else {
    const spelled = cardinalAt(r, i);
    if (spelled) [count, j] = [spelled.value, spelled.end];
  }
  const unit = DURATION.get(r.key(j));
  if (!unit) return null;
  const total = count ?? unit.count;
  return total === null ? null : { end: j + 1, value: { unit: unit.unit, count: total } };
}

/** «قبل ثلاثة أيام», «منذ يومين», «بعد أسبوعين», "3 days ago", "in two weeks". */
function agoAt(r: Reader, i: number): Hit | null {
  const key = r.key(i);
  let sign: number;
  let duration: Read<{ unit: DurationUnit; count: number }> | null;
  let end: number;
  if (key === W.qabl || key === W.mundhu || key === W.baad || key === W.in) {
    duration = durationAt(r, i + 1);
    if (!duration) return null;
    // «قبل يومين من الانتخابات» counts from another event, not from the anchor; «منذ عام 2011» is a year.
    if (AGO_BLOCKERS.has(r.key(duration.end)) || r.key(duration.end) === W.ala || yearAt(r, duration.end))
      return null;
    [sign, end] = [key === W.baad || key === W.in ? 1 : -1, duration.end];
  } else {
    duration = durationAt(r, i);
    if (!duration || r.key(duration.end) !== W.ago) return null;
    [sign, end] = [-1, duration.end + 1];
  }
  const { unit, count } = duration.value;
  const amount = sign * count;
  const spec: Spec =
    unit === 'day' || unit === 'week'
      ? { t: 'shift', days: amount * (unit === 'week' ? 7 : 1) }
      : unit === 'month'
        ? { t: 'when', w: when({ monthRel: amount }) }
        : { t: 'year', year: null, rel: amount, hijri: false };
  return { start: i, end, spec };
}

// Parts, years, holidays ----------------------------------------------------------------------------------

function partHit(start: number, end: number, part: Part, of: Spec): Hit {
  return { start, end, spec: { t: 'part', part, of } };
}

/** «منتصف آذار», «أواخر الشهر الجاري», «مطلع العام المقبل», «نهاية 2020», "mid-2019", "the end of March". */
function partAt(r: Reader, i: number): Hit | null {
  let j = r.key(i) === W.the ? i + 1 : i;
  const word = r.key(j);
  const part = PART_WORDS.get(word);
  if (part === undefined) return null;
  j++;
  const of = r.key(j) === W.of;
  if (of || (r.isPunct(j, '-') && r.touches(j))) j++;
  if ((PART_NEEDS_MONTH_WORD.has(word) && r.key(j) !== 'شهر') || (PART_NEEDS_OF.has(word) && !of))
    return null;
  const month = monthRefAt(r, j);
  if (month) {
    const tail = tailAt(r, month.end);
    return partHit(i, tail?.end ?? month.end, part, { t: 'when', w: whenOf(month.value, null, tail?.value) });
  }
  // «نهاية الشهر», «نهاية العام»: the anchor's month or year.
  if (r.key(j) === W.shahrDefinite) return partHit(i, j + 1, part, { t: 'when', w: when({ monthRel: 0 }) });
  const relative = yearRefAt(r, j);
  if (relative)
    return partHit(i, relative.end, part, { t: 'year', year: null, rel: relative.value, hijri: false });
  const keyword = YEAR_WORDS.has(r.key(j));
  const year = yearAt(r, keyword ? j + 1 : j);
  if (year) return partHit(i, year.end, part, yearSpec(year.value));
  if (keyword && r.key(j) !== W.am)
    return partHit(i, j + 1, part, { t: 'year', year: null, rel: 0, hijri: false });
  return null;
}

/** A year named after a quarter or a half: «من عام 2016», «من العام الجاري», "of 2021", "of last year". */
function yearOfAt(r: Reader, i: number): Read<Spec> | null {
  let j = r.key(i) === W.min || r.key(i) === W.of ? i + 1 : i;
  const relative = yearRefAt(r, j);
  if (relative)
    return { end: relative.end, value: { t: 'year', year: null, rel: relative.value, hijri: false } };
  if (YEAR_WORDS.has(r.key(j))) j++;
  const year = yearAt(r, j);
  return year ? { end: year.end, value: yearSpec(year.value) } : null;
}

/** «الربع الثالث من عام 2016», «النصف الأول من العام الجاري», "the first half of 2020", "Q3 2021". */
function yearDivisionAt(r: Reader, i: number): Hit | null {
  let j = r.key(i) === W.the ? i + 1 : i;
  let size: number | undefined;
  let n: number | undefined;
  if (r.key(j) === 'q' && r.isNumber(j + 1) && r.touches(j + 1)) [size, n, j] = [3, r.value(j + 1), j + 2];
  else if (YEAR_DIVISIONS.has(r.key(j))) {
    // «الربع الأول»: the division, then its ordinal.
    [size, n, j] = [
      YEAR_DIVISIONS.get(r.key(j)),
      ORDINAL_UNIT.get(r.key(j + 1)) ?? (LAST.has(r.key(j + 1)) ? -1 : undefined),
      j + 2,
    ];
  } else if (YEAR_DIVISIONS.has(r.key(j + 1))) {
    // "the first quarter": the ordinal, then the division.
    [size, n, j] = [YEAR_DIVISIONS.get(r.key(j + 1)), ENGLISH_ORDINAL.get(r.key(j)), j + 2];
  }
  if (size === undefined || n === undefined) return null;
  const count = 12 / size;
  const index = n === -1 ? count : n;
  if (index < 1 || index > count) return null;
  const year = yearOfAt(r, j);
  if (!year) return null;
  return {
    start: i,
    end: year.end,
    spec: { t: 'months', from: (index - 1) * size + 1, to: index * size, of: year.value },
  };
}

function yearSpec(year: YearRead): Spec {
  return { t: 'year', year: year.year, rel: 0, hijri: year.hijri === true };
}

/**
 * «عام 2017», «العام 2017», «سنة 1442 هـ», «بين عامي 2011 و2015», «منذ 2011», «في 2017 بعد …», "in 2017",
 * «2020/2021». A bare year needs a cue before it, and after «في» a word that cannot be what it counts.
 */
function yearExpressionAt(r: Reader, i: number): Hit | null {
  const key = r.key(i);
  if (YEAR_WORDS.has(key) || YEAR_PAIR_WORDS.has(key)) {
    const year = yearAt(r, i + 1);
    if (!year) return null;
    const range = yearRangeAt(r, year.end, year.value);
    return { start: i, end: range?.end ?? year.end, spec: range?.value ?? yearSpec(year.value) };
  }
  if (!r.isNumber(i)) return null;
  const year = yearAt(r, i);
  if (!year) return null;
  const range = yearRangeAt(r, year.end, year.value, true);
  if (range && r.touches(year.end) && r.isPunct(year.end, '-/'))
    return { start: i, end: range.end, spec: range.value };
  const cue = r.key(i - 1);
  const marked = year.value.hijri !== null;
  if (!PERIOD_CUES.has(cue) && !marked) return null;
  if (range) return { start: i, end: range.end, spec: range.value };
  if (!marked && (year.value.year < 1900 || countsSomething(r, year.end, cue))) return null;
  return { start: i, end: year.end, spec: yearSpec(year.value) };
}

/** «في 2000 منزل»: after an Arabic cue, a following word that is not a function word makes the number a count. */
function countsSomething(r: Reader, i: number, cue: string): boolean {
  if (!r.isWord(i) || r.lineBefore(i) || /^[a-z]/.test(cue)) return false;
  const key = r.key(i);
  return !AFTER_YEAR.has(key) && !AFTER_YEAR.has(r.text(i)) && !MONTH_NAMES.has(key) && !r.gluedAnd(i);
}

function yearRangeAt(r: Reader, i: number, first: YearRead, tight = false): Read<Spec> | null {
  const link = tight && r.isPunct(i, '/') ? i + 1 : connectorAt(r, i);
  if (link === null) return null;
  const second = yearAt(r, YEAR_WORDS.has(r.key(link)) ? link + 1 : link);
  if (!second || second.value.year <= first.year || second.value.year - first.year > 50) return null;
  return { end: second.end, value: { t: 'range', from: yearSpec(first), to: yearSpec(second.value) } };
}

function holidayOf(r: Reader, i: number): Read<Holiday> | null {
  const key = r.key(i);
  if (key === W.eid) {
    const name = r.key(i + 1);
    const holiday: Holiday | null =
      name === W.milad
        ? 'christmas'
        : name === W.fitr
          ? 'fitr'
          : name === W.adha
            ? 'adha'
            : name === W.fish
              ? 'easter'
              : null;
    if (!holiday) return null;
    return { end: HOLIDAY_EPITHETS.has(r.key(i + 2)) ? i + 3 : i + 2, value: holiday };
  }
  if (key === W.ras && r.key(i + 1) === W.sana && r.key(i + 2) === W.hijriya)
    return { end: i + 3, value: 'hijri_new_year' };
  if (key === W.christmas || key === W.easter) return { end: i + 1, value: key };
  return null;
}

/** «عيد الأضحى», «عيد الفطر 2013», «عيد الميلاد», «رأس السنة الهجرية», "Christmas 2020". */
function holidayAt(r: Reader, i: number): Hit | null {
  const holiday = holidayOf(r, i);
  if (!holiday) return null;
  const year = yearAt(r, holiday.end);
  return {
    start: i,
    end: year?.end ?? holiday.end,
    spec: { t: 'holiday', holiday: holiday.value, year: year?.value.year ?? null },
  };
}

// Month expressions ---------------------------------------------------------------------------------

/**
 * A month with no day: «تموز 2021», «تشرين الثاني من العام الماضي», «في آذار», «تموز الماضي», «شهر رمضان»,
 * "November 2020", "in May"; after «بين/من» a month range «بين آذار وأيار 2021».
 */
function monthExpressionAt(r: Reader, i: number, opened: boolean): Hit | null {
  const month = monthRefAt(r, i);
  if (!month || month.value.monthRel !== null) return null;
  const tail = tailAt(r, month.end);
  const w = whenOf(month.value, null, tail?.value);
  const end = tail?.end ?? month.end;
  if (opened) {
    const link = connectorAt(r, end);
    const second = link === null ? null : (monthExpressionAt(r, link, false) ?? bareMonthAt(r, link));
    if (second?.spec.t === 'when')
      return { start: i, end: second.end, spec: { t: 'range', from: { t: 'when', w }, to: second.spec } };
  }
  const guard = month.value.guard;
  const supported = tail !== null || (guard === 0 && MONTH_WORD.has(r.key(i)));
  const cue = r.key(i - 1);
  const cued = PERIOD_CUES.has(cue) || PART_WORDS.has(cue);
  const accepted =
    guard === 2 ? supported : guard === 1 ? supported || (cued && cue !== W.min) : supported || cued;
  return accepted ? { start: i, end, spec: { t: 'when', w } } : null;
}

function bareMonthAt(r: Reader, i: number): Hit | null {
  const month = monthNameAt(r, i);
  if (!month || month.value.guard === 2) return null;
  return { start: i, end: month.end, spec: { t: 'when', w: whenOf(month.value, null, undefined) } };
}

// Putting it together --------------------------------------------------------------------------------

function writtenDate(start: number, read: Read<DateRead> | null): Hit | null {
  return read ? { start, end: read.end, spec: { t: 'when', w: read.value.w } } : null;
}

/** A date with a day: a written date, a range of days or a numeric date. */
function dateAt(r: Reader, i: number, anchorYear: number): Hit | null {
  let best = numericAt(r, i, anchorYear) ?? soleDayAt(r, i);
  // A range starts as a day and month or as a month name does: each is read once, for both readers.
  const dayMonth = dayMonthAt(r, i);
  const month = monthNameAt(r, i);
  best = longer(best, writtenDate(i, dayMonth));
  best = longer(best, writtenDate(i, monthDayAt(r, i, month)));
  best = longer(best, dayRangeAt(r, i, month, dayMonth));
  return longer(best, dayOfMonthAt(r, i));
}

/** «من 3 إلى 5 آذار», «بين 11 و12 تشرين الثاني», «بين آذار وأيار 2021», "from 3 to 5 March", «من 2011 إلى 2015». */
function openedRangeAt(r: Reader, i: number, anchorYear: number): Hit | null {
  let best: Hit | null = null;
  const inner = dateAt(r, i + 1, anchorYear);
  if (inner?.spec.t === 'range') best = inner;
  const months = monthExpressionAt(r, i + 1, true);
  if (months?.spec.t === 'range') best = longer(best, months);
  const keyword = YEAR_WORDS.has(r.key(i + 1)) || YEAR_PAIR_WORDS.has(r.key(i + 1)) ? i + 2 : i + 1;
  const year = yearAt(r, keyword);
  const years = year && yearRangeAt(r, year.end, year.value);
  if (years) best = longer(best, { start: i, end: years.end, spec: years.value });
  return best && { ...best, start: i };
}

/** «أمس السبت 24 من تموز/يوليو», «اليوم الاثنين», "yesterday, Saturday": the span starts at the weekday. */
function leadAt(r: Reader, i: number, anchorYear: number): Hit | null {
  const key = r.key(i);
  const lead =
    YESTERDAY.has(key) || isBilAmsi(r, i)
      ? -1
      : key === W.alyawm || key === W.today
        ? 0
        : TOMORROW.has(key)
          ? 1
          : null;
  if (lead === null) return null;
  const j = r.isPunct(i + 1, ',،') ? i + 2 : i + 1;
  // «اليوم الأول من آذار» is the first day, not "today, the first".
  if (ORDINAL_UNIT.has(r.key(j)) || LAST.has(r.key(j))) return null;
  const dated = weekdayExpressionAt(r, j, anchorYear) ?? dateAt(r, j, anchorYear);
  if (!dated) return null;
  const plain = dated.spec.t === 'weekday' && dated.spec.bias === null && dated.spec.week === null;
  return { start: j, end: dated.end, spec: plain ? { t: 'shift', days: lead } : dated.spec, lead };
}

// Which readers can start at a word: parseAt runs only those, and nothing at other words.
const DATE = 1;
const YEAR = 2;
const WEEKDAY = 4;
const NTH_WEEKDAY = 8;
const RELATIVE_DAY = 16;
const PERIOD = 32;
const PART = 64;
const HOLIDAY = 128;
const MONTH = 256;
const RANGE = 512;
const LEAD = 1024;
const AGO = 2048;
const DIVISION = 4096;

function buildReaders(): Map<string, number> {
  const readers = new Map<string, number>();
  const add = (flag: number, ...groups: Iterable<string>[]) => {
    for (const group of groups) for (const word of group) readers.set(word, (readers.get(word) ?? 0) | flag);
  };
  const months = [...MONTH_NAMES.keys()];
  add(DATE, ORDINAL_UNIT.keys(), ORDINAL_TEN.keys(), months, MONTH_WORD, NTH.keys(), [W.alyawm]);
  add(YEAR, YEAR_WORDS, YEAR_PAIR_WORDS);
  add(
    WEEKDAY,
    WEEKDAY_WORDS.keys(),
    [W.yawm],
    THIS,
    ENGLISH_WEEKDAY_BIAS.keys(),
    WEEK_WORD,
    ENGLISH_PERIOD_BIAS.keys(),
  );
  add(NTH_WEEKDAY, [W.the], NTH.keys(), ENGLISH_ORDINAL.keys());
  add(
    RELATIVE_DAY,
    YESTERDAY,
    TOMORROW,
    [W.today, W.alams, W.awwal, W.yawm, W.alyawm, W.the, W.qabl, W.baad],
    THIS,
  );
  add(PERIOD, WEEK_WORD, THIS, ENGLISH_PERIOD_BIAS.keys(), [W.shahrDefinite, 'العام', W.sana]);
  add(PART, [W.the], PART_WORDS.keys());
  add(DIVISION, [W.the, 'q'], YEAR_DIVISIONS.keys(), ENGLISH_ORDINAL.keys());
  add(HOLIDAY, [W.eid, W.ras, W.christmas, W.easter]);
  add(MONTH, months, MONTH_WORD);
  add(RANGE, RANGE_OPENERS);
  add(LEAD, YESTERDAY, TOMORROW, [W.alams, W.alyawm, W.today]);
  add(AGO, [W.qabl, W.mundhu, W.baad, W.in], CARDINAL.keys());
  return readers;
}

const READERS = buildReaders();
/** Any number may start a date, a year or a count of days ago. */
const NUMBER_READERS = DATE | YEAR | AGO;
// The tokenizer reads a word's readers off its form: one lookup per form, here, not one per token.
for (const bucket of FORMS.values()) for (const form of bucket) form.readers = READERS.get(form.key) ?? 0;

function parseAt(r: Reader, i: number, anchorYear: number): Hit | null {
  const readers = r.readers(i);
  if (readers === 0) return null;
  let best: Hit | null = null;
  if (readers & DATE) best = dateAt(r, i, anchorYear);
  if (readers & YEAR) best = longer(best, yearExpressionAt(r, i));
  if (readers & WEEKDAY) best = longer(best, weekdayExpressionAt(r, i, anchorYear));
  if (readers & NTH_WEEKDAY) best = longer(best, nthWeekdayAt(r, i));
  if (readers & RELATIVE_DAY) best = longer(best, relativeDayAt(r, i));
  if (readers & PERIOD) best = longer(best, relativePeriodAt(r, i));
  if (readers & PART) best = longer(best, partAt(r, i));
  if (readers & DIVISION) best = longer(best, yearDivisionAt(r, i));
  if (readers & HOLIDAY) best = longer(best, holidayAt(r, i));
  if (readers & MONTH) best = longer(best, monthExpressionAt(r, i, false));
  if (readers & RANGE) best = longer(best, openedRangeAt(r, i, anchorYear));
  if (readers & LEAD) best = longer(best, leadAt(r, i, anchorYear));
  if (readers & AGO) best = longer(best, agoAt(r, i));
  return best;
}

// ---------------------------------------------------------------------------------------------------
// Direction: what the words around a date say about its tense.

type Direction = 'future' | 'past' | null;

const SENTENCE_END = '.!?؟؛;';
const LOOK_BEHIND = 8;
const LOOK_AHEAD = 6;

function isFutureVerb(word: string): boolean {
  const text = word.startsWith('و') || word.startsWith('ف') ? word.slice(1) : word;
  if (text.length < 4 || !text.startsWith('س') || NOT_FUTURE.has(text)) return false;
  return text[1] === 'ي' || text[1] === 'ت';
}

function isPastWord(key: string, text: string): boolean {
  if (PAST_WORDS.has(key) || PAST_WORDS.has(text) || PAST_VERBS.has(text)) return true;
  if ((text.startsWith('و') || text.startsWith('ف')) && PAST_VERBS.has(text.slice(1))) return true;
  return text.length > 4 && text.endsWith('ed') && /^[a-z]+$/.test(text) && !ED_NOT_PAST.has(text);
}

/** Every word that can mark a tense by itself: `mayMarkTense` tests a token's hash against them. */
const TENSE_WORDS = new HashFilter();
for (const words of [FUTURE_WORDS, PAST_WORDS, PAST_VERBS])
  for (const word of words) TENSE_WORDS.add(hashRange(word, 0, word.length));

const WAW = 0x648;
const FA = 0x641;
const SIN = 0x633;
const YA = 0x64a;
const TA = 0x62a;

/**
 * Whether `text[start, end)` may be a word `tenseOf` reads as a tense, tested without cutting it out:
 * a listed word, one after «و»/«ف», «سـ» and an imperfect prefix, or English "-ed". Most words are none.
 */
function mayMarkTense(text: string, start: number, end: number): boolean {
  if (TENSE_WORDS.mayHave(hashRange(text, start, end))) return true;
  const first = text.charCodeAt(start);
  const conjunction = first === WAW || first === FA;
  if (conjunction && TENSE_WORDS.mayHave(hashRange(text, start + 1, end))) return true;
  const verb = conjunction ? start + 1 : start;
  const prefix = text.charCodeAt(verb + 1);
  if (end - verb >= 4 && text.charCodeAt(verb) === SIN && (prefix === YA || prefix === TA)) return true;
  return end - start > 4 && text.charCodeAt(end - 2) === 0x65 && text.charCodeAt(end - 1) === 0x64;
}

function tenseOf(r: Reader, i: number): Direction {
  if (!r.isWord(i)) return null;
  const key = r.key(i);
  if (!FUTURE_WORDS.has(key) && !PAST_WORDS.has(key) && !mayMarkTense(r.doc.text, r.start(i), r.end(i)))
    return null;
  const text = r.text(i);
  if (FUTURE_WORDS.has(key) || FUTURE_WORDS.has(text) || isFutureVerb(text)) return 'future';
  return isPastWord(key, text) ? 'past' : null;
}

function endsSentence(r: Reader, i: number): boolean {
  return r.isPunct(i, SENTENCE_END);
}

/** The tense marker nearest to tokens [start, end) within its sentence: 8 tokens before, 6 after. */
function directionAround(r: Reader, start: number, end: number): Direction {
  let behindOpen = true;
  let aheadOpen = true;
  for (let d = 1; d <= LOOK_BEHIND && (behindOpen || aheadOpen); d++) {
    const behind = start - d;
    behindOpen &&= behind >= 0 && !endsSentence(r, behind) && !r.lineBefore(behind + 1);
    const tenseBehind = behindOpen ? tenseOf(r, behind) : null;
    if (tenseBehind) return tenseBehind;
    const ahead = end + d - 1;
    aheadOpen &&= d <= LOOK_AHEAD && ahead < r.count && !endsSentence(r, ahead) && !r.lineBefore(ahead);
    const tenseAhead = aheadOpen ? tenseOf(r, ahead) : null;
    if (tenseAhead) return tenseAhead;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Resolution.

interface Frame {
  anchor: number;
  kind: TimeAnchor['kind'];
  direction: Direction;
}

interface Interval {
  start: number;
  end: number;
  grain: DateGrain;
}

/** Day numbers of what a spec names: one day, a month as its first and last day, a year, or a range. */
function intervalOf(spec: Spec, frame: Frame): Interval | null {
  switch (spec.t) {
    case 'shift':
      return { start: frame.anchor + spec.days, end: frame.anchor + spec.days, grain: 'day' };
    case 'week': {
      const start = weekStart(frame.anchor) + 7 * spec.offset;
      return { start, end: start + 6, grain: 'day' };
    }
    case 'weekday': {
      const day = resolveWeekday(spec.weekday, spec.bias, spec.week, frame);
      return { start: day, end: day, grain: 'day' };
    }
    case 'year':
      return yearInterval(spec, frame);
    case 'when':
      return whenInterval(spec.w, frame);
    case 'nth':
      return nthInterval(spec.n, spec.weekday, spec.w, frame);
    case 'months':
      return monthsInterval(spec.from, spec.to, spec.of, frame);
    case 'part':
      return partInterval(spec.part, spec.of, frame);
    case 'range':
      return rangeInterval(spec.from, spec.to, frame);
    case 'holiday':
      return holidayInterval(spec.holiday, spec.year, frame);
  }
}

function formatAt(day: number, grain: DateGrain): string {
  if (grain === 'day') return formatDay(day);
  const { year, month } = civilDate(day);
  return grain === 'month' ? formatMonth(year, month) : formatYear(year);
}

function present(interval: Interval, isRange: boolean): Pick<DateMention, 'value' | 'grain'> {
  const start = formatAt(interval.start, interval.grain);
  const end = formatAt(interval.end, interval.grain);
  return { value: start === end && !isRange ? start : { start, end }, grain: interval.grain };
}

function resolveWeekday(weekday: number, bias: Bias, week: number | null, frame: Frame): number {
  const { anchor } = frame;
  if (week !== null) return weekStart(anchor) + 7 * week + ((weekday + 6) % 7);
  const ahead = (weekday - weekdayOfDay(anchor) + 7) % 7;
  const next = anchor + ahead; // on or after the anchor
  const previous = ahead === 0 ? anchor : next - 7; // on or before
  // «الأحد القادم», "next Sunday": that day of the next week, as both peer suites read it.
  if (bias === 'next') return weekStart(anchor) + 7 + ((weekday + 6) % 7);
  if (bias === 'last') return ahead === 0 ? anchor - 7 : previous;
  if (frame.direction === 'future') return next;
  if (frame.direction === 'past') return previous;
  if (frame.kind === 'published') return ahead <= 3 ? next : previous;
  return ahead === 0 ? anchor + 7 : next;
}

function yearInterval(spec: Extract<Spec, { t: 'year' }>, frame: Frame): Interval {
  if (spec.year !== null && spec.hijri) {
    return {
      start: hijriDayNumber(spec.year, 1, 1),
      end: hijriDayNumber(spec.year + 1, 1, 1) - 1,
      grain: 'day',
    };
  }
  const year = spec.year ?? civilDate(frame.anchor).year + spec.rel;
  return { start: dayNumber(year, 1, 1), end: dayNumber(year, 12, 31), grain: 'year' };
}

// Hijri years written in news stay well below this; Gregorian years in them stay well above.
const HIJRI_YEAR_LIMIT = 1600;

interface Candidate {
  /** First and last day the candidate covers (one day when the day is known). */
  start: number;
  end: number;
  /** Month index in the candidate's own calendar. */
  month: number;
}

function anchorMonth(anchor: number, hijri: boolean): number {
  const date = hijri ? hijriOfDay(anchor) : civilDate(anchor);
  return monthIndex(date.year, date.month);
}

function monthSpan(year: number, month: number, day: number | null, hijri: boolean): Candidate | null {
  if (month < 1 || month > 12) return null;
  const length = hijri ? hijriMonthLength(year, month) : daysInMonth(year, month);
  const first = hijri ? hijriDayNumber(year, month, 1) : dayNumber(year, month, 1);
  const index = monthIndex(year, month);
  if (day === null) return { start: first, end: first + length - 1, month: index };
  const d = day === -1 ? length : day;
  if (d < 1 || d > length) return null;
  return { start: first + d - 1, end: first + d - 1, month: index };
}

function distance(c: Candidate, anchor: number): number {
  return c.end < anchor ? anchor - c.end : c.start > anchor ? c.start - anchor : 0;
}

function nearest(candidates: Candidate[], anchor: number): Candidate | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (best === null || distance(c, anchor) < distance(best, anchor)) best = c;
  return best;
}

// How far from the anchor a written weekday may move a date's year. Near, by default: a text speaks of
// the years around its anchor, and a weekday that fits none of them is more likely a slip than a distant
// year. Far when the anchor is only a reference time and the tense says which way to look: the text may
// then be years old, and its weekday is the best clue to its year.
const WEEKDAY_REACH_NEAR = 2 * 366;
const WEEKDAY_REACH_FAR = 12 * 366;
// Years searched around the anchor for a date without one when a weekday must fit: enough for any
// weekday to recur on either side; without a weekday, three years either side.
const YEARS_AROUND = 12;

/**
 * Picks among the occurrences of a date whose year (or month) is not written. «الجاري» keeps the
 * anchor's; otherwise a weekday written beside the date decides (the nearest occurrence on that weekday,
 * on the side the modifier or tense points to); then a modifier on the month («الماضي», «المقبل»), then
 * the tense of the sentence, then the contract's default — the nearest occurrence for a publication
 * date, the next one (from the anchor's month on, as Duckling does) for a reference time.
 */
function choose(candidates: Candidate[], w: When, frame: Frame): Candidate | null {
  const { anchor, direction } = frame;
  const current = anchorMonth(anchor, w.hijri && w.month !== null);
  if (w.bias === 'current') return candidates.find((c) => c.month === current) ?? nearest(candidates, anchor);
  const back = w.bias === 'last' || (w.bias === null && direction === 'past');
  const ahead = w.bias === 'next' || (w.bias === null && direction === 'future');
  if (w.weekday !== null && w.day !== null) {
    const far = frame.kind === 'reference' && (back || ahead);
    const reach = far ? WEEKDAY_REACH_FAR : WEEKDAY_REACH_NEAR;
    const onWeekday = candidates.filter(
      (c) =>
        weekdayOfDay(c.start) === w.weekday &&
        distance(c, anchor) <= reach &&
        (!back || c.start <= anchor) &&
        (!ahead || c.end >= anchor),
    );
    if (onWeekday.length > 0) return nearest(onWeekday, anchor);
  }
  if (w.bias === 'next') return candidates.find((c) => c.month > current) ?? null;
  if (w.bias === 'last') return candidates.findLast((c) => c.month < current) ?? null;
  if (direction === 'future') return candidates.find((c) => c.end >= anchor) ?? null;
  if (direction === 'past') return candidates.findLast((c) => c.start <= anchor) ?? null;
  if (frame.kind === 'published') return nearest(candidates, anchor);
  if (w.month === null) return candidates.find((c) => c.start > anchor) ?? null;
  return candidates.find((c) => c.month >= current) ?? null;
}

function whenInterval(w: When, frame: Frame): Interval | null {
  const found = whenCandidate(w, frame);
  if (!found) return null;
  if (w.nthCandidate && w.weekday !== null && w.day !== null && weekdayOfDay(found.start) !== w.weekday) {
    return nthInterval(w.day, w.weekday, { ...w, day: null, nthCandidate: false }, frame);
  }
  return { start: found.start, end: found.end, grain: w.day !== null || w.hijri ? 'day' : 'month' };
}

function whenCandidate(w: When, frame: Frame): Candidate | null {
  const anchorDate = civilDate(frame.anchor);
  if (w.monthRel !== null) {
    const { year, month } = monthOfIndex(monthIndex(anchorDate.year, anchorDate.month) + w.monthRel);
    return monthSpan(year, month, w.day, false);
  }
  if (w.month === null) return w.day === null ? null : dayWithoutMonth(w, frame);
  const month = w.month;
  if (w.year !== null) {
    // An unmarked year beside a Hijri month is Hijri when it can be («رجب 1442»), Gregorian otherwise
    // («رمضان 2019»); a Gregorian month keeps a Gregorian year whatever its mark.
    if (w.hijri && !w.yearHijri && w.year > HIJRI_YEAR_LIMIT)
      return hijriInGregorianYear(w.year, month, w.day);
    return monthSpan(w.year, month, w.day, w.hijri);
  }
  const anchorYear = w.hijri ? hijriOfDay(frame.anchor).year : anchorDate.year;
  if (w.yearRel !== null) return monthSpan(anchorYear + w.yearRel, month, w.day, w.hijri);
  const candidates: Candidate[] = [];
  const around = w.weekday === null ? 3 : YEARS_AROUND;
  for (let year = anchorYear - around; year <= anchorYear + around; year++) {
    const c = monthSpan(year, month, w.day, w.hijri);
    if (c) candidates.push(c);
  }
  return choose(candidates, w, frame);
}

/** A day with no month («السبت السادس عشر»): that day of the months around the anchor, on its weekday. */
function dayWithoutMonth(w: When, frame: Frame): Candidate | null {
  const anchorDate = civilDate(frame.anchor);
  const here = monthIndex(anchorDate.year, anchorDate.month);
  const candidates: Candidate[] = [];
  for (let index = here - 13; index <= here + 13; index++) {
    const { year, month } = monthOfIndex(index);
    const c = monthSpan(year, month, w.day, false);
    if (c && (w.weekday === null || weekdayOfDay(c.start) === w.weekday)) candidates.push(c);
  }
  return choose(candidates, { ...w, weekday: null }, frame);
}

/** «رمضان 2019»: the Hijri month that begins in that Gregorian year. */
function hijriInGregorianYear(year: number, month: number, day: number | null): Candidate | null {
  const first = hijriOfDay(dayNumber(year, 1, 1)).year;
  for (const hijriYear of [first, first + 1]) {
    const c = monthSpan(hijriYear, month, day, true);
    if (c && civilDate(c.start).year === year) return c;
  }
  return null;
}

function nthInterval(n: number, weekday: number, w: When, frame: Frame): Interval | null {
  const month = whenCandidate({ ...w, day: null }, frame);
  if (!month) return null;
  let day: number;
  if (n === -1) day = month.end - ((weekdayOfDay(month.end) - weekday + 7) % 7);
  else {
    day = month.start + ((weekday - weekdayOfDay(month.start) + 7) % 7) + 7 * (n - 1);
    if (day > month.end) return null;
  }
  return { start: day, end: day, grain: 'day' };
}

function monthsInterval(from: number, to: number, of: Spec, frame: Frame): Interval | null {
  const whole = intervalOf(of, frame);
  if (whole?.grain !== 'year') return null;
  const { year } = civilDate(whole.start);
  return { start: dayNumber(year, from, 1), end: dayNumber(year, to, daysInMonth(year, to)), grain: 'month' };
}

function partInterval(part: Part, of: Spec, frame: Frame): Interval | null {
  const whole = intervalOf(of, frame);
  if (!whole) return null;
  const { start } = whole;
  if (whole.grain === 'month') {
    if (part === 'early') return { start, end: start + 9, grain: 'day' };
    if (part === 'middle') return { start: start + 10, end: start + 19, grain: 'day' };
    if (part === 'mid') return { start: start + 14, end: start + 14, grain: 'day' };
    return { start: start + 20, end: whole.end, grain: 'day' };
  }
  if (whole.grain === 'year') {
    const { year } = civilDate(start);
    const [from, to] = part === 'early' ? [1, 4] : part === 'late' ? [9, 12] : [5, 8];
    return {
      start: dayNumber(year, from, 1),
      end: dayNumber(year, to, daysInMonth(year, to)),
      grain: 'month',
    };
  }
  return whole;
}

/** The end carries what the start left out («من 3 إلى 5 آذار»); the start's year carries to the end. */
function rangeInterval(from: Spec, to: Spec, frame: Frame): Interval | null {
  if (from.t === 'when' && to.t === 'when') {
    const a = { ...from.w };
    const b = { ...to.w };
    if (a.month === null && a.monthRel === null)
      [a.month, a.monthRel, a.hijri] = [b.month, b.monthRel, b.hijri];
    if (a.year === null && a.yearRel === null)
      [a.year, a.yearHijri, a.yearRel, a.bias] = [b.year, b.yearHijri, b.yearRel, b.bias];
    const start = whenInterval(a, frame);
    if (!start) return null;
    if (b.year === null && b.yearRel === null && b.monthRel === null) {
      [b.year, b.yearHijri] = [(a.hijri ? hijriOfDay(start.start) : civilDate(start.start)).year, a.hijri];
      if (b.hijri && !a.hijri) b.year = hijriOfDay(start.start).year;
    }
    let end = whenInterval(b, frame);
    if (end && end.start < start.start && b.year !== null && to.w.year === null)
      end = whenInterval({ ...b, year: b.year + 1 }, frame);
    if (!end || end.end < start.start || end.grain !== start.grain) return null;
    return { start: start.start, end: end.end, grain: start.grain };
  }
  const start = intervalOf(from, frame);
  const end = intervalOf(to, frame);
  if (!start || !end || start.grain !== end.grain || end.end < start.start) return null;
  return { start: start.start, end: end.end, grain: start.grain };
}

function holidayIn(holiday: Holiday, year: number): number | null {
  if (holiday === 'christmas') return dayNumber(year, 12, 25);
  if (holiday === 'easter') return easterDay(year);
  const [month, day] = holiday === 'fitr' ? [10, 1] : holiday === 'adha' ? [12, 10] : [1, 1];
  return hijriInGregorianYear(year, month, day)?.start ?? null;
}

function holidayInterval(holiday: Holiday, year: number | null, frame: Frame): Interval | null {
  let day: number | null;
  if (year !== null) day = holidayIn(holiday, year);
  else {
    const anchorYear = civilDate(frame.anchor).year;
    const days: number[] = [];
    for (let y = anchorYear - 1; y <= anchorYear + 1; y++) {
      const d = holidayIn(holiday, y);
      if (d !== null) days.push(d);
    }
    const { anchor } = frame;
    const after = days.find((d) => d >= anchor) ?? null;
    const before = days.findLast((d) => d <= anchor) ?? null;
    if (frame.direction === 'past') day = before;
    else if (frame.direction === 'future' || frame.kind === 'reference') day = after;
    else day = before === null || (after !== null && after - anchor < anchor - before) ? after : before;
  }
  return day === null ? null : { start: day, end: day, grain: 'day' };
}

// ---------------------------------------------------------------------------------------------------
// The stage.

interface Reading {
  hit: Hit;
  /** Folded offsets of the span. */
  start: number;
  end: number;
}

/** Where the last `readAll` stopped, and what it had read by then. */
interface ReadSoFar {
  tokens: Tokens;
  anchorYear: number;
  until: number;
  /** The token it stopped at. */
  next: number;
  readings: readonly Reading[];
}

/**
 * `statedPublicationDate` reads a text's opening, and `recognizeDates` then reads the whole text against
 * the same year (unless the opening moved it): it goes on from where the first stopped.
 */
let lastRead: ReadSoFar | null = null;

/** The readings of the text, left to right, up to the token that starts after folded offset `until`. */
function readAll(r: Reader, anchorYear: number, until = Number.POSITIVE_INFINITY): readonly Reading[] {
  const last = lastRead;
  const resume =
    last !== null && last.tokens === r.tokens && last.anchorYear === anchorYear && last.until <= until;
  const readings: Reading[] = resume ? [...last.readings] : [];
  let i = resume ? last.next : 0;
  while (i < r.count && r.start(i) <= until) {
    // Most tokens start no reading: those need no call.
    const hit = r.readers(i) === 0 ? null : parseAt(r, i, anchorYear);
    if (!hit || hit.end <= hit.start) {
      i++;
      continue;
    }
    readings.push({ hit, start: r.start(hit.start) + r.clitic(hit.start), end: r.end(hit.end - 1) });
    i = hit.end;
  }
  lastRead = { tokens: r.tokens, anchorYear, until, next: i, readings };
  return readings;
}

function spanOf(doc: Folded, reading: Reading): { text: string; start: number; end: number } {
  const span = originalSpan(doc, reading.start, reading.end);
  return { text: doc.original.slice(span.start, span.end), start: span.start, end: span.end };
}

// The years a mention's value can be written in (four digits, no year zero).
const FIRST_DAY = dayNumber(1, 1, 1);
const LAST_DAY = dayNumber(9999, 12, 31);

/** Every date in the text, resolved against `anchor`, in text order and without overlaps. */
export function recognizeDates(doc: Folded, anchor: TimeAnchor): DateMention[] {
  const anchorDay = parseDay(anchor.date);
  if (anchorDay === null) return [];
  const r = new Reader(doc);
  const mentions: DateMention[] = [];
  for (const reading of readAll(r, civilDate(anchorDay).year)) {
    const { spec } = reading.hit;
    const direction = directionAround(r, reading.hit.start, reading.hit.end);
    const interval = intervalOf(spec, { anchor: anchorDay, kind: anchor.kind, direction });
    // «منذ ألفين عام» read against 1999 would land before year 1: no calendar date to give.
    if (!interval || interval.start < FIRST_DAY || interval.end > LAST_DAY) continue;
    const { value, grain } = present(interval, spec.t === 'range');
    const { text, start, end } = spanOf(doc, reading);
    // Written out rather than spread: spreading two objects into a third was most of this loop's time.
    mentions.push({ value, grain, text, start, end });
  }
  return mentions;
}

// How far into the text a dateline may sit, and how much may stand before it on its line.
const DATELINE_REACH = 600;
const DATELINE_PREFIX = 48;
const DATELINE_PREFIX_WORDS = 5;
// Words that must follow a dateline within the next characters.
const DATELINE_BODY_WORDS = 3;
const DATELINE_BODY_SCAN = 200;
const DATELINE_LABEL = /(?:published|updated|posted|dated|نشر|النشر|تحديث|بتاريخ|التاريخ)\s*:?$/i;

/**
 * The publication date the text states: a dateline near its start («دمشق - 25 تموز 2021», "DAMASCUS,
 * July 25 (Reuters)", a line holding only a date), else «أمس السبت 24 من تموز/يوليو» read as "yesterday
 * was Saturday 24 July" (so the text was published the day after). A date without a year takes the
 * year that puts it on or before `reference`. Null when the text states none.
 */
export function statedPublicationDate(
  doc: Folded,
  reference: TimeAnchor,
): { date: string; start: number; end: number } | null {
  const referenceDay = parseDay(reference.date);
  if (referenceDay === null) return null;
  const r = new Reader(doc);
  const anchorYear = civilDate(referenceDay).year;
  // A text states its own date on or before the moment it is read.
  const frame: Frame = { anchor: referenceDay, kind: 'reference', direction: 'past' };
  const stated = (reading: Reading, shift: number) => {
    const day = singleDay(reading.hit.spec, frame);
    if (day === null) return null;
    const { start, end } = spanOf(doc, reading);
    return { date: formatDay(day - shift), start, end };
  };
  for (const reading of readAll(r, anchorYear, DATELINE_REACH)) {
    const found = isDateline(doc.text, reading) ? stated(reading, 0) : null;
    if (found) return found;
  }
  // Only the words that can lead a date («أمس», «اليوم», "yesterday") need reading for the rest.
  for (let i = 0; i < r.count; i++) {
    const hit = r.readers(i) & LEAD ? leadAt(r, i, anchorYear) : null;
    const reading = hit && { hit, start: r.start(hit.start) + r.clitic(hit.start), end: r.end(hit.end - 1) };
    const found = reading && hit.lead !== undefined ? stated(reading, hit.lead) : null;
    if (found) return found;
  }
  return null;
}

/** The day a written date names («24 تموز», «السبت 24 من تموز»), or null for anything vaguer or relative. */
function singleDay(spec: Spec, frame: Frame): number | null {
  if (spec.t !== 'when' || spec.w.day === null || spec.w.monthRel !== null || spec.w.month === null)
    return null;
  const interval = whenInterval(spec.w, frame);
  return interval && interval.grain === 'day' && interval.start === interval.end ? interval.start : null;
}

/**
 * The date heads its line (after at most a place name and a separator), ends the line or a clause, and
 * a body follows it: a text that is nothing but a date states no publication date of its own.
 */
function isDateline(text: string, reading: Reading): boolean {
  const lineStart = text.lastIndexOf('\n', reading.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', reading.end);
  const before = text.slice(lineStart, reading.start).trim();
  const after = text.slice(reading.end, lineEndAt === -1 ? text.length : lineEndAt).trim();
  const headOk =
    before === '' ||
    DATELINE_LABEL.test(before) ||
    (before.length <= DATELINE_PREFIX &&
      before.split(/\s+/).length <= DATELINE_PREFIX_WORDS &&
      /[-,،:|/(]$/.test(before));
  const body = text.slice(reading.end, reading.end + DATELINE_BODY_SCAN).match(/\p{L}{2,}/gu)?.length ?? 0;
  return headOk && (after === '' || /^[-,،:|(\d]/.test(after)) && body >= DATELINE_BODY_WORDS;
}
