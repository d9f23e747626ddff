import { AppError } from '@tansiq/core';
import type { Ctx } from './context.ts';

/**
 * The organization a person means on the command line: its id, its acronym, or its name in
 * either language (exactly, ignoring case). Two matches are an error, not a guess.
 */
export async function findOrganization(ctx: Ctx, reference: string): Promise<string> {
  const result = await ctx.db.query<{ id: string }>(
    `SELECT id FROM organizations
     WHERE deleted_at IS NULL AND (id::text = $1 OR lower(acronym) = lower($1) OR lower(name_en) = lower($1)
       OR name_ar = $1)
     LIMIT 2`,
    [reference.trim()],
  );
  if (result.rows.length !== 1) {
    throw new AppError('record.not_found', { resource: 'organization', id: reference });
  }
  return (result.rows[0] as { id: string }).id;
}
