/**
 * Events: what happened (or will), per sentence, from trigger words; who says so; who took part; and the
 * date, place and quantities stated with it. A later sentence that only refers back to an event («وخلال
 * الاجتماع …», "at the conference") adds to that event instead of starting one.
 *
 * The words that matter (triggers, reporting verbs, tense markers…) are found in one pass over the folded
 * document: every written form, proclitics included, is keyed by the hash of its first word, so each word
 * of the text costs one lookup, and nothing is allocated for the words that are not in the lexicon.
 */
import countries from 'i18n-iso-countries';
import type { Folded } from './normalize.ts';
import { fold } from './normalize.ts';
import { isWordCode as isPlaceWordCode, wordsOf } from './places.ts';
import type { Range } from './segment.ts';
import { codeTable, HashFilter } from './tokens.ts';
import type {
  DateMention,
  EventMention,
  EventStatus,
  EventType,
  Lang,
  OrganizationMention,
  PlaceMention,
  QuantityMention,
  TimeAnchor,
} from './types.ts';

export interface EventInput {
  doc: Folded;
  /** Original offsets; sentences inside boilerplate already left out. */
  sentences: readonly Range[];
  /** Original offsets: a heading (a line without a final stop, followed by more text) founds no event. */
  paragraphs: readonly Range[];
  dates: readonly DateMention[];
  places: readonly PlaceMention[];
  organizations: readonly OrganizationMention[];
  quantities: readonly QuantityMention[];
  anchor: TimeAnchor;
  language: Lang;
}

type Tense = 'past' | 'present' | 'future';
type Marker = 'future' | 'held' | 'completed' | 'cancelled' | 'announce';

type Role =
  | { kind: 'trigger'; type: EventType; form: 'noun' | 'definite' | 'verb' | 'masdar'; tense?: Tense }
  | { kind: 'report' }
  | { kind: 'according' }
  | { kind: 'marker'; marker: Marker }
  | { kind: 'topic' }
  | { kind: 'complementizer' }
  | { kind: 'locative' }
  /** «كل من …»: what follows lists actors. */
  | { kind: 'each' }
  /** «بحضور», «بمشاركة», "attended": a sentence about who takes part in an event. */
  | { kind: 'participation' }
  /** «الوزارة», "the ministry": a speaker named before, whose name fits the pattern. */
  | { kind: 'generic'; pattern: RegExp };

/* ------------------------------------------------------------------------------------------------ */
/* Lexicon. Written as people write the words; folded once at load.                                 */
/* ------------------------------------------------------------------------------------------------ */

const lexicon = new Map<string, Role[]>();

function add(words: readonly string[], role: Role): void {
  for (const word of words) {
    const key = fold(word);
    const roles = lexicon.get(key);
    if (roles) roles.push(role);
    else lexicon.set(key, [role]);
  }
}

/** An Arabic noun: bare and accusative (اجتماعًا keeps its alef) are indefinite; ال… is definite. */
function nouns(type: EventType, words: readonly string[], form: 'noun' | 'masdar' = 'noun'): void {
  for (const word of words) {
    const indefinite = [word];
    if (!/[ةاءى]$/.test(word)) indefinite.push(`${word}ا`);
    add(indefinite, { kind: 'trigger', type, form });
    add([`ال${word}`], { kind: 'trigger', type, form: 'definite' });
  }
}

function verbs(type: EventType, tense: Tense, words: readonly string[]): void {
  add(words, { kind: 'trigger', type, form: 'verb', tense });
}

function english(type: EventType, form: 'noun' | 'verb', words: readonly string[], tense?: Tense): void {
  add(words, tense ? { kind: 'trigger', type, form, tense } : { kind: 'trigger', type, form });
}

nouns('meeting', ['اجتماع', 'اجتماعات', 'لقاء', 'لقاءات', 'محادثات', 'مباحثات']);
verbs('meeting', 'past', ['اجتمع', 'اجتمعت', 'اجتمعوا', 'التقى', 'التقت', 'التقوا']);
verbs('meeting', 'present', ['يجتمع', 'تجتمع', 'يلتقي', 'تلتقي']);
verbs('meeting', 'future', ['سيجتمع', 'ستجتمع', 'سيلتقي', 'ستلتقي']);
english('meeting', 'noun', ['meeting', 'meetings', 'talks']);
english('meeting', 'verb', ['met'], 'past');
english('meeting', 'verb', ['meet', 'meets'], 'present');

nouns('conference', ['مؤتمر', 'مؤتمرات', 'قمة', 'قمم']);
english('conference', 'noun', ['conference', 'conferences', 'summit']);

nouns('delivery', ['تسليم', 'وصول'], 'masdar');
nouns('delivery', ['قافلة', 'قوافل', 'شحنة', 'شحنات']);
verbs('delivery', 'past', ['سلم', 'سلمت', 'سلموا', 'تسلم', 'تسلمت', 'تسلموا', 'وصل', 'وصلت', 'وصلوا']);
verbs('delivery', 'future', ['سيسلم', 'ستسلم', 'سيصل', 'ستصل']);
english('delivery', 'noun', ['delivery', 'deliveries', 'convoy', 'convoys', 'shipment', 'shipments']);
english('delivery', 'verb', ['delivered', 'arrived'], 'past');
english('delivery', 'verb', ['deliver', 'delivers'], 'present');

nouns('distribution', ['توزيع'], 'masdar');
verbs('distribution', 'past', ['وزع', 'وزعت', 'وزعوا']);
verbs('distribution', 'present', ['يوزع', 'توزع']);
verbs('distribution', 'future', ['سيوزع', 'ستوزع']);
english('distribution', 'noun', ['distribution', 'distributions']);
english('distribution', 'verb', ['distributed'], 'past');
english('distribution', 'verb', ['distribute', 'distributes'], 'present');

verbs('return_movement', 'past', ['عاد', 'عادت', 'عادوا']);
english('return_movement', 'verb', ['returned'], 'past');

nouns('agreement', ['اتفاقية', 'اتفاقيات', 'اتفاق', 'اتفاقات']);
nouns('agreement', ['توقيع'], 'masdar');
english('agreement', 'noun', ['agreement', 'agreements', 'memorandum', 'memoranda', 'accord', 'deal']);
english('agreement', 'verb', ['signed'], 'past');

nouns('statement', ['بيان', 'تصريح']);
english('statement', 'noun', ['statement']);

nouns('boycott', ['مقاطعة'], 'masdar');
verbs('boycott', 'past', ['قاطع', 'قاطعت', 'قاطعوا', 'قاطعه', 'قاطعها', 'قاطعته', 'قاطعتها', 'قاطعوه']);
verbs('boycott', 'present', ['يقاطع', 'تقاطع']);
verbs('boycott', 'future', ['سيقاطع', 'ستقاطع']);
english('boycott', 'noun', ['boycott', 'boycotts']);
english('boycott', 'verb', ['boycotted'], 'past');

nouns('military_action', ['قصف', 'غارة', 'غارات'], 'noun');
verbs('military_action', 'past', ['قصفت', 'قصفوا']);
english('military_action', 'noun', ['airstrike', 'airstrikes', 'shelling', 'bombardment', 'bombing']);
english('military_action', 'verb', ['shelled', 'bombed'], 'past');

// Reporting verbs: who says so. Past forms also say the statement was made.
add(
  [
    'قال',
    'قالت',
    'يقول',
    'تقول',
    'صرح',
    'صرحت',
    'أعلن',
    'أعلنت',
    'يعلن',
    'تعلن',
    'أكد',
    'أكدت',
    'أضاف',
    'أضافت',
    'أوضح',
    'أوضحت',
    'ذكر',
    'ذكرت',
    'أفاد',
    'أفادت',
    'أشار',
    'أشارت',
    'دعا',
    'دعت',
    'said',
    'says',
    'stated',
    'announced',
    'declared',
    'told',
    'added',
  ],
  { kind: 'report' },
);
add(['بحسب', 'حسب', 'وفقا', 'طبقا', 'نقلا'], { kind: 'according' });

add(['سوف', 'المقبل', 'المقبلة', 'القادم', 'القادمة', 'لعقد', 'يعتزم', 'تعتزم'], {
  kind: 'marker',
  marker: 'future',
});
add(
  [
    'سيعقد',
    'ستعقد',
    'ستستضيف',
    'سيستضيف',
    'سيشارك',
    'ستشارك',
    'سيتم',
    'ستتم',
    'ستجري',
    'سيجري',
    'سيقام',
    'ستقام',
    'ستنطلق',
    'سينطلق',
    'ستبدأ',
    'سيبدأ',
    'سيوقع',
    'ستوقع',
  ],
  { kind: 'marker', marker: 'future' },
);
add(['will', 'scheduled', 'upcoming', 'next', 'planned', 'plans'], { kind: 'marker', marker: 'future' });
add(
  [
    'عقد',
    'عقدت',
    'عقدوا',
    'انعقد',
    'انعقدت',
    'نظم',
    'نظمت',
    'نظموا',
    'جرى',
    'جرت',
    'أقيم',
    'أقيمت',
    'استضاف',
    'استضافت',
    'اختتم',
    'اختتمت',
    'held',
    'hosted',
    'convened',
  ],
  { kind: 'marker', marker: 'held' },
);
add(['تم', 'تمت', 'اكتمل', 'اكتملت', 'أنجز', 'أنجزت', 'completed'], { kind: 'marker', marker: 'completed' });
add(['ألغي', 'ألغيت', 'إلغاء', 'ألغت', 'ألغى', 'cancelled', 'canceled'], {
  kind: 'marker',
  marker: 'cancelled',
});
add(['أعلن', 'أعلنت', 'دعا', 'دعت', 'announced', 'called'], { kind: 'marker', marker: 'announce' });

// What a meeting is about is not an event of its own: «لبحث ملف اللاجئين», «بشأن عودة اللاجئين».
add(
  ['بشأن', 'حول', 'لبحث', 'بحث', 'لمناقشة', 'مناقشة', 'ملف', 'about', 'regarding', 'discuss', 'discussed'],
  {
    kind: 'topic',
  },
);
add(['بحضور', 'بمشاركة', 'وبحضور', 'وبمشاركة', 'attended', 'attending', 'participants', 'participated'], {
  kind: 'participation',
});
add(['أن', 'إن', 'أنه', 'إنه', 'أنها', 'إنها', 'بأن', 'that'], { kind: 'complementizer' });
add(['كل', 'وكل'], { kind: 'each' });
add(['في', 'إلى', 'من', 'داخل', 'قرب', 'نحو', 'in', 'to', 'at', 'into', 'near', 'from'], {
  kind: 'locative',
});

/** Phrases of two or three words: their words, folded, joined by one space. */
function phrase(words: readonly string[], role: Role): void {
  add(words, role);
}

phrase(['عودة اللاجئين', 'عودة النازحين', 'عودة المهجرين'], {
  kind: 'trigger',
  type: 'return_movement',
  form: 'masdar',
});
phrase(['مذكرة تفاهم', 'مذكرات تفاهم', 'مذكرتي تفاهم'], { kind: 'trigger', type: 'agreement', form: 'noun' });
phrase(['مذكرة التفاهم'], { kind: 'trigger', type: 'agreement', form: 'definite' });
phrase(['return of'], { kind: 'trigger', type: 'return_movement', form: 'noun' });
phrase(['air strike', 'air strikes', 'air raid', 'air raids'], {
  kind: 'trigger',
  type: 'military_action',
  form: 'noun',
});
phrase(['من المقرر', 'to be held', 'is to', 'are to', 'going to'], { kind: 'marker', marker: 'future' });
phrase(['took place', 'was held', 'were held'], { kind: 'marker', marker: 'held' });
phrase(['called off'], { kind: 'marker', marker: 'cancelled' });
phrase(['according to', 'quoted by'], { kind: 'according' });
phrase(['نقلا عن'], { kind: 'according' });

/** Definite nouns naming a speaker already named: «أضافت الوزارة» is the ministry quoted before. */
for (const [words, pattern] of [
  [['الوزارة', 'the ministry'], /ministry|department/i],
  [['المنظمة', 'the organization', 'the organisation'], /organi[sz]ation|programme|program|fund/i],
  [['الوكالة', 'the agency'], /agency|office/i],
  [['اللجنة', 'the committee'], /committee|commission/i],
  [['البعثة', 'the mission'], /mission/i],
  [['المفوضية'], /commission|refugee/i],
  [['الهيئة', 'the authority'], /authority|commission|board/i],
  [['البرنامج', 'the programme', 'the program'], /programme|program/i],
] as const) {
  add(words, { kind: 'generic', pattern });
}

function isGathering(type: EventType): boolean {
  return type === 'meeting' || type === 'conference';
}

/** Meetings and conferences are one kind of gathering: «الاجتماع» may refer back to «مؤتمر». */
function compatible(a: EventType, b: EventType): boolean {
  return a === b || (isGathering(a) && isGathering(b));
}

/* ------------------------------------------------------------------------------------------------ */
/* Finding the words                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

interface Entry {
  roles: Role[];
  /** The proclitics written on the word («ب», «ول»…). */
  clitic: string;
}

// Proclitics an Arabic word may carry: و/ف (and), ب/ل/ك (in, for, like), and the two together.
const PROCLITICS = ['و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];

interface Form {
  /** The folded form, phrases with one space between words. */
  text: string;
  entry: Entry;
}

/** Hashes are cut to 30 bits: V8 keeps such numbers unboxed, and a Map finds them fastest. */
const SMALL_INTEGER = 0x3fffffff;

/** FNV-1a over a stretch of UTF-16 units: a word's key, computed while the word is read. */
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & SMALL_INTEGER;
}

/** Forms by the hash of their first word, longest first. */
const forms = new Map<number, Form[]>();
const formFilter = new HashFilter();

function insert(text: string, entry: Entry): void {
  const space = text.indexOf(' ');
  const key = hashOf(text, 0, space < 0 ? text.length : space);
  formFilter.add(key);
  const list = forms.get(key) ?? [];
  const same = list.find((form) => form.text === text);
  // A form that is also a word of its own («لعقد») keeps that word's reading.
  if (same) {
    if (same.entry.clitic !== '' && entry.clitic === '') same.entry = entry;
    return;
  }
  list.push({ text, entry });
  list.sort((a, b) => b.text.length - a.text.length);
  forms.set(key, list);
}

/**
 * Every written form of every entry, proclitics included, so that a word is found without stripping
 * anything: «وبالمؤتمر», and «للمؤتمر» (ل + ال), are forms of their own.
 */
for (const [written, roles] of lexicon) insert(written, { roles, clitic: '' });
for (const clitic of PROCLITICS) {
  for (const [written, roles] of lexicon) {
    const head = written.split(' ')[0] as string;
    if (written.charCodeAt(0) < 0x0600 || head.length < 2) continue;
    if (clitic !== 'و' && clitic !== 'ف' && head.length < 3) continue;
    const form =
      written.startsWith('ال') && clitic.endsWith('ل')
        ? `${clitic}ل${written.slice(2)}`
        : `${clitic}${written}`;
    insert(form, { roles, clitic });
  }
}

/** Letters and digits of folded text: what words are made of. */
function wordByRanges(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x0621 && code <= 0x064a) ||
    (code >= 0x0671 && code <= 0x06d3) ||
    (code >= 0xc0 && code <= 0x24f)
  );
}

const WORD_CODES = codeTable(wordByRanges);

function isWordCode(code: number): boolean {
  return WORD_CODES[code] === 1;
}

interface Hit {
  role: Role;
  /** Original offsets. */
  start: number;
  end: number;
  /** Folded offsets. */
  foldedStart: number;
  foldedEnd: number;
  clitic: string;
}

/**
 * Units of folded text that this file's word class and places.ts's disagree on (places.ts also takes
 * «ٮ» and «ٯ» for letters, and not «×» or «÷»; the capitals it takes never survive folding). A text
 * without any of them is cut into the same words by both, so the words places.ts has cut and hashed
 * already serve here; a text with one is cut again with this file's class.
 */
const DISAGREEING: readonly string[] = (() => {
  const units: string[] = [];
  for (let code = 0; code < 0x10000; code++) {
    if (isWordCode(code) === isPlaceWordCode(code)) continue;
    const unit = String.fromCharCode(code);
    if (fold(unit) === unit) units.push(unit);
  }
  return units;
})();

interface WordRuns {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** FNV-1a of each word, as `hashOf` gives it. */
  hashes: Int32Array;
}

let scratchStarts = new Int32Array(1024);
let scratchEnds = new Int32Array(1024);
let scratchHashes = new Int32Array(1024);

/** The words of a folded text by this file's word class, in buffers reused from one document to the next. */
function wordRuns(doc: Folded): WordRuns {
  const text = doc.text;
  if (!DISAGREEING.some((unit) => text.includes(unit))) return wordsOf(doc);
  const codes = doc.codes;
  const length = codes.length;
  let count = 0;
  let i = 0;
  while (i < length) {
    if (!isWordCode(codes[i] as number)) {
      i++;
      continue;
    }
    const start = i;
    let hash = 0x811c9dc5;
    for (; i < length; i++) {
      const code = codes[i] as number;
      if (!isWordCode(code)) break;
      hash = Math.imul(hash ^ code, 0x01000193);
    }
    if (count === scratchStarts.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(count * 2);
        to.set(from);
        return to;
      };
      scratchStarts = grow(scratchStarts);
      scratchEnds = grow(scratchEnds);
      scratchHashes = grow(scratchHashes);
    }
    scratchStarts[count] = start;
    scratchEnds[count] = i;
    scratchHashes[count] = hash & SMALL_INTEGER;
    count++;
  }
  return { count, starts: scratchStarts, ends: scratchEnds, hashes: scratchHashes };
}

/**
 * Every lexicon word of the document, in order: each word's hash is looked up, and the longest form
 * starting there (a phrase may go on over the next words) that ends where a word ends wins.
 */
function findWords(doc: Folded): Hit[] {
  const text = doc.text;
  const codes = doc.codes;
  const map = doc.toOriginal;
  const length = text.length;
  const { count, starts, ends, hashes } = wordRuns(doc);
  const hits: Hit[] = [];
  let w = 0;
  while (w < count) {
    const i = starts[w] as number;
    const key = hashes[w] as number;
    const candidates = formFilter.mayHave(key) ? forms.get(key) : undefined;
    let matched: Form | undefined;
    if (candidates) {
      const wordLength = (ends[w] as number) - i;
      for (const form of candidates) {
        const formEnd = i + form.text.length;
        if (formEnd < length && isWordCode(codes[formEnd] as number)) continue;
        // A phrase goes on as the text does or not at all: the first unit of its next word tells most.
        const next = wordLength + 1;
        if (form.text.length > next && form.text.charCodeAt(next) !== codes[i + next]) continue;
        if (text.startsWith(form.text, i)) {
          matched = form;
          break;
        }
      }
    }
    if (!matched) {
      w++;
      continue;
    }
    const formEnd = i + matched.text.length;
    const start = map[i] as number;
    const originalEnd = (map[formEnd - 1] as number) + 1;
    for (const role of matched.entry.roles)
      hits.push({
        role,
        start,
        end: originalEnd,
        foldedStart: i,
        foldedEnd: formEnd,
        clitic: matched.entry.clitic,
      });
    // A form ends where a word ends: reading goes on at the first word after it.
    while (w < count && (starts[w] as number) < formEnd) w++;
  }
  return hits;
}

/** Only spaces between two folded offsets: the words are next to each other. */
function adjacent(text: string, from: number, to: number): boolean {
  if (to < from) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return false;
  }
  return true;
}

/** The word that ends just before a folded offset (spaces between), or "". */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && text.charCodeAt(end - 1) === 0x20) end--;
  let start = end;
  while (start > 0 && isWordCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** Where the n-th word after a folded offset ends (or the text ends). */
function afterWords(text: string, at: number, count: number): number {
  let i = at;
  for (let seen = 0; seen < count && i < text.length; seen++) {
    while (i < text.length && !isWordCode(text.charCodeAt(i))) i++;
    while (i < text.length && isWordCode(text.charCodeAt(i))) i++;
  }
  return i;
}

/** How many words stand between two original offsets (counting stops past `most`). */
function wordsBetween(text: string, from: number, to: number, most: number): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to && count <= most; i++) {
    const code = text.charCodeAt(i);
    const space = code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09 || code === 0xa0;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/* ------------------------------------------------------------------------------------------------ */
/* Countries                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

const countryNameCache = new Map<string, Set<string>>();
const countryCache = new Map<string, boolean>();

function countryNames(code: string): Set<string> {
  let names = countryNameCache.get(code);
  if (!names) {
    const all = countries.getNames('en', { select: 'all' })[code] ?? [];
    names = new Set(all.map((name) => name.toLowerCase()));
    countryNameCache.set(code, names);
  }
  return names;
}

/** A country (not a city abroad): the place's name is one of its country's names. */
export function isCountry(place: PlaceMention): boolean {
  if (place.pcode !== null || place.country === null) return false;
  const key = `${place.country}:${place.name}`;
  let known = countryCache.get(key);
  if (known === undefined) {
    known =
      countryNames(place.country).has(place.name.toLowerCase()) ||
      countries.getAlpha2Code(place.name, 'en') === place.country;
    countryCache.set(key, known);
  }
  return known;
}

/* ------------------------------------------------------------------------------------------------ */
/* Sentences                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

interface Building {
  event: EventMention;
  /** The last sentence merged into it. */
  last: number;
}

interface Trigger {
  type: EventType;
  start: number;
  end: number;
  form: 'noun' | 'definite' | 'verb' | 'masdar';
  tense: Tense | undefined;
}

interface SentenceFacts {
  range: Range;
  hits: Hit[];
  dates: DateMention[];
  places: PlaceMention[];
  organizations: OrganizationMention[];
  quantities: QuantityMention[];
}

/** Items grouped by the sentence that holds their start (both lists sorted). */
/** Most sentences hold none of a kind: they share one empty group, never written to. */
const NO_ITEMS: readonly never[] = Object.freeze([]);

function bySentence<T extends { start: number }>(
  sentences: readonly Range[],
  items: readonly T[],
): (readonly T[])[] {
  const groups: (readonly T[])[] = new Array(sentences.length).fill(NO_ITEMS);
  let s = 0;
  for (const item of items) {
    while (s < sentences.length && (sentences[s] as Range).end <= item.start) s++;
    if (s === sentences.length) break;
    if ((sentences[s] as Range).start > item.start) continue;
    const group = groups[s] as readonly T[];
    if (group === NO_ITEMS) groups[s] = [item];
    else (group as T[]).push(item);
  }
  return groups;
}

function endsWithStop(text: string, range: Range): boolean {
  const last = text.slice(Math.max(range.start, range.end - 3), range.end);
  return /[.!?؟…:؛"»”')]\s*$/.test(last);
}

/** Headings: lines without a final stop that more text follows. Titles and section heads name topics. */
function headingRanges(text: string, paragraphs: readonly Range[]): Range[] {
  const headings: Range[] = [];
  for (let p = 0; p + 1 < paragraphs.length; p++) {
    const paragraph = paragraphs[p] as Range;
    if (paragraph.end - paragraph.start <= 250 && !endsWithStop(text, paragraph)) headings.push(paragraph);
  }
  return headings;
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Index of the trigger nearest to a span; on a tie, the one before it. */
function nearest(triggers: readonly Trigger[], span: { start: number; end: number }): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < triggers.length; i++) {
    const d = distance(triggers[i] as Trigger, span);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

/** Is the date on the side of the anchor that the status says (future events ahead, past ones behind)? */
function fitsTense(value: DateMention['value'], status: EventStatus, anchor: TimeAnchor): boolean {
  if (value === null) return false;
  const start = typeof value === 'string' ? value : value.start;
  const end = typeof value === 'string' ? value : value.end;
  if (status === 'announced' || status === 'planned') return end >= anchor.date.slice(0, end.length);
  if (status === 'held' || status === 'completed') return start <= anchor.date.slice(0, start.length);
  return true;
}

function statusOf(
  type: EventType,
  tense: Tense | undefined,
  markers: ReadonlySet<Marker>,
  announced: boolean,
): EventStatus {
  const finished =
    type === 'delivery' || type === 'distribution' || type === 'return_movement' || type === 'agreement'
      ? 'completed'
      : 'held';
  if (markers.has('cancelled')) return 'cancelled';
  if (markers.has('future') || tense === 'future') return announced ? 'announced' : 'planned';
  if (markers.has('completed')) return finished;
  if (markers.has('held') || tense === 'past') return finished;
  return 'unknown';
}

interface Speaker {
  name: string;
  /** The organization mention that names the speaker, so that it is not also a participant. */
  span: { start: number; end: number } | null;
}

const QUOTED = /["«“]([^"»”]{2,60})["»”]/y;
const NOT_A_NAME = /^(The|A|An|On|In|At|Last|This|He|She|They|It)$/;

function isEnglish(text: string, hit: Hit): boolean {
  const code = text.charCodeAt(hit.foldedStart);
  return code >= 0x61 && code <= 0x7a;
}

/** The speaker a generic noun next to the cue stands for («أضافت الوزارة», "the ministry said"). */
function genericSpeaker(
  hit: Hit,
  hits: readonly Hit[],
  at: number,
  folded: string,
  recent: readonly OrganizationMention[],
): Speaker | null {
  const neighbours = [hits[at + 1], hits[at - 1]];
  for (const other of neighbours) {
    if (other?.role.kind !== 'generic') continue;
    const next = other.foldedStart >= hit.foldedEnd;
    if (
      !(next
        ? adjacent(folded, hit.foldedEnd, other.foldedStart)
        : adjacent(folded, other.foldedEnd, hit.foldedStart))
    )
      continue;
    const pattern = other.role.pattern;
    for (let i = recent.length - 1; i >= 0; i--) {
      const org = recent[i] as OrganizationMention;
      if (pattern.test(org.name)) return { name: org.name, span: null };
    }
  }
  return null;
}

/**
 * The speaker a cue introduces. Arabic puts the speaker after the verb («أعلنت وزارة الدفاع»), English
 * before it ("the UN said") or after a phrase ("according to WFP").
 */
function speakerOf(
  hits: readonly Hit[],
  at: number,
  folded: string,
  text: string,
  organizations: readonly OrganizationMention[],
  recent: readonly OrganizationMention[],
): Speaker | null {
  const hit = hits[at] as Hit;
  const english = isEnglish(folded, hit);
  // Between the cue and the name, a few words at most: «بحسب بيان وزارة …», "according to a statement by".
  const reach = english ? 5 : 2;
  let after: OrganizationMention | undefined;
  let before: OrganizationMention | undefined;
  for (const org of organizations) {
    if (!after && org.start >= hit.end && wordsBetween(text, hit.end, org.start, reach) <= reach) after = org;
    if (hit.role.kind === 'report' && org.end <= hit.start && hit.start - org.end < 80) {
      const close = english
        ? wordsBetween(text, org.end, hit.start, 2) <= 2
        : text.slice(org.end, hit.start).trim() === '';
      if (close) before = org;
    }
  }
  const chosen = english ? (before ?? after) : (after ?? before);
  if (chosen) return { name: chosen.name, span: chosen };
  const generic = genericSpeaker(hit, hits, at, folded, recent);
  if (generic) return generic;

  // A person: a short quoted name soon after an Arabic verb, capitalized words around an English one.
  if (!english) {
    for (let i = hit.end; i < Math.min(text.length, hit.end + 40); i++) {
      const code = text.charCodeAt(i);
      if (code !== 0x22 && code !== 0xab && code !== 0x201c) continue;
      QUOTED.lastIndex = i;
      const quoted = QUOTED.exec(text)?.[1]?.trim();
      return quoted && quoted.split(/\s+/).length <= 4 ? { name: quoted, span: null } : null;
    }
    return null;
  }
  const according = hit.role.kind === 'according';
  const window = according
    ? text.slice(hit.end, hit.end + 60)
    : text.slice(Math.max(0, hit.start - 60), hit.start);
  const names = [...window.matchAll(/[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}/g)].filter(
    (m) => !NOT_A_NAME.test(m[0]),
  );
  const name = according ? names[0] : names.at(-1);
  if (!name) return null;
  if (!according) {
    const gap = window.slice((name.index ?? 0) + name[0].length).trim();
    if (gap !== '' && gap !== ',') return null;
  }
  return { name: name[0], span: null };
}

/** How far a reporting verb's own clause reaches: the speaker and when they spoke, a few words. */
const ATTRIBUTION_WORDS = 9;

/**
 * Where a reporting verb's own clause ends: «أعلنت الوزارة أمس السبت، إن …» at «إن» (or the comma),
 * "WFP said on Monday that …" at "that". With neither soon after the verb, the clause is the verb alone:
 * "WFP said a convoy arrived on Tuesday" dates the convoy.
 */
function attributionEnd(hits: readonly Hit[], at: number, doc: Folded): number {
  const hit = hits[at] as Hit;
  const foldedLimit = afterWords(doc.text, hit.foldedEnd, ATTRIBUTION_WORDS);
  const limit =
    foldedLimit >= doc.text.length ? doc.original.length : (doc.toOriginal[foldedLimit] as number);
  let complementizer: Hit | undefined;
  for (let i = at + 1; i < hits.length; i++) {
    const other = hits[i] as Hit;
    if (other.role.kind === 'complementizer') {
      complementizer = other;
      break;
    }
  }
  const end = complementizer && complementizer.start < limit ? complementizer.start : limit;
  const comma = doc.original.slice(hit.end, end).search(/[،,]/);
  if (comma >= 0) return hit.end + comma + 1;
  return complementizer && complementizer.start === end ? end : hit.end;
}

/** Is the place where something happens («في دمشق», «بدمشق»), not an actor («قاطعته الولايات المتحدة»)? */
function isLocative(place: PlaceMention, text: string, hits: readonly Hit[]): boolean {
  const before = text.charCodeAt(place.start - 1);
  // A clitic written on the name («بدمشق», «لسوريا»): the span starts after it.
  if (before === 0x0628 || before === 0x0644) return true;
  for (let i = hits.length - 1; i >= 0; i--) {
    const hit = hits[i] as Hit;
    if (hit.end > place.start) continue;
    if (hit.role.kind !== 'locative' || text.slice(hit.end, place.start).trim() !== '') return false;
    // «كل من الولايات المتحدة ودول …»: «من» after «كل» lists actors, it does not place them.
    const previous = hits[i - 1];
    return !(previous?.role.kind === 'each' && text.slice(previous.end, hit.start).trim() === '');
  }
  return false;
}

function addUnique(list: string[], name: string): void {
  if (!list.includes(name)) list.push(name);
}

function sameValue(a: EventMention['date'], b: EventMention['date']): boolean {
  if (a === null || b === null) return false;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.start === b.start && a.end === b.end;
}

/** Two mentions of the same gathering: same kind, and the same day or the same place, none in conflict. */
function sameGathering(a: EventMention, b: EventMention): boolean {
  if (!isGathering(a.type) || !isGathering(b.type)) return false;
  if (a.date !== null && b.date !== null && !sameValue(a.date, b.date)) return false;
  if (a.place !== null && b.place !== null && a.place !== b.place) return false;
  return sameValue(a.date, b.date) || (a.place !== null && a.place === b.place);
}

function merge(into: EventMention, from: EventMention, range: Range): void {
  into.date ??= from.date;
  into.place ??= from.place;
  into.claimant ??= from.claimant;
  if (into.status === 'unknown') into.status = from.status;
  for (const participant of from.participants)
    if (participant !== into.claimant) addUnique(into.participants, participant);
  for (const value of from.quantities) if (!into.quantities.includes(value)) into.quantities.push(value);
  into.mentions.push({ start: range.start, end: range.end });
}

/** How many sentences back a reference («الاجتماع») or a second report of a gathering may reach. */
const REACH = 8;
/** Organizations remembered for «أضافت الوزارة». */
const RECENT_ORGANIZATIONS = 50;

/** Verbs that say an event happened or was called off whatever it was (not «عقد»: also "contract", "decade"). */
const OTHER_FOUNDERS: ReadonlySet<string> = new Set(
  ['عقدت', 'نظمت', 'أقيم', 'أقيمت', 'ألغيت', 'ألغي', 'held', 'hosted', 'cancelled', 'canceled'].map((word) =>
    fold(word),
  ),
);

/** Can this hit found or feed an event? Sentences without one are skipped at once. */
function founds(hit: Hit): boolean {
  const kind = hit.role.kind;
  return kind === 'trigger' || kind === 'report' || kind === 'according' || kind === 'marker';
}

export function recognizeEvents(input: EventInput): EventMention[] {
  const { doc, sentences } = input;
  const text = doc.original;
  const headings = headingRanges(text, input.paragraphs);
  const hitGroups = bySentence(sentences, findWords(doc));
  const dateGroups = bySentence(sentences, input.dates);
  const placeGroups = bySentence(sentences, input.places);
  const organizationGroups = bySentence(sentences, input.organizations);
  const quantityGroups = bySentence(sentences, input.quantities);

  const events: EventMention[] = [];
  /** Events a later sentence may still add to, oldest first. */
  let active: Building[] = [];
  let recentOrganizations: OrganizationMention[] = [];
  let previousClaimant: string | null = null;
  let heading = 0;

  for (let s = 0; s < sentences.length; s++) {
    const range = sentences[s] as Range;
    const hits = hitGroups[s] as Hit[];
    const organizations = organizationGroups[s] as OrganizationMention[];
    if (active.some((b) => s - b.last > REACH)) active = active.filter((b) => s - b.last <= REACH);
    while (heading < headings.length && (headings[heading] as Range).end <= range.start) heading++;
    const isHeading = heading < headings.length && overlaps(headings[heading] as Range, range);
    if (isHeading || !hits.some(founds)) {
      if (!isHeading) previousClaimant = null;
      remember(recentOrganizations, organizations);
      if (recentOrganizations.length > 2 * RECENT_ORGANIZATIONS)
        recentOrganizations = recentOrganizations.slice(-RECENT_ORGANIZATIONS);
      continue;
    }
    const sentence: SentenceFacts = {
      range,
      hits,
      dates: dateGroups[s] as DateMention[],
      places: placeGroups[s] as PlaceMention[],
      organizations,
      quantities: quantityGroups[s] as QuantityMention[],
    };
    const analysis = analyse(sentence, doc, recentOrganizations, previousClaimant);
    remember(recentOrganizations, organizations);
    const { claimant, reported } = analysis;

    // A definite noun with nothing earlier to refer to introduces its event («عقد الاجتماع الأول …»).
    const references: Trigger[] = [];
    const triggers = [...analysis.triggers];
    for (const trigger of analysis.references) {
      if (active.some((b) => compatible(b.event.type, trigger.type))) references.push(trigger);
      else triggers.push(trigger);
    }
    triggers.sort((a, b) => a.start - b.start);
    const fresh = oneEachType(triggers);
    const statementNoun = triggers.find((t) => t.type === 'statement');
    const created: EventMention[] = [];

    if (fresh.length > 0) {
      created.push(...eventsFor(fresh, sentence, analysis, input));
    } else if (references.length > 0 && (!reported || analysis.eventful)) {
      const reference = references[0] as Trigger;
      const target = active.findLast((b) => compatible(b.event.type, reference.type));
      const [addition] = eventsFor([reference], sentence, analysis, input);
      if (target && addition) {
        merge(target.event, addition, range);
        target.last = s;
      }
    } else if (reported || statementNoun) {
      // The sentence reports what someone said and nothing else: the saying is the event.
      const trigger: Trigger = statementNoun ?? {
        type: 'statement',
        start: range.start,
        end: range.start,
        form: 'verb',
        tense: 'past',
      };
      created.push(...eventsFor([trigger], sentence, { ...analysis, attributionSpans: [] }, input));
    } else {
      // «نظمت الجمعية ورشة عمل», "the visit was cancelled": something happened, of no kind listed.
      const founder = hits.find(
        (hit) =>
          hit.role.kind === 'marker' && OTHER_FOUNDERS.has(doc.text.slice(hit.foldedStart, hit.foldedEnd)),
      );
      if (founder) {
        const trigger: Trigger = {
          type: 'other',
          start: founder.start,
          end: founder.end,
          form: 'verb',
          tense: undefined,
        };
        created.push(...eventsFor([trigger], sentence, analysis, input));
      }
    }

    for (const event of created) {
      event.text = text.slice(range.start, range.end);
      event.start = range.start;
      event.end = range.end;
      event.mentions = [{ start: range.start, end: range.end }];
      // Only gatherings are reported twice (`sameGathering`): other events need no search.
      const earlier = isGathering(event.type)
        ? active.findLast((b) => sameGathering(b.event, event))
        : undefined;
      if (earlier) {
        merge(earlier.event, event, range);
        earlier.last = s;
      } else {
        events.push(event);
        active.push({ event, last: s });
      }
    }
    if (claimant) previousClaimant = claimant.name;
    else if (!reported) previousClaimant = null;
  }
  return events;
}

function remember(recent: OrganizationMention[], organizations: readonly OrganizationMention[]): void {
  for (const org of organizations) recent.push(org);
}

interface Analysis {
  claimant: Speaker | null;
  /** A reporting verb («قال», "said") stands in the sentence. */
  reported: boolean;
  /** Whether the sentence announces (a speaker, a reporting verb, «دعت», "announced"). */
  announced: boolean;
  /** Tense or participation markers: the sentence tells of an event, not only of what someone thinks. */
  eventful: boolean;
  /** From each reporting verb to the end of its own clause: the day a statement was made, not the event's. */
  attributionSpans: Range[];
  markers: Hit[];
  /** New events. */
  triggers: Trigger[];
  /** Definite nouns that can refer back to an earlier event. */
  references: Trigger[];
}

function analyse(
  sentence: SentenceFacts,
  doc: Folded,
  recentOrganizations: readonly OrganizationMention[],
  previousClaimant: string | null,
): Analysis {
  const { hits } = sentence;
  const text = doc.original;
  const folded = doc.text;
  // Who says so: the first cue that names a speaker; a bare «وأضاف» goes on with the last one.
  let claimant: Speaker | null = null;
  let reported = false;
  let announced = false;
  let eventful = false;
  const attributionSpans: Range[] = [];
  const markers: Hit[] = [];
  const triggers: Trigger[] = [];
  const references: Trigger[] = [];
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h] as Hit;
    const role = hit.role;
    if (role.kind === 'marker') {
      markers.push(hit);
      eventful = true;
      if (role.marker === 'announce') announced = true;
    } else if (role.kind === 'participation') {
      eventful = true;
    } else if (role.kind === 'report' || role.kind === 'according') {
      if (role.kind === 'report') {
        reported = true;
        // «وبالأمس أعلنت …»: a date just before the verb is when it was said.
        let start = hit.start;
        for (const date of sentence.dates) {
          if (date.end <= hit.start && text.slice(date.end, hit.start).trim() === '') start = date.start;
        }
        attributionSpans.push({ start, end: attributionEnd(hits, h, doc) });
      }
      claimant ??= speakerOf(hits, h, folded, text, sentence.organizations, recentOrganizations);
    } else if (role.kind === 'trigger') {
      // What the sentence reports as happening. A topic («بشأن عودة اللاجئين»), a purpose («لتوزيع»),
      // the source of an attribution («بحسب بيان …») are no events; a definite noun («الاجتماع») may
      // refer back.
      const previous = hits[h - 1];
      const next = previous !== undefined && adjacent(folded, previous.foldedEnd, hit.foldedStart);
      if (next && previous.role.kind === 'topic') continue;
      if (role.form === 'masdar' && hit.clitic.endsWith('ل')) continue;
      if (role.type === 'statement' && next && previous.role.kind === 'according') continue;
      const determiner =
        isEnglish(folded, hit) && /^(?:the|this|that)$/.test(wordBefore(folded, hit.foldedStart));
      const form = determiner ? 'definite' : role.form;
      const trigger: Trigger = { type: role.type, start: hit.start, end: hit.end, form, tense: role.tense };
      if (form === 'definite') references.push(trigger);
      else triggers.push(trigger);
    }
  }
  if (!claimant && reported && previousClaimant) claimant = { name: previousClaimant, span: null };
  announced ||= claimant !== null || reported;
  return { claimant, reported, announced, eventful, attributionSpans, markers, triggers, references };
}

/** One event per type in a sentence, founded on the first trigger of that type. */
function oneEachType(triggers: readonly Trigger[]): Trigger[] {
  const out: Trigger[] = [];
  for (const trigger of triggers) {
    if (trigger.type === 'statement') continue;
    const kept = out.find((t) => t.type === trigger.type);
    // «قافلة … وصلت»: the event is the convoy's, its tense the verb's.
    if (kept) kept.tense ??= trigger.tense;
    else out.push({ ...trigger });
  }
  return out;
}

function placeOrder(a: PlaceMention, b: PlaceMention, trigger: Trigger): number {
  return Number(isCountry(a)) - Number(isCountry(b)) || distance(a, trigger) - distance(b, trigger);
}

/**
 * The events of one sentence, one per trigger. What the sentence states (dates, places, quantities,
 * actors, tense markers) goes to the trigger nearest to it; an event left without a date or place takes
 * the sentence's best one.
 */
function eventsFor(
  triggers: readonly Trigger[],
  sentence: SentenceFacts,
  analysis: Analysis,
  input: EventInput,
): EventMention[] {
  const text = input.doc.original;
  const { claimant } = analysis;
  const events: EventMention[] = [];
  const markerSets: Set<Marker>[] = [];
  for (const trigger of triggers) {
    events.push({
      type: trigger.type,
      status: 'unknown',
      date: null,
      place: null,
      claimant: claimant?.name ?? null,
      participants: [],
      quantities: [],
      mentions: [],
      text: '',
      start: 0,
      end: 0,
    });
    markerSets.push(new Set());
  }
  for (const hit of analysis.markers) {
    if (hit.role.kind === 'marker') markerSets[nearest(triggers, hit)]?.add(hit.role.marker);
  }
  for (let i = 0; i < triggers.length; i++) {
    const trigger = triggers[i] as Trigger;
    (events[i] as EventMention).status = statusOf(
      trigger.type,
      trigger.tense,
      markerSets[i] as Set<Marker>,
      analysis.announced,
    );
  }

  for (const quantity of sentence.quantities) {
    const event = events[nearest(triggers, quantity)] as EventMention;
    if (!event.quantities.includes(quantity.value)) event.quantities.push(quantity.value);
  }

  // Actors: organizations other than the speaker (outlets quoted are sources, not actors), and countries
  // that act rather than locate («قاطعته الولايات المتحدة», not «في سوريا»).
  const claimantSpan = claimant?.span ?? null;
  for (const org of sentence.organizations) {
    if (org.kind === 'media' || org.name === claimant?.name) continue;
    if (claimantSpan && overlaps(org, claimantSpan)) continue;
    addUnique((events[nearest(triggers, org)] as EventMention).participants, org.name);
  }
  const located: PlaceMention[] = [];
  for (const place of sentence.places) {
    if (sentence.organizations.some((org) => overlaps(org, place))) continue;
    if (isCountry(place) && !isLocative(place, text, sentence.hits)) {
      const event = events[nearest(triggers, place)] as EventMention;
      if (place.name !== event.claimant) addUnique(event.participants, place.name);
    } else {
      located.push(place);
    }
  }

  // Dates: not the day a statement was made («أعلنت … أمس السبت، إن …») unless the event is that
  // statement, and on the side of the anchor the event's tense says.
  const usable = sentence.dates.filter(
    (date) => date.value !== null && !analysis.attributionSpans.some((span) => overlaps(span, date)),
  );
  for (let i = 0; i < triggers.length; i++) {
    const trigger = triggers[i] as Trigger;
    const event = events[i] as EventMention;
    event.place = best(located, i, triggers, placeOrder)?.name ?? null;
    const fitting = usable.filter((date) => fitsTense(date.value, event.status, input.anchor));
    event.date =
      best(fitting, i, triggers, (a, b) => distance(a, trigger) - distance(b, trigger))?.value ?? null;
  }
  return events;
}

/** The best of the items nearest to trigger i, else the best of all; `order` ranks them. */
function best<T extends { start: number; end: number }>(
  items: readonly T[],
  i: number,
  triggers: readonly Trigger[],
  order: (a: T, b: T, trigger: Trigger) => number,
): T | undefined {
  const trigger = triggers[i] as Trigger;
  let chosen: T | undefined;
  let chosenOwn = false;
  for (const item of items) {
    const own = triggers.length === 1 || nearest(triggers, item) === i;
    if (
      chosen === undefined ||
      (own && !chosenOwn) ||
      (own === chosenOwn && order(item, chosen, trigger) < 0)
    ) {
      chosen = item;
      chosenOwn = own;
    }
  }
  return chosen;
}
