import { describe, expect, it } from 'vitest';
import { detachedCopy, LastDocument } from './tokens.js';

describe('LastDocument', () => {
  it('computes a value once for the document asked for again, and anew for another', () => {
    let computed = 0;
    const lengths = new LastDocument((doc: { text: string }) => {
      computed++;
      return doc.text.length;
    });
    const a = { text: 'abc' };
    const b = { text: 'abcd' };
    expect(lengths.of(a)).toBe(3);
    expect(lengths.of(a)).toBe(3);
    expect(computed).toBe(1);
    expect(lengths.of(b)).toBe(4);
    expect(lengths.of(a)).toBe(3);
    expect(computed).toBe(3);
  });

  it('tells documents apart by identity, not by content', () => {
    const texts = new LastDocument((doc: { text: string }) => ({ text: doc.text }));
    const first = texts.of({ text: 'same' });
    expect(texts.of({ text: 'same' })).not.toBe(first);
  });
});

describe('detachedCopy', () => {
  it('gives the same text, lone surrogates and Arabic included', () => {
    for (const text of ['', 'حلب', 'Deir ez-Zor', '\uD800x', 'لللللللللللللللللللل']) {
      expect(detachedCopy(text)).toBe(text);
    }
  });
});
