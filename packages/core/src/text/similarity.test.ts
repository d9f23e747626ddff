import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import {
  arabicRelease,
  arabicRepublished,
  arabicSameEvents,
  arabicUnrelated,
  englishRelease,
  englishRepublished,
} from './similarity.fixtures.ts';
import {
  estimateJaccard,
  fmix32,
  fromInt32,
  hashString32,
  jaccard,
  LSH_BANDS,
  lshBands,
  MINHASH_SIZE,
  matchWords,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  shingleHashes,
  toInt32,
} from './similarity.ts';

const signatureOf = (text: string) => minhashSignature(shingleHashes(text));
const exact = (a: string, b: string) => jaccard(shingleHashes(a), shingleHashes(b));
const estimated = (a: string, b: string) => estimateJaccard(signatureOf(a), signatureOf(b));

describe('hashing', () => {
  it('is 32-bit, deterministic and spreads nearby inputs', () => {
    expect(hashString32('طحين')).toBe(hashString32('طحين'));
    expect(hashString32('طحين')).not.toBe(hashString32('طحين', 1));
    const values = new Set(['a', 'b', 'ab', 'ba', 'abc', ''].map((word) => hashString32(word)));
    expect(values.size).toBe(6);
    for (const value of values) expect(value >>> 0).toBe(value);
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).not.toBe(fmix32(2));
  });
});

describe('shingles', () => {
  it('ignore harakat, tatweel, hamza seats, punctuation, line endings and digit scripts', () => {
    const plain = 'وصلت القافلة إلى تل رفعت وتحمل 160 طنا من الطحين';
    const decorated = 'وَصَلَتِ القـــافِلَةُ، الى «تلّ رفعت»\r\nوتحمل ١٦٠ طنًّا من الطحين!';
    expect(matchWords(decorated)).toEqual(matchWords(plain));
    expect(shingleHashes(decorated)).toEqual(shingleHashes(plain));
  });

  it('are word 5-grams: one per position, repeats counted once, sorted', () => {
    const shingles = shingleHashes('a b c d e f g a b c d e');
    // 8 positions; "a b c d e" occurs twice.
    expect(shingles.length).toBe(7);
    expect([...shingles]).toEqual([...shingles].sort((x, y) => x - y));
  });

  it('make one shingle of a short text, none of a text without words', () => {
    expect(shingleHashes('وصلت القافلة').length).toBe(1);
    expect(shingleHashes(' ... ،،، ').length).toBe(0);
  });
});

describe('near-duplicates', () => {
  it('finds identical texts identical', () => {
    expect(exact(arabicRelease, arabicRelease)).toBe(1);
    expect(estimated(arabicRelease, arabicRelease)).toBe(1);
  });

  it('finds a re-published press release (new first line, harakat, tatweel, footer) above the threshold', () => {
    const similarity = exact(arabicRelease, arabicRepublished);
    expect(similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(similarity).toBeLessThan(1);
    expect(Math.abs(estimated(arabicRelease, arabicRepublished) - similarity)).toBeLessThan(0.15);
    expect(exact(englishRelease, englishRepublished)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it('keeps another article on the same events, an unrelated article and a translation far below', () => {
    for (const other of [arabicSameEvents, arabicUnrelated, englishRelease]) {
      expect(exact(arabicRelease, other)).toBeLessThan(0.2);
      expect(estimated(arabicRelease, other)).toBeLessThan(0.2);
    }
  });

  it('puts the same rows in the same bands', () => {
    const a = signatureOf(arabicRelease);
    const b = Uint32Array.from(a);
    b[5] = (b[5] ?? 0) ^ 1; // band 1 (rows 4–7) changes, no other
    const bandsA = lshBands(a);
    const bandsB = lshBands(b);
    expect(bandsA).toHaveLength(LSH_BANDS);
    expect(bandsA.filter((hash, i) => hash !== bandsB[i])).toHaveLength(1);
    expect(bandsA[1]).not.toBe(bandsB[1]);
    for (const hash of bandsA) {
      expect(hash).toBeGreaterThanOrEqual(-(2n ** 63n));
      expect(hash).toBeLessThan(2n ** 63n);
    }
    const republished = lshBands(signatureOf(arabicRepublished));
    expect(bandsA.some((hash, i) => hash === republished[i])).toBe(true);
  });

  it('stores signatures as signed 32-bit integers and reads them back', () => {
    const signature = signatureOf(arabicRelease);
    const stored = toInt32(signature);
    for (const value of stored) expect(value).toBe(value | 0);
    expect(fromInt32(stored)).toEqual(signature);
  });
});

/** Random texts over a small vocabulary, and edits of them: pairs at every similarity. */
const vocabulary = Array.from({ length: 400 }, (_, i) => `w${i.toString(36)}`);
const words = (min: number, max: number) =>
  fc.array(fc.integer({ min: 0, max: vocabulary.length - 1 }), { minLength: min, maxLength: max });
const edit = fc.record({ at: fc.nat(), word: fc.integer({ min: 0, max: vocabulary.length - 1 }) });
const textPair = fc.tuple(words(20, 400), fc.array(edit, { maxLength: 60 })).map(([base, edits]) => {
  const other = [...base];
  for (const { at, word } of edits) other[at % other.length] = word;
  const text = (ids: number[]) => ids.map((id) => vocabulary[id]).join(' ');
  return [text(base), text(other)] as const;
});

describe('MinHash properties', () => {
  it('signatures are deterministic and have MINHASH_SIZE positions', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const a = signatureOf(text);
        expect(a).toHaveLength(MINHASH_SIZE);
        expect(signatureOf(text)).toEqual(a);
        expect(lshBands(a)).toEqual(lshBands(signatureOf(text)));
      }),
    );
  });

  it('estimates the exact Jaccard index within tolerance', () => {
    // The estimate's standard deviation is at most √(0.25/128) ≈ 0.044: 0.2 is 4.5 of them.
    fc.assert(
      fc.property(textPair, ([a, b]) => {
        expect(Math.abs(estimated(a, b) - exact(a, b))).toBeLessThanOrEqual(0.2);
      }),
      { numRuns: 200 },
    );
  });

  it('is unbiased: the mean error over many pairs is small', () => {
    const pairs = fc.sample(textPair, { numRuns: 300, seed: 7 });
    const errors = pairs.map(([a, b]) => estimated(a, b) - exact(a, b));
    const mean = errors.reduce((sum, e) => sum + e, 0) / errors.length;
    const meanAbsolute = errors.reduce((sum, e) => sum + Math.abs(e), 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(meanAbsolute).toBeLessThan(0.04);
  });

  it('exact Jaccard is symmetric, 1 on itself and between 0 and 1', () => {
    fc.assert(
      fc.property(textPair, ([a, b]) => {
        const ab = exact(a, b);
        expect(ab).toBe(exact(b, a));
        expect(exact(a, a)).toBe(1);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('detectLanguage', () => {
  it('reads the share of Arabic letters', () => {
    expect(detectLanguage(arabicRelease)).toBe('ar');
    expect(detectLanguage(englishRelease)).toBe('en');
    expect(detectLanguage('قال المتحدث باسم UNHCR إن 22 شاحنة وصلت')).toBe('ar');
    expect(detectLanguage('The UN said «الأمم المتحدة» today')).toBe('en');
    expect(detectLanguage('2021-07-25 — 160')).toBeNull();
    expect(detectLanguage('Будущее')).toBeNull();
  });
});
