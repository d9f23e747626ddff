import { dropOwnedObjects } from '../store/database.ts';
import type { PgPool } from '../store/db.ts';
import { migrate } from '../store/migrate.ts';
import type { Ctx } from './context.ts';

/** Drops every tansiq table and migrates afresh: a new, empty database with the built-ins. */
export async function resetDatabase(_ctx: Ctx, owner: PgPool, appRole: string | undefined) {
  await dropOwnedObjects(owner);
  return await migrate(owner, appRole);
}
