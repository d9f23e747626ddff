// The zip container of an XLSX file, read defensively. The central directory is checked before
// anything is inflated (every entry inside the file, local headers agreeing, no two entries sharing
// bytes — the trick of overlapping zip bombs, no encryption, no ZIP64), and each entry is inflated as
// a stream that stops at the size the directory declares, so that neither a lying header nor a bomb
// can make us produce more than the bounds allow. A truncated file has no end-of-directory record
// and is refused before any parsing starts.

import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ExchangeError } from './source.ts';

export interface ZipEntry {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Where the compressed bytes start in the file. */
  dataOffset: number;
}

export interface ZipLimits {
  maxEntries: number;
  /** Entries larger than 1 MiB must not inflate more than this many times their compressed size. */
  maxCompressionRatio: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const RATIO_FLOOR = 1024 * 1024;
// Compressed bytes fed to the inflater at a time: with the ratio bound this caps each burst of output.
const FEED = 16 * 1024;

function malformed(reason: string, details: Record<string, unknown> = {}): ExchangeError {
  return new ExchangeError('exchange.malformed_xlsx', { reason, ...details });
}

/** Reads and checks the central directory; throws `exchange.malformed_xlsx` on anything irregular. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD && i + 22 + view.getUint16(i + 20, true) <= n) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw malformed('truncated');
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw malformed('zip64');
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 8, true) !== count) {
    throw malformed('multi_disk');
  }
  if (count > limits.maxEntries) throw malformed('too_many_entries', { limit: limits.maxEntries });
  if (directoryOffset + directorySize > eocd) throw malformed('truncated');

  const entries = new Map<string, ZipEntry>();
  const spans: [number, number][] = [];
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) throw malformed('bad_directory');
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc32 = view.getUint32(at + 16, true);
    const compressedSize = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > eocd) throw malformed('bad_directory');
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at = next;

    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff)
      throw malformed('zip64');
    if (flags & 0x1) throw malformed('encrypted');
    if (method !== 0 && method !== 8) throw malformed('unsupported_compression', { method });
    if (method === 0 && compressedSize !== size) throw malformed('size_mismatch', { entry: name });
    if (local + 30 > directoryOffset || view.getUint32(local, true) !== LOCAL) {
      throw malformed('bad_local_header', { entry: name });
    }
    const localNameLength = view.getUint16(local + 26, true);
    const dataOffset = local + 30 + localNameLength + view.getUint16(local + 28, true);
    if (view.getUint16(local + 8, true) !== method || localNameLength !== nameLength) {
      throw malformed('bad_local_header', { entry: name });
    }
    if (dataOffset + compressedSize > directoryOffset) throw malformed('truncated', { entry: name });
    if (entries.has(name)) throw malformed('duplicate_entry', { entry: name });
    entries.set(name, { name, method, crc32, compressedSize, size, dataOffset });
    spans.push([local, dataOffset + compressedSize]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if ((spans[i]?.[0] ?? 0) < (spans[i - 1]?.[1] ?? 0)) throw malformed('overlapping_entries');
  }
  return entries;
}

/** Checks an entry's declared size against `maxBytes` and its compression ratio, before inflating. */
export function checkEntrySize(entry: ZipEntry, maxBytes: number, limits: ZipLimits): void {
  if (entry.size > maxBytes)
    throw new ExchangeError('exchange.too_large', { limit: maxBytes, entry: entry.name });
  if (
    entry.size > RATIO_FLOOR &&
    entry.size / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio
  ) {
    throw malformed('zip_bomb', { entry: entry.name });
  }
}

function* feed(data: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i < data.length; i += FEED) yield data.subarray(i, i + FEED);
}

/**
 * Inflates one entry as a stream of chunks, checking that it produces exactly the declared number of
 * bytes with the declared CRC-32. Call `checkEntrySize` first.
 */
export async function* inflateEntry(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let produced = 0;
  let crc = 0;
  if (entry.method === 0) {
    for (const chunk of feed(data)) {
      crc = zlib.crc32(chunk, crc);
      yield chunk;
    }
    produced = data.length;
  } else {
    const source = Readable.from(feed(data), { objectMode: false });
    const inflater = zlib.createInflateRaw();
    source.pipe(inflater);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        produced += chunk.length;
        if (produced > entry.size) throw malformed('size_mismatch', { entry: entry.name });
        crc = zlib.crc32(chunk, crc);
        yield chunk;
      }
    } catch (error) {
      if (error instanceof ExchangeError) throw error;
      throw malformed('corrupt_data', { entry: entry.name });
    } finally {
      source.unpipe(inflater);
      source.destroy();
      inflater.destroy();
    }
  }
  if (produced !== entry.size) throw malformed('size_mismatch', { entry: entry.name });
  if (crc >>> 0 !== entry.crc32) throw malformed('crc_mismatch', { entry: entry.name });
}

/** Inflates a small entry whole (workbook, relationships, styles), under the same checks. */
export async function inflateText(bytes: Uint8Array, entry: ZipEntry): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of inflateEntry(bytes, entry)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}
