/**
 * The peer suites of `shared/eval` (Duckling's and Recognizers-Text's Arabic corpora) as cases of the
 * extraction contract, each with its own pass test, as `shared/eval/README.md` maps them:
 *
 * - Every case's input goes through the extractor with the suite's reference time and no publication date.
 * - Duckling `Numeral`: some `numbers` entry spans the whole input with the expected value.
 * - Duckling `AmountOfMoney`: some `quantities` entry spans the whole input with the value and the currency
 *   as unit ($ → usd, EUR → eur, £ → gbp or egp: Arabic «جنيه» is most often Egypt's; cent → cent, or usd at
 *   a hundredth; other ISO codes lowercased). A one-sided interval ("less than 7 euros") also needs the
 *   qualifier (less_than/up_to, more_than/at_least). A range with both ends is not scored: the contract
 *   has no quantity ranges.
 * - Duckling `Time` at day, month or year grain: some `dates` entry spans the whole input with the value at
 *   that grain (the expected value's own calendar day: its date part as written); an interval ends a day
 *   earlier in the contract (Duckling's end is exclusive). Bare weekdays are counted apart (Duckling reads
 *   the next one; news wants the last one), and so are the negative cases (no date at all may be reported).
 *   Hours, minutes, weeks, open intervals and the other dimensions are outside the contract.
 * - Recognizers (only cases flagged `dotnet_expected_to_pass` and `resolution_checked`): `Number` → every
 *   expected value is in `numbers` (nothing reported when nothing is expected); `DateTime.Date` → `dates`
 *   holds each expected future or past date. The other dimensions are outside the contract.
 *
 * "Spans the whole input": what the span leaves out on either side is white space, punctuation, or words
 * the contract keeps outside spans — a leading «في» or «يوم» before a date, a qualifier («حوالي», «أقل من»,
 * "about") before a quantity.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fold } from '../src/extract/normalize.ts';
import type { Extraction } from '../src/extract/types.ts';

export type SuiteName = 'duckling' | 'recognizers';

export interface SuiteCase {
  id: string;
  suite: SuiteName;
  /** The dimension it is scored under ("Time (bare weekday)", "Number"…). */
  dimension: string;
  input: string;
  referenceTime: string;
  /** What is expected, for the list of failures. */
  expected: unknown;
  pass(result: Extraction): boolean;
}

export interface Unscored {
  suite: SuiteName;
  dimension: string;
  reason: string;
}

export interface Suites {
  cases: SuiteCase[];
  unscored: Unscored[];
}

const DUCKLING_REFERENCE = '2013-02-12T04:30:00.000-02:00';
/** Recognizers-Text's specs resolve against this day unless a case says otherwise. */
const RECOGNIZERS_REFERENCE = '2016-11-07T00:00:00';

interface Span {
  start: number;
  end: number;
}

const DATE_EDGE_WORDS = [
  'في',
  'يوم',
  'بتاريخ',
  'تاريخ',
  'الموافق',
  'قرابة',
  'حوالي',
  'نحو',
  'on',
  'in',
  'at',
  'the',
  'around',
  'about',
];
const QUANTITY_EDGE_WORDS = [
  'حوالي',
  'نحو',
  'قرابة',
  'تقريبا',
  'أكثر',
  'أقل',
  'من',
  'على',
  'الأقل',
  'تحت',
  'فوق',
  'بحدود',
  'ما',
  'يقارب',
  'يزيد',
  'عن',
  'about',
  'around',
  'some',
  'approximately',
  'over',
  'under',
  'more',
  'less',
  'than',
  'at',
  'least',
  'up',
  'to',
];

const dateEdges = new Set(DATE_EDGE_WORDS.map(fold));
const quantityEdges = new Set(QUANTITY_EDGE_WORDS.map(fold));
const noEdges = new Set<string>();

/** Does the span cover the input, but for white space, punctuation and the allowed edge words? */
export function spansWhole(input: string, span: Span, edges: ReadonlySet<string>): boolean {
  if (span.start < 0 || span.end > input.length || span.start >= span.end) return false;
  const outside = `${input.slice(0, span.start)} ${input.slice(span.end)}`;
  for (const word of fold(outside).split(/[^\p{L}\p{N}$€£¥]+/u)) {
    if (word !== '' && !edges.has(word)) return false;
  }
  return true;
}

function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

/* ------------------------------------------------------------------------------------------------ */
/* Duckling                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

interface DucklingCase {
  dimension: string;
  input: string;
  expected: unknown;
  negative?: boolean;
  reference_time?: string;
}

interface DucklingTime {
  type: 'value' | 'interval';
  value?: string;
  grain?: string;
  from?: { value: string; grain: string };
  to?: { value: string; grain: string };
}

interface DucklingMoney {
  type: 'value' | 'interval';
  value?: number;
  unit?: string;
  from?: { value: number; unit: string };
  to?: { value: number; unit: string };
}

const GRAIN_LENGTH: Record<string, number> = { day: 10, month: 7, year: 4 };

function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const BARE_WEEKDAY = new RegExp(
  `^(?:${fold('يوم')} |${fold('هذا')} )?(?:ال)?(?:${[
    'اثنين',
    'ثلاثاء',
    'أربعاء',
    'خميس',
    'جمعة',
    'سبت',
    'أحد',
  ]
    .map(fold)
    .join('|')})$`,
);

function ducklingTime(index: number, c: DucklingCase, reference: string): SuiteCase | Unscored {
  const base = {
    id: `duckling:${index}`,
    suite: 'duckling' as const,
    input: c.input,
    referenceTime: reference,
  };
  if (c.expected === null) {
    return { ...base, dimension: 'Time (negative)', expected: null, pass: (r) => r.dates.length === 0 };
  }
  const expected = c.expected as DucklingTime;
  const folded = fold(c.input.trim());
  const dimension = BARE_WEEKDAY.test(folded) ? 'Time (bare weekday)' : 'Time';
  if (expected.type === 'value' && expected.value && expected.grain && expected.grain in GRAIN_LENGTH) {
    const grain = expected.grain;
    const value = expected.value.slice(0, GRAIN_LENGTH[grain]);
    return {
      ...base,
      dimension,
      expected: { value, grain },
      pass: (r) =>
        r.dates.some((d) => d.grain === grain && d.value === value && spansWhole(c.input, d, dateEdges)),
    };
  }
  if (expected.type === 'interval' && expected.from?.grain === 'day' && expected.to?.grain === 'day') {
    const value = {
      start: expected.from.value.slice(0, 10),
      end: previousDay(expected.to.value.slice(0, 10)),
    };
    return {
      ...base,
      dimension,
      expected: { value, grain: 'day' },
      pass: (r) =>
        r.dates.some(
          (d) =>
            typeof d.value === 'object' &&
            d.value !== null &&
            d.value.start === value.start &&
            d.value.end === value.end &&
            spansWhole(c.input, d, dateEdges),
        ),
    };
  }
  const grain = expected.grain ?? expected.from?.grain ?? expected.to?.grain ?? '?';
  return {
    suite: 'duckling',
    dimension: 'Time',
    reason: `grain ${grain} or an open interval: outside the contract`,
  };
}

const CURRENCY: Record<string, string[]> = { $: ['usd'], EUR: ['eur'], '£': ['gbp', 'egp'], cent: ['cent'] };

function currencyMatches(unit: string, value: number, expectedUnit: string, expectedValue: number): boolean {
  const units = CURRENCY[expectedUnit] ?? [expectedUnit.toLowerCase()];
  if (units.includes(unit) && sameNumber(value, expectedValue)) return true;
  return expectedUnit === 'cent' && unit === 'usd' && sameNumber(value * 100, expectedValue);
}

function ducklingMoney(index: number, c: DucklingCase, reference: string): SuiteCase | Unscored {
  const base = {
    id: `duckling:${index}`,
    suite: 'duckling' as const,
    input: c.input,
    referenceTime: reference,
  };
  const expected = c.expected as DucklingMoney;
  if (expected.type === 'value' && expected.value !== undefined && expected.unit) {
    const { value, unit } = expected;
    return {
      ...base,
      dimension: 'AmountOfMoney',
      expected: { value, unit },
      pass: (r) =>
        r.quantities.some(
          (q) => currencyMatches(q.unit, q.value, unit, value) && spansWhole(c.input, q, quantityEdges),
        ),
    };
  }
  const bound =
    expected.from && !expected.to ? expected.from : expected.to && !expected.from ? expected.to : null;
  if (!bound) {
    return {
      suite: 'duckling',
      dimension: 'AmountOfMoney',
      reason: 'a range with two ends: the contract has no quantity ranges',
    };
  }
  const qualifiers = expected.from ? ['more_than', 'at_least'] : ['less_than', 'up_to'];
  return {
    ...base,
    dimension: 'AmountOfMoney',
    expected: { value: bound.value, unit: bound.unit, qualifier: qualifiers.join('|') },
    pass: (r) =>
      r.quantities.some(
        (q) =>
          currencyMatches(q.unit, q.value, bound.unit, bound.value) &&
          q.qualifier !== null &&
          qualifiers.includes(q.qualifier) &&
          spansWhole(c.input, q, quantityEdges),
      ),
  };
}

function duckling(cases: readonly DucklingCase[]): Suites {
  const out: Suites = { cases: [], unscored: [] };
  cases.forEach((c, index) => {
    const reference = c.reference_time ?? DUCKLING_REFERENCE;
    let scored: SuiteCase | Unscored;
    if (c.dimension === 'Numeral' && typeof c.expected === 'number') {
      const value = c.expected;
      scored = {
        id: `duckling:${index}`,
        suite: 'duckling',
        dimension: 'Numeral',
        input: c.input,
        referenceTime: reference,
        expected: value,
        pass: (r) => r.numbers.some((n) => sameNumber(n.value, value) && spansWhole(c.input, n, noEdges)),
      };
    } else if (c.dimension === 'AmountOfMoney') {
      scored = ducklingMoney(index, c, reference);
    } else if (c.dimension === 'Time') {
      scored = ducklingTime(index, c, reference);
    } else {
      scored = { suite: 'duckling', dimension: c.dimension, reason: 'outside the contract' };
    }
    if ('pass' in scored) out.cases.push(scored);
    else out.unscored.push(scored);
  });
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* Recognizers-Text                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

interface RecognizersCase {
  dimension: string;
  input: string;
  expected: {
    Resolution?: { value?: string };
    Value?: { FutureResolution?: { date?: string }; PastResolution?: { date?: string } };
  }[];
  dotnet_expected_to_pass?: boolean;
  resolution_checked?: boolean;
  context?: { ReferenceDateTime?: string };
}

function recognizers(cases: readonly RecognizersCase[]): Suites {
  const out: Suites = { cases: [], unscored: [] };
  cases.forEach((c, index) => {
    if (!c.dotnet_expected_to_pass || !c.resolution_checked) {
      out.unscored.push({ suite: 'recognizers', dimension: c.dimension, reason: 'not gold (flags)' });
      return;
    }
    const base = {
      id: `recognizers:${index}`,
      suite: 'recognizers' as const,
      input: c.input,
      referenceTime: c.context?.ReferenceDateTime ?? RECOGNIZERS_REFERENCE,
    };
    if (c.dimension === 'Number') {
      const values = c.expected.map((e) => Number(e.Resolution?.value));
      out.cases.push({
        ...base,
        dimension: 'Number',
        expected: values,
        pass: (r) =>
          values.length === 0
            ? r.numbers.length === 0
            : values.every((value) => r.numbers.some((n) => sameNumber(n.value, value))),
      });
    } else if (c.dimension === 'DateTime.Date') {
      const wanted = c.expected.map((e) =>
        [e.Value?.FutureResolution?.date, e.Value?.PastResolution?.date].filter((d): d is string => !!d),
      );
      out.cases.push({
        ...base,
        dimension: 'DateTime.Date',
        expected: wanted,
        pass: (r) =>
          wanted.length === 0
            ? r.dates.length === 0
            : wanted.every((either) =>
                r.dates.some((d) => typeof d.value === 'string' && either.includes(d.value)),
              ),
      });
    } else {
      out.unscored.push({ suite: 'recognizers', dimension: c.dimension, reason: 'outside the contract' });
    }
  });
  return out;
}

export function loadSuites(sharedDir: string): Suites {
  const read = <T>(name: string): T =>
    JSON.parse(fs.readFileSync(path.join(sharedDir, 'eval', name), 'utf8')) as T;
  const a = duckling(read<DucklingCase[]>('duckling-ar.json'));
  const b = recognizers(read<RecognizersCase[]>('recognizers-ar.json'));
  return { cases: [...a.cases, ...b.cases], unscored: [...a.unscored, ...b.unscored] };
}
