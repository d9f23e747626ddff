import { AppError } from '@tansiq/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Extraction, extract, extractChecked, referenceDay } from './index.ts';

const article = [
  'وصول قافلة مساعدات إلى دير الزور',
  '',
  'أعلن برنامج الأغذية العالمي يوم الأحد، أن قافلة من 25 شاحنة تحمل نحو 300 طن من الطحين وصلت إلى دير الزور.',
  'وقال البرنامج إن توزيع السلال الغذائية على 4 آلاف أسرة سيبدأ الأسبوع المقبل.',
  '',
  'اقرأ أيضا',
  '',
  'قصف على ريف حلب يوقع 5 قتلى',
  'افتتاح مدرسة في حمص',
].join('\n');

/** Every span of every kind indexes the text the extraction read. */
function expectSpansSlice(input: string, result: Extraction): void {
  const text = result.document.text ?? input;
  for (const kind of ['numbers', 'quantities', 'dates', 'places', 'organizations', 'events'] as const) {
    const list = result[kind] as { text: string; start: number; end: number }[];
    let previous = -1;
    for (const mention of list) {
      expect(text.slice(mention.start, mention.end)).toBe(mention.text);
      expect(mention.start).toBeGreaterThanOrEqual(previous);
      previous = mention.start;
    }
  }
}

describe('extract', () => {
  it('assembles the contract: sorted spans of the input, events from the stages', () => {
    const result = extract(article, { published: '2024-03-11' });
    expectSpansSlice(article, result);
    expect(result.document).toMatchObject({ language: 'ar', published: '2024-03-11' });
    expect(result.document.text).toBeUndefined();
    expect(result.quantities.map((q) => q.value)).toEqual(expect.arrayContaining([25, 300, 4000]));
    const types = result.events.map((event) => event.type);
    expect(types).toContain('delivery');
  });

  it('lists no fact from the related-links list', () => {
    const result = extract(article, { published: '2024-03-11' });
    const links = article.indexOf('اقرأ أيضا');
    for (const kind of ['numbers', 'quantities', 'dates', 'places', 'organizations', 'events'] as const) {
      for (const mention of result[kind]) expect(mention.start).toBeLessThan(links);
    }
  });

  it('anchors relative dates on the date given, else the reference time', () => {
    const text = 'وصلت القافلة أمس إلى حماة.';
    const published = extract(text, { published: '2024-03-11' });
    expect(published.dates[0]?.value).toBe('2024-03-10');
    expect(published.document.published).toBe('2024-03-11');
    const referenced = extract(text, { referenceTime: '2024-05-02T23:30:00-04:00' });
    expect(referenced.dates[0]?.value).toBe('2024-05-01');
    expect(referenced.document.published).toBeNull();
  });

  it('reads an HTML page and returns the text its offsets index', () => {
    const html =
      '<html><head><title>Convoy reaches Hama - Example News</title></head><body><nav>Home | World | Contact</nav><article><h1>Convoy reaches Hama</h1><p>The World Food Programme said 18 trucks reached Hama on Sunday.</p></article></body></html>';
    const result = extract(html, { published: '2024-03-11', lang: 'en' });
    expect(typeof result.document.text).toBe('string');
    expect(result.document.language).toBe('en');
    expectSpansSlice(html, result);
  });

  it('throws on options no caller should pass (the HTTP and CLI faces check them first)', () => {
    expect(() => extract('نص', { published: '2024-02-30' })).toThrow(RangeError);
    expect(() => extract('نص', { referenceTime: 'last week' })).toThrow(RangeError);
  });

  it('reads the calendar day of a reference time as written', () => {
    expect(referenceDay('2013-02-12T04:30:00.000-02:00')).toBe('2013-02-12');
    expect(referenceDay('2017-09-27T17:25:49.8200463+08:00')).toBe('2017-09-27');
    expect(referenceDay('2024-03-11')).toBe('2024-03-11');
    expect(referenceDay('2024-02-30T00:00:00Z')).toBeNull();
    expect(referenceDay('yesterday')).toBeNull();
  });
});

describe('extractChecked', () => {
  const limits = { maxBytes: 1000 };
  const code = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof AppError ? error.code : 'not an AppError';
    }
    return 'no error';
  };

  it('refuses empty, non-UTF-8, binary and oversized input, and bad options', () => {
    expect(code(() => extractChecked(' \n\t ', {}, limits))).toBe('extract.empty');
    expect(code(() => extractChecked(new Uint8Array([0x41, 0xc3, 0x28]), {}, limits))).toBe(
      'extract.not_utf8',
    );
    expect(code(() => extractChecked('abc\ud800', {}, limits))).toBe('extract.not_utf8');
    expect(code(() => extractChecked('ab\u0000cd', {}, limits))).toBe('extract.binary');
    expect(code(() => extractChecked('\u0001\u0002\u0003 some text', {}, limits))).toBe('extract.binary');
    expect(code(() => extractChecked('ن'.repeat(501), {}, limits))).toBe('extract.too_large');
    expect(code(() => extractChecked(new Uint8Array(1001).fill(0x41), {}, limits))).toBe('extract.too_large');
    expect(code(() => extractChecked('text', { published: '2024-13-01' }, limits))).toBe(
      'validation.invalid',
    );
    expect(code(() => extractChecked('text', { lang: 'fr' }, limits))).toBe('validation.invalid');
  });

  it('decodes bytes strictly and keeps a BOM, so offsets index what a reader of the file sees', () => {
    const bytes = new TextEncoder().encode('\ufeff12 شاحنة');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes.slice(3)]);
    const result = extractChecked(withBom, { published: '2024-03-11' }, limits);
    expect(result.numbers[0]).toMatchObject({ value: 12, start: 1, end: 3 });
  });
});

// Random text of every kind the extractor may meet; it must answer, and its spans must hold.
const scripts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'في',
          'دمشق',
          'حلب',
          'أمس',
          'السبت',
          '24',
          'تموز/يوليو',
          'ألف',
          'طنا',
          'حوالي',
          'مليون',
          'ونصف',
          'اجتماع',
          'سيعقد',
          'وأعلنت',
          'وزارة',
          'الدفاع',
          '،',
          '.',
          '\n',
          'said',
          'the',
          'UN',
          'on Monday',
          '$',
          '١٢٣',
          '٫',
          '-',
          '/',
          '«',
          '»',
        ),
        fc.stringMatching(/^[0-9]{1,40}$/),
        fc.stringMatching(/^[0-9]{1,3}([,.٬٫][0-9]{1,3}){0,8}$/),
      ),
      { maxLength: 60 },
    )
    .map((words) => words.join(' ')),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '<p>',
          '</p>',
          '<div class="x">',
          '</div>',
          '<script>var a=1;</script>',
          '<br>',
          '<title>',
          '</title>',
          '<html>',
          '<!doctype html>',
          '&amp;',
          '&#1583;',
          '<nav>',
          '</nav>',
        ),
        fc.string({ maxLength: 20 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join('')),
);

describe('extract on anything', () => {
  it('never throws, and every span slices its text', () => {
    fc.assert(
      fc.property(scripts, fc.constantFrom('2024-03-11', null), (input, published) => {
        const result = extract(input, { published, referenceTime: '2024-03-11T00:00:00Z' });
        expectSpansSlice(input, result);
      }),
      { numRuns: 400 },
    );
  });
});
