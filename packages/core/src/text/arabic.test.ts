import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicStemVariants, normalizeForMatch, searchQuery, searchTerms, tokenize } from './arabic.ts';

/**
 * Simulates how PostgreSQL evaluates our tsquery against our tsvector: every AND group needs one
 * `word:*` alternative that is a prefix of some stored term.
 */
function tsqueryMatches(query: string | null, terms: string): boolean {
  if (query === null) return false;
  const lexemes = terms.split(' ').filter((term) => term.length > 0);
  return query.split(' & ').every((group) => {
    const alternatives = group
      .replace(/^\(|\)$/g, '')
      .split(' | ')
      .map((alternative) => alternative.replace(/:\*$/, ''));
    return alternatives.some((prefix) => lexemes.some((lexeme) => lexeme.startsWith(prefix)));
  });
}

function finds(query: string, ...record: string[]): boolean {
  return tsqueryMatches(searchQuery(query), searchTerms(...record));
}

describe('normalizeForMatch', () => {
  it('removes harakat, shadda, sukun and the superscript alef', () => {
    expect(normalizeForMatch('الصَّلِيبُ الأَحْمَر')).toBe('الصليب الاحمر');
    expect(normalizeForMatch('هٰذا')).toBe('هذا');
  });

  it('removes Quranic annotation marks and tatweel', () => {
    expect(normalizeForMatch('الصلـــيب')).toBe('الصليب');
    expect(normalizeForMatch('الرَّحِيمِۖ')).toBe('الرحيم');
  });

  it('folds alef variants, alef maqsura, ta marbuta and hamza carriers', () => {
    expect(normalizeForMatch('أحمد إدلب آمنة ٱلحمد')).toBe('احمد ادلب امنه الحمد');
    expect(normalizeForMatch('مصطفى')).toBe('مصطفي');
    expect(normalizeForMatch('اللجنة')).toBe('اللجنه');
    expect(normalizeForMatch('مؤتمر رئيس')).toBe('موتمر رييس');
  });

  it('keeps a lone hamza', () => {
    expect(normalizeForMatch('سماء')).toBe('سماء');
  });

  it('folds Persian kaf and ya to their Arabic forms', () => {
    expect(normalizeForMatch('کرکوک')).toBe('كركوك');
    expect(normalizeForMatch('علی')).toBe('علي');
  });

  it('folds Arabic presentation forms through NFKC', () => {
    expect(normalizeForMatch('\uFEFB')).toBe('لا');
    expect(normalizeForMatch('\uFE91\uFEF4\uFE96')).toBe('بيت');
  });

  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeForMatch('٢٠٢١')).toBe('2021');
    expect(normalizeForMatch('۱۴۰۲')).toBe('1402');
  });

  it('lowercases Latin and strips its accents', () => {
    expect(normalizeForMatch('Ḥalab')).toBe('halab');
    expect(normalizeForMatch('Société Générale')).toBe('societe generale');
    expect(normalizeForMatch('ŞANLIURFA')).toBe('sanliurfa');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(normalizeForMatch('  «حلب»، حمص؛ درعا؟  ')).toBe('حلب حمص درعا');
    expect(normalizeForMatch('al-Qamishli / Deir ez-Zor...')).toBe('al qamishli deir ez zor');
    expect(normalizeForMatch('"Red Cross"\t\n(ICRC)')).toBe('red cross icrc');
  });

  it('joins transliterations split by apostrophes rather than splitting them', () => {
    expect(normalizeForMatch("Ma'arrat al-Nu‘man")).toBe('maarrat al numan');
    expect(normalizeForMatch('Darʿa')).toBe('dara');
    expect(normalizeForMatch('Sana’a')).toBe('sanaa');
  });

  it('deletes invisible format characters inside words but splits on zero-width space', () => {
    expect(normalizeForMatch('می\u200Cخواهم')).toBe('ميخواهم');
    expect(normalizeForMatch('\u200Fحلب\u200E')).toBe('حلب');
    expect(normalizeForMatch('حلب\u200Bحمص')).toBe('حلب حمص');
  });

  it('returns an empty string when nothing searchable is left', () => {
    expect(normalizeForMatch('')).toBe('');
    expect(normalizeForMatch(' ؟!، ... ')).toBe('');
    expect(normalizeForMatch('\uD800')).toBe('');
  });
});

describe('tokenize', () => {
  it('splits normalized text on spaces without empty tokens', () => {
    expect(tokenize(' وزارة  الدفاع، الروسية ')).toEqual(['وزاره', 'الدفاع', 'الروسيه']);
    expect(tokenize('...')).toEqual([]);
  });
});

describe('arabicStemVariants', () => {
  it('strips ل + ال written as «لل»', () => {
    expect(arabicStemVariants('للصليب')).toEqual(['للصليب', 'لصليب', 'صليب']);
  });

  it('strips a conjunction then the article', () => {
    expect(arabicStemVariants('والامم')).toEqual(['والامم', 'الامم', 'امم']);
    expect(arabicStemVariants('فالمنظمه')).toEqual(['فالمنظمه', 'المنظمه', 'منظمه']);
  });

  it('strips a preposition, alone or before the article', () => {
    expect(arabicStemVariants('بدمشق')).toEqual(['بدمشق', 'دمشق']);
    expect(arabicStemVariants('كالعاده')).toEqual(['كالعاده', 'العاده', 'عاده']);
  });

  it('strips conjunction, preposition and article together', () => {
    expect(arabicStemVariants('وبالتالي')).toEqual(['وبالتالي', 'بالتالي', 'التالي', 'تالي']);
  });

  it('keeps the whole word first, since it may really start with a clitic letter', () => {
    for (const word of ['وزاره', 'بلدي', 'لبنان', 'فلسطين', 'كركوك']) {
      expect(arabicStemVariants(word)[0]).toBe(word);
    }
    expect(arabicStemVariants('فلسطين')).toContain('فلسطين');
  });

  it('never leaves fewer than two letters', () => {
    expect(arabicStemVariants('ولي')).toEqual(['ولي', 'لي']);
    expect(arabicStemVariants('بل')).toEqual(['بل']);
    expect(arabicStemVariants('الي')).toEqual(['الي']);
    // «لل» as ل + ال would leave only «ه», so only the preposition is stripped.
    expect(arabicStemVariants('لله')).toEqual(['لله', 'له']);
  });

  it('returns non-Arabic tokens unchanged', () => {
    expect(arabicStemVariants('cross')).toEqual(['cross']);
    expect(arabicStemVariants('2021')).toEqual(['2021']);
  });
});

describe('searchTerms', () => {
  it('stores every variant once, in order of first appearance', () => {
    expect(searchTerms('اللجنة الدولية للصليب الأحمر')).toBe(
      'اللجنه لجنه الدوليه دوليه للصليب لصليب صليب الاحمر احمر',
    );
    expect(searchTerms('الصليب', null, 'صليب الصليب', undefined)).toBe('الصليب صليب');
  });

  it('is empty when there is nothing to store', () => {
    expect(searchTerms()).toBe('');
    expect(searchTerms(null, undefined, ' - ')).toBe('');
  });
});

describe('searchQuery', () => {
  it('ORs the variants of each token as prefixes and ANDs the tokens', () => {
    expect(searchQuery('الصَّلِيب الأحمر')).toBe('(الصليب:* | صليب:*) & (الاحمر:* | احمر:*)');
    expect(searchQuery('Red Cross')).toBe('(red:*) & (cross:*)');
  });

  it('returns null when nothing usable is typed', () => {
    expect(searchQuery('')).toBeNull();
    expect(searchQuery(" ' & | ! ( ) : * \\ ")).toBeNull();
    expect(searchQuery('ـــ َ ')).toBeNull();
  });

  it('neutralises tsquery syntax in user input', () => {
    expect(searchQuery("o'brien & (x | !y):*")).toBe('(obrien:*) & (x:*) & (y:*)');
  });
});

describe('matching a query against stored terms', () => {
  const icrc = 'اللجنة الدولية للصليب الأحمر';

  it.each(['الصليب', 'الصَّلِيب', 'للصليب'])('finds the ICRC by %s', (query) => {
    expect(finds(query, icrc)).toBe(true);
  });

  it.each(['وزارة', 'الوزارة', 'الدفاع', 'دفاع', 'روسيه', 'الروسيّة'])(
    'finds «وزارة الدفاع الروسية» by %s',
    (query) => {
      expect(finds(query, 'وزارة الدفاع الروسية')).toBe(true);
    },
  );

  it('ignores tatweel', () => {
    expect(finds('الصليب', 'الصلـــيب')).toBe(true);
    expect(finds('الصلـــيب', 'الصليب')).toBe(true);
  });

  it('ignores alef variants', () => {
    expect(finds('ادلب', 'محافظة إدلب')).toBe(true);
    expect(finds('إدلب', 'ادلب')).toBe(true);
    expect(finds('الامم', 'الأمم المتحدة')).toBe(true);
    expect(finds('امم', 'والأمم المتحدة')).toBe(true);
    expect(finds('الأمم', 'امم')).toBe(true);
  });

  it('ignores the ya / alef maqsura and ta marbuta / ha distinctions', () => {
    expect(finds('مصطفي', 'مستشفى مصطفى')).toBe(true);
    expect(finds('مصطفى', 'مصطفي')).toBe(true);
    expect(finds('اللجنه', icrc)).toBe(true);
  });

  it('finds Latin records regardless of case and accents', () => {
    expect(finds('Red Cross', 'International Committee of the Red Cross')).toBe(true);
    expect(finds('societe', 'Société du Croissant-Rouge')).toBe(true);
    expect(finds('halab', 'Ḥalab')).toBe(true);
  });

  it('finds a record by one of several texts', () => {
    expect(finds('Red Crescent', 'الهلال الأحمر العربي السوري', 'Syrian Arab Red Crescent')).toBe(true);
  });

  it('requires every token to match', () => {
    expect(finds('Red Crescent', 'International Committee of the Red Cross')).toBe(false);
    expect(finds('الصليب دمشق', icrc)).toBe(false);
  });

  it('matches Arabic-Indic digits against ASCII digits', () => {
    expect(finds('2021', 'تقرير ٢٠٢١')).toBe(true);
    expect(finds('٢٠٢١', 'report 2021')).toBe(true);
  });
});

/*
 * Strings made mostly of the characters the folding cares about, so the properties exercise the Arabic
 * rules and tsquery syntax far more often than uniformly random code points would.
 */
const interestingCharacter = fc.constantFrom(
  ...'اأإآٱءؤئىيةهوفبكلیکـًٌٍَُِّْٰۖۗ٠٩۰۹،؛؟«»-/.\'":&|!()*\\<>  \t\n\u200B\u200C\u200FAÉéİΣς'.split(''),
);
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const anyUnicodeText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.oneof(interestingCharacter, loneSurrogate, fc.string({ unit: 'binary', maxLength: 1 })),
  }),
);

const PROPERTY_RUNS = { numRuns: 2000 };

describe('properties', () => {
  it('does not join lone surrogates across a removed mark (a property run found it)', () => {
    const once = normalizeForMatch('\ud801\u06d7\udc00');
    expect(once).toBe('');
    expect(normalizeForMatch(once)).toBe(once);
  });

  it('normalizeForMatch is idempotent', () => {
    fc.assert(
      fc.property(anyUnicodeText, (text) => {
        const once = normalizeForMatch(text);
        expect(normalizeForMatch(once)).toBe(once);
      }),
      PROPERTY_RUNS,
    );
  });

  it('normalizeForMatch is idempotent on every single code point', { timeout: 60_000 }, () => {
    const unstable: string[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const once = normalizeForMatch(String.fromCodePoint(codePoint));
      if (normalizeForMatch(once) !== once) unstable.push(codePoint.toString(16));
    }
    expect(unstable).toEqual([]);
  });

  it('normalizeForMatch leaves only letters, digits and single inner spaces', () => {
    fc.assert(
      fc.property(anyUnicodeText, (text) => {
        expect(normalizeForMatch(text)).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
      }),
      PROPERTY_RUNS,
    );
  });

  it('searchTerms output is safe for to_tsvector', () => {
    fc.assert(
      fc.property(fc.array(fc.option(anyUnicodeText), { maxLength: 4 }), (texts) => {
        expect(searchTerms(...texts)).toMatch(/^[\p{L}\p{N} ]*$/u);
      }),
      PROPERTY_RUNS,
    );
  });

  it('searchQuery output is safe for to_tsquery', () => {
    fc.assert(
      fc.property(anyUnicodeText, (text) => {
        const query = searchQuery(text);
        if (query === null) {
          expect(tokenize(text)).toEqual([]);
        } else {
          expect(query).toMatch(/^[\p{L}\p{N} :*|&()]+$/u);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('every stem variant keeps the token or at least two letters', () => {
    fc.assert(
      fc.property(anyUnicodeText, (text) => {
        for (const token of tokenize(text)) {
          const variants = arabicStemVariants(token);
          expect(variants[0]).toBe(token);
          expect(new Set(variants).size).toBe(variants.length);
          for (const variant of variants) {
            expect(token.endsWith(variant)).toBe(true);
            if (variant !== token) expect([...variant].length).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it('a record is always found by its own text', () => {
    fc.assert(
      fc.property(anyUnicodeText, (text) => {
        const query = searchQuery(text);
        if (query !== null) expect(tsqueryMatches(query, searchTerms(text))).toBe(true);
      }),
      PROPERTY_RUNS,
    );
  });
});
