/**
 * Reading a document: its text (the input itself, or an HTML page's main content), what it says about
 * itself (title, outlet, author, language) and which lines are not the article (site name, bylines,
 * related links, menus, share and copyright lines), so that no fact is taken from them.
 */
import { looksLikeHtml, readHtmlPage } from './html.ts';
import { foldChar } from './normalize.ts';
import type { BoilerplateKind, Lang } from './types.ts';

export interface Boilerplate {
  start: number;
  end: number;
  kind: BoilerplateKind;
}

export interface ReadDocument {
  /** What every offset indexes: the input itself for plain text, the extracted text for HTML. */
  text: string;
  isHtml: boolean;
  /** Without the site-name suffix. */
  title: string | null;
  /** The English name where known, else as written. */
  outlet: string | null;
  author: string | null;
  /** Sorted by start, non-overlapping. */
  boilerplate: Boilerplate[];
  language: Lang;
  /** An HTML page's own publication date, as written in its metadata (usually ISO 8601). */
  publishedHint: string | null;
}

// Outlets that report on Syria, by English name, with the spellings they go by in bylines and titles.
const OUTLETS: Readonly<Record<string, readonly string[]>> = {
  'Baladi News': ['بلدي نيوز', 'Baladi News', 'Baladi-News', 'BaladiNews'],
  'Enab Baladi': ['عنب بلدي', 'Enab Baladi'],
  SANA: ['سانا', 'SANA', 'الوكالة العربية السورية للأنباء', 'Syrian Arab News Agency'],
  'Al Jazeera': ['الجزيرة', 'الجزيرة نت', 'الجزيرة مباشر', 'Al Jazeera', 'Aljazeera', 'Al Jazeera English'],
  'Al Arabiya': ['العربية', 'العربية نت', 'العربية.نت', 'Al Arabiya', 'Alarabiya'],
  'Asharq Al-Awsat': ['الشرق الأوسط', 'Asharq Al-Awsat', 'Asharq Alawsat', 'Aawsat'],
  'Syria TV': ['تلفزيون سوريا', 'Syria TV'],
  Reuters: ['رويترز', 'Reuters', 'Thomson Reuters'],
  AFP: ['فرانس برس', 'فرانس بريس', 'أ ف ب', 'AFP', 'Agence France-Presse', 'France Presse'],
  AP: ['أسوشيتد برس', 'اسوشيتد برس', 'أ ب', 'AP', 'Associated Press', 'The Associated Press'],
  'RT Arabic': ['روسيا اليوم', 'آر تي', 'RT', 'RT Arabic', 'RT عربي', 'روسيا اليوم عربي'],
  Sputnik: ['سبوتنيك', 'Sputnik', 'Sputnik Arabic', 'سبوتنيك عربي'],
  TASS: ['تاس', 'TASS'],
  Interfax: ['إنترفاكس', 'انترفاكس', 'Interfax'],
  Xinhua: ['شينخوا', 'Xinhua'],
  'BBC Arabic': ['بي بي سي عربي', 'بي بي سي', 'BBC Arabic', 'BBC', 'BBC News', 'BBC News عربي'],
  Anadolu: ['الأناضول', 'Anadolu', 'Anadolu Agency', 'AA'],
  ReliefWeb: ['ReliefWeb', 'ريليف ويب'],
  OCHA: ['OCHA', 'UN OCHA', 'أوتشا', 'مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية'],
  'UN News': ['UN News', 'أخبار الأمم المتحدة'],
  'Syrian Observatory for Human Rights': ['المرصد السوري لحقوق الإنسان', 'المرصد السوري', 'SOHR'],
  'Al-Watan': ['الوطن', 'الوطن السورية', 'Al-Watan'],
  'Al Mayadeen': ['الميادين', 'الميادين نت', 'Al Mayadeen'],
  'Sky News Arabia': ['سكاي نيوز عربية', 'Sky News Arabia'],
  'Orient News': ['أورينت نت', 'أورينت', 'Orient News', 'Orient Net'],
  'Step News': ['ستيب نيوز', 'Step News'],
  'Zaman al-Wasl': ['زمان الوصل', 'Zaman al-Wasl', 'Zaman Alwasl'],
  'Al-Modon': ['المدن', 'Al-Modon', 'Almodon'],
  'The New Arab': ['العربي الجديد', 'The New Arab', 'Al-Araby Al-Jadeed'],
  'Independent Arabia': ['اندبندنت عربية', 'إندبندنت عربية', 'Independent Arabia'],
  'North Press': ['نورث برس', 'North Press'],
  'Hawar News': ['هاوار', 'وكالة هاوار', 'ANHA', 'Hawar News'],
  'Syria Direct': ['سوريا على طول', 'Syria Direct'],
  'Deutsche Welle': ['دويتشه فيله', 'DW', 'DW عربية', 'Deutsche Welle'],
  'France 24': ['فرانس 24', 'France 24'],
  'Middle East Eye': ['ميدل إيست آي', 'Middle East Eye'],
  'Al-Quds Al-Arabi': ['القدس العربي', 'Al-Quds Al-Arabi'],
  'Al-Ikhbariya': ['الإخبارية السورية', 'Al-Ikhbariya'],
  'Shaam Network': ['شبكة شام', 'Shaam Network'],
};

// Words that only say what kind of outlet follows («وكالة سانا», «صحيفة الوطن»).
const OUTLET_KINDS = ['وكاله', 'موقع', 'صحيفه', 'جريده', 'قناه', 'شبكه', 'تلفزيون', 'مجله', 'the'];
const OUTLET_KIND = new RegExp(`^(?:${OUTLET_KINDS.join('|')}) `);

// Characters that separate words in a key: punctuation, brackets, quotes, bullets, white space.
const KEY_SEPARATOR = /[\s:：\-_|•·»«"“”‘’'`()[\]…!.،,;؛?؟*#>/\\]/;
const foldedChars = new Map<number, string>();

/** `foldChar`, remembered per code unit: keys are built for many short lines. */
function foldedChar(code: number): string {
  let folded = foldedChars.get(code);
  if (folded === undefined) {
    folded = foldChar(String.fromCharCode(code));
    if (folded.length === 1 && KEY_SEPARATOR.test(folded)) folded = ' ';
    foldedChars.set(code, folded);
  }
  return folded;
}

/**
 * A line reduced for matching headings and menu words: folded as recognizers fold, punctuation turned
 * into single spaces, trimmed. «اقرأ أيضاً:» and «اقرا ايضا» give one key.
 */
function lineKey(line: string): string {
  let key = '';
  let space = false;
  for (let i = 0; i < line.length; i++) {
    const folded = foldedChar(line.charCodeAt(i));
    if (folded === ' ') space = key !== '';
    else if (folded !== '') {
      if (space) key += ' ';
      key += folded;
      space = false;
    }
  }
  return key;
}

const OUTLET_BY_KEY: ReadonlyMap<string, string> = new Map(
  Object.entries(OUTLETS).flatMap(([name, spellings]) =>
    [name, ...spellings].map((spelling): [string, string] => [lineKey(spelling), name]),
  ),
);

/** The English name of a known outlet written in any of its spellings, else null. */
/** The first word of every outlet's key, and the kinds that may precede one («وكالة», "the"). */
const OUTLET_HEADS: ReadonlySet<string> = new Set([
  ...[...OUTLET_BY_KEY.keys()].map((key) => key.split(' ', 1)[0] as string),
  ...OUTLET_KINDS,
]);

/** Whether a phrase opening with `word` may name a known outlet: most words open none. */
function mayOpenOutlet(word: string): boolean {
  return OUTLET_HEADS.has(lineKey(word).split(' ', 1)[0] as string);
}

export function knownOutlet(raw: string): string | null {
  if (raw.length > 80) return null;
  const key = lineKey(raw);
  return OUTLET_BY_KEY.get(key) ?? OUTLET_BY_KEY.get(key.replace(OUTLET_KIND, '')) ?? null;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** Non-blank lines, trimmed, with their offsets. */
function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (const match of text.matchAll(/[^\n\r\u2028\u2029]+/g)) {
    let start = match.index;
    let end = start + match[0].length;
    while (start < end && /\s/.test(text[start] as string)) start++;
    while (end > start && /\s/.test(text[end - 1] as string)) end--;
    if (end > start) lines.push({ start, end, text: text.slice(start, end) });
  }
  return lines;
}

/** Lines longer than this are body text: no byline, menu or related-links heading is this long. */
const SHORT_LINE = 200;

const RELATED_HEADING = new RegExp(
  '^(?:' +
    [
      '(?:مقالات|اخبار|مواضيع|مواد|قصص|تقارير|روابط|موضوعات) (?:ذات صله|متعلقه|مشابهه|مرتبطه)',
      'ذات صله',
      '(?:اقرا|اقرئي|اقراوا|شاهد|طالع) (?:ايضا|كذلك|المزيد)',
      'اقرا',
      'المزيد من (?:الاخبار|الاخبار ذات صله|المقالات|التقارير|المواضيع)',
      'المزيد',
      'قد يهمك(?: ايضا)?',
      'اخترنا لك',
      'الاكثر قراءه',
      'related(?: (?:articles?|stories|news|posts|content|coverage|reading|links|topics))?',
      'read (?:more|also|next)',
      'also read',
      'see also',
      'more (?:stories|news|articles|on this story|from [a-z ]{1,30})',
      'most (?:read|popular)',
      'recommended(?: for you)?',
      'you (?:may|might) also like',
      'further reading',
    ].join('|') +
    ')$',
);

const SHARE_LINE =
  /^(?:شارك(?:وا|ي)?(?: (?:المقال|الخبر|هذا المقال|هذا الخبر|علي .+))?|مشاركه(?: .+)?|تابع(?:نا|ونا)(?: علي .+)?|طباعه|share(?: this(?: article| story| post| page)?| on .+| via .+)?|follow us(?: .+)?|print|tweet)$/;
const SOCIAL_WORD =
  /^(?:facebook|twitter|whatsapp|telegram|linkedin|email|x|messenger|reddit|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تيليجرام|تليجرام|لينكدان|البريد الالكتروني)$/;
// Matched on the line as written: «محفوظة» and «محفوظه» both start «محفوظ».
const COPYRIGHT =
  /©|\(c\) ?\d{4}|الحقوق محفوظ|حقوق (?:النشر|الطبع) محفوظ|all rights reserved|copyright \d{4}/i;
const TAGS_HEADING =
  /^(?:الوسوم|وسوم|الكلمات المفتاحيه|كلمات مفتاحيه|التصنيفات|تصنيفات|tags|topics|keywords)$/;
const HOME_WORD = /^(?:الرئيسيه|الصفحه الرئيسيه|home|homepage|home page)$/;
const MENU_WORD =
  /^(?:الرئيسيه|الصفحه الرئيسيه|اخبار|الاخبار|اخبار سوريا|تقارير|مقالات|مقالات الراي|راي|رياضه|اقتصاد|سياسه|منوعات|ثقافه|فيديو|صور|انفوغرافيك|اتصل بنا|من نحن|home|news|world|politics|business|sport|sports|opinion|video|videos|features|contact|contact us|about|about us|middle east)$/;
/** Items of a menu or breadcrumb line. «»» is a breadcrumb arrow in Arabic pages as well as a quote. */
const MENU_SEPARATOR = /\s*[|›»•·]\s*|\s+[>/]\s+/;

/** A line that is a menu or breadcrumb: «الرئيسية | أخبار | تقارير», "Home > News". */
function isMenuLine(line: string, key: string | null): boolean {
  if (line.length > 150 || line.includes('«')) return false;
  const items = line.split(MENU_SEPARATOR).filter((item) => item.trim() !== '');
  if (items.length === 0) return false;
  if (items.length === 1) return key !== null && HOME_WORD.test(key);
  const short = items.every((item) => item.length <= 30 && wordCount(item) <= 3 && !/[.!?؟]$/.test(item));
  if (!short) return false;
  return items.length >= 3 || HOME_WORD.test(lineKey(items[0] as string));
}

function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** A line that could be one item of a related-links list: short, and not a sentence that ends in a stop. */
function isTitleLike(line: string): boolean {
  return line.length <= 150 && wordCount(line) <= 25 && !/[.۔:]$/.test(line);
}

interface Byline {
  author: string | null;
  outlet: string | null;
  /** Whether `outlet` names the publisher (a byline or a title suffix) rather than a source it quotes. */
  publisher: boolean;
}

// Words after a dash that say how a piece was obtained, not who wrote it: «بلدي نيوز - خاص».
const NOT_AN_AUTHOR = /^(?:خاص|متابعات|متابعه|وكالات|تقرير|ترجمه|exclusive|staff|agencies|wires)$/;
// «كتب فلان», «بقلم: فلان»; «تقرير» and «متابعة» also open sentences, so only with a colon or dash.
const AUTHOR_MARK =
  /^(?:(?:كتب|كتبت|بقلم)\s*(?:[:：\-–—]\s*|\s)|(?:[إا]عداد|تقرير|تحرير|متابعة)\s*[:：\-–—]\s*)(.{2,60})$/;
// A wire story's closing credits: "Reporting by Jane Holloway; Editing by Mark Stone".
const CREDIT_LINE =
  /^\(?(?:additional )?(?:reporting|writing|written|compiled) by ([^;,()]{2,60}?)\s*(?:[;,)]|and |$)[^\n]{0,150}$/i;
const SOURCE_MARK = /^(?:المصدر|المصادر|مصدر|source|sources)\s*[:：\-–—]\s*(.{2,60})$/i;
const BY_LINE =
  /^[Bb][Yy]\s+(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|and|de|al|el|bin|van|von)){0,7})\s*(?:[,|–—-]\s*(.{2,40}))?$/u;
// "By Monday, the convoy…" is not a byline.
const NOT_A_NAME =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|The|This|That|Then|Now|Late|Early|Noon|Midnight)\b/;
// A dash with a space on one side at least, or a long dash: «Al-Watan» is one name.
const DASHED = /^(.{2,40}?)(?:\s+[-–—|]\s*|\s*[-–—|]\s+|[–—])(.{2,40})$/;

function stripBrackets(text: string): string {
  return text.replace(/^[((«"“\s]+|[)»"”\s]+$/g, '').trim();
}

function authorFrom(raw: string): string | null {
  const author = stripBrackets(raw).replace(/[.،,:]+$/, '');
  if (author === '' || wordCount(author) > 5 || NOT_AN_AUTHOR.test(lineKey(author))) return null;
  return author;
}

/**
 * What a short line says about who wrote or published the piece, or null when it is not a byline.
 * `early` admits «Outlet - (Author)» with an unknown outlet, which only the top of an article has.
 */
function readByline(line: string, early: boolean): Byline | null {
  const credit = CREDIT_LINE.exec(line);
  if (credit) return { author: authorFrom(credit[1] as string), outlet: null, publisher: true };
  if (line.length > 100) return null;
  const marked = AUTHOR_MARK.exec(line);
  if (marked) {
    const named = marked[1] as string;
    const outlet = knownOutlet(named);
    if (outlet) return { author: null, outlet, publisher: true };
    // «كتب الوزير في تغريدة على حسابه…» opens a sentence: only a name makes it a byline.
    const author = authorFrom(named);
    return author === null ? null : { author, outlet: null, publisher: true };
  }
  const source = SOURCE_MARK.exec(line);
  if (source) {
    const named = stripBrackets(source[1] as string);
    const generic = NOT_AN_AUTHOR.test(lineKey(named));
    return { author: null, outlet: knownOutlet(named) ?? (generic ? null : named), publisher: false };
  }
  const by = BY_LINE.exec(line);
  if (by && !NOT_A_NAME.test(by[1] as string)) {
    const after = by[2] === undefined ? null : knownOutlet(stripBrackets(by[2]));
    if (by[2] === undefined || after !== null)
      return { author: authorFrom(by[1] as string), outlet: after, publisher: true };
  }
  const dashed = DASHED.exec(line);
  if (dashed === null) return null;
  const left = dashed[1] as string;
  const right = dashed[2] as string;
  if (wordCount(left) > 4 || wordCount(right) > 4) return null;
  const leftOutlet = knownOutlet(left);
  if (leftOutlet) {
    return knownOutlet(right) ? null : { author: authorFrom(right), outlet: leftOutlet, publisher: true };
  }
  const rightOutlet = knownOutlet(right);
  // «دمشق - سانا»: a dateline on its own line.
  if (rightOutlet) return { author: null, outlet: rightOutlet, publisher: false };
  if (early && /^\(.+\)$/.test(right.trim()))
    return { author: authorFrom(right), outlet: left.trim(), publisher: true };
  return null;
}

// "By Sam Carter | 19 January 2022": the byline and the date share a line, and the date is a fact.
const BYLINE_SEPARATOR = /\s+[|·•]\s+/;

/** The byline a line is, or opens before a bar, with the length of what it covers. */
function bylineIn(line: string, early: boolean): { byline: Byline; length: number } | null {
  const whole = readByline(line, early);
  if (whole) return { byline: whole, length: line.length };
  // Body lines are long and rarely hold a bar: searching for one is cheaper than running the pattern.
  if (!line.includes('|') && !line.includes('·') && !line.includes('•')) return null;
  const bar = BYLINE_SEPARATOR.exec(line);
  if (bar === null || bar.index > 100) return null;
  const first = readByline(line.slice(0, bar.index), early);
  return first && { byline: first, length: bar.index };
}

interface Dateline {
  start: number;
  end: number;
  outlet: string;
}

const DATELINE_MARK = /[-–—:(]/;
const PARENTHESIZED = /\(([^()\n]{2,40})\)/dg;
const DATELINE_PLACE = /^[^\s\-–—:()]{2,25}(?:\s[^\s\-–—:()]{2,25}){0,2}\s*[-–—]\s*/;
const WORD = /[^\s:()\-–—،,]+/g;

/** The longest run of 1–4 words at `from` in `line` that names a known outlet, as an offset range. */
function outletWordsAt(line: string, from: number): { start: number; end: number; outlet: string } | null {
  WORD.lastIndex = from;
  const words: { start: number; end: number }[] = [];
  for (let match = WORD.exec(line); match && words.length < 4; match = WORD.exec(line)) {
    if (words.length === 0 && !mayOpenOutlet(match[0])) return null;
    const gap = line.slice(words.length === 0 ? from : (words.at(-1) as { end: number }).end, match.index);
    if (words.length > 0 ? !/^ $/.test(gap) : gap.trim() !== '') break;
    words.push({ start: match.index, end: match.index + match[0].length });
  }
  for (let n = words.length; n > 0; n--) {
    const start = (words[0] as { start: number }).start;
    const end = (words[n - 1] as { end: number }).end;
    const outlet = knownOutlet(line.slice(start, end));
    if (outlet) return { start, end, outlet };
  }
  return null;
}

/**
 * The outlet a body line opens with: "BEIRUT (Reuters) -", «دمشق (سانا) -», «دمشق - سانا:»,
 * "Reuters — Syrian officials…". Offsets are within the line.
 */
function readDateline(line: string): Dateline | null {
  const head = line.slice(0, 80);
  // Every dateline form below needs a bracket, a dash or a colon: a head without one is a sentence.
  if (!DATELINE_MARK.test(head)) return null;
  for (const match of head.matchAll(PARENTHESIZED)) {
    const span = match.indices?.[0];
    if (span === undefined || wordCount(head.slice(0, span[0])) > 4) break;
    // «وقالت وكالة الأنباء (سانا) إن»: a source quoted in a sentence is no dateline.
    if (!/^\s*[-–—:,،]/.test(head.slice(span[1]))) continue;
    const outlet = knownOutlet(match[1] as string);
    if (outlet) return { start: span[0], end: span[1], outlet };
  }
  const place = DATELINE_PLACE.exec(head);
  if (place) {
    const after = outletWordsAt(head, place[0].length);
    if (after) return after;
  }
  const first = outletWordsAt(head, 0);
  if (first && /^\s*[-–—:]/.test(head.slice(first.end))) return first;
  return null;
}

// «عنوان - الموقع», "Headline | Reuters", "Headline — Site :: Section".
const SUFFIX_SEPARATOR = /\s+(?:[-–—|·»]|::)\s+/g;

interface Suffix {
  /** Where the site name's separator starts, within the title. */
  at: number;
  site: string;
}

function isSiteSuffix(prefix: string, suffix: string, separator: string, site: string | null): boolean {
  if (suffix === '' || prefix.trim() === '') return false;
  if (knownOutlet(suffix) !== null) return true;
  if (site !== null && lineKey(suffix) === lineKey(site)) return true;
  const suffixWords = wordCount(suffix);
  if (/[|:·]/.test(separator) && suffixWords <= 6) return true;
  const prefixWords = wordCount(prefix);
  return suffixWords <= 4 && suffix.length <= 40 && prefixWords >= 4 && prefixWords >= 2 * suffixWords;
}

/**
 * The site name a title ends with. A second, section-like suffix goes too when a bar or a known name
 * marks it ("Title | Section | Site"); a second dash is more likely part of the headline.
 */
export function siteSuffix(title: string, site: string | null = null): Suffix | null {
  const separators = [...title.matchAll(SUFFIX_SEPARATOR)];
  const last = separators.at(-1);
  if (last === undefined) return null;
  const name = title.slice(last.index + last[0].length).trim();
  if (!isSiteSuffix(title.slice(0, last.index), name, last[0], site)) return null;
  let at = last.index + last[0].search(/\S/);
  const second = separators.at(-2);
  if (second !== undefined) {
    const section = title.slice(second.index + second[0].length, last.index).trim();
    const marked = /[|:·»]/.test(second[0]) || knownOutlet(section) !== null;
    if (marked && isSiteSuffix(title.slice(0, second.index), section, second[0], site))
      at = second.index + second[0].search(/\S/);
  }
  return { at, site: name };
}

/** A headline: one short line with letters and no final full stop. */
function looksLikeHeadline(line: string): boolean {
  if (line.length > 300 || wordCount(line) > 40) return false;
  if (/[^\P{Cc}\t]|\ufffd/u.test(line)) return false;
  if (!/\p{L}.*\p{L}/u.test(line)) return false;
  return !/(?:^|[^.])[.۔:;؛,،]$/.test(line);
}

interface TextReading {
  title: string | null;
  author: string | null;
  /** Outlet candidates, best first. */
  outlets: string[];
  boilerplate: Boilerplate[];
}

type LineKind = BoilerplateKind | 'related_heading' | null;

/** Headings, share lines and social links are short: longer heads are not folded at all. */
const HEAD_LENGTH = 60;
const HEAD_SPLIT = /\s*(?:[:：]|\s[-–—|]\s)\s*/;

/** Kinds of the short lines that are certainly not the article, ignoring their neighbours. */
function lineKindOf(line: string): LineKind {
  if (line.length > SHORT_LINE) return null;
  const split = HEAD_SPLIT.exec(line);
  const headEnd = split ? split.index : line.length;
  const key = line.length <= HEAD_LENGTH ? lineKey(line) : null;
  if (headEnd <= HEAD_LENGTH) {
    const headKey = split === null && key !== null ? key : lineKey(line.slice(0, headEnd));
    const rest = split ? line.slice(split.index + split[0].length).trim() : '';
    if (RELATED_HEADING.test(headKey)) return rest === '' ? 'related_heading' : 'related_links';
    if (TAGS_HEADING.test(headKey) && rest !== '') return 'navigation';
  }
  if (key !== null) {
    if (SHARE_LINE.test(key)) return 'navigation';
    if (key !== '' && key.split(' ').every((word) => SOCIAL_WORD.test(word))) return 'navigation';
  }
  if (COPYRIGHT.test(line)) return 'navigation';
  if (isMenuLine(line, key)) return 'navigation';
  return null;
}

/**
 * A menu pasted one item per line: a run of three or more one-or-two-word lines, at least half of
 * them menu words («الرئيسية», «أخبار», "World"). A run is cut at its last menu word, so a short
 * headline after the menu stays the headline.
 */
function menuRuns(lines: Line[], kinds: LineKind[]): void {
  let runStart = 0;
  let lastMenuWord = -1;
  let menuWords = 0;
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const item =
      line !== undefined && kinds[i] === null && line.text.length <= 20 && wordCount(line.text) <= 2;
    if (item) {
      if (MENU_WORD.test(lineKey(line.text))) {
        menuWords++;
        lastMenuWord = i;
      }
      continue;
    }
    const length = lastMenuWord - runStart + 1;
    if (length >= 3 && menuWords * 2 >= length)
      for (let k = runStart; k <= lastMenuWord; k++) kinds[k] = 'navigation';
    runStart = i + 1;
    lastMenuWord = -1;
    menuWords = 0;
  }
}

/** How many lines from the top a byline or dateline is looked for in. */
const HEAD_LINES = 8;

/**
 * Title, author, outlet and boilerplate of a text read line by line. `knownTitle` (an HTML page's)
 * replaces the title line's reading.
 */
function readText(text: string, knownTitle: string | null): TextReading {
  const lines = linesOf(text);
  const kinds: LineKind[] = lines.map((line) => lineKindOf(line.text));
  menuRuns(lines, kinds);
  const boilerplate: Boilerplate[] = [];
  const ranked: { outlet: string; rank: number }[] = [];
  let title: string | null = knownTitle;
  let author: string | null = null;

  // The title is the first line that is not furniture, if it reads as a headline.
  const titleIndex = kinds.indexOf(null);
  const titleLine = titleIndex >= 0 ? (lines[titleIndex] as Line) : null;
  let titleTaken = false;
  if (knownTitle !== null) {
    titleTaken = titleLine?.text === knownTitle;
  } else if (titleLine && looksLikeHeadline(titleLine.text)) {
    const suffix = siteSuffix(titleLine.text);
    const known = suffix && knownOutlet(suffix.site);
    // «بلدي نيوز - (أشرف سليمان)» is a byline; "Aid reaches Aleppo - Reuters" is a title with its site.
    if (known || readByline(titleLine.text, true) === null) {
      titleTaken = true;
      if (suffix) {
        boilerplate.push({ start: titleLine.start + suffix.at, end: titleLine.end, kind: 'site_name' });
        ranked.push(known ? { outlet: known, rank: 2 } : { outlet: suffix.site, rank: 5 });
      }
      title = suffix ? titleLine.text.slice(0, suffix.at).trim() : titleLine.text;
    }
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const kind = kinds[i];
    if (kind === 'related_heading') {
      let last = i;
      while (
        last + 1 < lines.length &&
        kinds[last + 1] === null &&
        isTitleLike((lines[last + 1] as Line).text)
      )
        last++;
      boilerplate.push({ start: line.start, end: (lines[last] as Line).end, kind: 'related_links' });
      i = last;
      continue;
    }
    if (kind !== null && kind !== undefined) {
      boilerplate.push({ start: line.start, end: line.end, kind });
      continue;
    }
    if (titleTaken && i === titleIndex) continue;
    const found = bylineIn(line.text, i < HEAD_LINES);
    if (found) {
      const { byline, length } = found;
      boilerplate.push({ start: line.start, end: line.start + length, kind: 'byline' });
      if (author === null) author = byline.author;
      if (byline.outlet) {
        const known = knownOutlet(byline.outlet) !== null;
        ranked.push({ outlet: byline.outlet, rank: byline.publisher ? (known ? 1 : 6) : known ? 4 : 7 });
      }
      continue;
    }
    if (i < HEAD_LINES) {
      const dateline = readDateline(line.text);
      if (dateline) {
        boilerplate.push({
          start: line.start + dateline.start,
          end: line.start + dateline.end,
          kind: 'byline',
        });
        ranked.push({ outlet: dateline.outlet, rank: 3 });
      }
    }
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return { title, author, outlets: ranked.map((entry) => entry.outlet), boilerplate };
}

/** How much of a text decides its language: a news article shows its language in its first lines. */
const LANGUAGE_SAMPLE = 4_000;

function isArabicLetter(code: number): boolean {
  return (
    (code >= 0x0620 && code <= 0x064a) ||
    (code >= 0x066e && code <= 0x06d3) ||
    code === 0x06d5 ||
    (code >= 0x06fa && code <= 0x06ff) ||
    (code >= 0x0750 && code <= 0x077f) ||
    (code >= 0x08a0 && code <= 0x08ff) ||
    (code >= 0xfb50 && code <= 0xfdff) ||
    (code >= 0xfe70 && code <= 0xfefc)
  );
}

function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

/** How many characters `languageOf` reads between two looks at whether the answer is settled. */
const LANGUAGE_BLOCK = 256;
const ARABIC = 1;
const LATIN = 2;
/** The script of every UTF-16 unit, looked up once per character of the sample. */
const SCRIPT_OF = new Uint8Array(0x10000).map((_, code) =>
  isArabicLetter(code) ? ARABIC : isLatinLetter(code) ? LATIN : 0,
);

/**
 * Arabic when Arabic letters outnumber Latin ones. Core's `detectLanguage` says the same for any text
 * it decides, but tests three Unicode-property patterns per character; this runs on every extraction.
 */
function languageOf(text: string): Lang {
  let arabic = 0;
  let latin = 0;
  const end = Math.min(text.length, LANGUAGE_SAMPLE);
  for (let block = 0; block < end; block += LANGUAGE_BLOCK) {
    // Once either script leads by more letters than are left to read, the rest cannot change the answer.
    const left = end - block;
    if (arabic > latin + left) return 'ar';
    if (latin >= arabic + left) return 'en';
    const blockEnd = Math.min(end, block + LANGUAGE_BLOCK);
    for (let i = block; i < blockEnd; i++) {
      const script = SCRIPT_OF[text.charCodeAt(i)];
      if (script === ARABIC) arabic++;
      else if (script === LATIN) latin++;
    }
  }
  return arabic > latin ? 'ar' : 'en';
}

/** An author field that names a person: not a URL, not the outlet itself, without "By" or «بقلم». */
function personName(raw: string | null, siteName: string | null): string | null {
  if (raw === null || /^https?:|[/@]/.test(raw) || knownOutlet(raw) !== null) return null;
  if (siteName !== null && lineKey(raw) === lineKey(siteName)) return null;
  const name = raw
    .replace(/^(?:by|بقلم|كتب|كتبت)\s*[:：]?\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  return name === '' || name.length > 80 ? null : name;
}

const BESIDE_TITLE = /^\s+(?:[-–—|·»]|::)\s+(.+)$/;

/** The site a page's <title> names beside its headline: "Headline - Site" or "Site | Headline". */
function siteBesideTitle(documentTitle: string, title: string): string | null {
  if (documentTitle.startsWith(title))
    return BESIDE_TITLE.exec(documentTitle.slice(title.length))?.[1]?.trim() ?? null;
  if (documentTitle.endsWith(title)) {
    const before = documentTitle.slice(0, documentTitle.length - title.length);
    const reversed = /^(.+?)\s+(?:[-–—|·»]|::)\s+$/.exec(before);
    return reversed?.[1]?.trim() ?? null;
  }
  return null;
}

function readHtml(input: string): ReadDocument {
  const page = readHtmlPage(input);
  const suffix = page.title === null ? null : siteSuffix(page.title, page.siteName);
  const title = (suffix ? page.title?.slice(0, suffix.at).trim() : page.title) || null;
  // The headline opens the text, as it opens a pasted article, unless the content already starts with it.
  const text =
    title === null || page.text.slice(0, 500).includes(title)
      ? page.text
      : page.text === ''
        ? title
        : `${title}\n\n${page.text}`;
  const reading = readText(text, title);
  const siteName =
    page.siteName ??
    suffix?.site ??
    (page.documentTitle !== null && title !== null ? siteBesideTitle(page.documentTitle, title) : null);
  const authorOutlet = page.author === null ? null : knownOutlet(page.author);
  const outlets = [
    ...(siteName === null ? [] : [knownOutlet(siteName) ?? siteName]),
    ...(authorOutlet === null ? [] : [authorOutlet]),
    ...reading.outlets,
  ];
  return {
    text,
    isHtml: true,
    title: reading.title,
    outlet: outlets[0] ?? null,
    author: personName(page.author, siteName) ?? personName(page.byline, siteName) ?? reading.author,
    boilerplate: ordered(reading.boilerplate),
    language: languageOf(text),
    publishedHint: page.publishedHint,
  };
}

/** Sorted by start; a range inside an earlier one is dropped, an overlapping one is cut. */
function ordered(ranges: Boilerplate[]): Boilerplate[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Boilerplate[] = [];
  for (const range of sorted) {
    const previous = out.at(-1);
    if (previous === undefined || range.start >= previous.end) out.push(range);
    else if (range.end > previous.end) out.push({ ...range, start: previous.end });
  }
  return out;
}

export function readDocument(input: string): ReadDocument {
  if (looksLikeHtml(input)) return readHtml(input);
  const reading = readText(input, null);
  return {
    text: input,
    isHtml: false,
    title: reading.title,
    outlet: reading.outlets[0] ?? null,
    author: reading.author,
    boilerplate: ordered(reading.boilerplate),
    language: languageOf(input),
    publishedHint: null,
  };
}
