import {
  AppError,
  isCrossOrganization,
  type Page,
  type ReviewCandidateKind,
  ReviewCandidateListQuery,
  type ReviewCandidateView,
  type ReviewFacts,
  type ReviewPlanView,
} from '@tansiq/core';
import type { Db } from '../store/db.ts';
import { type CandidateRow, findCandidate, listCandidates as listCandidateRows } from '../store/review.ts';
import { requirePermission } from './access.ts';
import type { Ctx } from './context.ts';
import { decodeCursor, encodeCursor } from './list-records.ts';
import { validate } from './validate.ts';

export function presentCandidate(row: CandidateRow): ReviewCandidateView {
  const proposal = row.proposal as { facts: ReviewFacts; plan: ReviewPlanView };
  return {
    id: row.id,
    operationId: row.operation_id,
    sourceId: row.source_id,
    kind: row.kind as ReviewCandidateKind,
    type: row.fact_type,
    status: row.status,
    quote: { start: row.span_start, end: row.span_end, text: row.span_text },
    extracted: row.extracted,
    facts: proposal.facts,
    proposal: proposal.plan,
    decision:
      row.decided_at && row.decided_by
        ? {
            by: row.decided_by,
            at: row.decided_at.toISOString(),
            reason: row.reason,
            edits: row.edits ?? null,
            record:
              row.record_resource && row.record_id
                ? { resource: row.record_resource, id: row.record_id, created: row.record_created === true }
                : null,
            claimIds: row.claim_ids,
          }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function requireSignedIn(ctx: Ctx): void {
  if (ctx.actor.kind === 'public') throw new AppError('access.sign_in_required');
}

/**
 * `GET /api/review/candidates`: the queue, oldest first and in text order within a source. Only
 * the candidates of sources the actor may read are there (row-level security, through the source).
 */
export async function listCandidates(ctx: Ctx, raw: unknown): Promise<Page<ReviewCandidateView>> {
  requireSignedIn(ctx);
  const query = validate(ReviewCandidateListQuery, raw);
  const offset = decodeCursor(query.cursor);
  const { rows, total } = await listCandidateRows(
    ctx.db,
    { status: query.status, sourceId: query.sourceId, kind: query.kind },
    query.limit,
    offset,
  );
  return {
    items: rows.map(presentCandidate),
    total,
    nextCursor: offset + rows.length < total ? encodeCursor(offset + rows.length) : null,
  };
}

/** One candidate the actor may read, or 404 (a candidate of a source outside their scope too). */
export async function findVisibleCandidate(db: Db, id: string, lock = false): Promise<CandidateRow> {
  const row = await findCandidate(db, id, lock);
  if (!row) throw new AppError('record.not_found', { resource: 'review-candidate', id });
  return row;
}

/** `GET /api/review/candidates/:id`. */
export async function getCandidate(ctx: Ctx, id: string): Promise<ReviewCandidateView> {
  requireSignedIn(ctx);
  return presentCandidate(await findVisibleCandidate(ctx.db, id));
}

/**
 * A candidate about to be decided, locked for the rest of the transaction: 404 when the actor
 * cannot see it, 403 when they may not decide on its source's facts (another organization's
 * source, outside the hub), 409 when it was already decided.
 */
export async function findDecidableCandidate(ctx: Ctx, tx: Db, id: string): Promise<CandidateRow> {
  requirePermission(ctx, 'claims.propose');
  const visible = await findVisibleCandidate(tx, id);
  const { actor } = ctx;
  if (
    actor.kind === 'user' &&
    !isCrossOrganization(actor.roles) &&
    visible.source_owner !== actor.organizationId
  ) {
    throw new AppError('access.other_organization', { resource: 'review-candidate', id });
  }
  const row = await findVisibleCandidate(tx, id, true);
  if (row.status !== 'pending') throw new AppError('review.already_decided', { id, status: row.status });
  return row;
}
