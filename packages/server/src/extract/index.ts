/**
 * `extract(text, options)`: the extraction contract (`shared/spec/extraction-contract.md`) as one pure,
 * synchronous function. The text is read (plain or HTML), folded once and segmented once; every stage
 * reads those, and facts inside boilerplate are dropped before events are built from the rest.
 */
import { AppError } from '@tansiq/core';
import { z } from 'zod';
import { recognizeDates, statedPublicationDate } from './dates.ts';
import { readDocument } from './document.ts';
import { recognizeEvents } from './events.ts';
import { foldWithMap } from './normalize.ts';
import { recognizeNumbers } from './numbers.ts';
import { recognizeOrganizations } from './organizations.ts';
import { recognizePlaces } from './places.ts';
import { recognizeQuantities } from './quantities.ts';
import { type Range, segment } from './segment.ts';
import type { DocumentInfo, Extraction, ExtractOptions, TimeAnchor } from './types.ts';

export type * from './types.ts';

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime =
  /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function isCalendarDay(value: string): boolean {
  const match = isoDay.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The options as the CLI and HTTP accept them: the same checks for both. */
export const ExtractOptionsInput = z.object({
  published: z
    .string()
    .refine(isCalendarDay, 'a calendar day, YYYY-MM-DD')
    .nullish()
    .describe('The publication date when the caller knows it (YYYY-MM-DD).'),
  referenceTime: z
    .string()
    .refine((value) => referenceDay(value) !== null, 'an ISO 8601 date or date-time')
    .nullish()
    .describe('What relative dates resolve against when there is no publication date (default: now).'),
  lang: z.enum(['ar', 'en', 'auto']).optional().describe('The language of the text (default: detected).'),
});
export type ExtractOptionsInput = z.infer<typeof ExtractOptionsInput>;

/**
 * The calendar day of a reference time, as written: "2013-02-12T04:30-02:00" is the 12th wherever the
 * extractor runs, because the writer's day is the one the text's «today» means.
 */
export function referenceDay(value: string): string | null {
  const match = isoDateTime.exec(value.trim());
  const day = match?.[1];
  return day !== undefined && isCalendarDay(day) ? day : null;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A published date written in a page's metadata ("2021-07-25T09:00:00+03:00"): its day, if it is one. */
function publishedDay(hint: string | null): string | null {
  return hint === null ? null : referenceDay(hint);
}

function inside(span: { start: number; end: number }, ranges: readonly Range[]): boolean {
  // Both sorted would allow a merge walk; boilerplate ranges are few, a scan is as fast.
  for (const range of ranges) if (span.start < range.end && range.start < span.end) return true;
  return false;
}

function outside<T extends { start: number; end: number }>(mentions: T[], ranges: readonly Range[]): T[] {
  return ranges.length === 0 ? mentions : mentions.filter((mention) => !inside(mention, ranges));
}

/** Paragraphs without the boilerplate at their edges: «عنوان - اسم الموقع» is a heading again. */
function trimmedParagraphs(
  text: string,
  paragraphs: readonly Range[],
  boilerplate: readonly Range[],
): Range[] {
  if (boilerplate.length === 0) return [...paragraphs];
  const out: Range[] = [];
  for (const paragraph of paragraphs) {
    let { start, end } = paragraph;
    for (const range of boilerplate) {
      if (range.start <= start && range.end > start) start = range.end;
      if (range.start < end && range.end >= end) end = range.start;
    }
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    if (end > start) out.push({ start, end });
  }
  return out;
}

function within(span: Range, ranges: readonly Range[]): boolean {
  for (const range of ranges) if (range.start <= span.start && span.end <= range.end) return true;
  return false;
}

export function extract(input: string, options: ExtractOptions = {}): Extraction {
  // The text may be anything; the options are the caller's own, and a wrong one is a bug to show.
  if (options.published && !isCalendarDay(options.published))
    throw new RangeError(`published is not a calendar day (YYYY-MM-DD): ${options.published}`);
  if (options.referenceTime && referenceDay(options.referenceTime) === null)
    throw new RangeError(`referenceTime is not an ISO 8601 date or date-time: ${options.referenceTime}`);
  const read = readDocument(input);
  const text = read.text;
  const doc = foldWithMap(text);
  const { paragraphs, sentences } = segment(text);
  const language = options.lang === 'ar' || options.lang === 'en' ? options.lang : read.language;

  const reference: TimeAnchor = {
    date: (options.referenceTime ? referenceDay(options.referenceTime) : null) ?? today(),
    kind: 'reference',
  };
  // The page's metadata is more exact than a dateline read from its text.
  const published =
    options.published ??
    publishedDay(read.publishedHint) ??
    statedPublicationDate(doc, reference)?.date ??
    null;
  const anchor: TimeAnchor = published ? { date: published, kind: 'published' } : reference;

  const boilerplate = read.boilerplate;
  const numbers = recognizeNumbers(doc);
  const quantities = outside(recognizeQuantities(doc, numbers, language), boilerplate);
  const dates = outside(recognizeDates(doc, anchor), boilerplate);
  const places = outside(recognizePlaces(doc), boilerplate);
  const organizations = outside(recognizeOrganizations(doc), boilerplate);
  const events = recognizeEvents({
    doc,
    sentences: boilerplate.length === 0 ? sentences : sentences.filter((s) => !within(s, boilerplate)),
    paragraphs: trimmedParagraphs(text, paragraphs, boilerplate),
    dates,
    places,
    organizations,
    quantities,
    anchor,
    language,
  });

  const document: DocumentInfo = {
    language,
    title: read.title,
    outlet: read.outlet,
    author: read.author,
    published,
    boilerplate: boilerplate.map(({ start, end, kind }) => ({ start, end, kind })),
  };
  if (read.isHtml) document.text = text;
  return {
    document,
    numbers: outside(numbers, boilerplate),
    quantities,
    dates,
    places,
    organizations,
    events,
  };
}

/* ------------------------------------------------------------------------------------------------ */
/* The checked entry of the CLI and HTTP                                                              */
/* ------------------------------------------------------------------------------------------------ */

export interface ExtractLimits {
  /** The largest text accepted, in UTF-8 bytes. */
  maxBytes: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** UTF-8 length of a string, or -1 when it holds a lone surrogate (which UTF-8 cannot encode). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return -1;
      bytes += 4;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return -1;
    else bytes += 3;
  }
  return bytes;
}

/** Share of control characters (C0 but tab and line breaks, DEL) above which a "text" is binary data. */
const BINARY_CONTROL_SHARE = 0.02;

function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f)
      controls++;
  }
  return controls > 0 && controls / text.length > BINARY_CONTROL_SHARE;
}

/**
 * `extract` behind the checks a caller's input needs: UTF-8 (bytes are decoded strictly), not empty,
 * not binary, within the size limit. Options are validated as the API documents them. Throws AppError.
 */
export function extractChecked(
  input: string | Uint8Array,
  options: ExtractOptionsInput | Record<string, unknown>,
  limits: ExtractLimits,
): Extraction {
  let text: string;
  if (typeof input === 'string') {
    const bytes = utf8Length(input);
    if (bytes < 0) throw new AppError('extract.not_utf8');
    if (bytes > limits.maxBytes)
      throw new AppError('extract.too_large', { size: bytes, limit: limits.maxBytes });
    text = input;
  } else {
    if (input.byteLength > limits.maxBytes)
      throw new AppError('extract.too_large', { size: input.byteLength, limit: limits.maxBytes });
    try {
      text = strictUtf8.decode(input);
    } catch (error) {
      throw new AppError('extract.not_utf8', {}, { cause: error });
    }
  }
  if (text.trim() === '') throw new AppError('extract.empty');
  if (looksBinary(text)) throw new AppError('extract.binary');
  const parsed = ExtractOptionsInput.safeParse(options, { reportInput: true });
  if (!parsed.success) throw new AppError('validation.invalid', { issues: parsed.error.issues });
  const { published, referenceTime, lang } = parsed.data;
  return extract(text, {
    published: published ?? null,
    referenceTime: referenceTime ?? null,
    lang: lang ?? 'auto',
  });
}
