/**
 * Reading an HTML page: is the input HTML at all, its metadata, and its main content as plain text with
 * paragraph breaks. The DOM comes from linkedom; the server compiles without the DOM library, so the few
 * node members used here are declared structurally below.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** How much of the input the HTML sniffing reads: a page declares itself in its first kilobytes. */
const SNIFF_LENGTH = 20_000;
const DECLARED_HTML = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;
const HTML_TAG =
  /<\/?(?:p|div|br|a|span|h[1-6]|ul|ol|li|article|section|main|header|footer|nav|aside|body|head|meta|title|script|style|strong|em|b|i|img|table|tr|td|th|figure|figcaption|time|blockquote|link)\b[^<>]{0,2000}>/gi;

/** Whether the sample opens, after white space and comments, with a doctype, <html>, <head> or <body>. */
function declaresHtml(sample: string): boolean {
  let at = 0;
  for (;;) {
    while (at < sample.length && /\s|\uFEFF/.test(sample.charAt(at))) at++;
    if (!sample.startsWith('<!--', at)) break;
    const close = sample.indexOf('-->', at + 4);
    if (close === -1) return false;
    at = close + 3;
  }
  return DECLARED_HTML.test(sample.slice(at, at + 20));
}

/**
 * True for a page or an HTML fragment: a doctype or <html>/<head>/<body> at the start, or known tags
 * making up a noticeable share of the text. A plain text quoting one tag, or «a < b > c», stays text.
 */
export function looksLikeHtml(input: string): boolean {
  const sample = input.length > SNIFF_LENGTH ? input.slice(0, SNIFF_LENGTH) : input;
  // Both tests below look for tags: a text without «<» has none, and most texts are plain.
  if (!sample.includes('<')) return false;
  if (declaresHtml(sample)) return true;
  let tags = 0;
  let tagChars = 0;
  for (const match of sample.matchAll(HTML_TAG)) {
    tags++;
    tagChars += match[0].length;
  }
  return tags >= 3 && tagChars / sample.length >= 0.05;
}

const INERT_OPEN = /<!--|<(script|style|svg|template|noscript)\b([^<>]*)>/gi;
const INERT_CLOSE: Readonly<Record<string, RegExp>> = {
  script: /<\/script\s*>/gi,
  style: /<\/style\s*>/gi,
  svg: /<\/svg\s*>/gi,
  template: /<\/template\s*>/gi,
  noscript: /<\/noscript\s*>/gi,
};

/**
 * The page without scripts, styles, SVG drawings and comments: most of a large page's bytes and none of
 * its text. JSON-LD stays, for the publication date Readability reads from it. An unclosed block runs to
 * the end, as in a browser. Each search starts where the last one ended, so this stays linear.
 */
export function withoutInertBlocks(html: string): string {
  const parts: string[] = [];
  let from = 0;
  INERT_OPEN.lastIndex = 0;
  for (let open = INERT_OPEN.exec(html); open !== null; open = INERT_OPEN.exec(html)) {
    const tag = open[1]?.toLowerCase();
    if (tag === 'script' && /application\/ld\+json/i.test(open[2] ?? '')) continue;
    parts.push(html.slice(from, open.index));
    let resume: number;
    if (tag === undefined) {
      const close = html.indexOf('-->', INERT_OPEN.lastIndex);
      resume = close === -1 ? -1 : close + 3;
    } else {
      const closer = INERT_CLOSE[tag] as RegExp;
      closer.lastIndex = INERT_OPEN.lastIndex;
      const close = closer.exec(html);
      resume = close === null ? -1 : close.index + close[0].length;
    }
    if (resume === -1) return parts.join('');
    from = resume;
    INERT_OPEN.lastIndex = resume;
  }
  parts.push(html.slice(from));
  return parts.join('');
}

/** How many tags open in the text: a cheap count, before deciding how to parse it. */
function countTags(html: string): number {
  let count = 0;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    const code = html.charCodeAt(at + 1) | 0x20;
    if (code >= 0x61 && code <= 0x7a) count++;
  }
  return count;
}

/**
 * The parsed page. linkedom misplaces a fragment without <html> (it nests <head> inside the first
 * element), so fragments are wrapped into a whole document first.
 */
export function parseHtmlDocument(input: string): DomDocument {
  const head = input.slice(0, SNIFF_LENGTH);
  const html = /<html[\s>]/i.test(head)
    ? input
    : /<(?:head|body)[\s>]/i.test(head)
      ? `<!DOCTYPE html><html>${input}</html>`
      : `<!DOCTYPE html><html><head></head><body>${input}</body></html>`;
  return parseHTML(html).document as unknown as DomDocument;
}

// Blocks end a paragraph; these few only end a line (list items, rows, terms), as a reader sees them.
const LINE_BLOCKS = new Set(['LI', 'TR', 'DT', 'DD', 'CAPTION', 'LEGEND', 'OPTION']);
const PARAGRAPH_BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CENTER DETAILS DIALOG DIV DL FIELDSET FIGCAPTION FIGURE FOOTER FORM ' +
    'H1 H2 H3 H4 H5 H6 HEADER HGROUP HR MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY THEAD TFOOT UL'
  ).split(' '),
);
const CELLS = new Set(['TD', 'TH']);

/** Never text of the article, wherever they sit. */
const NEVER_TEXT = new Set(
  (
    'SCRIPT STYLE NOSCRIPT TEMPLATE SVG MATH IFRAME OBJECT EMBED CANVAS VIDEO AUDIO SELECT BUTTON INPUT ' +
    'TEXTAREA HEAD TITLE META LINK'
  ).split(' '),
);

/** Page furniture: dropped by the whole-page walk, kept when Readability already chose the content. */
const FURNITURE = new Set(['NAV', 'FOOTER', 'ASIDE', 'MENU']);
const FURNITURE_ROLE = /^(?:navigation|banner|contentinfo|complementary|menu|menubar|search)$/i;
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:related|share|sharing|social|comments?|breadcrumbs?|menu|sidebar|newsletter|advert|ads|promo|cookie|subscribe|tags)(?:$|[\s_-])/i;

function isHidden(element: DomElement): boolean {
  if (element.getAttribute('hidden') !== null) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function isFurniture(element: DomElement, insideArticle: boolean): boolean {
  const tag = element.tagName;
  if (FURNITURE.has(tag)) return true;
  // A page's <header> holds the logo and menu; an article's <header> holds its headline.
  if (tag === 'HEADER' && !insideArticle) return true;
  const role = element.getAttribute('role');
  if (role !== null && FURNITURE_ROLE.test(role)) return true;
  const marks = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return marks.length > 1 && FURNITURE_CLASS.test(marks);
}

/** Leaving an element: the break it ends with, and whether it was an article. */
class Leave {
  constructor(
    readonly level: number,
    readonly article: boolean,
  ) {}
}

export interface TextWalkOptions {
  /** Drop nav, footer, aside, page headers and menu/share/related containers. */
  dropFurniture: boolean;
}

export interface WalkedText {
  text: string;
  /** Elements entered, and how deep they nest: what decides whether Readability can afford the page. */
  elements: number;
  depth: number;
}

/**
 * Writes text runs with white space collapsed and breaks between blocks: "\n\n" after a paragraph,
 * "\n" after a line, a space between table cells. A break is only written before the next text, so
 * empty blocks leave none.
 */
class TextWriter {
  private readonly out: string[] = [];
  // 0: nothing pending, 1: a space, 2: a line break, 3: a paragraph break.
  private pending = 0;
  private endsWithSpace = true;

  pend(level: number): void {
    if (level > this.pending) this.pending = level;
  }

  write(raw: string): void {
    let chunk = raw.replace(/[\t\n\f\r ]+/g, ' ');
    if (this.endsWithSpace || this.pending > 0) chunk = chunk.replace(/^ /, '');
    if (chunk === '') return;
    if (this.out.length > 0 && this.pending > 0) {
      if (this.pending > 1) this.trimEnd();
      this.out.push(this.pending === 3 ? '\n\n' : this.pending === 2 ? '\n' : this.endsWithSpace ? '' : ' ');
    }
    this.pending = 0;
    this.out.push(chunk);
    this.endsWithSpace = chunk.endsWith(' ');
  }

  private trimEnd(): void {
    const last = this.out.length - 1;
    this.out[last] = (this.out[last] as string).replace(/ +$/, '');
  }

  text(): string {
    return this.out.join('').trim();
  }
}

const BREAK_AFTER: Readonly<Record<number, number>> = { 0: 0, 1: 2, 2: 3 };

/**
 * Plain text of a subtree: "\n\n" between blocks, "\n" for <br> and list items, runs of white space
 * collapsed, entities already decoded by the parser. Iterative, so a deeply nested page cannot
 * overflow the stack.
 */
export function walkText(root: DomNode, options: TextWalkOptions): WalkedText {
  const writer = new TextWriter();
  // Nodes to enter and, for each element entered, a marker to pass once its children are done.
  const stack: (DomNode | Leave)[] = [root];
  let insideArticle = 0;
  let depth = 0;
  let maxDepth = 0;
  let elements = 0;
  while (stack.length > 0) {
    const item = stack.pop() as DomNode | Leave;
    if (item instanceof Leave) {
      writer.pend(item.level);
      if (item.article) insideArticle--;
      depth--;
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      writer.write(item.textContent ?? '');
      continue;
    }
    if (item.nodeType !== ELEMENT_NODE && item !== root) continue;
    // HTML documents name their elements in upper case.
    const tag = item.nodeName;
    const block = PARAGRAPH_BLOCKS.has(tag) ? 2 : LINE_BLOCKS.has(tag) ? 1 : 0;
    if (item.nodeType === ELEMENT_NODE) {
      elements++;
      if (NEVER_TEXT.has(tag)) continue;
      if (tag === 'BR') {
        writer.pend(2);
        continue;
      }
      // Attributes are read on containers only: an inline element rarely hides or frames anything.
      const element = item as DomElement;
      if ((block > 0 || FURNITURE.has(tag)) && isHidden(element)) continue;
      if (
        options.dropFurniture &&
        (block > 0 || FURNITURE.has(tag)) &&
        isFurniture(element, insideArticle > 0)
      )
        continue;
    }
    const article = tag === 'ARTICLE' || tag === 'MAIN';
    if (article) insideArticle++;
    depth++;
    if (depth > maxDepth) maxDepth = depth;
    const level = CELLS.has(tag) ? 1 : (BREAK_AFTER[block] as number);
    writer.pend(level);
    stack.push(new Leave(level, article));
    const children = item.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as DomNode);
  }
  return { text: writer.text(), elements, depth: maxDepth };
}

export function htmlToText(root: DomNode, options: TextWalkOptions): string {
  return walkText(root, options).text;
}

export interface HtmlMeta {
  title: string | null;
  /** The <title>, which often names the site when the other titles do not. */
  documentTitle: string | null;
  siteName: string | null;
  author: string | null;
  publishedHint: string | null;
}

function attribute(doc: DomDocument, selector: string, name: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value : null;
}

function elementText(doc: DomDocument, selector: string): string | null {
  const value = doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
}

// <meta> keys (property, name or itemprop, lower-cased) in the order they are trusted.
const TITLE_KEYS = ['og:title', 'twitter:title'];
const SITE_KEYS = ['og:site_name', 'application-name'];
const AUTHOR_KEYS = ['author', 'article:author'];
const PUBLISHED_KEYS = [
  'article:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'date',
  'dc.date.issued',
];

function pick(values: ReadonlyMap<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = values.get(key);
    if (value !== undefined) return value;
  }
  return null;
}

/** Each <meta>'s content by its key; the first one of a key wins. */
function metaValues(doc: DomDocument): Map<string, string> {
  const values = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const meta = metas[i] as DomElement;
    const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop');
    const content = meta.getAttribute('content')?.trim();
    if (key && content && !values.has(key.toLowerCase())) values.set(key.toLowerCase(), content);
  }
  return values;
}

/**
 * What the page says about itself, before anything rewrites the DOM. Titles keep their site suffix.
 * Elements are only searched for what the <meta> tags leave open: each search walks the whole page.
 */
export function readHtmlMeta(doc: DomDocument): HtmlMeta {
  const values = metaValues(doc);
  return {
    title:
      pick(values, TITLE_KEYS) ??
      elementText(doc, 'article h1') ??
      elementText(doc, 'h1') ??
      elementText(doc, 'title'),
    documentTitle: elementText(doc, 'title'),
    siteName: pick(values, SITE_KEYS),
    author:
      pick(values, AUTHOR_KEYS) ??
      elementText(doc, '[itemprop="author"]') ??
      elementText(doc, '[rel="author"]') ??
      elementText(doc, '.byline') ??
      elementText(doc, '.author'),
    publishedHint:
      pick(values, PUBLISHED_KEYS) ??
      attribute(doc, 'article time[datetime]', 'datetime') ??
      attribute(doc, 'time[datetime]', 'datetime'),
  };
}

export interface MainContent {
  text: string;
  /** Readability's byline and JSON-LD date, when it found an article. */
  byline: string | null;
  publishedTime: string | null;
}

// Readability on linkedom takes about a tenth of a second for a common news page and grows faster than
// the page: past these sizes a marked-up article or the whole page's text is read instead.
const READABILITY_MAX_ELEMENTS = 4_000;
const READABILITY_MAX_DEPTH = 60;

// Where pages mark their article; the longest one wins, as listing pages hold many <article> teasers.
const ARTICLE_SELECTOR = '[itemprop="articleBody"], article, main, [role="main"]';

/** The text of the element a page marks as its article, when it holds a fair share of the page's text. */
function markedArticle(doc: DomDocument, whole: string): string | null {
  let best = '';
  const candidates = doc.querySelectorAll(ARTICLE_SELECTOR);
  for (let i = 0; i < candidates.length; i++) {
    const text = htmlToText(candidates[i] as DomElement, { dropFurniture: true });
    if (text.length > best.length) best = text;
  }
  return best.length >= 200 && best.length >= whole.length * 0.3 ? best : null;
}

function readability(doc: DomDocument): ReturnType<Readability<DomNode>['parse']> {
  try {
    return new Readability<DomNode>(doc as never, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
  } catch {
    // A DOM shape Readability does not expect: the other readings stand.
    return null;
  }
}

/**
 * The article's text: Readability's choice on a page of common size, else the element the page marks
 * as its article, else the page's body without its furniture. Readability rewrites the DOM, so it runs
 * last.
 */
export function mainContent(doc: DomDocument): MainContent {
  const body = doc.body ?? doc.documentElement;
  const whole = body === null ? { text: '', elements: 0, depth: 0 } : walkText(body, { dropFurniture: true });
  const marked = markedArticle(doc, whole.text);
  const affordable = whole.elements <= READABILITY_MAX_ELEMENTS && whole.depth <= READABILITY_MAX_DEPTH;
  const article = affordable ? readability(doc) : null;
  const content = article?.content ?? null;
  const chosen = content === null ? '' : htmlToText(content, { dropFurniture: false });
  // Readability sometimes settles on a small box (a caption, a teaser) on pages it cannot score.
  const useChosen = chosen.length > 0 && chosen.length >= (marked ?? whole.text).length * 0.2;
  return {
    text: useChosen ? chosen : (marked ?? whole.text),
    byline: article?.byline?.trim() || null,
    publishedTime: article?.publishedTime?.trim() || null,
  };
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00A0',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  copy: '©',
  zwnj: '\u200C',
  zwj: '\u200D',
  rlm: '\u200F',
  lrm: '\u200E',
};

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g,
    (entity, dec, hex, name) => {
      if (name !== undefined) return NAMED_ENTITIES[(name as string).toLowerCase()] ?? entity;
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    },
  );
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const SKIPPED_BY_SCAN = new Set([
  'HEAD',
  'TITLE',
  'SELECT',
  'BUTTON',
  'TEXTAREA',
  'NAV',
  'FOOTER',
  'ASIDE',
  'MENU',
]);

/**
 * A page too large for the DOM, read tag by tag: text between tags, block tags as breaks, head and page
 * furniture left out. Coarser than the DOM walk (no class-based furniture), but linear.
 */
export function scanText(html: string): string {
  const writer = new TextWriter();
  let skipped = 0;
  let from = 0;
  TAG.lastIndex = 0;
  for (let tag = TAG.exec(html); tag !== null; tag = TAG.exec(html)) {
    if (skipped === 0) writer.write(decodeEntities(html.slice(from, tag.index)));
    from = TAG.lastIndex;
    const name = (tag[2] as string).toUpperCase();
    const closing = tag[1] === '/';
    if (SKIPPED_BY_SCAN.has(name)) skipped = Math.max(0, skipped + (closing ? -1 : 1));
    if (name === 'BR') writer.pend(2);
    else if (PARAGRAPH_BLOCKS.has(name)) writer.pend(3);
    else if (LINE_BLOCKS.has(name)) writer.pend(2);
    else if (CELLS.has(name)) writer.pend(1);
  }
  if (skipped === 0) writer.write(decodeEntities(html.slice(from)));
  return writer.text();
}

const META_TAG = /<meta\b[^<>]*>/gi;
const ATTRIBUTE = /([a-zA-Z][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;

/** The metadata of a page too large for the DOM, from its <meta> and <title> tags. */
function scanMeta(html: string): HtmlMeta {
  const values = new Map<string, string>();
  for (const tag of html.matchAll(META_TAG)) {
    const attributes = new Map<string, string>();
    for (const pair of tag[0].matchAll(ATTRIBUTE))
      attributes.set(
        (pair[1] as string).toLowerCase(),
        decodeEntities(pair[2] ?? pair[3] ?? pair[4] ?? '').trim(),
      );
    const key = attributes.get('property') ?? attributes.get('name') ?? attributes.get('itemprop');
    const content = attributes.get('content');
    if (key && content && !values.has(key.toLowerCase())) values.set(key.toLowerCase(), content);
  }
  const title = /<title\b[^<>]*>([^<]*)</i.exec(html)?.[1];
  const documentTitle =
    title === undefined ? null : decodeEntities(title).replace(/\s+/g, ' ').trim() || null;
  return {
    title: pick(values, TITLE_KEYS) ?? documentTitle,
    documentTitle,
    siteName: pick(values, SITE_KEYS),
    author: pick(values, AUTHOR_KEYS),
    publishedHint: pick(values, PUBLISHED_KEYS),
  };
}

/** Past this many tags linkedom takes seconds; the page is then read by `scanText`. */
const MAX_DOM_TAGS = 50_000;

export interface HtmlPage extends HtmlMeta {
  /** The main content as plain text, paragraphs separated by blank lines. */
  text: string;
  /** The byline Readability found in the page, when it ran. */
  byline: string | null;
}

/** An HTML page's main text and what it says about itself. */
export function readHtmlPage(input: string): HtmlPage {
  const html = withoutInertBlocks(input);
  if (countTags(html) > MAX_DOM_TAGS) return { ...scanMeta(html), text: scanText(html), byline: null };
  const doc = parseHtmlDocument(html);
  const meta = readHtmlMeta(doc);
  const content = mainContent(doc);
  return {
    text: content.text,
    title: meta.title,
    documentTitle: meta.documentTitle,
    siteName: meta.siteName,
    author: meta.author,
    byline: content.byline,
    publishedHint: meta.publishedHint ?? content.publishedTime,
  };
}
