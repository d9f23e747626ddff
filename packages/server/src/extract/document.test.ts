import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownOutlet, type ReadDocument, readDocument, siteSuffix } from './document.ts';

function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** Each boilerplate range as [kind, text]. */
function boilerplateOf(read: ReadDocument): [string, string][] {
  return read.boilerplate.map((range) => [range.kind, read.text.slice(range.start, range.end)]);
}

function isBoilerplate(read: ReadDocument, phrase: string): boolean {
  const at = read.text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return read.boilerplate.some((range) => range.start < at + phrase.length && at < range.end);
}

describe('readDocument: an Arabic news article pasted as text', () => {
  const input = fixture('ar-article.txt');
  const read = readDocument(input);

  it('reads title, outlet, author and language', () => {
    expect(read.isHtml).toBe(false);
    expect(read.text).toBe(input);
    expect(read.title).toBe('وصول قافلة مساعدات أممية إلى ريف إدلب.. والأمم المتحدة تحذر من نقص التمويل');
    expect(read.outlet).toBe('Enab Baladi');
    expect(read.author).toBe('سلمى خالد');
    expect(read.language).toBe('ar');
    expect(read.publishedHint).toBeNull();
  });

  it('marks site name, menu, byline, related links, share and copyright lines', () => {
    expect(boilerplateOf(read)).toEqual([
      ['site_name', '- عنب بلدي'],
      ['navigation', 'الرئيسية | أخبار | تقارير | رأي'],
      ['byline', 'عنب بلدي - (سلمى خالد)'],
      ['related_links', 'اقرأ أيضًا: مجلس الأمن يمدد آلية إدخال المساعدات لستة أشهر'],
      ['navigation', 'شارك'],
      [
        'related_links',
        'مقالات ذات صلة\n\nافتتاح مخبز جديد في مدينة الباب بريف حلب\n\nارتفاع أسعار المحروقات في مناطق شمال غربي سوريا\n\nمنظمة محلية توزع سلالاً غذائية على مخيمات أطمة',
      ],
      ['navigation', 'جميع الحقوق محفوظة © عنب بلدي 2021'],
    ]);
  });

  it('leaves the body outside the boilerplate', () => {
    expect(isBoilerplate(read, '500 طن')).toBe(false);
    expect(isBoilerplate(read, 'هل ستستمر المساعدات عبر الحدود؟')).toBe(false);
    expect(isBoilerplate(read, 'مستودعات برنامج الأغذية العالمي')).toBe(false);
  });
});

describe('readDocument: an English wire story', () => {
  const read = readDocument(fixture('en-wire.txt'));

  it('reads title, outlet from the suffix and dateline, author from the byline', () => {
    expect(read.title).toBe('UN convoy reaches besieged town in southern Syria');
    expect(read.outlet).toBe('Reuters');
    expect(read.author).toBe('Jane Holloway');
    expect(read.language).toBe('en');
  });

  it('marks the suffix, byline, dateline outlet, credits and related coverage', () => {
    expect(boilerplateOf(read)).toEqual([
      ['site_name', '| Reuters'],
      ['byline', 'By Jane Holloway'],
      ['byline', '(Reuters)'],
      ['byline', 'Reporting by Jane Holloway; Editing by Mark Stone'],
      [
        'related_links',
        "Related Coverage\nSyria's economy shrinks as currency slides\nUN appeals for $4.2 billion for Syria response",
      ],
    ]);
    expect(isBoilerplate(read, 'DARAA, Syria')).toBe(false);
  });
});

describe('readDocument: an HTML page', () => {
  const read = readDocument(fixture('page.html'));

  it('reads the article as plain text that offsets index', () => {
    expect(read.isHtml).toBe(true);
    expect(read.text.startsWith('افتتاح مركز صحي جديد في ريف حماة\n\n')).toBe(true);
    expect(read.text).toContain('\n\nافتتحت منظمة محلية، يوم الاثنين، مركزاً صحياً');
    expect(read.text).toContain('النساء & قسماً للإسعاف،\nويعمل');
    for (const furniture of ['الأكثر قراءة', 'جميع الحقوق', 'tracking', 'فيسبوك'])
      expect(read.text).not.toContain(furniture);
  });

  it('reads title, outlet, author, language and publication date from the page', () => {
    expect(read.title).toBe('افتتاح مركز صحي جديد في ريف حماة');
    expect(read.outlet).toBe('Enab Baladi');
    expect(read.author).toBe('ليلى حسن');
    expect(read.language).toBe('ar');
    expect(read.publishedHint).toBe('2021-09-14T08:30:00+03:00');
  });

  it('marks a read-also line inside the article', () => {
    expect(boilerplateOf(read)).toEqual([
      ['related_links', 'اقرأ أيضاً: توقف مستشفى في ريف إدلب عن العمل بسبب نقص الوقود'],
    ]);
  });

  it('removes the site name from <title> when the page has nothing better', () => {
    const page = readDocument(
      '<html><head><title>Convoy reaches Daraa after weeks of siege | Enab Baladi</title></head>' +
        '<body><p>A convoy of 12 trucks reached the city on Tuesday, officials said.</p></body></html>',
    );
    expect(page.title).toBe('Convoy reaches Daraa after weeks of siege');
    expect(page.outlet).toBe('Enab Baladi');
    expect(page.text).toBe(
      'Convoy reaches Daraa after weeks of siege\n\nA convoy of 12 trucks reached the city on Tuesday, officials said.',
    );
    expect(page.language).toBe('en');
  });

  it('reads a page without <article>: site from <title> beside the h1, date from JSON-LD', () => {
    const paragraphs = [
      'A United Nations convoy of 14 trucks reached Atarib in western Aleppo on Wednesday, carrying winter supplies for about 6,000 displaced families.',
      'The delivery was the third this month through the Bab al-Hawa crossing, according to OCHA, which said needs had risen sharply.',
      'Aid groups have called on donors to fund the response plan, which is less than a third funded.',
    ];
    const html =
      '<!doctype html><html><head><title>UN convoy reaches Atarib - Levant Daily</title>' +
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",' +
      '"datePublished":"2022-01-19T10:00:00Z","author":{"@type":"Person","name":"Sam Carter"}}</script></head>' +
      '<body><div id="top-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>' +
      '<div class="entry-content"><h1>UN convoy reaches Atarib</h1><div class="meta">By Sam Carter | 19 January 2022</div>' +
      paragraphs.map((text) => `<p>${text}</p>`).join('') +
      '</div><div class="sidebar"><h3>Most popular</h3><ul><li>Story one</li></ul></div></body></html>';
    const read = readDocument(html);
    expect(read.title).toBe('UN convoy reaches Atarib');
    expect(read.outlet).toBe('Levant Daily');
    expect(read.author).toBe('Sam Carter');
    expect(read.publishedHint).toBe('2022-01-19T10:00:00Z');
    expect(read.text).toBe(
      ['UN convoy reaches Atarib', 'By Sam Carter | 19 January 2022', ...paragraphs].join('\n\n'),
    );
    // The byline, not the date beside it, is boilerplate.
    expect(boilerplateOf(read)).toEqual([['byline', 'By Sam Carter']]);
  });

  it('reads a fragment without <html>', () => {
    const fragment = readDocument('<p>وصلت القافلة.</p><p>بدأ التوزيع.</p><p>انتهى العمل.</p>');
    expect(fragment.isHtml).toBe(true);
    expect(fragment.text).toBe('وصلت القافلة.\n\nبدأ التوزيع.\n\nانتهى العمل.');
  });
});

describe('readDocument: titles', () => {
  it.each([
    ['Aid reaches Aleppo as winter sets in - Reuters', 'Aid reaches Aleppo as winter sets in', 'Reuters'],
    [
      'Aid reaches Aleppo as winter sets in | Some Local Site',
      'Aid reaches Aleppo as winter sets in',
      'Some Local Site',
    ],
    [
      'وصول دفعة جديدة من العائدين إلى ريف حمص — موقع المدينة',
      'وصول دفعة جديدة من العائدين إلى ريف حمص',
      'موقع المدينة',
    ],
    ['افتتاح مدرسة جديدة في مدينة دوما - سانا', 'افتتاح مدرسة جديدة في مدينة دوما', 'SANA'],
  ])('removes the site suffix of «%s»', (line, title, outlet) => {
    const read = readDocument(
      `${line}\n\nوصلت القافلة إلى المدينة صباح اليوم وبدأ توزيع المساعدات على الأهالي.`,
    );
    expect(read.title).toBe(title);
    expect(read.outlet).toBe(outlet);
    expect(boilerplateOf(read)[0]?.[0]).toBe('site_name');
  });

  it('keeps a dash that belongs to the headline', () => {
    expect(readDocument('حلب - وصول قافلة مساعدات\n\nنص الخبر.').title).toBe('حلب - وصول قافلة مساعدات');
    expect(siteSuffix('Syria - UN convoy reaches Idlib')).toBeNull();
  });

  it('takes no title from a first line that is a sentence', () => {
    expect(readDocument('وصلت القافلة إلى المدينة صباح اليوم.\nوبدأ التوزيع.').title).toBeNull();
  });

  it('removes a section and a site after bars', () => {
    expect(siteSuffix('Convoy reaches Idlib | Middle East | Reuters')).toEqual({ at: 21, site: 'Reuters' });
  });
});

describe('readDocument: bylines and datelines', () => {
  const body = 'وصلت القافلة إلى المدينة صباح اليوم وبدأ توزيع المساعدات على الأهالي في الأحياء الشرقية.';

  it.each([
    ['كتب: مازن عبد الله', 'مازن عبد الله', null],
    ['بقلم رنا يوسف', 'رنا يوسف', null],
    ['إعداد: فريق التحرير', 'فريق التحرير', null],
    ['By Jane Smith', 'Jane Smith', null],
    ['By Jane Smith, Reuters', 'Jane Smith', 'Reuters'],
    ['المصدر: سانا', null, 'SANA'],
    ['المصدر: موقع محلي', null, 'موقع محلي'],
    ['بلدي نيوز - (أشرف سليمان)', 'أشرف سليمان', 'Baladi News'],
    ['عنب بلدي - خاص', null, 'Enab Baladi'],
    ['دمشق - سانا', null, 'SANA'],
  ])('reads «%s» as a byline', (line, author, outlet) => {
    const read = readDocument(`عنوان الخبر عن وصول القافلة\n\n${line}\n\n${body}`);
    expect(read.author).toBe(author);
    expect(read.outlet).toBe(outlet);
    expect(boilerplateOf(read)).toContainEqual(['byline', line]);
  });

  it.each([
    ['DAMASCUS (Reuters) - Aid trucks entered the town on Monday.', '(Reuters)', 'Reuters'],
    ['BEIRUT, Lebanon (AP) — Officials said the border crossing reopened.', '(AP)', 'AP'],
    ['Reuters — Syrian officials said the convoy arrived.', 'Reuters', 'Reuters'],
    ['دمشق (سانا) - وصلت قافلة مساعدات إلى ريف دمشق.', '(سانا)', 'SANA'],
    ['دمشق-سانا: وصلت قافلة مساعدات إلى ريف دمشق.', 'سانا', 'SANA'],
  ])('reads the dateline of «%s»', (line, marked, outlet) => {
    const read = readDocument(`Headline about the convoy\n\n${line}`);
    expect(read.outlet).toBe(outlet);
    expect(boilerplateOf(read)).toContainEqual(['byline', marked]);
  });

  it('does not take a source named inside a sentence for a dateline', () => {
    const read = readDocument('عنوان\n\nوقالت الوكالة العربية السورية للأنباء (سانا) إن القافلة وصلت.');
    expect(read.outlet).toBeNull();
    expect(read.boilerplate).toEqual([]);
  });

  it('does not take a sentence that starts with «كتب» or "By" for a byline', () => {
    const read = readDocument(
      'عنوان الخبر\n\nكتب الوزير في تغريدة على حسابه الرسمي أن القافلة وصلت إلى المدينة\n\nBy Monday, the convoy had reached Idlib',
    );
    expect(read.author).toBeNull();
    expect(read.boilerplate).toEqual([]);
  });

  it('names outlets in English whatever spelling the text uses', () => {
    expect(knownOutlet('وكالة الأناضول')).toBe('Anadolu');
    expect(knownOutlet('(رويترز)')).toBe('Reuters');
    expect(knownOutlet('Al-Jazeera')).toBe('Al Jazeera');
    expect(knownOutlet('الشرق الاوسط')).toBe('Asharq Al-Awsat');
    expect(knownOutlet('روسيا اليوم')).toBe('RT Arabic');
    expect(knownOutlet('وزارة الدفاع')).toBeNull();
  });
});

describe('readDocument: menus, share lines and related links', () => {
  it('marks breadcrumbs and menus pasted one item per line', () => {
    const read = readDocument(
      'Home > News > Middle East\nHome\nNews\nWorld\nBusiness\nConvoy reaches Idlib\n\nThe convoy arrived on Monday.',
    );
    expect(boilerplateOf(read)).toEqual([
      ['navigation', 'Home > News > Middle East'],
      ['navigation', 'Home'],
      ['navigation', 'News'],
      ['navigation', 'World'],
      ['navigation', 'Business'],
    ]);
    expect(read.title).toBe('Convoy reaches Idlib');
  });

  it('marks share, follow, tag and copyright lines', () => {
    const read = readDocument(
      'Convoy reaches Idlib\n\nThe convoy arrived on Monday.\n\nShare this article\nFacebook Twitter WhatsApp\n' +
        'تابعنا على تلغرام\nالوسوم: إدلب، مساعدات\n© 2021 Example Media. All rights reserved.',
    );
    expect(boilerplateOf(read).map(([kind]) => kind)).toEqual([
      'navigation',
      'navigation',
      'navigation',
      'navigation',
      'navigation',
    ]);
    expect(read.title).toBe('Convoy reaches Idlib');
  });

  it('ends a related-links list at the first line that reads as body text', () => {
    const read = readDocument(
      'Convoy reaches Idlib\n\nRead more:\nUN warns of funding gap\nBorder crossing reopens\n' +
        'The convoy, the first this month, carried food for 4,000 families, officials said.\n',
    );
    expect(boilerplateOf(read)).toEqual([
      ['related_links', 'Read more:\nUN warns of funding gap\nBorder crossing reopens'],
    ]);
  });

  it('marks an inline «اقرأ أيضا» line alone', () => {
    const read = readDocument('عنوان\n\nنص أول.\n\nاقرا ايضا - عنوان مقال آخر\n\nنص ثان.');
    expect(boilerplateOf(read)).toEqual([['related_links', 'اقرا ايضا - عنوان مقال آخر']]);
  });
});

describe('readDocument: language', () => {
  it('is Arabic when Arabic letters outnumber Latin ones, English otherwise', () => {
    expect(readDocument('التقى المبعوث Geir Pedersen بوزير الخارجية في دمشق اليوم').language).toBe('ar');
    expect(readDocument('The envoy said «السلام عليكم» to the minister in Damascus on Monday').language).toBe(
      'en',
    );
    expect(readDocument('').language).toBe('en');
  });
});

const LINE_PARTS = [
  '\n',
  '\n\n',
  ' ',
  ' - ',
  ' | ',
  '»',
  '›',
  ':',
  '(',
  ')',
  '.',
  '©',
  'الرئيسية',
  'أخبار',
  'اقرأ أيضاً',
  'مقالات ذات صلة',
  'شارك',
  'كتب',
  'بقلم',
  'سانا',
  'Reuters',
  'By',
  'Jane',
  'Home',
  'Related',
  'وصلت القافلة',
];

describe('readDocument: bad input', () => {
  function wellFormed(read: ReadDocument): void {
    let previousEnd = 0;
    const bad = read.boilerplate.find((range) => {
      const wrong = range.start < previousEnd || range.end <= range.start || range.end > read.text.length;
      previousEnd = range.end;
      return wrong;
    });
    expect(bad).toBeUndefined();
  }

  it('reads empty, blank and binary-looking input without throwing', () => {
    for (const input of [
      '',
      '   \n\t  \n',
      '\u0000\u0001\u0002\ufffd\ufffd\u0007'.repeat(500),
      '<',
      '<<<>>>',
      '&amp;',
      '»',
      ' | › ',
      '\n-\n|\n',
    ]) {
      const read = readDocument(input);
      expect(read.title).toBeNull();
      wellFormed(read);
    }
    let bytes = '';
    for (let i = 0; i < 100_000; i++) bytes += String.fromCharCode((i * 7919) % 256);
    wellFormed(readDocument(bytes));
  });

  // Guards against a slow path (quadratic work, catastrophic backtracking), not a speed goal: those
  // are measured in bench/.
  it('reads 2 MB inputs in seconds', { timeout: 60_000 }, () => {
    const page = fixture('page.html');
    const article = page.slice(page.indexOf('<article>'), page.indexOf('</article>') + '</article>'.length);
    const script = `<script>${'var a = "<p>x</p>";'.repeat(2_000)}</script>`;
    const bigPage = `<!DOCTYPE html><html><head><title>t</title></head><body>${(article + script).repeat(40)}${article.repeat(500)}</body></html>`;
    const bigText = fixture('ar-article.txt').repeat(1_200);
    const inputs = [
      bigPage,
      bigText,
      'كلمة '.repeat(400_000),
      'الرئيسية\n'.repeat(220_000),
      '<p>x</p>'.repeat(250_000),
      `<html><body>${'<div>'.repeat(5_000)}نص${'</div>'.repeat(5_000)}</body></html>`,
    ];
    for (const input of inputs) {
      expect(input.length).toBeGreaterThan(50_000);
      const started = performance.now();
      const read = readDocument(input);
      expect(performance.now() - started).toBeLessThan(10_000);
      wellFormed(read);
    }
  });

  it('returns ordered boilerplate inside the text for any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 400 }),
          // The characters lines are split and classified by, with words the rules know.
          fc.array(fc.constantFrom(...LINE_PARTS), { maxLength: 40 }).map((parts) => parts.join('')),
        ),
        (input) => wellFormed(readDocument(input)),
      ),
      { numRuns: 1_000 },
    );
  });
});
