import { describe, expect, it } from 'vitest';
import { type EventInput, recognizeEvents } from './events.ts';
import { foldWithMap } from './normalize.ts';
import { segment } from './segment.ts';
import type {
  DateMention,
  OrganizationKind,
  OrganizationMention,
  PlaceMention,
  QuantityMention,
  TimeAnchor,
} from './types.ts';

/** The span of the n-th occurrence of `part` in `text`. */
function at(text: string, part: string, occurrence = 0): { text: string; start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(part, start + 1);
  if (start < 0) throw new Error(`«${part}» is not in the text`);
  return { text: part, start, end: start + part.length };
}

const org = (
  text: string,
  part: string,
  name: string,
  kind: OrganizationKind,
  n = 0,
): OrganizationMention => ({
  ...at(text, part, n),
  name,
  kind,
});
const place = (
  text: string,
  part: string,
  name: string,
  pcode: string | null,
  country: string,
  n = 0,
): PlaceMention => ({ ...at(text, part, n), name, pcode, country });
const date = (text: string, part: string, value: DateMention['value']): DateMention => ({
  ...at(text, part),
  value,
  grain: 'day',
});
const quantity = (text: string, part: string, value: number, unit: string): QuantityMention => ({
  ...at(text, part),
  value,
  unit,
  item: null,
  qualifier: null,
  approximate: false,
});

function events(
  text: string,
  facts: Partial<Pick<EventInput, 'dates' | 'places' | 'organizations' | 'quantities'>>,
  anchor: TimeAnchor = { date: '2024-03-10', kind: 'published' },
) {
  const byStart = <T extends { start: number }>(list: readonly T[] = []) =>
    [...list].sort((a, b) => a.start - b.start);
  const { paragraphs, sentences } = segment(text);
  const found = recognizeEvents({
    doc: foldWithMap(text),
    sentences,
    paragraphs,
    dates: byStart(facts.dates),
    places: byStart(facts.places),
    organizations: byStart(facts.organizations),
    quantities: byStart(facts.quantities),
    anchor,
    language: 'ar',
  });
  for (const event of found) {
    expect(text.slice(event.start, event.end)).toBe(event.text);
    for (const mention of event.mentions) expect(mention.end).toBeGreaterThan(mention.start);
  }
  return found;
}

describe('recognizeEvents', () => {
  it('builds an announced meeting from a report and adds the participants a later sentence names', () => {
    const text = [
      'أعلنت منظمة الصحة العالمية أمس السبت، أن اجتماعا سيعقد في حلب يوم الخميس المقبل لبحث الوضع الصحي.',
      'وسيشارك في أعمال الاجتماع ممثلون عن الهلال الأحمر العربي السوري وبرنامج الأغذية العالمي.',
    ].join('\n');
    const found = events(text, {
      organizations: [
        org(text, 'منظمة الصحة العالمية', 'World Health Organization', 'un_agency'),
        org(text, 'الهلال الأحمر العربي السوري', 'Syrian Arab Red Crescent', 'red_cross_red_crescent'),
        org(text, 'برنامج الأغذية العالمي', 'World Food Programme', 'un_agency'),
      ],
      places: [place(text, 'حلب', 'Aleppo', 'SY02', 'SY')],
      dates: [date(text, 'السبت', '2024-03-09'), date(text, 'الخميس المقبل', '2024-03-14')],
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      type: 'meeting',
      status: 'announced',
      date: '2024-03-14',
      place: 'Aleppo',
      claimant: 'World Health Organization',
      participants: ['Syrian Arab Red Crescent', 'World Food Programme'],
    });
    expect(found[0]?.mentions).toHaveLength(2);
  });

  it('resolves «وقالت المنظمة» to the organization named before, and reads a completed delivery', () => {
    const text = [
      'عقدت منظمة الصحة العالمية ورشة عمل في حمص.',
      'وقالت المنظمة إن قافلة من 20 شاحنة وصلت إلى إدلب يوم الأربعاء.',
    ].join(' ');
    const found = events(text, {
      organizations: [org(text, 'منظمة الصحة العالمية', 'World Health Organization', 'un_agency')],
      places: [place(text, 'حمص', 'Homs', 'SY04', 'SY'), place(text, 'إدلب', 'Idlib', 'SY07', 'SY')],
      quantities: [quantity(text, '20 شاحنة', 20, 'truck')],
      dates: [date(text, 'الأربعاء', '2024-03-06')],
    });
    const delivery = found.find((event) => event.type === 'delivery');
    expect(delivery).toMatchObject({
      status: 'completed',
      claimant: 'World Health Organization',
      place: 'Idlib',
      quantities: [20],
      date: '2024-03-06',
    });
  });

  it('gives each event of a sentence what stands nearest to it: a conference held, a boycott by countries', () => {
    const text =
      'ونظمت الحكومة مؤتمر المانحين الأول بتاريخ 3 و4 أيار 2023، والذي قاطعته كل من فرنسا وألمانيا.';
    const found = events(text, {
      places: [place(text, 'فرنسا', 'France', null, 'FR'), place(text, 'ألمانيا', 'Germany', null, 'DE')],
      dates: [date(text, '3 و4 أيار 2023', { start: '2023-05-03', end: '2023-05-04' })],
    });
    expect(found.map((event) => event.type)).toEqual(['conference', 'boycott']);
    expect(found[0]).toMatchObject({ status: 'held', date: { start: '2023-05-03', end: '2023-05-04' } });
    expect(found[1]?.participants).toEqual(['France', 'Germany']);
    expect(found[0]?.participants).toEqual([]);
  });

  it('takes no event from a topic, a purpose, or a heading', () => {
    const text = ['توزيع المساعدات', 'اجتمع الوفد في دمشق لبحث عودة اللاجئين ولتوزيع المساعدات.'].join('\n');
    const found = events(text, { places: [place(text, 'دمشق', 'Damascus', 'SY01', 'SY')] });
    expect(found.map((event) => event.type)).toEqual(['meeting']);
    expect(found[0]).toMatchObject({ status: 'held', place: 'Damascus' });
  });

  it('makes a statement of a sentence that only reports, with the speaker carried to «وأوضحت»', () => {
    const text = [
      'عقد مؤتمر بروكسل للمانحين في آذار.',
      'وقالت وزارة الخارجية الفرنسية إن المؤتمر كان ناجحا.',
      'وأوضحت أن الدعم سيستمر.',
    ].join(' ');
    const found = events(text, {
      organizations: [
        org(text, 'وزارة الخارجية الفرنسية', 'French Ministry of Foreign Affairs', 'government'),
      ],
    });
    const statements = found.filter((event) => event.type === 'statement');
    expect(statements).toHaveLength(2);
    expect(statements.map((event) => event.claimant)).toEqual([
      'French Ministry of Foreign Affairs',
      'French Ministry of Foreign Affairs',
    ]);
  });

  it('does not date a future event with the day it was announced', () => {
    const text = 'وأعلنت الوزارة يوم الأحد 3 آذار، أن توزيع السلال سيبدأ الأسبوع المقبل.';
    const found = events(text, {
      dates: [date(text, 'الأحد 3 آذار', '2024-03-03'), date(text, 'الأسبوع المقبل', '2024-03-11')],
    });
    expect(found[0]).toMatchObject({ type: 'distribution', status: 'announced', date: '2024-03-11' });
  });

  it('reads cancelled and planned events', () => {
    const text = 'ألغيت القافلة المتجهة إلى دوما. ومن المقرر توقيع اتفاقية مع البلدية.';
    const found = events(text, {});
    expect(found.map((event) => [event.type, event.status])).toEqual([
      ['delivery', 'cancelled'],
      ['agreement', 'planned'],
    ]);
  });

  it('reads English: "X said", "according to X", "at the conference"', () => {
    const text = [
      'The World Food Programme said a convoy of 12 trucks delivered food to Idlib on Tuesday.',
      'A donor conference will be held in Brussels next month, according to the European Union.',
      'At the conference, Germany and France will announce new pledges.',
    ].join(' ');
    const found = events(
      text,
      {
        organizations: [
          org(text, 'World Food Programme', 'World Food Programme', 'un_agency'),
          org(text, 'European Union', 'European Union', 'other'),
        ],
        places: [
          place(text, 'Idlib', 'Idlib', 'SY07', 'SY'),
          place(text, 'Brussels', 'Brussels', null, 'BE'),
          place(text, 'Germany', 'Germany', null, 'DE'),
          place(text, 'France', 'France', null, 'FR'),
        ],
        quantities: [quantity(text, '12 trucks', 12, 'truck')],
        dates: [
          date(text, 'Tuesday', '2024-03-05'),
          { ...at(text, 'next month'), value: '2024-04', grain: 'month' },
        ],
      },
      { date: '2024-03-07', kind: 'published' },
    );
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      type: 'delivery',
      status: 'completed',
      claimant: 'World Food Programme',
      place: 'Idlib',
      quantities: [12],
      date: '2024-03-05',
    });
    expect(found[1]).toMatchObject({
      type: 'conference',
      status: 'announced',
      claimant: 'European Union',
      place: 'Brussels',
      date: '2024-04',
      participants: ['Germany', 'France'],
    });
    expect(found[1]?.mentions).toHaveLength(2);
  });

  it('joins two reports of one gathering (same day) into one event', () => {
    const text =
      'ستستضيف عمّان اجتماعا للمانحين في 12 آذار. وأكدت الحكومة الأردنية أن الاجتماع سيعقد في 12 آذار بحضور ممثلين عن البنك الدولي.';
    const found = events(text, {
      places: [place(text, 'عمّان', 'Amman', null, 'JO')],
      organizations: [
        org(text, 'الحكومة الأردنية', 'Government of Jordan', 'government'),
        org(text, 'البنك الدولي', 'World Bank', 'other'),
      ],
      dates: [
        { ...at(text, '12 آذار', 0), value: '2024-03-12', grain: 'day' },
        { ...at(text, '12 آذار', 1), value: '2024-03-12', grain: 'day' },
      ],
    });
    const meetings = found.filter((event) => event.type === 'meeting');
    expect(meetings).toHaveLength(1);
    expect(meetings[0]).toMatchObject({ date: '2024-03-12', place: 'Amman', participants: ['World Bank'] });
  });

  it('cuts words by its own letters where places.ts cuts them otherwise («ٮ», «×»)', () => {
    // places.ts takes «ٮ» for a letter and «×» for none; the words places.ts cut serve only texts with neither.
    expect(events('وقالت المنظمة إن شاحنات وصلتٮ إلى إدلب.', {}).map((event) => event.type)).toEqual([
      'delivery',
    ]);
    expect(events('The convoy×arrived in Idlib.', {})).toEqual([]);
    expect(events('The convoy arrived in Idlib.', {}).map((event) => event.type)).toEqual(['delivery']);
  });
});
