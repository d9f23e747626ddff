import { type ReviewCandidateView, ReviewRejectInput } from '@tansiq/core';
import { inTransaction } from '../store/db.ts';
import { decideCandidate } from '../store/review.ts';
import { actorName, type Ctx } from './context.ts';
import { findDecidableCandidate, findVisibleCandidate, presentCandidate } from './list-candidates.ts';
import { validate } from './validate.ts';

/**
 * `POST /api/review/candidates/:id/reject`: the fact does not enter the record. The candidate
 * stays, with who rejected it, when and why, so that extracting the source again does not bring
 * it back.
 */
export async function rejectCandidate(ctx: Ctx, id: string, raw: unknown = {}): Promise<ReviewCandidateView> {
  const input = validate(ReviewRejectInput, raw ?? {});
  return await inTransaction(ctx.db, async (tx) => {
    await findDecidableCandidate(ctx, tx, id);
    await decideCandidate(tx, id, {
      status: 'rejected',
      decidedBy: actorName(ctx.actor),
      reason: input.reason ?? null,
    });
    return presentCandidate(await findVisibleCandidate(tx, id));
  });
}
