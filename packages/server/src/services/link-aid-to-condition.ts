import {
  AidConditionLinkInput,
  type AidConditionLinkView,
  AppError,
  type LocalizedText,
  uuidv7,
} from '@tansiq/core';
import { aidExists, findLiveCondition, insertLink, type LinkRow } from '../store/agreements.ts';
import { inTransaction } from '../store/db.ts';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

export function presentLink(row: LinkRow): AidConditionLinkView {
  const notes: LocalizedText = {};
  if (row.note_ar) notes.ar = row.note_ar;
  if (row.note_en) notes.en = row.note_en;
  const [aidType, aidId] = row.pledge_id
    ? (['pledge', row.pledge_id] as const)
    : row.shipment_id
      ? (['shipment', row.shipment_id] as const)
      : (['distribution', String(row.distribution_id)] as const);
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    operationId: row.operation_id,
    agreementId: row.agreement_id,
    conditionId: row.condition_id,
    aidType,
    aidId,
    scope: row.scope as AidConditionLinkView['scope'],
    notes,
  };
}

/**
 * Ties one piece of aid (a pledge, shipment or distribution of the agreement's operation) to one
 * condition of an agreement: its delivery or its distribution waits on that condition.
 */
export async function linkAidToCondition(
  ctx: Ctx,
  agreementId: string,
  conditionId: string,
  raw: unknown,
): Promise<AidConditionLinkView> {
  const input = validate(AidConditionLinkInput, raw);
  try {
    return await inTransaction(ctx.db, async (tx) => {
      // Locks the agreement: a concurrent change of its conditions waits for this link.
      const condition = await findLiveCondition(tx, agreementId, conditionId);
      if (!condition) {
        throw new AppError('record.not_found', { resource: 'agreement-condition', id: conditionId });
      }
      if (!(await aidExists(tx, condition.operation_id, input.aidType, input.aidId))) {
        throw new AppError('record.not_found', { resource: input.aidType, id: input.aidId });
      }
      const row = await insertLink(tx, {
        operationId: condition.operation_id,
        id: input.id ?? uuidv7(ctx.now().getTime()),
        conditionId,
        agreementId,
        kind: input.aidType,
        aidId: input.aidId,
        scope: input.scope,
        noteAr: input.notes?.ar ?? null,
        noteEn: input.notes?.en ?? null,
      });
      return presentLink(row);
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      const field = (error as { constraint?: string }).constraint === 'aid_conditions_pkey' ? 'id' : 'aidId';
      throw new AppError('record.conflict', { resource: 'aid-condition', field }, { cause: error });
    }
    throw error;
  }
}
