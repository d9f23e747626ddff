import type { Ctx } from '../src/services/context.ts';
import { createRecord } from '../src/services/create-records.ts';
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
