// Text decoding for uploaded files, as they arrive: UTF-8 (with or without BOM), UTF-16 LE/BE (with
// BOM) and Windows-1252, the encoding Excel's "CSV (Comma delimited)" uses on Western Windows — and
// the one a file that is not valid UTF-8 most likely is. Decoding is incremental so that a file of any
// size is read in constant memory.

import { ExchangeError } from './source.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** What the first bytes of a file say it is. `text` covers CSV and anything else that decodes. */
export type SniffedFormat = 'text' | 'json' | 'html' | 'zip' | 'xls' | 'pdf' | 'image' | 'gzip' | 'binary';

// Until a non-ASCII byte is seen, every candidate encoding reads the bytes identically; the choice
// between UTF-8 and Windows-1252 is made on this much text from the first non-ASCII byte on.
const DECISION_WINDOW = 64 * 1024;

const HTML_START = /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

/** The BOM at the start of `bytes`, if any. */
export function byteOrderMark(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', length: 3 };
  if (startsWith(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Tells a file's kind from its first bytes (a few KiB are enough): spreadsheets that are zips (XLSX)
 * or OLE documents (legacy XLS), a few common binaries, JSON, or text.
 */
export function sniffFormat(head: Uint8Array): SniffedFormat {
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (startsWith(head, 0x1f, 0x8b)) return 'gzip';
  if (
    startsWith(head, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(head, 0xff, 0xd8, 0xff) ||
    startsWith(head, 0x47, 0x49, 0x46, 0x38)
  ) {
    return 'image';
  }
  const bom = byteOrderMark(head);
  if (bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be') {
    const text = new TextDecoder(bom.encoding).decode(head.subarray(bom.length));
    return /^\s*[[{]/.test(text) ? 'json' : 'text';
  }
  let i = bom?.length ?? 0;
  const limit = Math.min(head.length, 8192);
  for (let k = i; k < limit; k++) if (head[k] === 0) return 'binary';
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
    i++;
  if (head[i] === 0x5b || head[i] === 0x7b) return 'json';
  // A web page saved instead of the data behind it (a share link followed without export).
  if (head[i] === 0x3c && HTML_START.test(new TextDecoder('latin1').decode(head.subarray(i, i + 64))))
    return 'html';
  return 'text';
}

/** Byte offset of the first invalid UTF-8 sequence in `bytes`, or -1 (a sequence cut at the end is valid). */
const SECOND_BYTE_MIN: Partial<Record<number, number>> = { 224: 0xa0, 240: 0x90 };
const SECOND_BYTE_MAX: Partial<Record<number, number>> = { 237: 0x9f, 244: 0x8f };

export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return -1;
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      // A second byte that makes the sequence overlong, a surrogate or past U+10FFFF is wrong at
      // once, even when the sequence is cut off after it (as a strict decoder says).
      if (k === 1 && (c < (SECOND_BYTE_MIN[b] ?? 0x80) || c > (SECOND_BYTE_MAX[b] ?? 0xbf))) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const NON_ASCII = /[\u0080-\uffff]/;

// Node's TextDecoder reads the label windows-1252 as ISO-8859-1, leaving bytes 0x80–0x9F as C1
// controls; Windows-1252 puts € ‘ ’ “ ” – — and others there (five bytes stay undefined).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1 = /[\u0080-\u009f]/g;
const latin1 = new TextDecoder('latin1');

/** Decodes Windows-1252 bytes (a single-byte encoding: no state between chunks). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin1.decode(bytes);
  return text.replace(C1, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * Incremental decoder: `push` bytes as they come, get text back; `end` flushes. Without a BOM or a
 * forced encoding, it reads UTF-8 unless the text from the first non-ASCII byte on is not valid UTF-8,
 * in which case it reads Windows-1252. Throws `exchange.unreadable_encoding` on bytes the chosen
 * encoding cannot hold (UTF-8 turning invalid after a valid start, unpaired UTF-16 surrogates).
 */
export class StreamDecoder {
  #encoding: TextEncoding | null;
  #decoder: InstanceType<typeof TextDecoder> | null = null;
  #bomChecked = false;
  #bom = false;
  #head: Uint8Array[] = [];
  #headLength = 0;
  #window: Uint8Array[] | null = null;
  #windowLength = 0;
  #offset = 0;

  constructor(encoding?: TextEncoding) {
    this.#encoding = encoding ?? null;
  }

  /** The encoding in use; pure ASCII so far reads as UTF-8. */
  get encoding(): TextEncoding {
    return this.#encoding ?? 'utf-8';
  }

  /** Whether the input began with a byte order mark. */
  get bom(): boolean {
    return this.#bom;
  }

  push(bytes: Uint8Array): string {
    if (!this.#bomChecked) {
      this.#head.push(bytes);
      this.#headLength += bytes.length;
      if (this.#headLength < 3) return '';
      return this.#startWith(concatBytes(this.#head, this.#headLength), false);
    }
    return this.#decode(bytes, false);
  }

  end(): string {
    if (!this.#bomChecked) return this.#startWith(concatBytes(this.#head, this.#headLength), true);
    return this.#decode(new Uint8Array(0), true);
  }

  #startWith(bytes: Uint8Array, final: boolean): string {
    this.#bomChecked = true;
    this.#head = [];
    const bom = byteOrderMark(bytes);
    let rest = bytes;
    if (bom && (this.#encoding === null || this.#encoding === bom.encoding)) {
      this.#bom = true;
      this.#encoding = bom.encoding;
      this.#offset = bom.length;
      rest = bytes.subarray(bom.length);
    }
    if (this.#encoding !== null && this.#encoding !== 'windows-1252') {
      this.#decoder = new TextDecoder(this.#encoding, { fatal: true });
    }
    return this.#decode(rest, final);
  }

  #decode(bytes: Uint8Array, final: boolean): string {
    if (this.#encoding === 'windows-1252') {
      this.#offset += bytes.length;
      return decodeWindows1252(bytes);
    }
    if (this.#decoder === null) return this.#undecided(bytes, final);
    const start = this.#offset;
    this.#offset += bytes.length;
    try {
      return this.#decoder.decode(bytes, { stream: !final });
    } catch (cause) {
      const at = this.encoding === 'utf-8' ? invalidUtf8Offset(bytes) : -1;
      throw new ExchangeError(
        'exchange.unreadable_encoding',
        { encoding: this.encoding.toUpperCase(), offset: start + Math.max(at, 0) },
        { cause },
      );
    }
  }

  #undecided(bytes: Uint8Array, final: boolean): string {
    if (this.#window === null) {
      const text = latin1.decode(bytes);
      const at = text.search(NON_ASCII);
      if (at === -1) {
        this.#offset += bytes.length;
        return text;
      }
      // Latin-1 maps one byte to one character, so `at` is also the byte offset.
      this.#offset += at;
      this.#window = [bytes.subarray(at)];
      this.#windowLength = bytes.length - at;
      return text.slice(0, at) + (this.#windowLength >= DECISION_WINDOW || final ? this.#decide(final) : '');
    }
    this.#window.push(bytes);
    this.#windowLength += bytes.length;
    return this.#windowLength >= DECISION_WINDOW || final ? this.#decide(final) : '';
  }

  #decide(final: boolean): string {
    const window = concatBytes(this.#window ?? [], this.#windowLength);
    this.#window = null;
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    let text: string;
    try {
      // A character cut by the end of the window (or of a truncated file) does not count against UTF-8.
      text = utf8.decode(window, { stream: true });
    } catch {
      this.#encoding = 'windows-1252';
      return this.#decode(window, final);
    }
    this.#encoding = 'utf-8';
    this.#decoder = utf8;
    this.#offset += window.length;
    return final ? text + this.#decode(new Uint8Array(0), true) : text;
  }
}

/** Joins byte chunks whose total `length` is known. */
export function concatBytes(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0]) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Decodes a whole file held in memory (see `StreamDecoder` for the rules). */
export function decodeBytes(
  bytes: Uint8Array,
  encoding?: TextEncoding,
): { text: string; encoding: TextEncoding } {
  const decoder = new StreamDecoder(encoding);
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.encoding };
}

/** Counts bytes as they pass, failing with `exchange.too_large` past `maxBytes`. */
export async function* limitBytes(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  maxBytes: number,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > maxBytes) throw new ExchangeError('exchange.too_large', { limit: maxBytes });
    yield chunk;
  }
}

/** Decodes a stream of byte chunks into text chunks; `decoder.encoding` tells what was chosen. */
export async function* decodeStream(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  decoder: StreamDecoder,
): AsyncGenerator<string> {
  for await (const chunk of source) {
    const text = decoder.push(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
