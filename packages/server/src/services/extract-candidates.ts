import {
  AppError,
  type ExtractCandidatesResult,
  type ReviewCandidateKind,
  type ReviewFacts,
  uuidv7,
} from '@tansiq/core';
import { normalizeForMatch, searchQuery } from '@tansiq/core/text/arabic';
import {
  type EventMention,
  type Extraction,
  extract,
  type PlaceMention,
  type QuantityMention,
} from '../extract/index.ts';
import { type Db, inTransaction } from '../store/db.ts';
import type { Row } from '../store/registry.ts';
import {
  adminUnitIdsByPcode,
  findReviewSource,
  insertCandidates,
  type NamedRow,
  type ReviewSourceRow,
  searchNamed,
} from '../store/review.ts';
import { requirePermission, requireWritable } from './access.ts';
import { planAcceptance } from './candidate-mapping.ts';
import type { Ctx } from './context.ts';

/**
 * Reads a source's text with `extract()` and puts what it states into the review queue: one
 * candidate per event, and one per figure stated outside any event. Each candidate keeps the
 * exact words (checked against the stored text), the facts with what they matched in the
 * registry, and the proposal: what accepting would create. Extracting again adds only what is new.
 */

type Span = { start: number; end: number; text: string };

/** A fact before the registry is consulted. */
interface Draft {
  kind: ReviewCandidateKind;
  factType: string;
  extracted: EventMention | QuantityMention;
  quote: Span;
  event: EventMention | null;
  quantities: { mention: QuantityMention; quote: Span }[];
}

/** The publication day extraction resolves relative dates against, when the source gives one to the day. */
function publishedDay(published: { date: string; precision: string } | null | undefined): string | null {
  return published?.precision === 'day' ? published.date : null;
}

/** Runs the extractor on a source's text; pure, so ingest calls it before its transaction opens. */
export function extractForReview(
  text: string,
  published: { date: string; precision: string } | null | undefined,
): Extraction {
  return extract(text, { published: publishedDay(published) });
}

/**
 * The span in the stored text. Offsets of an HTML source index the text the extractor read, not
 * the stored page: the words are then looked for in the page, and kept only when found once.
 */
function anchor(content: string, span: Span): Span | null {
  if (content.slice(span.start, span.end) === span.text)
    return { start: span.start, end: span.end, text: span.text };
  const first = content.indexOf(span.text);
  if (first < 0 || span.text.length === 0 || content.indexOf(span.text, first + 1) >= 0) return null;
  return { start: first, end: first + span.text.length, text: span.text };
}

const inside = (span: { start: number; end: number }, ranges: readonly { start: number; end: number }[]) =>
  ranges.some((range) => range.start <= span.start && span.end <= range.end);

function rangesOf(event: EventMention): { start: number; end: number }[] {
  return [{ start: event.start, end: event.end }, ...(event.mentions ?? [])];
}

/** Events, and figures that no event states: the facts worth a review. */
function draftsOf(extraction: Extraction, content: string): { drafts: Draft[]; unanchored: number } {
  let unanchored = 0;
  const drafts: Draft[] = [];
  const claimed = new Set<QuantityMention>();
  for (const event of extraction.events) {
    const quote = anchor(content, event);
    const ranges = rangesOf(event);
    const mentions = extraction.quantities.filter(
      (quantity) => event.quantities.includes(quantity.value) && inside(quantity, ranges),
    );
    for (const mention of mentions) claimed.add(mention);
    if (!quote) {
      unanchored++;
      continue;
    }
    const quantities = mentions.flatMap((mention) => {
      const at = anchor(content, mention);
      return at ? [{ mention, quote: at }] : [];
    });
    drafts.push({ kind: 'event', factType: event.type, extracted: event, quote, event, quantities });
  }
  for (const mention of extraction.quantities) {
    if (claimed.has(mention)) continue;
    const quote = anchor(content, mention);
    if (!quote) {
      unanchored++;
      continue;
    }
    drafts.push({
      kind: 'quantity',
      factType: mention.unit,
      extracted: mention,
      quote,
      event: null,
      quantities: [{ mention, quote }],
    });
  }
  return { drafts, unanchored };
}

/** A contract date ('2021-07-24', '2021-07', '2021' or a range) as a period. */
function periodOf(value: EventMention['date']): ReviewFacts['date'] {
  if (value === null) return null;
  const one = (date: string) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return { day: date, precision: 'day' as const };
    if (/^\d{4}-\d{2}$/.test(date)) return { day: `${date}-01`, precision: 'month' as const };
    if (/^\d{4}$/.test(date)) return { day: `${date}-01-01`, precision: 'year' as const };
    return null;
  };
  if (typeof value === 'string') {
    const day = one(value);
    return day ? { start: day.day, end: null, precision: day.precision } : null;
  }
  const start = one(value.start);
  const end = one(value.end);
  if (!start) return null;
  return { start: start.day, end: end && end.day >= start.day ? end.day : null, precision: start.precision };
}

/** The place an event names, with its p-code: the mention of that name within the event's sentences. */
function placeOf(extraction: Extraction, event: EventMention): PlaceMention | null {
  if (!event.place) return null;
  const named = extraction.places.filter((place) => place.name === event.place);
  const ranges = rangesOf(event);
  return named.find((place) => inside(place, ranges)) ?? named[0] ?? null;
}

const same = (a: string | null | undefined, b: string) => Boolean(a) && normalizeForMatch(String(a)) === b;

/**
 * The registry's organizations and items that the text names, found through the registry's own
 * search and kept only when a name (or acronym, or code) equals the text's exactly once folded:
 * a near miss is no match, so nothing is attributed to the wrong organization.
 */
class RegistryMatcher {
  private readonly cache = new Map<string, NamedRow[]>();

  constructor(private readonly db: Db) {}

  private async search(table: 'organizations' | 'items', form: string): Promise<NamedRow[]> {
    const key = `${table}:${form}`;
    const known = this.cache.get(key);
    if (known) return known;
    const tsquery = searchQuery(form);
    const rows = tsquery ? await searchNamed(this.db, table, tsquery, 20) : [];
    this.cache.set(key, rows);
    return rows;
  }

  /** The one record whose name equals one of the forms, or null. */
  async exact(table: 'organizations' | 'items', forms: readonly string[]): Promise<string | null> {
    const wanted = [...new Set(forms.map(normalizeForMatch).filter((form) => form.length > 0))];
    const found = new Set<string>();
    for (const form of wanted) {
      for (const row of await this.search(table, form)) {
        if (same(row.name_en, form) || same(row.name_ar, form) || same(row.acronym, form)) found.add(row.id);
      }
    }
    return found.size === 1 ? ([...found][0] ?? null) : null;
  }

  /** An item: its exact name, else the only item the search finds for it. */
  async item(name: string | null): Promise<string | null> {
    if (!name) return null;
    const exact = await this.exact('items', [name]);
    if (exact) return exact;
    const rows = await this.search('items', normalizeForMatch(name));
    return rows.length === 1 ? (rows[0]?.id ?? null) : null;
  }
}

async function factsOf(
  matcher: RegistryMatcher,
  extraction: Extraction,
  source: ReviewSourceRow,
  draft: Draft,
  adminUnits: Map<string, string>,
): Promise<ReviewFacts> {
  // The text's own words for an organization, besides its canonical name.
  const formsOf = (name: string) => [
    name,
    ...extraction.organizations.filter((org) => org.name === name).map((org) => org.text),
  ];
  const named = async (name: string) => ({
    name,
    organizationId: await matcher.exact('organizations', formsOf(name)),
  });
  const event = draft.event;
  const place = event ? placeOf(extraction, event) : null;
  const code = place ? (place.pcode ?? place.country) : null;
  const participants = [];
  for (const name of event?.participants ?? []) participants.push(await named(name));
  const quantities = [];
  for (const { mention, quote } of draft.quantities) {
    quantities.push({
      value: mention.value,
      unit: mention.unit,
      item: mention.item,
      approximate: mention.approximate,
      quote,
      itemId: await matcher.item(mention.item),
    });
  }
  return {
    kind: draft.kind,
    eventType: event?.type ?? null,
    eventStatus: event?.status ?? null,
    language: extraction.document.language,
    quote: draft.quote,
    published:
      publishedDay(
        source.published_on ? { date: source.published_on, precision: source.published_precision } : null,
      ) ?? extraction.document.published,
    date: event ? periodOf(event.date) : null,
    place: place
      ? {
          name: place.name,
          text: place.text,
          pcode: code,
          adminUnitId: code ? (adminUnits.get(code) ?? null) : null,
        }
      : null,
    claimant: event?.claimant ? await named(event.claimant) : null,
    outletId: source.outlet_id,
    participants,
    quantities,
  };
}

/**
 * Stores the candidates of one source from its extraction, in the caller's transaction (ingest's,
 * so that a source and its candidates are written together or not at all).
 */
export async function storeCandidates(
  ctx: Ctx,
  tx: Db,
  sourceId: string,
  extraction: Extraction,
): Promise<ExtractCandidatesResult> {
  const source = await findReviewSource(tx, sourceId);
  if (!source) throw new AppError('record.not_found', { resource: 'source', id: sourceId });
  if (source.content === null) throw new AppError('source.no_text', { id: sourceId });
  const { drafts, unanchored } = draftsOf(extraction, source.content);
  const pcodes = drafts.flatMap((draft) => {
    const place = draft.event ? placeOf(extraction, draft.event) : null;
    const code = place ? (place.pcode ?? place.country) : null;
    return code ? [code] : [];
  });
  const adminUnits = await adminUnitIdsByPcode(tx, pcodes);
  const matcher = new RegistryMatcher(tx);
  const rows = [];
  for (const draft of drafts) {
    const facts = await factsOf(matcher, extraction, source, draft, adminUnits);
    rows.push({
      id: uuidv7(ctx.now().getTime()),
      operationId: source.operation_id,
      sourceId,
      kind: draft.kind,
      factType: draft.factType,
      extracted: draft.extracted,
      start: draft.quote.start,
      end: draft.quote.end,
      text: draft.quote.text,
      proposal: { facts, plan: planAcceptance(facts, {}) },
    });
  }
  const { ids, created } = await insertCandidates(tx, rows);
  return {
    sourceId,
    created: created.size,
    existing: ids.length - created.size,
    unanchored,
    candidateIds: ids,
  };
}

/**
 * `POST /api/sources/:id/candidates`, `tansiq review extract SOURCE_ID`: extracts a source's text
 * into the queue (again: facts already queued are left as they are).
 */
export async function extractCandidates(ctx: Ctx, sourceId: string): Promise<ExtractCandidatesResult> {
  requirePermission(ctx, 'evidence.write');
  const source = await findReviewSource(ctx.db, sourceId);
  if (!source) throw new AppError('record.not_found', { resource: 'source', id: sourceId });
  requireWritable(ctx, source as unknown as Row, 'source');
  if (source.content === null) throw new AppError('source.no_text', { id: sourceId });
  const published = source.published_on
    ? { date: source.published_on, precision: source.published_precision }
    : null;
  // The extractor runs before the transaction: no connection waits on it.
  const extraction = extractForReview(source.content, published);
  return await inTransaction(ctx.db, (tx) => storeCandidates(ctx, tx, sourceId, extraction));
}
