import { describe, expect, it } from 'vitest';
import { detachedCopy, HashFilter, hashRange, LastDocument } from './tokens.js';

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

describe('HashFilter', () => {
  const hash = (word: string) => hashRange(word, 0, word.length);

  it('never turns away a hash it holds', () => {
    const filter = new HashFilter();
    const words = Array.from({ length: 5000 }, (_, i) => `word${i * 7919}`);
    for (const word of words) filter.add(hash(word));
    for (const word of words) expect(filter.mayHave(hash(word))).toBe(true);
  });

  it('turns away a word that shares only its low bits with an entry', () => {
    // «الي» (إلى folded) and "bangladesh" hash alike in their low 17 bits: with one bit per hash, the
    // filter took every «إلى» of a text for a possible "Bangladesh".
    expect(hash('الي') & 0x1ffff).toBe(hash('bangladesh') & 0x1ffff);
    const filter = new HashFilter();
    filter.add(hash('bangladesh'));
    expect(filter.mayHave(hash('الي'))).toBe(false);
  });
});
