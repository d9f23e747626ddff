import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, type Range, segment } from './segment.ts';

function sentencesOf(text: string): string[] {
  return segment(text).sentences.map((range) => text.slice(range.start, range.end));
}

describe('segment: paragraphs', () => {
  it('makes every non-blank line a paragraph, trimmed, with offsets into the text', () => {
    const text = '  عنوان الخبر  \n\n\tالفقرة الأولى.\r\nالفقرة الثانية.\n   \n';
    const { paragraphs } = segment(text);
    expect(paragraphs.map((range) => text.slice(range.start, range.end))).toEqual([
      'عنوان الخبر',
      'الفقرة الأولى.',
      'الفقرة الثانية.',
    ]);
  });

  it('finds nothing in an empty or blank text', () => {
    expect(segment('')).toEqual({ paragraphs: [], sentences: [] });
    expect(segment(' \n\t\u00a0\u200f\n')).toEqual({ paragraphs: [], sentences: [] });
  });
});

describe('segment: Arabic sentences', () => {
  it('ends sentences at . ؟ ؛ and the Arabic full stop', () => {
    expect(
      sentencesOf('وصلت القافلة إلى حلب. هل تكفي المساعدات؟ لا؛ الحاجة أكبر۔ وقال المسؤول ذلك.'),
    ).toEqual(['وصلت القافلة إلى حلب.', 'هل تكفي المساعدات؟', 'لا؛', 'الحاجة أكبر۔', 'وقال المسؤول ذلك.']);
  });

  it('does not split decimals, dates or the titles «د.» and «م.» before a name', () => {
    expect(
      sentencesOf(
        'قال د. سامر العلي إن النسبة بلغت 2.5% و٢٫٥ طن حتى 30.08.2021 في المخيم. وأكد م. رامي ذلك.',
      ),
    ).toEqual([
      'قال د. سامر العلي إن النسبة بلغت 2.5% و٢٫٥ طن حتى 30.08.2021 في المخيم.',
      'وأكد م. رامي ذلك.',
    ]);
  });

  it('ends a sentence after a year written with «م.»', () => {
    expect(sentencesOf('افتتح المعبر عام 2019م. وأغلق بعد عامين')).toEqual([
      'افتتح المعبر عام 2019م.',
      'وأغلق بعد عامين',
    ]);
  });

  it('keeps a quotation whole and ends the sentence after it when it closes on a stop', () => {
    expect(sentencesOf('وقال المدير: «وصلت الشاحنات. وبدأ التوزيع». ثم غادر الوفد.')).toEqual([
      'وقال المدير: «وصلت الشاحنات. وبدأ التوزيع».',
      'ثم غادر الوفد.',
    ]);
    expect(sentencesOf('وأضاف: "الاحتياجات تتزايد. والموارد تتناقص." بحسب البيان.')).toEqual([
      'وأضاف: "الاحتياجات تتزايد. والموارد تتناقص."',
      'بحسب البيان.',
    ]);
  });

  it('keeps a headline with «..» between its clauses as one sentence', () => {
    expect(sentencesOf('قافلة تصل إلى إدلب.. والأمم المتحدة تحذر من نقص التمويل')).toEqual([
      'قافلة تصل إلى إدلب.. والأمم المتحدة تحذر من نقص التمويل',
    ]);
  });

  it('splits where the writer left out the space after a stop', () => {
    expect(sentencesOf('وصلت القافلة.وقال المسؤول إنها الأولى')).toEqual([
      'وصلت القافلة.',
      'وقال المسؤول إنها الأولى',
    ]);
  });
});

describe('segment: English sentences', () => {
  it('does not split abbreviations, initials, numbers or dates', () => {
    expect(
      sentencesOf(
        'The U.S. envoy met Dr. Haddad and J. Smith on Jan. 10 about convoy No. 4. It carried 2.5 tonnes. Was it enough? No.',
      ),
    ).toEqual([
      'The U.S. envoy met Dr. Haddad and J. Smith on Jan. 10 about convoy No. 4.',
      'It carried 2.5 tonnes.',
      'Was it enough?',
      'No.',
    ]);
  });

  it('does not split inside web addresses or before a list number', () => {
    expect(sentencesOf('See reliefweb.int for the report. 1. Food')).toEqual([
      'See reliefweb.int for the report.',
      '1. Food',
    ]);
  });

  it('ends a sentence at an ellipsis only before a capital', () => {
    expect(sentencesOf('He paused... Then he spoke. Wait... what now')).toEqual([
      'He paused...',
      'Then he spoke.',
      'Wait... what now',
    ]);
  });

  it('keeps a closing bracket or quote with the sentence it ends', () => {
    expect(sentencesOf('Aid arrived (finally.) "It is late," she said.')).toEqual([
      'Aid arrived (finally.)',
      '"It is late," she said.',
    ]);
  });

  it('ignores a quote that never closes', () => {
    expect(sentencesOf('"Unclosed quote. Second sentence.')).toEqual([
      '"Unclosed quote.',
      'Second sentence.',
    ]);
  });
});

describe('segment: properties', () => {
  // Random text, and random text built from the characters the rules look at.
  const tricky = fc.constantFrom(...'.!?؟؛۔…«»“”„"\'()[] \n\r\t\u00a0\u200f0123456789٠١٢٫aZد.م.قال U.S. Dr.');
  const text = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: tricky, maxLength: 300 }),
  );

  function wellFormed(ranges: Range[], length: number): boolean {
    let previousEnd = 0;
    for (const range of ranges) {
      if (range.start < previousEnd || range.end <= range.start || range.end > length) return false;
      previousEnd = range.end;
    }
    return true;
  }

  it('returns ordered, non-overlapping, non-empty ranges inside the text, trimmed of spaces', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { paragraphs, sentences } = segment(input);
        expect(wellFormed(paragraphs, input.length)).toBe(true);
        expect(wellFormed(sentences, input.length)).toBe(true);
        for (const range of [...paragraphs, ...sentences]) {
          const slice = input.slice(range.start, range.end);
          expect(slice.trim()).toBe(slice);
        }
        // Every sentence lies inside one paragraph.
        for (const sentence of sentences)
          expect(paragraphs.some((p) => p.start <= sentence.start && sentence.end <= p.end)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('covers every non-space character of a paragraph with its sentences', () => {
    const visible = (input: string, ranges: Range[]) => {
      let count = 0;
      for (const range of ranges)
        for (let i = range.start; i < range.end; i++) if (!isSpace(input.charCodeAt(i))) count++;
      return count;
    };
    fc.assert(
      fc.property(text, (input) => {
        const { paragraphs, sentences } = segment(input);
        expect(visible(input, sentences)).toBe(visible(input, paragraphs));
      }),
      { numRuns: 300 },
    );
  });
});
