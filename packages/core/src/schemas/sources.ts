import { z } from 'zod';
import {
  DatePrecision,
  IsoDate,
  ListQuery,
  LocalizedText,
  OperationRef,
  patchOf,
  RecordMeta,
  Sensitivity,
  Uuid,
} from './common.ts';

// Persons: journalists, spokespeople, officials, researchers, witnesses, informants. They write
// sources and make claims. An informant's identity can put them in danger, so a person is
// restricted unless said otherwise.

export const personRoles = [
  'journalist',
  'spokesperson',
  'official',
  'researcher',
  'witness',
  'informant',
  'other',
] as const;
export const PersonRole = z.enum(personRoles);
export type PersonRole = z.infer<typeof PersonRole>;

export const PersonInput = z
  .object({
    id: Uuid.optional(),
    names: LocalizedText,
    role: PersonRole.default('other'),
    /** The organization the person speaks for or works for (a ministry, an outlet). */
    affiliationId: Uuid.nullable().optional(),
    sensitivity: Sensitivity.default('restricted'),
  })
  .strict();
export type PersonInput = z.infer<typeof PersonInput>;
export const PersonPatch = patchOf(PersonInput.omit({ id: true }));
export type PersonPatch = z.infer<typeof PersonPatch>;
export const PersonView = RecordMeta.extend({
  names: LocalizedText,
  role: PersonRole,
  affiliationId: z.string().nullable(),
  sensitivity: Sensitivity,
});
export type PersonView = z.infer<typeof PersonView>;
export const PersonListQuery = ListQuery.extend({
  role: PersonRole.optional(),
  affiliationId: Uuid.optional(),
  sensitivity: Sensitivity.optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

// Sources: what claims cite. The text is kept exactly as ingested (claims quote it by offsets)
// and identified by its SHA-256: the same text twice is one source, and a new text is a new
// source. Near-duplicates (the same press release re-published) are linked, both kept.

export const sourceKinds = [
  'news_article',
  'press_release',
  'statement',
  'report',
  'partner_submission',
  'dataset',
  'meeting_minutes',
  'social_post',
] as const;
export const SourceKind = z.enum(sourceKinds);
export type SourceKind = z.infer<typeof SourceKind>;

/** ISO 639-1 (or 639-2 when there is no two-letter code): 'ar', 'en'. */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { message: 'language.code' });

/** The largest source text, in UTF-8 bytes. */
export const maxSourceTextBytes = 5 * 1024 * 1024;

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

// NUL cannot be stored in PostgreSQL text; a lone surrogate would be stored as U+FFFD and shift
// no offsets but change the text. Both are refused rather than silently altered.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const storable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** A source's text: byte-exact as given (never trimmed or re-encoded), at most 5 MB of UTF-8. */
export const SourceText = z
  .string()
  .min(1)
  .refine((text) => utf8Length(text) <= maxSourceTextBytes, { message: 'source.text_too_large' })
  .refine(storable, { message: 'source.text_invalid' })
  .refine((text) => /\S/u.test(text), { message: 'source.text_blank' });

/** When a source was published, to the precision it gives. */
export const SourcePublished = z.object({ date: IsoDate, precision: DatePrecision.default('day') }).strict();
export type SourcePublished = z.infer<typeof SourcePublished>;

const SourceFields = z
  .object({
    id: Uuid.optional(),
    operationId: OperationRef,
    kind: SourceKind,
    title: z.string().trim().min(1).max(1000).nullable().optional(),
    /** Detected from the text when absent (the share of Arabic letters). */
    language: LanguageCode.nullable().optional(),
    /** The outlet or issuer (an organization: a newspaper, a ministry, an agency). */
    outletId: Uuid.nullable().optional(),
    authorPersonId: Uuid.nullable().optional(),
    /** The byline as printed, when no person record is made for it. */
    authorText: z.string().trim().min(1).max(300).nullable().optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable()
      .optional(),
    published: SourcePublished.nullable().optional(),
    retrievedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    sensitivity: Sensitivity.default('public'),
  })
  .strict();

/**
 * What `POST /api/sources` takes: the metadata and the plain text. Without a text the source is
 * known by its metadata only (claims on it carry no quote).
 */
export const SourceIngestInput = SourceFields.extend({ text: SourceText.optional() });
export type SourceIngestInput = z.infer<typeof SourceIngestInput>;

/**
 * A change of metadata. The text of a source never changes (claims quote it by offsets): a new
 * text is ingested as a new source, so `text` is refused by name.
 */
export const SourcePatch = patchOf(SourceFields.omit({ id: true, operationId: true }))
  .extend({
    text: z
      .unknown()
      .optional()
      .describe('Refused: the text of a source never changes; ingest a new text as a new source.'),
  })
  .superRefine((value, ctx) => {
    if (value.text !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'source.text_immutable' });
    }
  });
export type SourcePatch = z.infer<typeof SourcePatch>;

/** A near-duplicate of a source: its id, title and the Jaccard index of their word shingles. */
export const SimilarSource = z.object({
  sourceId: z.string(),
  title: z.string().nullable(),
  similarity: z.number().min(0).max(1),
});
export type SimilarSource = z.infer<typeof SimilarSource>;

/** A source without its text (lists stay small): `GET /api/sources/:id/text` gives the text. */
export const SourceView = RecordMeta.extend({
  operationId: z.string(),
  kind: SourceKind,
  title: z.string().nullable(),
  language: z.string().nullable(),
  outletId: z.string().nullable(),
  authorPersonId: z.string().nullable(),
  authorText: z.string().nullable(),
  url: z.string().nullable(),
  published: z.object({ date: z.string(), precision: DatePrecision }).nullable(),
  retrievedAt: z.string().nullable(),
  sensitivity: Sensitivity,
  /** SHA-256 of the text's UTF-8 bytes (hex); null for a source known by its metadata only. */
  sha256: z.string().nullable(),
  /** Length of the text in UTF-16 code units, the unit claims' quote offsets count in. */
  contentLength: z.number().int().nullable(),
  /** Near-duplicates, most similar first. */
  similar: z.array(SimilarSource),
});
export type SourceView = z.infer<typeof SourceView>;

export const SourceTextView = z.object({ id: z.string(), sha256: z.string(), text: z.string() });
export type SourceTextView = z.infer<typeof SourceTextView>;

/** The answer of an ingest: the source, whether it is new, and its near-duplicates. */
export const IngestSourceResult = z.object({
  source: SourceView,
  /** False when the same text was already a source of the operation: nothing was changed. */
  created: z.boolean(),
  similar: z.array(SimilarSource),
});
export type IngestSourceResult = z.infer<typeof IngestSourceResult>;

export const SourceListQuery = ListQuery.extend({
  operationId: Uuid.optional(),
  kind: SourceKind.optional(),
  outletId: Uuid.optional(),
  authorPersonId: Uuid.optional(),
  language: LanguageCode.optional(),
  /** The source with this text (SHA-256 in hex). */
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  sensitivity: Sensitivity.optional(),
  /** Bounds of the publication date. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type SourceListQuery = z.infer<typeof SourceListQuery>;

/**
 * Metadata as query parameters, for a raw `text/plain` body (`POST /api/sources?kind=…`): the
 * same fields, flat (`publishedOn`, `publishedPrecision`).
 */
export const SourceIngestQuery = z
  .object({
    id: Uuid.optional(),
    operationId: Uuid.optional(),
    kind: SourceKind.optional(),
    title: z.string().optional(),
    language: z.string().optional(),
    outletId: Uuid.optional(),
    authorPersonId: Uuid.optional(),
    authorText: z.string().optional(),
    url: z.string().optional(),
    publishedOn: IsoDate.optional(),
    publishedPrecision: DatePrecision.optional(),
    retrievedAt: z.string().optional(),
    sensitivity: Sensitivity.optional(),
  })
  .strict();
export type SourceIngestQuery = z.infer<typeof SourceIngestQuery>;

/** The ingest metadata that query parameters stand for (`publishedOn` → `published.date` …). */
export function ingestMetadataFromQuery(query: SourceIngestQuery): Record<string, unknown> {
  const { publishedOn, publishedPrecision, ...rest } = query;
  const input: Record<string, unknown> = { ...rest };
  if (publishedOn !== undefined) input.published = { date: publishedOn, precision: publishedPrecision };
  else if (publishedPrecision !== undefined) input.published = { precision: publishedPrecision };
  return input;
}
