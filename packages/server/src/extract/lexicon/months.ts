/**
 * Calendar vocabulary for the date recognizer: month names of every series Arabic news writes, Hijri
 * months, weekdays, the ordinal words that name a day of the month, and the few cardinal words that
 * count days, weeks, months and years. Entries are written as people write them; the recognizer folds
 * them (`fold`) before matching, so hamza and taa marbuta variants need no separate entry.
 */

/**
 * How much context a month name needs before it is read as a month: `0` none beyond the usual cue;
 * `1` the word is also a common other word («مارس» "practised", English "may"/"march") so it needs a
 * cue such as «في» or "in", a day or a year; `2` the word is mostly something else («آب» folds onto
 * «أب» "father", «صفر» is "zero", «رجب» and «رمضان» are given names) and needs «شهر», a day or a year.
 */
export type Guard = 0 | 1 | 2;

export interface MonthName {
  name: string;
  month: number;
  guard: Guard;
}

const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Gregorian month names, all series. */
export const GREGORIAN_MONTHS: readonly MonthName[] = [
  // Levantine and Iraqi (Syriac) names; «آب» folds onto «أب» ("father").
  { name: 'كانون الثاني', month: 1, guard: 0 },
  { name: 'كانون ثاني', month: 1, guard: 0 },
  { name: 'شباط', month: 2, guard: 0 },
  { name: 'آذار', month: 3, guard: 0 },
  { name: 'نيسان', month: 4, guard: 0 },
  { name: 'أيار', month: 5, guard: 0 },
  { name: 'حزيران', month: 6, guard: 0 },
  { name: 'تموز', month: 7, guard: 0 },
  { name: 'آب', month: 8, guard: 2 },
  { name: 'أيلول', month: 9, guard: 0 },
  { name: 'تشرين الأول', month: 10, guard: 0 },
  { name: 'تشرين أول', month: 10, guard: 0 },
  { name: 'تشرين الثاني', month: 11, guard: 0 },
  { name: 'تشرين ثاني', month: 11, guard: 0 },
  { name: 'كانون الأول', month: 12, guard: 0 },
  { name: 'كانون أول', month: 12, guard: 0 },
  // Transliterated names (Egypt, the Gulf, most agencies), with the common second spellings.
  { name: 'يناير', month: 1, guard: 0 },
  { name: 'فبراير', month: 2, guard: 0 },
  { name: 'مارس', month: 3, guard: 1 },
  { name: 'أبريل', month: 4, guard: 0 },
  { name: 'مايو', month: 5, guard: 0 },
  { name: 'يونيو', month: 6, guard: 0 },
  { name: 'يونيه', month: 6, guard: 0 },
  { name: 'يوليو', month: 7, guard: 0 },
  { name: 'يوليه', month: 7, guard: 0 },
  { name: 'أغسطس', month: 8, guard: 0 },
  { name: 'أغسطوس', month: 8, guard: 0 },
  { name: 'سبتمبر', month: 9, guard: 0 },
  { name: 'أكتوبر', month: 10, guard: 0 },
  { name: 'نوفمبر', month: 11, guard: 0 },
  { name: 'ديسمبر', month: 12, guard: 0 },
  // Maghrebi (Algeria, Tunisia) names.
  { name: 'جانفي', month: 1, guard: 0 },
  { name: 'فيفري', month: 2, guard: 0 },
  { name: 'أفريل', month: 4, guard: 0 },
  { name: 'ماي', month: 5, guard: 1 },
  { name: 'جوان', month: 6, guard: 1 },
  { name: 'جويلية', month: 7, guard: 0 },
  { name: 'جويلة', month: 7, guard: 0 },
  { name: 'أوت', month: 8, guard: 1 },
  // Moroccan names where they differ.
  { name: 'يوليوز', month: 7, guard: 0 },
  { name: 'غشت', month: 8, guard: 0 },
  { name: 'شتنبر', month: 9, guard: 0 },
  { name: 'نونبر', month: 11, guard: 0 },
  { name: 'دجنبر', month: 12, guard: 0 },
  // English, with the abbreviations datelines use; English names must also be capitalized in the text.
  ...ENGLISH_MONTHS.map(
    (name, i): MonthName => ({ name, month: i + 1, guard: name === 'march' || name === 'may' ? 1 : 0 }),
  ),
  ...ENGLISH_MONTHS.flatMap((name, i): MonthName[] =>
    name === 'may'
      ? []
      : [name.slice(0, 3), ...(name === 'september' ? ['sept'] : [])].map((short) => ({
          name: short,
          month: i + 1,
          guard: 2,
        })),
  ),
];

/** Hijri months; «ربيع الآخر» and «ربيع الثاني» are the same month, as are «جمادى الآخرة» and «الثانية». */
export const HIJRI_MONTHS: readonly MonthName[] = [
  { name: 'محرم', month: 1, guard: 2 },
  { name: 'صفر', month: 2, guard: 2 },
  { name: 'ربيع الأول', month: 3, guard: 0 },
  { name: 'ربيع أول', month: 3, guard: 0 },
  { name: 'ربيع الآخر', month: 4, guard: 0 },
  { name: 'ربيع الثاني', month: 4, guard: 0 },
  { name: 'ربيع ثاني', month: 4, guard: 0 },
  { name: 'جمادى الأولى', month: 5, guard: 0 },
  { name: 'جمادى الأول', month: 5, guard: 0 },
  { name: 'جمادى الآخرة', month: 6, guard: 0 },
  { name: 'جمادى الثانية', month: 6, guard: 0 },
  { name: 'جمادى الآخر', month: 6, guard: 0 },
  { name: 'رجب', month: 7, guard: 2 },
  { name: 'شعبان', month: 8, guard: 2 },
  { name: 'رمضان', month: 9, guard: 2 },
  { name: 'شوال', month: 10, guard: 2 },
  { name: 'ذو القعدة', month: 11, guard: 0 },
  { name: 'ذي القعدة', month: 11, guard: 0 },
  { name: 'ذو الحجة', month: 12, guard: 0 },
  { name: 'ذي الحجة', month: 12, guard: 0 },
];

/**
 * Weekdays, 0 = Sunday. `bare` forms lack the article: «أحد» is mostly "one of" and «اثنين» "two", so
 * the recognizer reads them as weekdays only inside a construction («أحد الأسبوع الماضي», «آخر اثنين»).
 */
export const WEEKDAYS: readonly { name: string; weekday: number; bare: boolean }[] = [
  ...(
    [
      ['الأحد', 'أحد'],
      ['الاثنين', 'اثنين', 'الإثنين', 'الأثنين'],
      ['الثلاثاء', 'ثلاثاء', 'الثلاثا', 'ثلاثا'],
      ['الأربعاء', 'أربعاء', 'الاربعا', 'أربعا'],
      ['الخميس', 'خميس'],
      ['الجمعة', 'جمعة', 'الجمعه'],
      ['السبت', 'سبت'],
    ] as const
  ).flatMap((names, weekday) =>
    names.map((name) => ({ name, weekday, bare: !name.startsWith('ال') && !name.startsWith('الإ') })),
  ),
  ...['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((name, weekday) => ({
    name,
    weekday,
    bare: false,
  })),
];

/**
 * Ordinal words for days 1–10 (with and without the article, both genders), and the tens that
 * complete «الحادي والعشرين». «الحادي» only occurs in compounds (11, 21, 31).
 */
export const ORDINAL_UNITS: readonly [string, number][] = [
  ['الأول', 1],
  ['أول', 1],
  ['الأولى', 1],
  ['الحادي', 1],
  ['حادي', 1],
  ['الحادية', 1],
  ['الثاني', 2],
  ['ثاني', 2],
  ['ثان', 2],
  ['الثانية', 2],
  ['الثالث', 3],
  ['ثالث', 3],
  ['الثالثة', 3],
  ['الرابع', 4],
  ['رابع', 4],
  ['الرابعة', 4],
  ['الخامس', 5],
  ['خامس', 5],
  ['الخامسة', 5],
  ['السادس', 6],
  ['سادس', 6],
  ['السادسة', 6],
  ['السابع', 7],
  ['سابع', 7],
  ['السابعة', 7],
  ['الثامن', 8],
  ['ثامن', 8],
  ['الثامنة', 8],
  ['التاسع', 9],
  ['تاسع', 9],
  ['التاسعة', 9],
  ['العاشر', 10],
  ['عاشر', 10],
  ['العاشرة', 10],
];

export const ORDINAL_TENS: readonly [string, number][] = [
  ['العشرين', 20],
  ['العشرون', 20],
  ['عشرين', 20],
  ['الثلاثين', 30],
  ['الثلاثون', 30],
  ['ثلاثين', 30],
];

/** The word that turns a unit ordinal into 11–19 («الثالث عشر», «الثالثة عشرة»). */
export const ORDINAL_TEEN = ['عشر', 'عشرة'] as const;

/** The last one: «آخر اثنين», «الاثنين الأخير», «اليوم الأخير». */
export const LAST_WORDS = ['آخر', 'الأخير', 'الأخيرة', 'اخير'] as const;

export const ENGLISH_ORDINALS: readonly [string, number][] = [
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['last', -1],
];

/** Cardinal words up to the thousands, enough to count durations and to spell a year. */
export const CARDINALS: readonly [string, number][] = [
  ['واحد', 1],
  ['واحدة', 1],
  ['أحد', 1],
  ['اثنان', 2],
  ['اثنين', 2],
  ['اثنتان', 2],
  ['اثنتين', 2],
  ['اثنا', 2],
  ['اثني', 2],
  ['ثلاث', 3],
  ['ثلاثة', 3],
  ['أربع', 4],
  ['أربعة', 4],
  ['خمس', 5],
  ['خمسة', 5],
  ['ست', 6],
  ['ستة', 6],
  ['سبع', 7],
  ['سبعة', 7],
  ['ثمان', 8],
  ['ثماني', 8],
  ['ثمانية', 8],
  ['تسع', 9],
  ['تسعة', 9],
  ['عشر', 10],
  ['عشرة', 10],
  ['عشرون', 20],
  ['عشرين', 20],
  ['ثلاثون', 30],
  ['ثلاثين', 30],
  ['أربعون', 40],
  ['أربعين', 40],
  ['خمسون', 50],
  ['خمسين', 50],
  ['ستون', 60],
  ['ستين', 60],
  ['سبعون', 70],
  ['سبعين', 70],
  ['ثمانون', 80],
  ['ثمانين', 80],
  ['تسعون', 90],
  ['تسعين', 90],
  ['مئة', 100],
  ['مائة', 100],
  ['مئتان', 200],
  ['مئتين', 200],
  ['مائتان', 200],
  ['مائتين', 200],
  ...['ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثمان', 'تسع'].flatMap((unit, i): [string, number][] => [
    [`${unit}مئة`, (i + 3) * 100],
    [`${unit}مائة`, (i + 3) * 100],
  ]),
  ['ألف', 1000],
  ['ألفا', 1000],
  ['ألفان', 2000],
  ['ألفين', 2000],
];

export const ENGLISH_CARDINALS: readonly [string, number][] = [
  ['a', 1],
  ['an', 1],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['several', 3],
];

export type DurationUnit = 'day' | 'week' | 'month' | 'year';

/**
 * Duration nouns with the count they carry on their own: the singular is one, the dual two, and a
 * plural (`null`) needs a number before it («ثلاثة أيام»).
 */
export const DURATION_UNITS: readonly [string, DurationUnit, number | null][] = [
  ['يوم', 'day', 1],
  ['يوما', 'day', 1],
  ['يومين', 'day', 2],
  ['يومان', 'day', 2],
  ['أيام', 'day', null],
  ['أسبوع', 'week', 1],
  ['أسبوعا', 'week', 1],
  ['أسبوعين', 'week', 2],
  ['أسبوعان', 'week', 2],
  ['أسابيع', 'week', null],
  ['شهر', 'month', 1],
  ['شهرا', 'month', 1],
  ['شهرين', 'month', 2],
  ['شهران', 'month', 2],
  ['أشهر', 'month', null],
  ['شهور', 'month', null],
  ['عام', 'year', 1],
  ['عاما', 'year', 1],
  ['عامين', 'year', 2],
  ['عامان', 'year', 2],
  ['أعوام', 'year', null],
  ['سنة', 'year', 1],
  ['سنتين', 'year', 2],
  ['سنتان', 'year', 2],
  ['سنوات', 'year', null],
  ['سنين', 'year', null],
  ['day', 'day', null],
  ['days', 'day', null],
  ['week', 'week', null],
  ['weeks', 'week', null],
  ['month', 'month', null],
  ['months', 'month', null],
  ['year', 'year', null],
  ['years', 'year', null],
];
