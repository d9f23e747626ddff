import type { Role } from '@tansiq/core';
import type { Ctx } from '../src/services/context.ts';
import { createRecord } from '../src/services/create-records.ts';
import { createToken } from '../src/services/create-token.ts';
import { createUser } from '../src/services/create-user.ts';
import { items, organizations, sites } from '../src/services/resources/registry.ts';

/** Test builders: each test makes the rows it needs, with sensible defaults. */
let counter = 0;
const next = () => ++counter;

export async function buildOrg(ctx: Ctx, overrides: Record<string, unknown> = {}) {
  return await createRecord(ctx, organizations, {
    names: { en: `Org ${next()}`, ar: `منظمة ${counter}` },
    kind: 'national_ngo',
    ...overrides,
  });
}

export async function buildSite(ctx: Ctx, overrides: Record<string, unknown> = {}) {
  return await createRecord(ctx, sites, {
    names: { en: `Warehouse ${next()}` },
    type: 'warehouse',
    ...overrides,
  });
}

export async function buildItem(ctx: Ctx, overrides: Record<string, unknown> = {}) {
  return await createRecord(ctx, items, {
    names: { en: `Wheat flour ${next()}`, ar: 'طحين' },
    category: 'food',
    sector: 'food_security',
    baseUnit: 'kg',
    unitKind: 'mass',
    conversions: [{ unit: 'sack', factor: 50 }],
    ...overrides,
  });
}

/** A user with roles in an organization (a new one unless given), and an API token of theirs. */
export async function buildUser(
  ctx: Ctx,
  options: { roles: Role[]; organizationId?: string; password?: string; email?: string },
) {
  const organizationId = options.organizationId ?? (await buildOrg(ctx, { kind: 'other' })).id;
  const user = await createUser(ctx, {
    email: options.email ?? `user${next()}.${Date.now()}@example.org`,
    organizationId,
    roles: options.roles,
    password: options.password,
  });
  const { token } = await createToken(ctx, { userId: user.id });
  return { user, token, organizationId };
}
