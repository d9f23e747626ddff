import { AppError } from '@tansiq/core';
import { softDeleteLink } from '../store/agreements.ts';
import { inTransaction } from '../store/db.ts';
import type { Ctx } from './context.ts';

/** Unties aid from a condition. The link row stays, marked deleted (history, changes feed). */
export async function unlinkAidCondition(ctx: Ctx, linkId: string): Promise<void> {
  const row = await inTransaction(ctx.db, (tx) => softDeleteLink(tx, linkId));
  if (!row) throw new AppError('record.not_found', { resource: 'aid-condition', id: linkId });
}
