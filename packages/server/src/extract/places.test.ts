import { existsSync, readFileSync } from 'node:fs';
import { gazetteerByPcode } from '@tansiq/core/gazetteer/builtin';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adminVariants, districtNames, governorateNames, syrianTowns } from './lexicon/places.js';
import { foldWithMap } from './normalize.js';
import { recognizePlaces } from './places.js';
import type { PlaceMention } from './types.js';

function places(text: string): PlaceMention[] {
  const found = recognizePlaces(foldWithMap(text));
  for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  return found;
}

function summary(text: string): string[] {
  return places(text).map((m) => `${m.text} → ${m.name} ${m.pcode ?? '-'} ${m.country ?? '-'}`);
}

describe('recognizePlaces: Syria', () => {
  it('finds governorates with their p-codes, and the span leaves out an attached clitic', () => {
    expect(summary('وصلت القافلة بدمشق قادمة من حمص، ثم توجهت إلى ريف دمشق ولحلب وإدلب.')).toEqual([
      'دمشق → Damascus SY01 SY',
      'حمص → Homs SY04 SY',
      'ريف دمشق → Rural Damascus SY03 SY',
      'حلب → Aleppo SY02 SY',
      'إدلب → Idlib SY07 SY',
    ]);
  });

  it('keeps the article inside the name and reads «لل» as «ل» + «ال»', () => {
    expect(summary('والرقة وبالحسكة وفي دير الزور، ووصلت للرقة شحنة.')).toEqual([
      'الرقة → Raqqa SY11 SY',
      'الحسكة → Hasakah SY08 SY',
      'دير الزور → Deir ez-Zor SY09 SY',
      'لرقة → Raqqa SY11 SY',
    ]);
  });

  it('prefers the longest name and reads «ريف حلب» as the governorate outside its capital', () => {
    expect(summary('نزح الأهالي من ريف حلب الشمالي نحو ريف إدلب')).toEqual([
      'ريف حلب → Rural Aleppo SY02 SY',
      'ريف إدلب → Rural Idlib SY07 SY',
    ]);
  });

  it('gives districts and towns the code of their district', () => {
    expect(summary('من منبج والقامشلي إلى البوكمال وتدمر وسراقب، ومخيم الهول ومخيم الركبان.')).toEqual([
      'منبج → Menbij SY0205 SY',
      'القامشلي → Qamishli SY0802 SY',
      'البوكمال → Abu Kamal SY0902 SY',
      'تدمر → Palmyra SY0405 SY',
      'سراقب → Saraqib SY0700 SY',
      'مخيم الهول → Al-Hol SY0800 SY',
      'مخيم الركبان → Rukban SY0405 SY',
    ]);
  });

  it('reads English spellings of the same places', () => {
    expect(
      summary("Convoys reached Deir-ez-Zor, Deir Ezzor, Dar'a, Idleb, Lattakia, Tartous and As-Sweida."),
    ).toEqual([
      'Deir-ez-Zor → Deir ez-Zor SY09 SY',
      'Deir Ezzor → Deir ez-Zor SY09 SY',
      "Dar'a → Daraa SY12 SY",
      'Idleb → Idlib SY07 SY',
      'Lattakia → Latakia SY06 SY',
      'Tartous → Tartus SY10 SY',
      'As-Sweida → Sweida SY13 SY',
    ]);
    expect(summary('Families returned to Manbij, Qamishli, Palmyra and the Eastern Ghouta.')).toEqual([
      'Manbij → Menbij SY0205 SY',
      'Qamishli → Qamishli SY0802 SY',
      'Palmyra → Palmyra SY0405 SY',
      'Eastern Ghouta → Eastern Ghouta SY03 SY',
    ]);
  });

  it('reads «الشام» as Damascus but not inside «بلاد الشام» or «هيئة تحرير الشام»', () => {
    expect(summary('يعود المهجرون إلى الشام')).toEqual(['الشام → Damascus SY01 SY']);
    expect(summary('تاريخ بلاد الشام، وسيطرة هيئة تحرير الشام على المعبر')).toEqual([]);
  });

  it('takes a name that is also a common word only where a place noun or a direction says so', () => {
    expect(summary('فتح الباب أمام المفاوضات، وقال إن الثورة مستمرة')).toEqual([]);
    expect(summary('في مدينة الباب شرقي حلب')).toEqual(['الباب → Al-Bab SY0202 SY', 'حلب → Aleppo SY02 SY']);
    expect(summary('الغارات تدمر المنازل')).toEqual([]);
    expect(summary('وصل الوفد إلى تدمر')).toEqual(['تدمر → Palmyra SY0405 SY']);
  });
});

describe('recognizePlaces: countries and cities', () => {
  it('names Syria and other countries by ISO code with no p-code', () => {
    expect(summary('اللاجئون في سوريا وسورية ولبنان والأردن وتركيا والعراق ومصر')).toEqual([
      'سوريا → Syria - SY',
      'سورية → Syria - SY',
      'لبنان → Lebanon - LB',
      'الأردن → Jordan - JO',
      'تركيا → Türkiye - TR',
      'العراق → Iraq - IQ',
      'مصر → Egypt - EG',
    ]);
  });

  it('prefers «الولايات المتحدة الأمريكية» to its start and knows the short forms', () => {
    expect(summary('قاطعت الولايات المتحدة الأمريكية وبريطانيا وروسيا الاتحادية وأمريكا المؤتمر')).toEqual([
      'الولايات المتحدة الأمريكية → United States - US',
      'بريطانيا → United Kingdom - GB',
      'روسيا الاتحادية → Russia - RU',
      'أمريكا → United States - US',
    ]);
  });

  it('reads English country names and abbreviations only in capitals', () => {
    expect(summary('The U.S. and the UK asked Russia, Turkey and Jordan; they told us nothing.')).toEqual([
      'U.S. → United States - US',
      'UK → United Kingdom - GB',
      'Russia → Russia - RU',
      'Turkey → Türkiye - TR',
      'Jordan → Jordan - JO',
    ]);
    expect(summary('we ate turkey in georgia')).toEqual([]);
  });

  it('finds capitals and cities abroad with their country', () => {
    expect(summary('اجتماعات في جنيف وأستانا وبيروت وغازي عنتاب وأربيل')).toEqual([
      'جنيف → Geneva - CH',
      'أستانا → Astana - KZ',
      'بيروت → Beirut - LB',
      'غازي عنتاب → Gaziantep - TR',
      'أربيل → Erbil - IQ',
    ]);
    expect(summary('Talks in Brussels, Moscow and Tehran.')).toEqual([
      'Brussels → Brussels - BE',
      'Moscow → Moscow - RU',
      'Tehran → Tehran - IR',
    ]);
  });

  it('reads «عمان» as Amman, and as Oman after «سلطنة», with Gulf states or with a damma', () => {
    expect(summary('عقد الاجتماع في عمان')).toEqual(['عمان → Amman - JO']);
    expect(summary('زار سلطنة عمان')).toEqual(['سلطنة عمان → Oman - OM']);
    expect(summary('من قطر وعمان والبحرين')).toEqual([
      'قطر → Qatar - QA',
      'عمان → Oman - OM',
      'البحرين → Bahrain - BH',
    ]);
    expect(summary('وصل إلى عُمان')).toEqual(['عُمان → Oman - OM']);
    expect(summary('وصل إلى عمّان')).toEqual(['عمّان → Amman - JO']);
  });
});

describe('recognizePlaces: what is not a place', () => {
  it('does not read a name inside another word', () => {
    expect(summary('أعلن مصرف سورية المركزي عن مصرع شخص، وتأمين حماية المدنيين')).toEqual([
      'سورية → Syria - SY',
    ]);
  });

  it('does not read nationality adjectives as places', () => {
    expect(summary('قالت الحكومة السورية والقوات الروسية والخارجية التركية إن 7 مدن سورية تضررت')).toEqual(
      [],
    );
    expect(summary('Syrian and Russian officials met Turkish delegates')).toEqual([]);
  });

  it('does not read «للاجئين» as a place', () => {
    expect(summary('مؤتمر للاجئين واللاجئين')).toEqual([]);
  });
});

describe('recognizePlaces: properties', () => {
  it('never throws and every span slices the original', () => {
    const alphabet = fc.constantFrom(
      ..."دمشقحلبالرقةوبلعمانسوريةمصرفي ،.-'ًّ ـ".split(''),
      ...'US. UK Deir ez-Zor Idlib '.split(''),
      '\u200F',
      '١',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const found = recognizePlaces(foldWithMap(text));
        let previousEnd = 0;
        for (const mention of found) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = mention.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('place lexicon', () => {
  it('uses only p-codes the built-in gazetteer holds', () => {
    const codes = [
      ...Object.keys(governorateNames),
      ...Object.keys(districtNames),
      ...Object.keys(adminVariants),
      ...syrianTowns.map((town) => town.pcode),
    ];
    for (const code of codes) expect(gazetteerByPcode.has(code), code).toBe(true);
  });

  // The OCHA tables in shared/data, where the checkout has them, confirm each town's district.
  const adm3 = new URL('../../../../../shared/data/syria-adm3-pcodes-2015.csv', import.meta.url);
  it.skipIf(!existsSync(adm3))('puts each town that is a sub-district in its OCHA district', () => {
    const districtOf = new Map<string, string>();
    for (const line of readFileSync(adm3, 'utf8').split('\n').slice(2)) {
      const [, , nameAr, district] = line.split(',');
      if (nameAr && district) districtOf.set(nameAr.replace(/^ال/, ''), district);
    }
    let checked = 0;
    for (const town of syrianTowns) {
      for (const name of town.ar ?? []) {
        const district = districtOf.get(name.replace(/^ال/, ''));
        if (district === undefined || town.pcode.length !== 6) continue;
        expect(town.pcode, name).toBe(district);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
