import { AppError } from '@tansiq/core';
import { findRow } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import type { RegistryResource } from './resources.ts';

export async function getRecord<View>(ctx: Ctx, resource: RegistryResource<View>, id: string): Promise<View> {
  const row = await findRow(ctx.db, resource.table, id);
  if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
  return resource.present(row);
}
