import { AppError, hasPermission, isCrossOrganization, type Permission } from '@tansiq/core';
import type { Db } from '../store/db.ts';
import { type ColumnValues, findRow, type Row } from '../store/registry.ts';
import type { Actor, Ctx } from './context.ts';
import { Ownership, type Resource } from './resource.ts';
import { validate } from './validate.ts';

/**
 * The record-level half of access control; the route-level half is `access` on every route
 * (http/route.ts), and row-level security in PostgreSQL backs both (013_access.sql). Services call
 * these so that the CLI, imports and HTTP obey the same rules.
 */

export function mayVerifyClaims(actor: Actor): boolean {
  return actor.kind === 'system' || (actor.kind === 'user' && hasPermission(actor.roles, 'claims.verify'));
}

/** Refuses an actor without `permission` (the routes check it first; services check it again). */
export function requirePermission(ctx: Ctx, permission: Permission): void {
  const { actor } = ctx;
  if (actor.kind === 'system') return;
  if (actor.kind === 'public') throw new AppError('access.sign_in_required');
  if (!hasPermission(actor.roles, permission)) throw new AppError('access.forbidden', { permission });
}

/**
 * The owner of a record about to be created. Partners and analysts create for their own
 * organization only; the hub (admins, coordinators) and the system may name any.
 */
export function ownerForCreate(ctx: Ctx, requested: string | null | undefined): string | null {
  const { actor } = ctx;
  if (actor.kind === 'system') return requested ?? null;
  if (actor.kind === 'public') throw new AppError('access.sign_in_required');
  if (isCrossOrganization(actor.roles)) return requested ?? actor.organizationId;
  if (requested && requested !== actor.organizationId) {
    throw new AppError('access.other_organization', { organizationId: requested });
  }
  return actor.organizationId;
}

/**
 * Refuses a change to a record the actor can see but may not edit: another organization's
 * record, for anyone outside the hub. (A record the actor cannot see never reaches here: row-level
 * security hides it, and it answers 404.)
 */
export function requireWritable(ctx: Ctx, row: Row, resource: string): void {
  const { actor } = ctx;
  if (actor.kind === 'system') return;
  if (actor.kind === 'public') throw new AppError('access.sign_in_required');
  if (isCrossOrganization(actor.roles)) return;
  if (!('owner_organization_id' in row) || row.owner_organization_id !== actor.organizationId) {
    throw new AppError('access.other_organization', { resource, id: row.id });
  }
}

/** Secret records are readable by their named readers: whoever creates one is the first. */
export function secretReadersForCreate(ctx: Ctx, requested: readonly string[] | undefined): string[] {
  const readers = new Set(requested ?? []);
  if (ctx.actor.kind === 'user') readers.add(ctx.actor.userId);
  return [...readers];
}

/**
 * The record a write is about, locked for the rest of the transaction: 404 when the actor cannot
 * see it (row-level security hides it), 403 when they can see it but not change it.
 */
export async function findWritable(ctx: Ctx, tx: Db, resource: Resource, id: string): Promise<Row> {
  requirePermission(ctx, resource.write);
  const visible = await findRow(tx, resource.table, id);
  if (!visible) throw new AppError('record.not_found', { resource: resource.resource, id });
  if (resource.owned) requireWritable(ctx, visible, resource.resource);
  const locked = await findRow(tx, resource.table, id, true);
  if (!locked) throw new AppError('record.not_found', { resource: resource.resource, id });
  return locked;
}

/** Column values of the ownership fields sent with a create (owned resources only). */
export function ownershipForCreate(ctx: Ctx, raw: Record<string, unknown>): ColumnValues {
  const ownership = validate(Ownership, raw);
  return {
    owner_organization_id: ownerForCreate(ctx, ownership.ownerOrganizationId),
    secret_readers: secretReadersForCreate(ctx, ownership.secretReaders),
  };
}

/** Column values of the ownership fields sent with a patch: only the hub moves a record to another owner. */
export function ownershipForPatch(ctx: Ctx, raw: Record<string, unknown>): ColumnValues {
  const ownership = validate(Ownership, raw);
  const values: ColumnValues = {};
  if (ownership.ownerOrganizationId !== undefined) {
    values.owner_organization_id = ownerForCreate(ctx, ownership.ownerOrganizationId);
  }
  if (ownership.secretReaders !== undefined) {
    values.secret_readers = secretReadersForCreate(ctx, ownership.secretReaders);
  }
  return values;
}

/**
 * Before a route about one record reads its input: 404 when the actor cannot see the record, and
 * for writes 403 when they can see it but not change it. Doing this first means a record outside
 * one's scope answers the same whatever the request carries.
 */
export async function checkRecordScope(
  ctx: Ctx,
  resource: Resource,
  id: string,
  write: boolean,
): Promise<void> {
  const row = await findRow(ctx.db, resource.table, id);
  if (!row) throw new AppError('record.not_found', { resource: resource.resource, id });
  if (write) {
    requirePermission(ctx, resource.write);
    if (resource.owned) requireWritable(ctx, row, resource.resource);
  }
}

/**
 * Ledger entries belong to the sites they move stock between: outside the hub, one of those sites
 * must be the actor's organization's (the warehouse they run, or the one receiving).
 */
export async function requireOwnSite(
  ctx: Ctx,
  tx: Db,
  siteIds: readonly (string | null | undefined)[],
): Promise<void> {
  requirePermission(ctx, 'records.write');
  const { actor } = ctx;
  if (actor.kind !== 'user' || isCrossOrganization(actor.roles)) return;
  const ids = siteIds.filter((id): id is string => Boolean(id));
  const owned = await tx.query(
    'SELECT 1 FROM sites WHERE id = ANY($1::uuid[]) AND owner_organization_id = $2 LIMIT 1',
    [ids, actor.organizationId],
  );
  if (owned.rowCount === 0) throw new AppError('access.other_organization', { resource: 'stock-movement' });
}
