import {
  AppError,
  type ClaimStatus,
  ClaimVerificationInput,
  type ClaimView,
  claimTransitionAllowed,
  uuidv7,
} from '@tansiq/core';
import { insertVerification, setClaimStatus, sourceTexts } from '../store/claims.ts';
import { inTransaction } from '../store/db.ts';
import { existingIds, findRow } from '../store/registry.ts';
import { mayVerifyClaims } from './access.ts';
import { actorName, type Ctx } from './context.ts';
import { presentRows } from './resource.ts';
import { claims } from './resources/claims.ts';
import { validate } from './validate.ts';

/**
 * Changes a claim's status with who, when, how and why: an immutable verification row and the
 * new status, in one transaction. A transition the rules forbid (a retracted claim is final) is
 * refused with nothing written.
 */
export async function verifyClaim(ctx: Ctx, claimId: string, raw: unknown): Promise<ClaimView> {
  const input = validate(ClaimVerificationInput, raw);
  return await inTransaction(ctx.db, async (tx) => {
    const claim = await findRow(tx, claims.table, claimId, true);
    if (!claim) throw new AppError('record.not_found', { resource: 'claim', id: claimId });
    const from = claim.status as ClaimStatus;
    if (!claimTransitionAllowed(from, input.toStatus)) {
      throw new AppError('claim.transition_refused', { claimId, from, to: input.toStatus });
    }
    const operationId = String(claim.operation_id);
    const byOrganizationId = input.byOrganizationId ?? null;
    if (
      byOrganizationId &&
      !(await existingIds(tx, 'organizations', [byOrganizationId])).has(byOrganizationId)
    ) {
      throw new AppError('record.reference_missing', {
        field: 'byOrganizationId',
        resource: 'organization',
        value: byOrganizationId,
      });
    }
    const evidenceSourceId = input.evidenceSourceId ?? null;
    if (
      evidenceSourceId &&
      !(await sourceTexts(tx, [evidenceSourceId])).has(`${operationId}:${evidenceSourceId}`)
    ) {
      throw new AppError('record.reference_missing', {
        field: 'evidenceSourceId',
        resource: 'source',
        value: evidenceSourceId,
      });
    }
    const now = ctx.now();
    // Without the right to verify, the same request is a proposal (issue 5: analysts propose).
    const proposed = !mayVerifyClaims(ctx.actor);
    await insertVerification(tx, {
      operationId,
      id: uuidv7(now.getTime()),
      claimId,
      fromStatus: from,
      toStatus: input.toStatus,
      method: input.method,
      reasonAr: input.reason.ar ?? null,
      reasonEn: input.reason.en ?? null,
      actor: actorName(ctx.actor),
      byOrganizationId,
      evidenceSourceId,
      verifiedAt: now,
      proposed,
    });
    if (!proposed) await setClaimStatus(tx, claimId, input.toStatus);
    const updated = await findRow(tx, claims.table, claimId);
    if (!updated) throw new AppError('record.not_found', { resource: 'claim', id: claimId });
    const [view] = await presentRows(tx, claims, [updated]);
    return view as ClaimView;
  });
}
