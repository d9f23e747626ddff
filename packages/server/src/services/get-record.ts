import { AppError } from '@tansiq/core';
import { findRow } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { presentForReader } from './present-for-reader.ts';
import type { Resource } from './resource.ts';

export async function getRecord<View>(ctx: Ctx, resource: Resource<View>, id: string): Promise<View> {
  const row = await findRow(ctx.db, resource.table, id);
  if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
  const [view] = await presentForReader(ctx, resource, [row]);
  return view as View;
}
