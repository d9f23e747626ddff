import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWithMap } from './normalize.js';
import { recognizeOrganizations } from './organizations.js';

function summary(text: string): string[] {
  return recognizeOrganizations(foldWithMap(text)).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return `${m.text} → ${m.name} (${m.kind})`;
  });
}

describe('recognizeOrganizations: ministries built from parts', () => {
  it('names a ministry from its department and nationality, with or without «وزارة»', () => {
    expect(
      summary('وأعلنت وزارة الدفاع الروسية، فيما قالت الخارجية الأمريكية إن وزارة الخارجية السورية ردّت.'),
    ).toEqual([
      'وزارة الدفاع الروسية → Russian Ministry of Defence (government)',
      'الخارجية الأمريكية → US Department of State (government)',
      'وزارة الخارجية السورية → Syrian Ministry of Foreign Affairs (government)',
    ]);
    expect(summary('وبحسب الدفاع الروسية ووزارة الخارجية الأميركية ووزارة الصحة')).toEqual([
      'الدفاع الروسية → Russian Ministry of Defence (government)',
      'وزارة الخارجية الأميركية → US Department of State (government)',
      'وزارة الصحة → Ministry of Health (government)',
    ]);
  });

  it('leaves a minister, whose adjective is masculine, to the person', () => {
    expect(summary('قال وزير الخارجية الروسي سيرغي لافروف')).toEqual([]);
  });

  it('names ministries in English, whichever way round', () => {
    expect(
      summary(
        "The Russian Defence Ministry and Russia's Ministry of Defence agreed; the US State Department and the State Department did not.",
      ),
    ).toEqual([
      'Russian Defence Ministry → Russian Ministry of Defence (government)',
      "Russia's Ministry of Defence → Russian Ministry of Defence (government)",
      'US State Department → US Department of State (government)',
      'State Department → US Department of State (government)',
    ]);
    expect(
      summary('the Turkish Foreign Ministry, the Ministry of Health and the U.S. Department of Defense'),
    ).toEqual([
      'Turkish Foreign Ministry → Turkish Ministry of Foreign Affairs (government)',
      'Ministry of Health → Ministry of Health (government)',
      'U.S. Department of Defense → US Department of Defense (government)',
    ]);
  });
});

describe('recognizeOrganizations: embassies, governments, armed forces', () => {
  it('names an embassy and the city it is in', () => {
    expect(
      summary('وسلّمت السفارة الروسية في دمشق، وسفارة إيطاليا ببيروت، والسفارة الأمريكية المساعدات'),
    ).toEqual([
      'السفارة الروسية في دمشق → Russian Embassy in Damascus (embassy)',
      'سفارة إيطاليا ببيروت → Italian Embassy in Beirut (embassy)',
      'السفارة الأمريكية → US Embassy (embassy)',
    ]);
    expect(summary('a statement from the Russian Embassy in Damascus')).toEqual([
      'Russian Embassy in Damascus → Russian Embassy in Damascus (embassy)',
    ]);
  });

  it('names governments and forces by their nationality', () => {
    expect(summary('اتهمت الحكومة السورية والنظام السوري الجيش التركي والقوات الروسية')).toEqual([
      'الحكومة السورية → Syrian government (government)',
      'النظام السوري → Syrian government (government)',
      'الجيش التركي → Turkish Army (military)',
      'القوات الروسية → Russian forces (military)',
    ]);
    expect(summary('قوات سوريا الديمقراطية (قسد) والشرطة العسكرية الروسية')).toEqual([
      'قوات سوريا الديمقراطية → Syrian Democratic Forces (military)',
      'قسد → Syrian Democratic Forces (military)',
      'الشرطة العسكرية الروسية → Russian Military Police (military)',
    ]);
    expect(summary('The Syrian government said Russian forces and the SDF withdrew.')).toEqual([
      'Syrian government → Syrian government (government)',
      'Russian forces → Russian forces (military)',
      'SDF → Syrian Democratic Forces (military)',
    ]);
  });

  it('names coordination bodies from their parts', () => {
    expect(
      summary(
        'عقد مقر التنسيق المشترك الروسي السوري بشأن عودة اللاجئين اجتماعاً مع مركز التنسيق الروسي-السوري.',
      ),
    ).toEqual([
      'مقر التنسيق المشترك الروسي السوري بشأن عودة اللاجئين → Russian-Syrian Joint Coordination Headquarters for the Return of Refugees (government)',
      'مركز التنسيق الروسي-السوري → Russian-Syrian Coordination Centre (government)',
    ]);
    expect(summary('بيان الهيئة التنسيقية الروسية والسورية لعودة اللاجئين')).toEqual([
      'الهيئة التنسيقية الروسية والسورية لعودة اللاجئين → Russian-Syrian Coordination Committee for the Return of Refugees (government)',
    ]);
  });
});

describe('recognizeOrganizations: named bodies', () => {
  it('finds UN agencies and the Red Cross in Arabic, without a leading clitic', () => {
    expect(
      summary(
        'بمشاركة الأمم المتحدة واللجنة الدولية للصليب الأحمر ومفوضية الأمم المتحدة لشؤون اللاجئين وبرنامج الأغذية العالمي واليونيسف ومنظمة الصحة العالمية وأوتشا والهلال الأحمر العربي السوري',
      ),
    ).toEqual([
      'الأمم المتحدة → United Nations (un_agency)',
      'اللجنة الدولية للصليب الأحمر → International Committee of the Red Cross (red_cross_red_crescent)',
      'مفوضية الأمم المتحدة لشؤون اللاجئين → United Nations High Commissioner for Refugees (un_agency)',
      'برنامج الأغذية العالمي → World Food Programme (un_agency)',
      "اليونيسف → United Nations Children's Fund (un_agency)",
      'منظمة الصحة العالمية → World Health Organization (un_agency)',
      'أوتشا → UN Office for the Coordination of Humanitarian Affairs (un_agency)',
      'الهلال الأحمر العربي السوري → Syrian Arab Red Crescent (red_cross_red_crescent)',
    ]);
  });

  it('finds English names and abbreviations, acronyms only in capitals', () => {
    expect(
      summary(
        'UNHCR, WFP and the ICRC briefed the Security Council; MSF and Human Rights Watch were there, who knew.',
      ),
    ).toEqual([
      'UNHCR → United Nations High Commissioner for Refugees (un_agency)',
      'WFP → World Food Programme (un_agency)',
      'ICRC → International Committee of the Red Cross (red_cross_red_crescent)',
      'Security Council → UN Security Council (un_agency)',
      'MSF → Médecins Sans Frontières (ngo)',
      'Human Rights Watch → Human Rights Watch (ngo)',
    ]);
  });

  it('finds NGOs and media in Arabic', () => {
    expect(summary('وثّق المرصد السوري لحقوق الإنسان، ونقلت وكالة سانا عن الدفاع المدني السوري')).toEqual([
      'المرصد السوري لحقوق الإنسان → Syrian Observatory for Human Rights (ngo)',
      'وكالة سانا → Syrian Arab News Agency (media)',
      'الدفاع المدني السوري → Syria Civil Defence (ngo)',
    ]);
  });

  it('does not read «مجلس الأمن القومي» as the Security Council', () => {
    expect(summary('اجتمع مجلس الأمن القومي ثم مجلس الأمن')).toEqual([
      'مجلس الأمن القومي → National Security Council (government)',
      'مجلس الأمن → UN Security Council (un_agency)',
    ]);
  });
});

describe('recognizeOrganizations: properties', () => {
  it('never throws, spans slice the original and do not overlap', () => {
    const alphabet = fc.constantFrom(
      ...'وزارةالدفاعالروسيةالخارجيةالأمريكية سفارةفيدمشق ،.-ًّ'.split(''),
      ..."US State Department Russia's Ministry of ".split(''),
      '\u200F',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        let previousEnd = 0;
        for (const mention of recognizeOrganizations(foldWithMap(text))) {
          expect(text.slice(mention.start, mention.end)).toBe(mention.text);
          expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = mention.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
