import * as chronoArabic from 'chrono-node/ar';
import * as chronoEnglish from 'chrono-node/en';
import { recognizeDates } from '../src/extract/dates.ts';
import { readDocument } from '../src/extract/document.ts';
import { recognizeEvents } from '../src/extract/events.ts';
import { extract } from '../src/extract/index.ts';
import { foldWithMap } from '../src/extract/normalize.ts';
import { recognizeNumbers } from '../src/extract/numbers.ts';
import { recognizeOrganizations } from '../src/extract/organizations.ts';
import { recognizePlaces } from '../src/extract/places.ts';
import { recognizeQuantities } from '../src/extract/quantities.ts';
import { segment } from '../src/extract/segment.ts';
import type { BenchResult, Figure, PureBenchmark, Ratio } from './bench.ts';
import { Prng } from './data.ts';

/**
 * Extraction speed on news-sized texts (3–6 KB), Arabic and English, composed at random from sentences
 * written for this benchmark in the manner of aid and UN reporting. The same texts go through chrono-node's
 * Arabic parser, which finds only dates: the goal is an extractor at least 5× faster while finding far more.
 */

const documentsPerLanguage = 150;
/** Every engine runs over the whole corpus, in turns, until it has spent this long on it. */
const minimumMs = 2500;
const goal = 5;
const reference = new Date('2024-03-11T12:00:00Z');

export const arabic = {
  organizations: [
    'برنامج الأغذية العالمي',
    'منظمة الصحة العالمية',
    'الهلال الأحمر العربي السوري',
    'مفوضية الأمم المتحدة لشؤون اللاجئين',
    'منظمة الأمم المتحدة للطفولة',
    'اللجنة الدولية للصليب الأحمر',
    'وزارة الصحة',
    'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية',
  ],
  places: ['حلب', 'إدلب', 'دير الزور', 'حمص', 'حماة', 'درعا', 'الرقة', 'الحسكة', 'اللاذقية', 'طرطوس', 'دمشق'],
  weekdays: ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'],
  months: [
    'كانون الثاني',
    'شباط',
    'آذار',
    'نيسان',
    'أيار',
    'حزيران',
    'تموز',
    'آب',
    'أيلول',
    'تشرين الأول',
    'يناير',
    'مارس',
    'أبريل',
  ],
  sentences: [
    'أعلن {org} يوم {weekday}، أن قافلة من {n} شاحنة محملة بنحو {m} طن من المواد الغذائية وصلت إلى {place}.',
    'وقال مسؤول في {org} إن توزيع {n} سلة غذائية على الأسر النازحة في {place} سيبدأ الأسبوع المقبل.',
    'وبحسب بيان {org}، فإن {n} ألف شخص عادوا إلى منازلهم في ريف {place} منذ مطلع {month} {year}.',
    'ومن المقرر أن يعقد اجتماع لتنسيق الاستجابة الإنسانية في {place} يوم {day} {month} المقبل بمشاركة {org} و{org2}.',
    'وأشار التقرير إلى أن أكثر من {n} عائلة ما زالت تقيم في {m} مخيما في شمال غرب البلاد.',
    'ووقع {org} مذكرة تفاهم مع السلطات المحلية في {place} لإعادة تأهيل {n} مدرسة و{m} مركزا صحيا.',
    'وتعرضت قرى في ريف {place} لقصف مدفعي أسفر عن تضرر {n} منازل، وفق ما أفاد به سكان محليون.',
    'وأوضح {org} أن كلفة المشروع تبلغ نحو {n} مليون دولار، وأن {org2} ستمول نصفها.',
    'وقال {org} في {day} {month} {year} إن {n} شاحنة عبرت الحدود خلال الأسبوع الماضي.',
    'ويعاني السكان من نقص حاد في المياه والكهرباء، في ظل ارتفاع الأسعار وتراجع فرص العمل.',
    'وخلال الاجتماع، عرض ممثلو {org} خطة لتوزيع {n} حصة غذائية و{m} بطانية قبل حلول الشتاء.',
    'وألغيت زيارة كانت مقررة لوفد من {org} إلى {place} بسبب الأوضاع الأمنية.',
  ],
};

export const english = {
  organizations: [
    'World Food Programme',
    'World Health Organization',
    'Syrian Arab Red Crescent',
    'UNHCR',
    'UNICEF',
    'International Committee of the Red Cross',
    'Ministry of Health',
    'OCHA',
  ],
  places: [
    'Aleppo',
    'Idlib',
    'Deir ez-Zor',
    'Homs',
    'Hama',
    'Daraa',
    'Raqqa',
    'Hasakah',
    'Latakia',
    'Tartus',
    'Damascus',
  ],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October'],
  sentences: [
    'The {org} said on {weekday} that a convoy of {n} trucks carrying about {m} tonnes of food had reached {place}.',
    'Distribution of {n} food baskets to displaced households in {place} will start next week, an official from the {org} said.',
    'According to the {org}, some {n},000 people have returned to their homes in rural {place} since early {month} {year}.',
    'A coordination meeting is scheduled to be held in {place} on {day} {month}, with the participation of the {org} and the {org2}.',
    'More than {n} families are still living in {m} camps in the north-west of the country, the report said.',
    'The {org} signed a memorandum of understanding with local authorities in {place} to rehabilitate {n} schools and {m} health centres.',
    'Villages in the countryside of {place} were shelled on {weekday}, damaging {n} houses, residents said.',
    'The project will cost about {n} million dollars, half of it funded by the {org2}, the {org} said.',
    'Residents face severe shortages of water and electricity as prices keep rising and jobs disappear.',
    'At the meeting, the {org} presented a plan to distribute {n} food rations and {m} blankets before winter.',
    'A visit by a {org} delegation to {place} planned for {day} {month} {year} was cancelled for security reasons.',
  ],
};

type Lexicon = typeof arabic;

const toArabicDigits = (text: string) =>
  text.replace(/[0-9]/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

function sentence(random: Prng, lexicon: Lexicon, arabicDigits: boolean): string {
  const template = random.pick(lexicon.sentences);
  const org = random.pick(lexicon.organizations);
  const number = (max: number) => {
    const text = String(1 + random.int(max));
    return arabicDigits && random.chance(0.3) ? toArabicDigits(text) : text;
  };
  return template
    .replaceAll('{org2}', random.pick(lexicon.organizations.filter((name) => name !== org)))
    .replaceAll('{org}', org)
    .replaceAll('{place}', random.pick(lexicon.places))
    .replaceAll('{weekday}', random.pick(lexicon.weekdays))
    .replaceAll('{month}', random.pick(lexicon.months))
    .replaceAll('{day}', number(28))
    .replaceAll('{year}', String(2019 + random.int(6)))
    .replaceAll('{n}', number(900))
    .replaceAll('{m}', number(90));
}

const utf8 = new TextEncoder();

/** A news-sized text: paragraphs of two to four sentences, 3–6 KB of UTF-8. */
function newsText(random: Prng, lexicon: Lexicon, arabicDigits: boolean): string {
  const target = 3000 + random.int(3000);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < target) {
    const count = 2 + random.int(3);
    const paragraph = Array.from({ length: count }, () => sentence(random, lexicon, arabicDigits)).join(' ');
    paragraphs.push(paragraph);
    size += utf8.encode(paragraph).length + 2;
  }
  return paragraphs.join('\n\n');
}

interface Corpus {
  name: string;
  texts: string[];
  bytes: number;
}

export function corpus(name: string, seed: number, lexicon: Lexicon, arabicDigits: boolean): Corpus {
  const random = new Prng(seed);
  const texts = Array.from({ length: documentsPerLanguage }, () => newsText(random, lexicon, arabicDigits));
  return { name, texts, bytes: texts.reduce((sum, text) => sum + utf8.encode(text).length, 0) };
}

interface Engine {
  name: string;
  run(text: string): number;
}

/** Runs every engine over the corpus in turns (so that a busy machine slows them alike); ms per pass. */
function race(texts: readonly string[], engines: readonly Engine[], memory: { sample(): number }): number[] {
  for (const engine of engines) for (const text of texts.slice(0, 20)) engine.run(text);
  const spent = engines.map(() => 0);
  const passes = engines.map(() => 0);
  while (spent.some((ms) => ms < minimumMs)) {
    engines.forEach((engine, i) => {
      if ((spent[i] as number) >= minimumMs) return;
      const start = performance.now();
      for (const text of texts) engine.run(text);
      spent[i] = (spent[i] as number) + performance.now() - start;
      passes[i] = (passes[i] as number) + 1;
      memory.sample();
    });
  }
  return spent.map((ms, i) => ms / (passes[i] as number));
}

/**
 * Microseconds per document for each stage, run one after the other as extract() runs them. A stage that
 * allocates little may still be charged for collecting its predecessors' garbage.
 */
function stageTimes(language: string, texts: readonly string[]): Figure[] {
  const times = new Map<string, number>();
  const timed = <T>(name: string, run: () => T): T => {
    const start = performance.now();
    const value = run();
    times.set(name, (times.get(name) ?? 0) + performance.now() - start);
    return value;
  };
  const anchor = { date: '2024-03-11', kind: 'published' as const };
  for (let pass = 0; pass < 3; pass++) {
    if (pass === 1) times.clear();
    for (const text of texts) {
      const read = timed('read (document.ts)', () => readDocument(text));
      const doc = timed('fold (normalize.ts)', () => foldWithMap(read.text));
      const { sentences, paragraphs } = timed('segment (segment.ts)', () => segment(read.text));
      const numbers = timed('numbers (numbers.ts)', () => recognizeNumbers(doc));
      const quantities = timed('quantities (quantities.ts)', () =>
        recognizeQuantities(doc, numbers, read.language),
      );
      const dates = timed('dates (dates.ts)', () => recognizeDates(doc, anchor));
      const places = timed('places (places.ts)', () => recognizePlaces(doc));
      const organizations = timed('organizations (organizations.ts)', () => recognizeOrganizations(doc));
      timed('events (events.ts)', () =>
        recognizeEvents({
          doc,
          sentences,
          paragraphs,
          dates,
          places,
          organizations,
          quantities,
          anchor,
          language: read.language,
        }),
      );
    }
  }
  return [...times].map(([name, ms]) => ({
    name: `${language}: ${name}`,
    value: (1000 * ms) / (2 * texts.length),
    unit: 'µs/doc',
  }));
}

export const extractBench: PureBenchmark = {
  name: 'extract',
  description: `extraction of ${documentsPerLanguage} Arabic and ${documentsPerLanguage} English news texts (3–6 KB), against chrono-node`,
  database: false,
  async run({ memory, log }) {
    const figures: Figure[] = [];
    const ratios: Ratio[] = [];
    const notes: string[] = [];
    const corpora = [corpus('Arabic', 20240311, arabic, true), corpus('English', 20240312, english, false)];
    for (const { name, texts, bytes } of corpora) {
      log(`  ${name}: ${texts.length} texts, ${(bytes / texts.length / 1024).toFixed(1)} KiB on average`);
      let found = { quantities: 0, dates: 0, events: 0, chrono: 0 };
      for (const text of texts) {
        const result = extract(text, { published: '2024-03-11' });
        found = {
          quantities: found.quantities + result.quantities.length,
          dates: found.dates + result.dates.length,
          events: found.events + result.events.length,
          chrono: found.chrono + chronoArabic.parse(text, reference).length,
        };
      }
      const engines: Engine[] = [
        { name: 'extract', run: (text) => extract(text, { published: '2024-03-11' }).dates.length },
        { name: 'chrono-node/ar', run: (text) => chronoArabic.parse(text, reference).length },
      ];
      if (name === 'English')
        engines.push({ name: 'chrono-node/en', run: (text) => chronoEnglish.parse(text, reference).length });
      const msPerPass = race(texts, engines, memory);
      engines.forEach((engine, i) => {
        const seconds = (msPerPass[i] as number) / 1000;
        figures.push(
          { name: `${name}: ${engine.name}`, value: texts.length / seconds, unit: 'documents/s' },
          { name: `${name}: ${engine.name}`, value: bytes / seconds / 1024 ** 2, unit: 'MiB/s' },
        );
      });
      const ratio = (msPerPass[1] as number) / (msPerPass[0] as number);
      ratios.push({
        name: `${name}: extract ÷ chrono-node/ar`,
        value: ratio,
        note: `goal ≥ ${goal}×: ${ratio >= goal ? 'met' : 'NOT met'}`,
      });
      if (name === 'English')
        ratios.push({
          name: `${name}: extract ÷ chrono-node/en`,
          value: (msPerPass[2] as number) / (msPerPass[0] as number),
        });
      notes.push(
        `${name}: per text, extract found ${(found.quantities / texts.length).toFixed(1)} quantities, ${(found.dates / texts.length).toFixed(1)} dates and ${(found.events / texts.length).toFixed(1)} events; chrono-node/ar ${(found.chrono / texts.length).toFixed(1)} dates`,
      );
      figures.push(...stageTimes(name, texts));
    }
    notes.push(
      'documents/s and MiB/s of UTF-8 text, each engine timed over the whole corpus in turns with the others',
    );
    return { figures, ratios, notes } satisfies BenchResult;
  },
};
