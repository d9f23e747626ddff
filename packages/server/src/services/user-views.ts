import type { TokenView, UserView } from '@tansiq/core';
import type { TokenRow, UserRow } from '../store/users.ts';

export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    organizationId: row.organization_id,
    roles: row.roles as UserView['roles'],
    locale: row.locale,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentToken(row: TokenRow): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    scopes: row.scopes as TokenView['scopes'],
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
