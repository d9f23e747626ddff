import { createHash } from 'node:crypto';
import { type IngestSourceResult, SourceIngestInput, type SourceView, uuidv7 } from '@tansiq/core';
import { detectLanguage } from '@tansiq/core/text/language';
import {
  estimateJaccard,
  fromInt32,
  jaccard,
  lshBands,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  shingleHashes,
  toInt32,
} from '@tansiq/core/text/similarity';
import { type Db, inTransaction } from '../store/db.ts';
import { findRow } from '../store/registry.ts';
import {
  findSourceByContent,
  insertSource,
  insertSourceBands,
  linkSimilarSources,
  restoreSource,
  type SourceContent,
  sourceCandidates,
  sourceTexts,
} from '../store/sources.ts';
import { ownershipForCreate } from './access.ts';
import type { Ctx } from './context.ts';
import { mapDbError } from './db-errors.ts';
import { extractForReview, storeCandidates } from './extract-candidates.ts';
import { resolveReferences } from './resolve-references.ts';
import { presentRows } from './resource.ts';
import { sources } from './resources/sources.ts';
import { validate } from './validate.ts';

/** How near-duplicates are looked for. */
export const nearDuplicateSearch = {
  /** Linked at or above this Jaccard index of word 5-shingles. */
  threshold: NEAR_DUPLICATE_THRESHOLD,
  /** Candidates (sources sharing an LSH band) looked at, most shared bands first. */
  maxCandidates: 200,
  /** Candidates whose estimate is this close below the threshold are measured exactly. */
  margin: 0.15,
  /** At most this many candidates are measured exactly, best estimates first. */
  maxExact: 20,
  /** Texts longer than this (UTF-16 code units) are compared by their signatures only. */
  exactTextLimit: 1_000_000,
};

interface Fingerprint {
  content: SourceContent;
  shingles: Uint32Array;
  signature: Uint32Array | null;
  bands: bigint[];
}

/** What identifies a text (SHA-256 of its UTF-8 bytes) and what finds its near-duplicates. */
function fingerprintOf(text: string): Fingerprint {
  const shingles = shingleHashes(text);
  const signature = shingles.length > 0 ? minhashSignature(shingles) : null;
  return {
    content: {
      text,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
      length: text.length,
      minhash: signature ? toInt32(signature) : null,
    },
    shingles,
    signature,
    bands: signature ? lshBands(signature) : [],
  };
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * The near-duplicates of a source among the operation's live sources: candidates share an LSH
 * band, their signatures estimate the Jaccard index, and those near the threshold are measured
 * exactly on their shingles (when the texts are small enough to read).
 */
async function findNearDuplicates(
  tx: Db,
  operationId: string,
  sourceId: string,
  fingerprint: Fingerprint,
): Promise<{ id: string; similarity: number }[]> {
  const { signature } = fingerprint;
  if (!signature) return [];
  const search = nearDuplicateSearch;
  const candidates = await sourceCandidates(
    tx,
    operationId,
    sourceId,
    fingerprint.bands,
    search.maxCandidates,
  );
  const likely = candidates
    .map((candidate) => ({
      id: candidate.id,
      length: candidate.content_length,
      estimate: estimateJaccard(signature, fromInt32(candidate.minhash)),
    }))
    .filter((candidate) => candidate.estimate >= search.threshold - search.margin)
    .sort((a, b) => b.estimate - a.estimate)
    .slice(0, search.maxExact);
  const measurable =
    fingerprint.content.length <= search.exactTextLimit
      ? likely.filter((candidate) => candidate.length <= search.exactTextLimit)
      : [];
  const texts = await sourceTexts(
    tx,
    operationId,
    measurable.map((candidate) => candidate.id),
  );
  return likely
    .map((candidate) => {
      const other = texts.get(candidate.id);
      const similarity =
        other === undefined ? candidate.estimate : jaccard(fingerprint.shingles, shingleHashes(other));
      return { id: candidate.id, similarity: round(similarity) };
    })
    .filter((link) => link.similarity >= search.threshold);
}

async function sourceView(tx: Db, id: string): Promise<SourceView> {
  const row = await findRow(tx, sources.table, id);
  const [view] = await presentRows(tx, sources, row ? [row] : []);
  if (!view) throw new Error(`source ${id} vanished within its own transaction`);
  return view;
}

async function indexAndLink(
  tx: Db,
  operationId: string,
  id: string,
  fingerprint: Fingerprint,
): Promise<void> {
  await insertSourceBands(tx, operationId, id, fingerprint.bands);
  await linkSimilarSources(tx, operationId, id, await findNearDuplicates(tx, operationId, id, fingerprint));
}

/**
 * Ingests a source: its metadata and its plain text, kept byte-exact (claims quote it by
 * offsets). The text is identified by its SHA-256: the same text again in the same operation
 * answers the existing source with `created: false` and changes nothing (its metadata included:
 * PATCH changes metadata). A deleted source whose text comes again is brought back. A new text
 * is inserted, indexed by its MinHash bands, and linked to its near-duplicates. Without a text,
 * the source is known by its metadata only.
 */
export async function ingestSource(ctx: Ctx, raw: unknown): Promise<IngestSourceResult> {
  const input = validate(SourceIngestInput, raw);
  const values = sources.toColumns(input);
  // The ingesting user's organization owns the source (analysts may write only their own).
  Object.assign(values, ownershipForCreate(ctx, {}));
  if (input.language === undefined && input.text !== undefined) values.language = detectLanguage(input.text);
  // The hashing and shingling happen before the transaction: no connection waits on them.
  const fingerprint = input.text === undefined ? null : fingerprintOf(input.text);
  // So is extraction: a new text's facts enter the review queue with it (docs/review-queue.md).
  const extraction = input.text === undefined ? null : extractForReview(input.text, input.published);
  const { operationId } = input;
  const id = input.id ?? uuidv7(ctx.now().getTime());
  try {
    return await inTransaction(ctx.db, async (tx) => {
      const existing = async (known: { id: string; deleted: boolean }): Promise<IngestSourceResult> => {
        if (known.deleted && fingerprint) {
          await restoreSource(tx, operationId, known.id);
          await indexAndLink(tx, operationId, known.id, fingerprint);
        }
        const source = await sourceView(tx, known.id);
        return { source, created: known.deleted, similar: source.similar };
      };
      if (fingerprint) {
        const known = await findSourceByContent(tx, operationId, fingerprint.content.sha256);
        if (known) return await existing(known);
      }
      await resolveReferences(tx, sources, [{ id, values }]);
      const inserted = await insertSource(tx, {
        id,
        values,
        searchTerms: sources.searchText(values),
        content: fingerprint?.content ?? null,
      });
      if (!inserted && fingerprint) {
        // A concurrent ingest of the same text committed first: it is the source.
        const known = await findSourceByContent(tx, operationId, fingerprint.content.sha256);
        if (known) return await existing(known);
      }
      if (fingerprint) await indexAndLink(tx, operationId, id, fingerprint);
      if (extraction) await storeCandidates(ctx, tx, id, extraction);
      const source = await sourceView(tx, id);
      return { source, created: true, similar: source.similar };
    });
  } catch (error) {
    throw mapDbError(error, sources);
  }
}
