/**
 * Near-duplicate detection for source texts: word shingles, MinHash signatures and
 * locality-sensitive hashing bands. Pure and browser-safe; all hashing is 32-bit integer math.
 *
 * A text is folded with `normalizeForMatch` (diacritics, hamza seats, tatweel, punctuation and
 * digit scripts do not matter) and cut into overlapping runs of `SHINGLE_WORDS` words. Two texts
 * are as similar as the Jaccard index of their shingle sets; a MinHash signature estimates that
 * index (each of its `MINHASH_SIZE` positions agrees with probability equal to the index), and
 * the bands of a signature let a store find candidates without comparing every pair.
 */
import { normalizeForMatch } from './arabic.ts';

/** Words per shingle. */
export const SHINGLE_WORDS = 5;
/** Hash functions per signature. */
export const MINHASH_SIZE = 128;
/** LSH: the signature cut into `LSH_BANDS` bands of `LSH_ROWS` rows (32 × 4 = 128). */
export const LSH_BANDS = 32;
export const LSH_ROWS = 4;
/**
 * Texts at least this similar (Jaccard index of their shingles) are linked as near-duplicates.
 * A re-published press release with its own header line and footer measures 0.75–0.95; different
 * articles on the same events stay below 0.2. With 32 bands of 4 rows a pair at 0.7 shares a band
 * with probability > 0.999 (at 0.5: 0.87), so the bands never hide a pair above the threshold.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's finalizer: a bijection on 32-bit integers that mixes every bit into every other. */
export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** One MurmurHash3 block step: mixes a 32-bit word into the running hash. */
function mixWord(hash: number, word: number): number {
  let k = Math.imul(word, C1);
  k = rotl32(k, 15);
  k = Math.imul(k, C2);
  const h = rotl32(hash ^ k, 13);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3 (x86, 32-bit) of a string's UTF-16 code units, two per block. */
export function hashString32(text: string, seed = 0): number {
  let h = seed | 0;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) h = mixWord(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16));
  if (i < length) {
    let k = Math.imul(text.charCodeAt(i), C1);
    k = rotl32(k, 15);
    h ^= Math.imul(k, C2);
  }
  return fmix32(h ^ (length * 2));
}

/** MurmurHash3 of a sequence of 32-bit words. */
export function hashWords32(words: ArrayLike<number>, start: number, end: number, seed = 0): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) h = mixWord(h, words[i] ?? 0);
  return fmix32(h ^ ((end - start) * 4));
}

/** The normalized words of a text, as `normalizeForMatch` folds them. */
export function matchWords(text: string): string[] {
  const normalized = normalizeForMatch(text);
  return normalized === '' ? [] : normalized.split(' ');
}

/**
 * The set of a text's shingle hashes, sorted ascending without repeats. A text with fewer words
 * than a shingle is one shingle of all its words; a text without words has none.
 */
export function shingleHashes(text: string, size = SHINGLE_WORDS): Uint32Array {
  const words = matchWords(text);
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString32(words[i] ?? '', 0x9747b28c);
  const count = Math.max(1, words.length - size + 1);
  const width = Math.min(size, words.length);
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) shingles[i] = hashWords32(wordHashes, i, i + width, 0x5bd1e995);
  shingles.sort();
  let unique = 0;
  for (let i = 0; i < shingles.length; i++) {
    const value = shingles[i] ?? 0;
    if (i === 0 || value !== shingles[unique - 1]) shingles[unique++] = value;
  }
  return shingles.slice(0, unique);
}

/** Exact Jaccard index of two sorted, repeat-free hash sets. Two empty sets count as identical. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) {
      i++;
    } else {
      j++;
    }
  }
  return common / (a.length + b.length - common);
}

/** splitmix32: a fixed stream of well-mixed constants for the hash functions. */
function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * The hash functions: h_i(x) = fmix32(a_i·x + b_i) with odd a_i, each a permutation of the 32-bit
 * integers. Fixed forever: signatures are stored, and must stay comparable across versions.
 */
const multipliers = new Uint32Array(MINHASH_SIZE);
const increments = new Uint32Array(MINHASH_SIZE);
{
  const next = splitmix32(0x7a6e5173); // "tansiq"
  for (let i = 0; i < MINHASH_SIZE; i++) {
    multipliers[i] = (next() | 1) >>> 0;
    increments[i] = next();
  }
}

/** The MinHash signature of a shingle set: per hash function, the least hash of any shingle. */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] ?? 0;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32((Math.imul(multipliers[i] ?? 1, x) + (increments[i] ?? 0)) | 0);
      if (h < (signature[i] ?? 0)) signature[i] = h;
    }
  }
  return signature;
}

/** The estimated Jaccard index of the texts two signatures were made from: the share of agreeing positions. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let same = 0;
  for (let i = 0; i < length; i++) if ((a[i] ?? 0) >>> 0 === (b[i] ?? 0) >>> 0) same++;
  return same / length;
}

/**
 * One 64-bit hash per band (as a signed bigint, the type of PostgreSQL's bigint). Two signatures
 * with equal rows in some band have equal hashes for it.
 */
export function lshBands(signature: ArrayLike<number>, bands = LSH_BANDS, rows = LSH_ROWS): bigint[] {
  const words = Uint32Array.from({ length: signature.length }, (_, i) => (signature[i] ?? 0) >>> 0);
  const hashes: bigint[] = [];
  for (let band = 0; band < bands; band++) {
    const start = band * rows;
    const high = hashWords32(words, start, start + rows, 0x3c6ef372);
    const low = hashWords32(words, start, start + rows, 0xa54ff53a);
    hashes.push(BigInt.asIntN(64, (BigInt(high) << 32n) | BigInt(low)));
  }
  return hashes;
}

/** A signature as signed 32-bit integers (PostgreSQL `integer[]`), and back. */
export function toInt32(signature: ArrayLike<number>): number[] {
  return Array.from({ length: signature.length }, (_, i) => (signature[i] ?? 0) | 0);
}

export function fromInt32(values: ArrayLike<number>): Uint32Array {
  return Uint32Array.from({ length: values.length }, (_, i) => (values[i] ?? 0) >>> 0);
}
