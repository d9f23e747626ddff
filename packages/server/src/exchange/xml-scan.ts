// A small streaming XML tokenizer for the machine-written parts of an XLSX file (sheets, shared
// strings, styles, workbook, relationships). It reports start tags, end tags and text; namespace
// prefixes are dropped from element names. No DTD is accepted (so no entity can expand), text is
// handed over in pieces so a long cell never has to be buffered here, and an unfinished tag longer
// than `maxTagChars` is an error rather than a growing buffer.

import { ExchangeError } from './source.ts';

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text, possibly in several pieces for one run of text. */
  text(text: string): void;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g;

/** Replaces the five XML entities and character references; unknown entities are left as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 0x23) {
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * The value of attribute `name` (matched on its local name, so `id` finds `r:id`) in the text of a
 * start tag after its name, decoded; null when absent.
 */
export function xmlAttribute(attributes: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at === -1) return null;
    from = at + name.length;
    const before = at === 0 ? 0x20 : attributes.charCodeAt(at - 1);
    if (!isSpace(before) && before !== 0x3a) continue;
    if (before === 0x3a) {
      // A prefix must itself start the attribute: " r:id", not "xr:revisionid".
      let p = at - 2;
      while (p >= 0 && !isSpace(attributes.charCodeAt(p))) p--;
      if (attributes.slice(p + 1, at - 1).includes('=')) continue;
    }
    let k = from;
    while (k < attributes.length && isSpace(attributes.charCodeAt(k))) k++;
    if (attributes.charCodeAt(k) !== 0x3d) continue;
    k++;
    while (k < attributes.length && isSpace(attributes.charCodeAt(k))) k++;
    const quote = attributes[k];
    if (quote !== '"' && quote !== "'") return null;
    const end = attributes.indexOf(quote, k + 1);
    if (end === -1) return null;
    return decodeXml(attributes.slice(k + 1, end));
  }
}

function malformed(reason: string): ExchangeError {
  return new ExchangeError('exchange.malformed_xlsx', { reason });
}

/** Index of the `>` that ends the tag starting at `from`, skipping `>` inside quoted values; -1 if not yet seen. */
function tagEnd(buffer: string, from: number): number {
  let quote = 0;
  for (let i = from; i < buffer.length; i++) {
    const c = buffer.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return -1;
}

export class XmlScanner {
  readonly #handler: XmlHandler;
  readonly #maxTagChars: number;
  #buffer = '';
  #depth = 0;
  #rootClosed = false;

  constructor(handler: XmlHandler, maxTagChars = 1024 * 1024) {
    this.#handler = handler;
    this.#maxTagChars = maxTagChars;
  }

  push(chunk: string): void {
    const buffer = this.#buffer === '' ? chunk : this.#buffer + chunk;
    const n = buffer.length;
    let i = 0;
    while (i < n) {
      const lt = buffer.indexOf('<', i);
      if (lt === -1) {
        // Keep a possibly cut entity for the next chunk; hand the rest over now.
        const amp = buffer.lastIndexOf('&');
        const keep = amp >= i && buffer.indexOf(';', amp) === -1 && n - amp < 12 ? amp : n;
        if (keep > i) this.#text(buffer.slice(i, keep));
        i = keep;
        break;
      }
      if (lt > i) this.#text(buffer.slice(i, lt));
      i = lt;
      const next = this.#token(buffer, lt);
      if (next === -1) break;
      i = next;
    }
    this.#buffer = buffer.slice(i);
    if (this.#buffer.length > this.#maxTagChars) throw malformed('tag_too_long');
  }

  end(): void {
    if (this.#buffer.trim() !== '' || this.#depth !== 0) throw malformed('truncated_xml');
  }

  #text(raw: string): void {
    if (this.#depth === 0) {
      if (raw.trim() !== '') throw malformed('text_outside_root');
      return;
    }
    this.#handler.text(decodeXml(raw));
  }

  /** Handles the markup at `lt`; returns the index after it, or -1 when it is not complete yet. */
  #token(buffer: string, lt: number): number {
    const c = buffer.charCodeAt(lt + 1);
    if (Number.isNaN(c)) return -1;
    if (c === 0x3f) {
      const end = buffer.indexOf('?>', lt + 2);
      return end === -1 ? -1 : end + 2;
    }
    if (c === 0x21) {
      if (buffer.length < lt + 9) return -1;
      if (buffer.startsWith('<!--', lt)) {
        const end = buffer.indexOf('-->', lt + 4);
        return end === -1 ? -1 : end + 3;
      }
      if (buffer.startsWith('<![CDATA[', lt)) {
        const end = buffer.indexOf(']]>', lt + 9);
        if (end === -1) return -1;
        if (this.#depth === 0) throw malformed('text_outside_root');
        this.#handler.text(buffer.slice(lt + 9, end));
        return end + 3;
      }
      throw malformed('doctype');
    }
    const end = tagEnd(buffer, lt + 1);
    if (end === -1) return -1;
    if (c === 0x2f) {
      const name = localName(buffer.slice(lt + 2, end).trim());
      if (this.#depth === 0) throw malformed('unbalanced_xml');
      this.#depth--;
      if (this.#depth === 0) this.#rootClosed = true;
      this.#handler.close(name);
      return end + 1;
    }
    const selfClosing = buffer.charCodeAt(end - 1) === 0x2f;
    const body = buffer.slice(lt + 1, selfClosing ? end - 1 : end);
    let k = 0;
    while (k < body.length && !isSpace(body.charCodeAt(k))) k++;
    const name = localName(body.slice(0, k));
    if (name === '') throw malformed('bad_tag');
    if (this.#depth === 0) {
      if (this.#rootClosed) throw malformed('two_roots');
      if (selfClosing) this.#rootClosed = true;
    }
    this.#handler.open(name, body.slice(k), selfClosing);
    if (selfClosing) this.#handler.close(name);
    else this.#depth++;
    return end + 1;
  }
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}
