import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  htmlToText,
  looksLikeHtml,
  mainContent,
  parseHtmlDocument,
  readHtmlMeta,
  readHtmlPage,
  scanText,
  walkText,
  withoutInertBlocks,
} from './html.ts';

const page = readFileSync(new URL('./fixtures/page.html', import.meta.url), 'utf8');

function bodyText(html: string, dropFurniture = true): string {
  const doc = parseHtmlDocument(html);
  return doc.body === null ? '' : htmlToText(doc.body, { dropFurniture });
}

describe('looksLikeHtml', () => {
  it('knows a page by its doctype or root element, after white space, a BOM or comments', () => {
    expect(looksLikeHtml('<!DOCTYPE html><html><body>x</body></html>')).toBe(true);
    expect(looksLikeHtml('\uFEFF\n  <html lang="ar"><body>نص</body></html>')).toBe(true);
    expect(looksLikeHtml('<!-- saved page --><!-- second --> <head><title>t</title></head>')).toBe(true);
  });

  it('knows a fragment by its share of tags', () => {
    expect(looksLikeHtml('<p>وصلت القافلة.</p><p>بدأ التوزيع.</p><p>انتهى.</p>')).toBe(true);
  });

  it('leaves plain text with a stray bracket or a quoted tag as text', () => {
    expect(looksLikeHtml('Prices rose where x < 5 and y > 3 in the camp.')).toBe(false);
    expect(looksLikeHtml(`The page used a <br> tag once. ${'Body text follows here. '.repeat(40)}`)).toBe(
      false,
    );
    expect(looksLikeHtml('')).toBe(false);
    expect(looksLikeHtml('<!-- never closed')).toBe(false);
  });
});

describe('htmlToText', () => {
  it('separates blocks by a blank line and <br> by a line break, and collapses white space', () => {
    expect(
      bodyText('<div><h2>عنوان</h2><p>سطر   أول<br>سطر\n   ثان</p><p> <b>غامق</b>  و<i>مائل</i> </p></div>'),
    ).toBe('عنوان\n\nسطر أول\nسطر ثان\n\nغامق ومائل');
  });

  it('puts list items on their own lines and table cells apart', () => {
    expect(
      bodyText('<ul><li>حلب</li><li>إدلب</li></ul><table><tr><td>المواد</td><td>500 طن</td></tr></table>'),
    ).toBe('حلب\nإدلب\n\nالمواد 500 طن');
  });

  it('decodes entities and drops scripts, styles and hidden blocks', () => {
    expect(
      bodyText(
        '<p>A &amp; B &laquo;C&raquo; &#1605;&#x0633;</p><script>var x = "<p>no</p>";</script><style>p{}</style>' +
          '<div hidden>hidden</div><div style="display: none">gone</div><p aria-hidden="true">aria</p>',
      ),
    ).toBe('A & B «C» مس');
  });

  it('drops page furniture only when asked', () => {
    const html =
      '<header><a>الشعار</a></header><nav>الرئيسية</nav><article><header><h1>العنوان</h1></header><p>النص.</p>' +
      '<div class="social-share">شارك</div></article><aside>جانبي</aside><footer>تذييل</footer>';
    expect(bodyText(html)).toBe('العنوان\n\nالنص.');
    expect(bodyText(html, false)).toBe('الشعار\n\nالرئيسية\n\nالعنوان\n\nالنص.\n\nشارك\n\nجانبي\n\nتذييل');
  });

  it('walks a deeply nested page without overflowing the stack', () => {
    const depth = 20_000;
    const doc = parseHtmlDocument(
      `<html><body>${'<div>'.repeat(depth)}عميق${'</div>'.repeat(depth)}</body></html>`,
    );
    const walked = walkText(doc.body as never, { dropFurniture: true });
    expect(walked.text).toBe('عميق');
    expect(walked.depth).toBeGreaterThan(depth);
  });
});

describe('readHtmlMeta', () => {
  it('reads title, site name, author and publication date from the head', () => {
    expect(readHtmlMeta(parseHtmlDocument(page))).toEqual({
      title: 'افتتاح مركز صحي جديد في ريف حماة',
      documentTitle: 'افتتاح مركز صحي جديد في ريف حماة | عنب بلدي',
      siteName: 'عنب بلدي',
      author: 'ليلى حسن',
      publishedHint: '2021-09-14T08:30:00+03:00',
    });
  });

  it('falls back to the h1, the byline element and <time datetime>', () => {
    const doc = parseHtmlDocument(
      '<html><head><title>Title | Site</title></head><body><article><h1>Headline</h1>' +
        '<span class="byline">By Jane Smith</span><time datetime="2021-07-25">25 July</time></article></body></html>',
    );
    expect(readHtmlMeta(doc)).toEqual({
      title: 'Headline',
      documentTitle: 'Title | Site',
      siteName: null,
      author: 'By Jane Smith',
      publishedHint: '2021-07-25',
    });
  });
});

describe('mainContent', () => {
  it('reads the article of a news page without its menu, sidebar and footer', () => {
    const { text } = mainContent(parseHtmlDocument(page));
    expect(text).toContain('افتتحت منظمة محلية، يوم الاثنين، مركزاً صحياً');
    expect(text).toContain('قسماً للإسعاف،\nويعمل على مدار الساعة');
    expect(text).toContain('المرضى مجاناً');
    for (const furniture of [
      'الرئيسية',
      'الأكثر قراءة',
      'جميع الحقوق',
      'tracking',
      'dataLayer',
      'font-family',
    ])
      expect(text).not.toContain(furniture);
  });

  it('falls back to the body when Readability finds no article', () => {
    expect(mainContent(parseHtmlDocument('<html><body><div>ملاحظة قصيرة.</div></body></html>')).text).toBe(
      'ملاحظة قصيرة.',
    );
  });
});

describe('withoutInertBlocks', () => {
  it('removes scripts, styles, SVG and comments but keeps JSON-LD', () => {
    const html =
      '<p>a</p><script>if (a < b) {}</script><STYLE>p{}</STYLE><!-- note --><svg><text>x</text></svg>' +
      '<script type="application/ld+json">{"datePublished":"2021-07-25"}</script><p>b</p>';
    expect(withoutInertBlocks(html)).toBe(
      '<p>a</p><script type="application/ld+json">{"datePublished":"2021-07-25"}</script><p>b</p>',
    );
  });

  it('treats an unclosed block as running to the end, in linear time', () => {
    expect(withoutInertBlocks('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p>');
    const many = '<!-- x '.repeat(100_000);
    const started = performance.now();
    expect(withoutInertBlocks(`<p>a</p>${many}`)).toBe('<p>a</p>');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('scanText', () => {
  it('reads text between tags with breaks for blocks, without head and furniture', () => {
    expect(
      scanText(
        '<html><head><title>t</title></head><body><nav>menu</nav><p>one &amp; two</p><p>three<br>four</p></body></html>',
      ),
    ).toBe('one & two\n\nthree\nfour');
  });
});

describe('readHtmlPage', () => {
  it('reads a page too large for the DOM by scanning its tags', () => {
    const paragraph = '<p>وصلت <b>القافلة</b> إلى المخيم.</p>';
    const html = `<html><head><meta property="og:title" content="Big page"></head><body>${paragraph.repeat(30_000)}</body></html>`;
    const read = readHtmlPage(html);
    expect(read.title).toBe('Big page');
    expect(read.text.startsWith('وصلت القافلة إلى المخيم.\n\nوصلت القافلة')).toBe(true);
  });
});
