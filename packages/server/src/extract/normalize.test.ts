import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, originalSpan } from './normalize.js';

describe('foldWithMap', () => {
  it('folds letters and digits and maps every folded index back to the original', () => {
    const original = 'وصلَت ١٦٠ طنًّا إلى حلب';
    const folded = foldWithMap(original);
    expect(folded.text).toBe('وصلت 160 طنا الي حلب');
    const at = folded.text.indexOf('160 طنا');
    const span = originalSpan(folded, at, at + '160 طنا'.length);
    expect(original.slice(span.start, span.end)).toBe('١٦٠ طنًّا');
  });

  it('drops invisible characters and tatweel but keeps punctuation that dates need', () => {
    const folded = foldWithMap('تموز\u200F/يوليـــو 2021–2022');
    expect(folded.text).toBe('تموز/يوليو 2021-2022');
  });

  it('folds lexicon entries exactly as it folds text', () => {
    expect(fold('أطنان')).toBe(foldWithMap('أطنان').text);
    expect(fold('مِئَة')).toBe('مىه'.replace('ى', 'ي'));
  });

  it('keeps the folded units as codes, surrogates alone or in pairs included', () => {
    const original = 'Aid \uD83D\uDE9A and a lone \uD800 half, ١٢ Tonnes';
    const folded = foldWithMap(original);
    expect(folded.text).toBe('aid \uD83D\uDE9A and a lone \uD800 half, 12 tonnes');
    const units = Array.from({ length: folded.text.length }, (_, i) => folded.text.charCodeAt(i));
    expect(Array.from(folded.codes)).toEqual(units);
  });

  it('gives a text longer than any before it a string and codes of its own', () => {
    const long = 'ب'.repeat(20_000);
    const first = foldWithMap(long);
    const second = foldWithMap('قصير');
    expect(first.text).toBe(long);
    expect(first.codes.length).toBe(20_000);
    expect(second.text).toBe('قصير');
    expect(first.text).toBe(long);
  });

  it('maps an empty span to a position', () => {
    const folded = foldWithMap('abc');
    expect(originalSpan(folded, 3, 3)).toEqual({ start: 3, end: 3 });
  });
});
