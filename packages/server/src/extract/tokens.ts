/**
 * Lexicon lookups by text range, without cutting the word out of the text.
 *
 * Recognizers meet every word of a document, and most words are in no lexicon: slicing each one into a
 * string only to miss a Map lookup made garbage in proportion to the text. A `WordTable` hashes the
 * range in place (FNV-1a over UTF-16 units) and compares the few candidates under that hash with
 * `startsWith`, so a miss allocates nothing.
 */

import { Buffer } from 'node:buffer';

export const HASH_SEED = 0x811c9dc5 | 0;

/** Hashes are kept to 30 bits: V8 stores those as small integers, so a Map keyed by them allocates nothing. */
const SMALL_INTEGER = 0x3fffffff;

/** One more unit of a `hashRange` under way: a prefix's hash grows into its extensions' hashes. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** A `hashRange` from the running value `hashStep` left. */
export function hashDone(hash: number): number {
  return hash & SMALL_INTEGER;
}

/** The hash `WordTable` keys words by, and `HashFilter` takes. */
export function hashRange(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & SMALL_INTEGER;
}

/** `hashRange` of `lead` followed by the range: a stem that gains a letter («للرقة» → «الرقة»). */
export function hashAfter(lead: number, text: string, start: number, end: number): number {
  let hash = Math.imul(HASH_SEED ^ lead, 0x01000193);
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash & SMALL_INTEGER;
}

const FILTER_BITS = 1 << 17;
/** The second bit of a hash is read from its upper bits (hashes have 30), overlapping the first's by four. */
const SECOND_BIT_SHIFT = 13;

/**
 * A set of hashes that answers "absent" always rightly and "present" rarely wrongly, mostly with one
 * array load: most words of a text are in no lexicon, and this turns them away before a Map lookup.
 *
 * Each hash sets two bits, from different parts of it. With one, a common word that shared its low bits
 * with any entry («إلى» with "bangladesh") passed every time it was met; both bits colliding is rarer by
 * the filter's sparseness again.
 */
export class HashFilter {
  private readonly bits = new Uint32Array(FILTER_BITS / 32);

  add(hash: number): void {
    this.set(hash & (FILTER_BITS - 1));
    this.set((hash >>> SECOND_BIT_SHIFT) & (FILTER_BITS - 1));
  }

  /** Read on every word of a text: the two bits are tested in line, the second only when the first is set. */
  mayHave(hash: number): boolean {
    const first = hash & (FILTER_BITS - 1);
    if (((this.bits[first >>> 5] as number) & (1 << (first & 31))) === 0) return false;
    const second = (hash >>> SECOND_BIT_SHIFT) & (FILTER_BITS - 1);
    return ((this.bits[second >>> 5] as number) & (1 << (second & 31))) !== 0;
  }

  private set(bit: number): void {
    this.bits[bit >>> 5] = (this.bits[bit >>> 5] as number) | (1 << (bit & 31));
  }
}

interface Entry<T> {
  key: string;
  value: T;
}

export class WordTable<T> {
  private readonly buckets = new Map<number, Entry<T>[]>();
  private readonly filter = new HashFilter();
  /** No key is longer: a longer range is a miss without hashing. */
  readonly longest: number;

  constructor(entries: Iterable<readonly [string, T]>) {
    let longest = 0;
    for (const [key, value] of entries) {
      const hash = hashRange(key, 0, key.length);
      this.filter.add(hash);
      let bucket = this.buckets.get(hash);
      if (!bucket) {
        bucket = [];
        this.buckets.set(hash, bucket);
      }
      // The first entry for a key wins, as with a Map filled in the same order and read with `??=`.
      if (!bucket.some((entry) => entry.key === key)) bucket.push({ key, value });
      longest = Math.max(longest, key.length);
    }
    this.longest = longest;
  }

  /** The value for `text[start, end)`, if that range is a key. */
  get(text: string, start: number, end: number): T | undefined {
    const length = end - start;
    if (length <= 0 || length > this.longest) return undefined;
    return this.getHashed(text, start, end, hashRange(text, start, end));
  }

  /** `get` for a caller that has the range's `hashRange` already (grown a word at a time, say). */
  getHashed(text: string, start: number, end: number, hash: number): T | undefined {
    const length = end - start;
    if (length <= 0 || length > this.longest) return undefined;
    if (!this.filter.mayHave(hash)) return undefined;
    const bucket = this.buckets.get(hash);
    if (bucket === undefined) return undefined;
    for (const entry of bucket) {
      if (entry.key.length === length && text.startsWith(entry.key, start)) return entry.value;
    }
    return undefined;
  }
}

/**
 * A predicate over UTF-16 units, tabulated once at load: a hot loop then tests a character with one
 * array load instead of a chain of range comparisons (or, for rare letters, a Unicode regex).
 */
export function codeTable(test: (code: number) => boolean): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) if (test(code)) table[code] = 1;
  return table;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a long slice as a
 * view of its parent, so a word kept in a process-wide cache would keep its whole document alive.
 */
export function detachedCopy(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

/**
 * What several stages derive from one document (its tokens, its words), computed once: the stages of
 * `extract` read a document one after another, so the last document's value is the one asked for again.
 *
 * Not a WeakMap: V8's young-generation collections keep a WeakMap's values alive, so every document's
 * tokens survived them and were copied and promoted, and collecting them cost more than computing them.
 */
export class LastDocument<K extends object, V> {
  private key: K | null = null;
  private value: V | null = null;

  constructor(private readonly compute: (key: K) => V) {}

  of(key: K): V {
    if (this.key !== key || this.value === null) {
      this.value = this.compute(key);
      this.key = key;
    }
    return this.value;
  }
}
