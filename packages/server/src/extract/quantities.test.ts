import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithMap } from './normalize.js';
import { recognizeNumbers } from './numbers.js';
import { recognizeQuantities } from './quantities.js';
import type { Lang, QuantityMention } from './types.js';

function quantities(text: string, lang: Lang = 'ar'): QuantityMention[] {
  const doc = foldWithMap(text);
  const found = recognizeQuantities(doc, recognizeNumbers(doc), lang);
  for (const quantity of found) {
    expect(text.slice(quantity.start, quantity.end)).toBe(quantity.text);
    expect(quantity.approximate).toBe(quantity.qualifier !== null);
  }
  return found;
}

const brief = (found: QuantityMention[]) => found.map((q) => [q.text, q.value, q.unit, q.qualifier]);

describe('recognizeQuantities: Arabic news', () => {
  it('pairs numbers with their units and reads the item and the qualifier', () => {
    const found = quantities('وصلت إلى مخيم الهول 35 شاحنة تحمل نحو 400 طن من الطحين');
    expect(brief(found)).toEqual([
      ['35 شاحنة', 35, 'truck', null],
      ['400 طن', 400, 'tonne', 'about'],
    ]);
    expect(found[1]?.item).toBe('flour');
    expect(found[1]?.approximate).toBe(true);
  });

  it('names a known vaccine later in the phrase and leaves the qualifier and item out of the span', () => {
    const found = quantities(
      'أعلنت الوزارة تسليم 300 ألف جرعة من لقاح «سينوفاك» الصيني، وبحوالي 90 طناً من المساعدات الإنسانية.',
    );
    expect(found.map((q) => [q.text, q.value, q.unit, q.item, q.qualifier])).toEqual([
      ['300 ألف جرعة', 300_000, 'dose', 'Sinovac vaccine', null],
      ['90 طناً', 90, 'tonne', 'humanitarian aid', 'about'],
    ]);
  });

  it('reads numbers in words, plural and accusative singular units, and «من» before the unit', () => {
    expect(
      brief(quantities('استقبل المخيم ثلاثة آلاف وخمسمائة لاجئ وخمسة عشر طفلاً ومليون من النازحين')),
    ).toEqual([
      ['ثلاثة آلاف وخمسمائة لاجئ', 3500, 'refugee', null],
      ['خمسة عشر طفلاً', 15, 'child', null],
      ['مليون من النازحين', 1_000_000, 'idp', null],
    ]);
  });

  it('counts a dual noun as two, and «واحد» after the noun as one', () => {
    expect(brief(quantities('وصلت شاحنتان إلى القرية وقافلة واحدة، ووزعت جرعتين لكل طفل'))).toEqual([
      ['شاحنتان', 2, 'truck', null],
      ['قافلة واحدة', 1, 'convoy', null],
      ['جرعتين', 2, 'dose', null],
    ]);
  });

  it('does not take the plural «لاجئين» for a dual', () => {
    expect(quantities('عودة اللاجئين ولاجئين آخرين')).toEqual([]);
  });

  it('invents no value for vague amounts', () => {
    expect(quantities('عاد عشرات الآلاف من اللاجئين وآلاف العائلات إلى منازلهم')).toEqual([]);
  });

  it('maps the humanitarian units', () => {
    const text =
      'وزعت 500 سلة غذائية و200 حصة غذائية و300 حصة و40 طرداً و60 حقيبة صحية و25 خيمة و90 بطانية على 120 أسرة ' +
      'و80 شخصاً في 3 مخيمات و4 مدارس و2 مستشفيات و5 منشآت و7 مدن و12 قرية، ووقعت 4 مذكرات تفاهم وعقدت 6 اجتماعات ' +
      'وأقامت 9 نقاط و20 كغ و15 لتراً و3 قوافل و8 شحنات و70 عائداً';
    expect(quantities(text).map((q) => q.unit)).toEqual([
      'food_basket',
      'food_basket',
      'parcel',
      'parcel',
      'kit',
      'tent',
      'blanket',
      'household',
      'person',
      'camp',
      'school',
      'hospital',
      'facility',
      'city',
      'village',
      'agreement',
      'meeting',
      'point',
      'kg',
      'litre',
      'convoy',
      'shipment',
      'returnee',
    ]);
  });

  it('reads the qualifiers before and after', () => {
    expect(
      brief(
        quantities(
          'ما لا يقل عن 50 طفلا، وأكثر من 300 عائلة، وأقل من 10 مدارس، وما يصل إلى 5 قوافل، و160 طناً تقريباً',
        ),
      ),
    ).toEqual([
      ['50 طفلا', 50, 'child', 'at_least'],
      ['300 عائلة', 300, 'household', 'more_than'],
      ['10 مدارس', 10, 'school', 'less_than'],
      ['5 قوافل', 5, 'convoy', 'up_to'],
      ['160 طناً', 160, 'tonne', 'about'],
    ]);
  });

  it('reads currencies, with a bare «ليرة» as the Syrian pound', () => {
    expect(
      brief(
        quantities(
          'قدمت بريطانيا 10 ملايين جنيه إسترليني، وبلغ السعر 5000 ليرة و200 ليرة تركية و20 دولاراً و43 سنتاً',
        ),
      ),
    ).toEqual([
      ['10 ملايين جنيه إسترليني', 10_000_000, 'gbp', null],
      ['5000 ليرة', 5000, 'syp', null],
      ['200 ليرة تركية', 200, 'try', null],
      ['20 دولاراً و43 سنتاً', 20.43, 'usd', null],
    ]);
  });

  it('gives both ends of a range the unit', () => {
    expect(brief(quantities('بين 10 و20 ألف عائلة، ومن 5 إلى 7 مخيمات'))).toEqual([
      ['10', 10_000, 'household', 'at_least'],
      ['20 ألف عائلة', 20_000, 'household', 'up_to'],
      ['5', 5, 'camp', 'at_least'],
      ['7 مخيمات', 7, 'camp', 'up_to'],
    ]);
  });
});

describe('recognizeQuantities: English reports', () => {
  it('reads units, items and qualifiers', () => {
    const found = quantities(
      'WFP delivered 1,250 food baskets to families in Idleb, some 400 tonnes of wheat flour and more than 2,000 hygiene kits.',
      'en',
    );
    expect(found.map((q) => [q.text, q.value, q.unit, q.item, q.qualifier])).toEqual([
      ['1,250 food baskets', 1250, 'food_basket', null, null],
      ['400 tonnes', 400, 'tonne', 'wheat flour', 'about'],
      ['2,000 hygiene kits', 2000, 'kit', null, 'more_than'],
    ]);
  });

  it('reads currency signs and codes before the number', () => {
    expect(
      brief(
        quantities('The EU pledged €20 million, USD 1.2 million and $5 million; at least 30 trucks.', 'en'),
      ),
    ).toEqual([
      ['€20 million', 20_000_000, 'eur', null],
      ['USD 1.2 million', 1_200_000, 'usd', null],
      ['$5 million', 5_000_000, 'usd', null],
      ['30 trucks', 30, 'truck', 'at_least'],
    ]);
  });

  it('names the content of a measure as written when it is not in the lexicon', () => {
    expect(quantities('They shipped 12 tonnes of cement blocks to the camp.', 'en')[0]?.item).toBe(
      'cement blocks',
    );
  });

  it('reads a number joined to its unit by a hyphen', () => {
    expect(brief(quantities('A 14-truck convoy reached Sarmada after a 3-day wait.', 'en'))).toEqual([
      ['14-truck', 14, 'truck', null],
    ]);
  });

  it('takes a currency code only in capitals', () => {
    expect(quantities('we will try 5 times', 'en')).toEqual([]);
  });
});

describe('recognizeQuantities: properties', () => {
  const piece = fc.constantFrom(
    '250',
    '1,250',
    '٣',
    'ألف',
    'آلاف',
    'مليون',
    'ونصف',
    'جرعة',
    'جرعتين',
    'طنا',
    'من',
    'اللقاح',
    'سبوتنيك لايت',
    'حوالي',
    'أكثر من',
    'تقريبا',
    'دولار',
    'و',
    '$',
    '€',
    'USD',
    'usd',
    '-',
    'بين',
    'families',
    'tonnes',
    'of',
    'واحدة',
    'شاحنة',
    '،',
    '\n',
    'ً',
  );
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(' ')),
    fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
  );

  it('never throws, and every span slices the original in order without overlap', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<Lang>('ar', 'en'), (input, lang) => {
        const doc = foldWithMap(input);
        const found = recognizeQuantities(doc, recognizeNumbers(doc), lang);
        let reached = 0;
        for (const quantity of found) {
          expect(input.slice(quantity.start, quantity.end)).toBe(quantity.text);
          expect(quantity.start).toBeGreaterThanOrEqual(reached);
          expect(Number.isFinite(quantity.value)).toBe(true);
          reached = quantity.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
