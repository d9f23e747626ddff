import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byteOrderMark,
  decodeBytes,
  decodeWindows1252,
  invalidUtf8Offset,
  StreamDecoder,
  sniffFormat,
} from './decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, bigEndian: boolean) => {
  const units = [0xfeff, ...Array.from({ length: text.length }, (_, i) => text.charCodeAt(i))];
  return new Uint8Array(units.flatMap((u) => (bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8])));
};

function decodeInPieces(bytes: Uint8Array, size: number, decoder = new StreamDecoder()): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += decoder.push(bytes.subarray(i, i + size));
  return text + decoder.end();
}

describe('sniffFormat', () => {
  it('tells zips, legacy Excel files and common binaries from text', () => {
    expect(sniffFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('zip');
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('xls');
    expect(sniffFormat(utf8('%PDF-1.7'))).toBe('pdf');
    expect(sniffFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('image');
    expect(sniffFormat(new Uint8Array([0x1f, 0x8b, 8]))).toBe('gzip');
    expect(sniffFormat(new Uint8Array([0x61, 0x00, 0x62]))).toBe('binary');
  });

  it('tells JSON from CSV by the first character after a BOM and whitespace', () => {
    expect(sniffFormat(utf8(' \n [["#org"]]'))).toBe('json');
    expect(sniffFormat(utf8('\uFEFF{"a":1}'))).toBe('json');
    expect(sniffFormat(utf16('[["#org"]]', false))).toBe('json');
    expect(sniffFormat(utf16('#org,#adm1', true))).toBe('text');
    expect(sniffFormat(utf8('P-code,Name'))).toBe('text');
    expect(sniffFormat(new Uint8Array(0))).toBe('text');
  });
});

describe('byteOrderMark', () => {
  it('recognises the UTF-8 and UTF-16 marks', () => {
    expect(byteOrderMark(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', length: 3 });
    expect(byteOrderMark(new Uint8Array([0xff, 0xfe]))).toEqual({ encoding: 'utf-16le', length: 2 });
    expect(byteOrderMark(new Uint8Array([0xfe, 0xff]))).toEqual({ encoding: 'utf-16be', length: 2 });
    expect(byteOrderMark(utf8('abc'))).toBeNull();
  });
});

describe('invalidUtf8Offset', () => {
  it('finds the first invalid sequence, accepting one cut at the end', () => {
    expect(invalidUtf8Offset(utf8('حلب ok'))).toBe(-1);
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xd8]))).toBe(-1);
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe9, 0x63]))).toBe(2);
    expect(invalidUtf8Offset(new Uint8Array([0xc0, 0x80]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
  });

  it('refuses a cut sequence whose second byte is already wrong', () => {
    expect(invalidUtf8Offset(new Uint8Array([0x61, 0xe0, 0x80]))).toBe(1);
    expect(invalidUtf8Offset(new Uint8Array([0xed, 0xa0]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xf0, 0x8f]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xf4, 0x90]))).toBe(0);
    expect(invalidUtf8Offset(new Uint8Array([0xf4, 0x8f]))).toBe(-1);
  });

  it('agrees with a strict decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
        } catch {
          valid = false;
        }
        expect(invalidUtf8Offset(bytes) === -1).toBe(valid);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('StreamDecoder', () => {
  it('decodes UTF-8 cut anywhere, with or without a BOM', () => {
    const text = 'محافظة حلب — Aleppo, ½ 𝄞';
    for (const size of [1, 2, 3, 5, 100]) {
      expect(decodeInPieces(utf8(text), size)).toBe(text);
      const decoder = new StreamDecoder();
      expect(decodeInPieces(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), size, decoder)).toBe(text);
      expect(decoder.bom).toBe(true);
      expect(decoder.encoding).toBe('utf-8');
    }
  });

  it('decodes UTF-16 in both byte orders from their BOM', () => {
    const text = 'إدلب، Idleb';
    for (const bigEndian of [false, true]) {
      const decoder = new StreamDecoder();
      expect(decodeInPieces(utf16(text, bigEndian), 3, decoder)).toBe(text);
      expect(decoder.encoding).toBe(bigEndian ? 'utf-16be' : 'utf-16le');
    }
  });

  it('reads Windows-1252 when the text from the first non-ASCII byte is not UTF-8', () => {
    const bytes = new Uint8Array([...utf8('Gouvernorat,Secteur\nAlep,Sant'), 0xe9, 0x0a, 0x93, 0x41, 0x94]);
    const decoder = new StreamDecoder();
    expect(decodeInPieces(bytes, 4, decoder)).toBe('Gouvernorat,Secteur\nAlep,Santé\n“A”');
    expect(decoder.encoding).toBe('windows-1252');
  });

  it('reads pure ASCII as UTF-8', () => {
    const decoder = new StreamDecoder();
    expect(decodeInPieces(utf8('a,b\n1,2\n'), 2, decoder)).toBe('a,b\n1,2\n');
    expect(decoder.encoding).toBe('utf-8');
  });

  it('follows a forced encoding', () => {
    expect(decodeBytes(new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9]), 'windows-1252').text).toBe('cafÃ©');
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), 'utf-8').text).toBe('a');
  });

  it('refuses UTF-8 cut short at the end and UTF-16 with a stray byte', () => {
    expect(() => decodeBytes(new Uint8Array([0x61, 0x2c, 0xd8, 0xad, 0xd9]))).toThrow(
      expect.objectContaining({ code: 'exchange.unreadable_encoding' }),
    );
    expect(() => decodeBytes(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x62]))).toThrow(
      expect.objectContaining({
        code: 'exchange.unreadable_encoding',
        details: expect.objectContaining({ encoding: 'UTF-16LE' }),
      }),
    );
  });

  it('maps every Windows-1252 byte as Windows does', () => {
    const text = decodeWindows1252(new Uint8Array([0x80, 0x8a, 0x9c, 0x9f, 0xa0, 0xe9, 0xff]));
    expect(text).toBe('€ŠœŸ\u00a0éÿ');
  });
});
