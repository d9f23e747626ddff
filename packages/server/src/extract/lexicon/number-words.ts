/**
 * Number words of Arabic (standard and the common Egyptian/Levantine spellings) and English, keyed by
 * their folded spelling (`fold` from normalize.ts), so a lookup needs no further normalization.
 *
 * The entries only say what a word is worth and how it combines; `numbers.ts` decides which sequences
 * form one number.
 */
import { fold } from '../normalize.js';

export type NumberWordKind =
  /** 0–10. */
  | 'unit'
  /** 11–19 written as one word (حداشر, eleven). */
  | 'teen'
  /** أحد, إحدى, اثنا, اثنتا…: only a number when عشر/عشرة follows. */
  | 'teen_first'
  /** 20–90. */
  | 'ten'
  /** A whole hundred: مائة, مائتان, ثلاثمائة, hundred. */
  | 'hundred'
  /** ألف, مليون, مليار, thousand, million… */
  | 'scale'
  /** نصف, ربع, ثلث, ثلثا, half. */
  | 'fraction'
  /** أرباع, أثمان, thirds…: the denominator of a fraction whose count precedes («ثلاثة أرباع»). */
  | 'denominator'
  /** فاصلة, point: the decimal point read out. */
  | 'point'
  /** سالب, ناقص, minus. */
  | 'minus'
  /** English "a"/"an" stands for one before a scale («a million»). */
  | 'article'
  /** English "and" inside a number («one hundred and five»). */
  | 'and';

export interface NumberWord {
  kind: NumberWordKind;
  value: number;
  lang: 'ar' | 'en';
  /**
   * A scale's grammatical number: `one` (ألف), `two` (ألفان: a count of its own) or `many` (آلاف: needs
   * a count before it, else it is vague: «آلاف اللاجئين» is no exact number).
   */
  count?: 'one' | 'two' | 'many';
  /** مائة and hundred multiply a count written before them («ثلاث مائة», "three hundred"). */
  multiplies?: boolean;
  /** خمس, سبع, تسع, عشر also name the fractions 1/5 … 1/10 when a definite noun follows («خمس السكان»). */
  fraction?: number;
  /** Only a scale after digits: "1.2 bn". */
  afterDigits?: boolean;
  /**
   * A short word that another word becomes when a clitic is taken off: «لست» ("I am not") is not ل + ست.
   * Such a word only takes the conjunction و.
   */
  onlyWaw?: boolean;
}

type Forms = readonly string[];

const AR_UNITS: readonly [Forms, number][] = [
  [['صفر'], 0],
  [['واحد', 'واحدة'], 1],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'إثنان', 'إثنين', 'اتنين', 'اتنان', 'ثنتين', 'ثنتان'], 2],
  [['ثلاث', 'ثلاثة', 'تلات', 'تلاتة'], 3],
  [['أربع', 'أربعة'], 4],
  [['خمس', 'خمسة'], 5],
  [['ست', 'ستة'], 6],
  [['سبع', 'سبعة'], 7],
  [['ثمان', 'ثماني', 'ثمانية', 'تمان', 'تمانية', 'تمنية'], 8],
  [['تسع', 'تسعة'], 9],
  [['عشر', 'عشرة'], 10],
];

/** Feminine short forms that double as fractions (خُمس, سُبع, تُسع, عُشر are spelled the same unvoweled). */
const AR_FRACTION_TWINS: Readonly<Record<string, number>> = {
  خمس: 1 / 5,
  سبع: 1 / 7,
  تسع: 1 / 9,
  عشر: 1 / 10,
};

const AR_TEEN_FIRST: readonly [Forms, number][] = [
  [['أحد', 'إحدى', 'احدى'], 1],
  [['اثنا', 'اثني', 'اثنى', 'اثنتا', 'اثنتي', 'اثنتى', 'إثنا', 'إثني', 'إثنتا', 'إثنتي'], 2],
];

/** Egyptian and Levantine teens, one word each. */
const AR_TEENS: readonly [Forms, number][] = [
  [['حداشر', 'احداشر', 'حضاشر'], 11],
  [['اتناشر', 'اطناشر', 'اثناشر'], 12],
  [['تلتاشر', 'تلاتاشر', 'تلطاشر'], 13],
  [['اربعتاشر', 'اربعطاشر', 'أربعتاشر'], 14],
  [['خمستاشر', 'خمسطاشر'], 15],
  [['ستاشر', 'سطاشر', 'ستتاشر'], 16],
  [['سبعتاشر', 'سبعطاشر'], 17],
  [['تمنتاشر', 'تمانتاشر', 'تمنطاشر'], 18],
  [['تسعتاشر', 'تسعطاشر'], 19],
];

const AR_TENS: readonly [Forms, number][] = [
  [['عشرون', 'عشرين'], 20],
  [['ثلاثون', 'ثلاثين', 'تلاتين'], 30],
  [['أربعون', 'أربعين'], 40],
  [['خمسون', 'خمسين'], 50],
  [['ستون', 'ستين'], 60],
  [['سبعون', 'سبعين'], 70],
  [['ثمانون', 'ثمانين', 'تمانين'], 80],
  [['تسعون', 'تسعين'], 90],
];

/** «مية» alone is also colloquial "water", so the colloquial hundred is only listed inside compounds. */
const AR_HUNDRED = ['مائة', 'مئة', 'ماية'];
const AR_HUNDRED_SUFFIXES = ['مائة', 'مئة', 'ماية', 'مية'];
const AR_TWO_HUNDRED = [
  'مائتان',
  'مائتين',
  'مئتان',
  'مئتين',
  'مائتا',
  'مائتي',
  'مئتا',
  'مئتي',
  'متين',
  'ميتين',
];
/** Stems of the written-together hundreds (ثلاثمائة, ثلثمائة, تلتمية…). */
const AR_HUNDRED_STEMS: readonly [Forms, number][] = [
  [['ثلاث', 'ثلث', 'تلت', 'تلات'], 3],
  [['أربع', 'ربع'], 4],
  [['خمس'], 5],
  [['ست'], 6],
  [['سبع'], 7],
  [['ثمان', 'ثماني', 'تمن', 'تمان'], 8],
  [['تسع'], 9],
];

/**
 * Scales by grammatical number. «ألفا» and «مليونا» are both the accusative singular («خمسون ألفاً») and
 * the dual in construct («ألفا دولار»); the singular reading is kept since it is the frequent one in news.
 */
const AR_SCALES: readonly { value: number; one: Forms; two: Forms; many: Forms }[] = [
  { value: 1e3, one: ['ألف', 'ألفا'], two: ['ألفان', 'ألفين', 'ألفي'], many: ['آلاف', 'ألوف'] },
  { value: 1e6, one: ['مليون', 'مليونا'], two: ['مليونان', 'مليونين', 'مليوني'], many: ['ملايين'] },
  {
    value: 1e9,
    one: ['مليار', 'مليارا', 'بليون', 'بليونا'],
    two: ['ملياران', 'مليارين', 'ملياري', 'بليونان', 'بليونين'],
    many: ['مليارات', 'بلايين', 'بليونات'],
  },
  {
    value: 1e12,
    one: ['تريليون', 'تريليونا', 'ترليون'],
    two: ['تريليونان', 'تريليونين'],
    many: ['تريليونات'],
  },
];

const AR_FRACTIONS: readonly [Forms, number][] = [
  [['نصف'], 1 / 2],
  [['ثلث'], 1 / 3],
  [['ربع'], 1 / 4],
  [['سدس'], 1 / 6],
  [['ثلثا', 'ثلثي', 'ثلثان', 'ثلثين'], 2 / 3],
];

const AR_DENOMINATORS: readonly [Forms, number][] = [
  [['أثلاث'], 3],
  [['أرباع'], 4],
  [['أخماس'], 5],
  [['أسداس'], 6],
  [['أسباع'], 7],
  [['أثمان'], 8],
  [['أتساع'], 9],
  [['أعشار'], 10],
];

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const EN_TEENS = [
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_DENOMINATORS: readonly [Forms, number][] = [
  [['third', 'thirds'], 3],
  [['quarter', 'quarters'], 4],
  [['fifth', 'fifths'], 5],
  [['sixth', 'sixths'], 6],
  [['seventh', 'sevenths'], 7],
  [['eighth', 'eighths'], 8],
  [['ninth', 'ninths'], 9],
  [['tenth', 'tenths'], 10],
];

function buildNumberWords(): Map<string, NumberWord> {
  const words = new Map<string, NumberWord>();
  const add = (forms: Forms, entry: NumberWord): void => {
    for (const form of forms) {
      const key = fold(form);
      if (!words.has(key)) words.set(key, entry);
    }
  };

  for (const [forms, value] of AR_UNITS) {
    for (const form of forms) {
      const fraction = AR_FRACTION_TWINS[form];
      add([form], {
        kind: 'unit',
        value,
        lang: 'ar',
        ...(fraction === undefined ? {} : { fraction }),
        ...(form === 'ست' ? { onlyWaw: true } : {}),
      });
    }
  }
  for (const [forms, value] of AR_TEEN_FIRST) add(forms, { kind: 'teen_first', value, lang: 'ar' });
  for (const [forms, value] of AR_TEENS) add(forms, { kind: 'teen', value, lang: 'ar' });
  for (const [forms, value] of AR_TENS) add(forms, { kind: 'ten', value, lang: 'ar' });
  add(AR_HUNDRED, { kind: 'hundred', value: 100, lang: 'ar', multiplies: true });
  add(AR_TWO_HUNDRED, { kind: 'hundred', value: 200, lang: 'ar' });
  for (const [stems, value] of AR_HUNDRED_STEMS) {
    const forms = stems.flatMap((stem) => AR_HUNDRED_SUFFIXES.map((suffix) => stem + suffix));
    add(forms, { kind: 'hundred', value: value * 100, lang: 'ar' });
  }
  for (const scale of AR_SCALES) {
    add(scale.one, { kind: 'scale', value: scale.value, lang: 'ar', count: 'one' });
    add(scale.two, { kind: 'scale', value: scale.value, lang: 'ar', count: 'two' });
    add(scale.many, { kind: 'scale', value: scale.value, lang: 'ar', count: 'many' });
  }
  for (const [forms, value] of AR_FRACTIONS) add(forms, { kind: 'fraction', value, lang: 'ar' });
  for (const [forms, value] of AR_DENOMINATORS) add(forms, { kind: 'denominator', value, lang: 'ar' });
  add(['دزينة', 'دستة'], { kind: 'scale', value: 12, lang: 'ar', count: 'one' });
  add(['دزينتان', 'دزينتين', 'دستتان', 'دستتين'], { kind: 'scale', value: 12, lang: 'ar', count: 'two' });
  add(['دزينات', 'دستات'], { kind: 'scale', value: 12, lang: 'ar', count: 'many' });
  add(['فاصلة'], { kind: 'point', value: 0, lang: 'ar' });
  add(['سالب', 'ناقص'], { kind: 'minus', value: -1, lang: 'ar' });

  for (const [value, word] of EN_UNITS.entries()) add([word], { kind: 'unit', value, lang: 'en' });
  for (const [index, word] of EN_TEENS.entries())
    add([word], { kind: 'teen', value: index + 11, lang: 'en' });
  for (const [index, word] of EN_TENS.entries())
    add([word], { kind: 'ten', value: (index + 2) * 10, lang: 'en' });
  add(['hundred'], { kind: 'hundred', value: 100, lang: 'en', multiplies: true });
  add(['thousand'], { kind: 'scale', value: 1e3, lang: 'en', count: 'one' });
  add(['thousands'], { kind: 'scale', value: 1e3, lang: 'en', count: 'many' });
  add(['million'], { kind: 'scale', value: 1e6, lang: 'en', count: 'one' });
  add(['millions'], { kind: 'scale', value: 1e6, lang: 'en', count: 'many' });
  add(['billion'], { kind: 'scale', value: 1e9, lang: 'en', count: 'one' });
  add(['billions'], { kind: 'scale', value: 1e9, lang: 'en', count: 'many' });
  add(['trillion'], { kind: 'scale', value: 1e12, lang: 'en', count: 'one' });
  add(['bn'], { kind: 'scale', value: 1e9, lang: 'en', count: 'one', afterDigits: true });
  add(['dozen'], { kind: 'scale', value: 12, lang: 'en', count: 'one' });
  add(['half'], { kind: 'fraction', value: 1 / 2, lang: 'en' });
  for (const [forms, value] of EN_DENOMINATORS) add(forms, { kind: 'denominator', value, lang: 'en' });
  add(['point'], { kind: 'point', value: 0, lang: 'en' });
  add(['minus', 'negative'], { kind: 'minus', value: -1, lang: 'en' });
  add(['a', 'an'], { kind: 'article', value: 1, lang: 'en' });
  add(['and'], { kind: 'and', value: 0, lang: 'en' });
  return words;
}

export const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = buildNumberWords();

/**
 * Letters that may stick to digits without making them part of a code: the era marks of years
 * («2021م», «1442هـ») and unit symbols («50kg»). Anything else glued to digits («SY0101», «1M», «٢٥مل»,
 * "1st") makes the digits part of a larger token.
 */
export const GLUED_SUFFIXES: ReadonlySet<string> = new Set(['م', 'ه', 'kg', 'km', 'mt', 'كغ', 'كلغ', 'كم']);

/**
 * Clitics written before a number: conjunctions and prepositions before a word («وخمسون», «بألفي»), and
 * also the article before digits («الـ30»). The span of a number leaves them out.
 */
export const WORD_CLITICS: readonly string[] = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
export const DIGIT_PREFIXES: ReadonlySet<string> = new Set([
  ...WORD_CLITICS,
  'ال',
  'وال',
  'بال',
  'فال',
  'كال',
  'لل',
  'ولل',
  'وبال',
]);
