import { AppError } from '@tansiq/core';
import type { Ctx } from '../services/context.ts';
import { getRecord } from '../services/get-record.ts';
import type { Resource } from '../services/resource.ts';
import type { Texts } from './table.ts';

/**
 * The names of records that a service answered with ids only (a site, an item), read through
 * the same service as `GET /api/<resource>/:id`. A record that cannot be read is left out: the
 * table then shows its id.
 */
export async function namesByIds<V extends { names: Texts }>(
  ctx: Ctx,
  resource: Resource<V>,
  ids: Iterable<string | null>,
): Promise<Map<string, Texts>> {
  const names = new Map<string, Texts>();
  for (const id of new Set(ids)) {
    if (id === null) continue;
    try {
      names.set(id, (await getRecord(ctx, resource, id)).names);
    } catch (error) {
      if (!(error instanceof AppError) || error.code === 'internal') throw error;
    }
  }
  return names;
}
