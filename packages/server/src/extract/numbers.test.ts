import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithMap } from './normalize.js';
import { recognizeNumbers } from './numbers.js';

function numbers(text: string): [string, number][] {
  const found = recognizeNumbers(foldWithMap(text));
  for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  return found.map((mention) => [mention.text, mention.value]);
}

const wholeValue = (text: string): number | undefined => {
  const found = recognizeNumbers(foldWithMap(text));
  return found.length === 1 && found[0]?.text === text ? found[0].value : undefined;
};

describe('recognizeNumbers: digits', () => {
  it('reads Western, Arabic-Indic and Persian digits with separators, decimals and signs', () => {
    expect(numbers('سجلت المفوضية 1,250 حالة و١٢٬٥٠٠ عائلة و۳۴ مخيما')).toEqual([
      ['1,250', 1250],
      ['١٢٬٥٠٠', 12500],
      ['۳۴', 34],
    ]);
    expect(numbers('ارتفع السعر ٢٫٥ مرة وانخفضت الحرارة إلى -3.5 و .75')).toEqual([
      ['٢٫٥', 2.5],
      ['-3.5', -3.5],
      ['.75', 0.75],
    ]);
  });

  it('keeps a percent sign and reads fractions', () => {
    expect(numbers('نسبة 45% من السكان، ونحو ٣٠ ٪ والنصف ½ و1½ و3/4 الكمية')).toEqual([
      ['45%', 45],
      ['٣٠ ٪', 30],
      ['½', 0.5],
      ['1½', 1.5],
      ['3/4', 0.75],
    ]);
  });

  it('multiplies digits by a scale word in either language', () => {
    expect(numbers('تسليم 250 ألف جرعة و٣ ملايين دولار و2.5 مليار و١٠ آلاف سلة')).toEqual([
      ['250 ألف', 250_000],
      ['٣ ملايين', 3_000_000],
      ['2.5 مليار', 2_500_000_000],
      ['١٠ آلاف', 10_000],
    ]);
    expect(numbers('a $1.5 million grant, 3 billion in pledges and 1.2 bn more')).toEqual([
      ['1.5 million', 1_500_000],
      ['3 billion', 3_000_000_000],
      ['1.2 bn', 1_200_000_000],
    ]);
  });

  it('keeps decimal values exact when a scale multiplies them', () => {
    expect(wholeValue('1.15 million')).toBe(1_150_000);
    expect(wholeValue('0.07 مليار')).toBe(70_000_000);
    expect(wholeValue('4.35 مليون')).toBe(4_350_000);
  });

  it('reads years and day numbers, and ranges as two numbers', () => {
    expect(numbers('بين عامي 2011-2021، وفي 24 تموز')).toEqual([
      ['2011', 2011],
      ['2021', 2021],
      ['24', 24],
    ]);
  });

  it('skips digits that are part of a code, a date, a time or a phone number', () => {
    expect(
      numbers('الرمز SY0102 والتاريخ 2021-07-24 أو 24/07/2021 الساعة 10:30 والهاتف +963 11 2233445'),
    ).toEqual([]);
    expect(numbers('COVID-19 وH1N1 و0933123456 و24.07.2021 و1M و٢٥مل و1st')).toEqual([]);
  });

  it('allows a clitic, the article or an era mark around digits', () => {
    expect(numbers('وصل بـ500 سلة والـ30 شاحنة و2021م و1442هـ و50kg')).toEqual([
      ['500', 500],
      ['30', 30],
      ['2021', 2021],
      ['1442', 1442],
      ['50', 50],
    ]);
  });

  it('reads thousands grouped by spaces or Arabic commas', () => {
    expect(numbers('بلغ العدد 1 414 021 نسمة و١٠،٠٠٠ عائلة')).toEqual([
      ['1 414 021', 1_414_021],
      ['١٠،٠٠٠', 10_000],
    ]);
  });

  it('reports very long digit runs only when their value is a safe number', () => {
    expect(numbers('الرقم 123456789012345678901234567890 كبير')).toEqual([]);
    expect(numbers('9007199254740991')).toEqual([['9007199254740991', 9_007_199_254_740_991]]);
  });
});

describe('recognizeNumbers: Arabic words', () => {
  it.each([
    ['صفر', 0],
    ['ثلاث', 3],
    ['ثلاثة', 3],
    ['اثنتين', 2],
    ['إحدى عشرة', 11],
    ['اثنا عشر', 12],
    ['خمسة عشر', 15],
    ['عشرون', 20],
    ['خمسة وعشرون', 25],
    ['مائتين', 200],
    ['ثلاثمائة', 300],
    ['ثلاث مئة', 300],
    ['مئتان وخمسون ألفا', 250_000],
    ['ثلاثة آلاف وخمسمائة', 3500],
    ['ألفين', 2000],
    ['مليونين', 2_000_000],
    ['ملايين', undefined],
    ['مليون ونصف', 1_500_000],
    ['مليون ونصف المليون', 1_500_000],
    ['ألف وربع', 1250],
    ['نصف مليون', 500_000],
    ['ثلاثة أرباع', 0.75],
    ['مليون و200 ألف', 1_200_000],
    ['ألفين وواحد وعشرين', 2021],
    ['سبعة ملايين وثلاثمائة وخمسون ألفا', 7_350_000],
    ['ستة فاصلة خمسة', 6.5],
    ['سالب ثلاثة', -3],
  ])('%s = %s', (text, value) => {
    expect(wholeValue(text)).toBe(value);
  });

  it('reads Egyptian and Levantine forms', () => {
    expect(wholeValue('تلاتة وتلاتين')).toBe(33);
    expect(wholeValue('اربعتاشر')).toBe(14);
    expect(wholeValue('تلتمية وخمسين')).toBe(350);
    expect(wholeValue('متين تلاتة وستين')).toBe(263);
  });

  it('leaves an attached clitic out of the span', () => {
    expect(numbers('تبرع بألفي دولار وخمسين سلة')).toEqual([
      ['ألفي', 2000],
      ['خمسين', 50],
    ]);
  });

  it('does not join numbers that only stand side by side', () => {
    expect(numbers('ثلاثة وأربعة')).toEqual([
      ['ثلاثة', 3],
      ['أربعة', 4],
    ]);
  });

  it('reports no exact number for vague plurals', () => {
    expect(numbers('عشرات الآلاف من اللاجئين ومئات الأطفال وآلاف العائلات وملايين السوريين')).toEqual([]);
  });

  it('treats ordinals and month names as no numbers', () => {
    expect(numbers('المؤتمر الثاني في تشرين الثاني وكانون الثاني، والاجتماع الأول')).toEqual([]);
  });

  it('reads fractions only where they are numbers', () => {
    expect(numbers('خمس السكان ونصف الكمية، أما نصف النهائي فلا')).toEqual([
      ['خمس', 0.2],
      ['نصف', 0.5],
    ]);
    expect(numbers('ثلثي المساعدات')).toEqual([['ثلثي', 2 / 3]]);
  });

  it('leaves «one» that is a pronoun', () => {
    expect(numbers('أي واحد منهم؟ وكل واحد يأخذ سلة، وبقي مخيم واحد')).toEqual([['واحد', 1]]);
  });

  it('does not read «لست» as a clitic on six', () => {
    expect(numbers('لست أدري، وست سنوات')).toEqual([['ست', 6]]);
  });
});

describe('recognizeNumbers: English words', () => {
  it.each([
    ['zero', 0],
    ['twenty-five', 25],
    ['one hundred and five', 105],
    ['three thousand five hundred', 3500],
    ['half a million', 500_000],
    ['two and a half million', 2_500_000],
    ['a million', 1_000_000],
    ['two thirds', 2 / 3],
    ['three point five', 3.5],
  ])('%s = %s', (text, value) => {
    expect(wholeValue(text)).toBe(value);
  });

  it('keeps numbers apart across "and" when they do not compose', () => {
    expect(numbers('between 10 and 20 trucks, in 2021 and half of 2022')).toEqual([
      ['10', 10],
      ['20', 20],
      ['2021', 2021],
      ['half', 0.5],
      ['2022', 2022],
    ]);
  });

  it('leaves "one" after a determiner and "half" of a period', () => {
    expect(numbers('no one came; the first half of the year; one of them')).toEqual([['one', 1]]);
  });
});

describe('recognizeNumbers: properties', () => {
  const numberish = fc.constantFrom(
    '0',
    '7',
    '1,250',
    '٣٫٥',
    '-',
    '/',
    '.',
    ',',
    '،',
    '%',
    '½',
    ' ',
    '\n',
    'و',
    'ب',
    'ال',
    'ألف',
    'آلاف',
    'مليون',
    'ونصف',
    'ثلاثة',
    'عشر',
    'مائة',
    'فاصلة',
    'على',
    'من',
    'سالب',
    'a',
    'and',
    'half',
    'million',
    'twenty',
    '-',
    'five',
    'point',
    'ً',
    '\u200f',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(numberish, { maxLength: 60 }).map((parts) => parts.join('')),
    fc.array(numberish, { maxLength: 60 }).map((parts) => parts.join(' ')),
    fc.stringMatching(/^[0-9٠-٩۰-۹.,٫٬ -]{0,400}$/),
    fc.stringMatching(/^-?[1-9][0-9]{10,80}(\.[0-9]{1,40})?( (ألف|مليون|مليار|billion))?$/),
  );

  it('never throws, and every span slices the original in order without overlap', () => {
    fc.assert(
      fc.property(text, (input) => {
        const found = recognizeNumbers(foldWithMap(input));
        let reached = 0;
        for (const mention of found) {
          expect(input.slice(mention.start, mention.end)).toBe(mention.text);
          expect(mention.start).toBeGreaterThanOrEqual(reached);
          expect(Math.abs(mention.value)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
          reached = mention.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads back any safe integer written with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.boolean(), (value, grouped) => {
        const written = grouped ? value.toLocaleString('en-US') : String(value);
        expect(recognizeNumbers(foldWithMap(`بلغ ${written} شخصا`)).map((m) => m.value)).toEqual([value]);
      }),
    );
  });
});
