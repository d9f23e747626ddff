import type { ClaimView } from '@tansiq/core';
import { listRows } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { getRecord } from './get-record.ts';
import { presentRows } from './resource.ts';
import { claims } from './resources/claims.ts';

/** The live claims that give a different value than this one for the same subject and field. */
export async function listClaimContradictions(ctx: Ctx, claimId: string): Promise<{ items: ClaimView[] }> {
  const claim = await getRecord(ctx, claims, claimId);
  if (claim.contradictionIds.length === 0) return { items: [] };
  const { rows } = await listRows(ctx.db, claims.table, {
    where: [{ sql: 't.id = ANY($?::uuid[])', value: claim.contradictionIds }],
    tsquery: null,
    orderBy: 'created_at',
    limit: claim.contradictionIds.length,
    offset: 0,
  });
  return { items: await presentRows(ctx.db, claims, rows) };
}
