import { describe, expect, it } from 'vitest';
import {
  ClaimInput,
  type ClaimStatus,
  canonicalJson,
  claimStatuses,
  claimTransitionAllowed,
  sameClaimedValue,
} from './claims.ts';

describe('claim status transitions', () => {
  // From (rows) → to (columns, in the order of claimStatuses:
  // reported, corroborated, confirmed, disputed, refuted, retracted); 1 = allowed.
  const table: Record<ClaimStatus, number[]> = {
    reported: [0, 1, 1, 1, 1, 1],
    corroborated: [0, 0, 1, 1, 1, 1],
    confirmed: [0, 0, 0, 1, 0, 1],
    disputed: [0, 1, 1, 0, 1, 1],
    refuted: [0, 0, 0, 1, 0, 1],
    retracted: [0, 0, 0, 0, 0, 0],
  };
  for (const from of claimStatuses) {
    claimStatuses.forEach((to, index) => {
      const allowed = table[from][index] === 1;
      it(`${from} → ${to} is ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(claimTransitionAllowed(from, to)).toBe(allowed);
      });
    });
  }
});

describe('claimed values', () => {
  const flour = { baseUnit: 'kg', conversions: [{ unit: 'sack', factor: 50 }] };

  it('compares quantities in one unit when the units relate', () => {
    expect(
      sameClaimedValue({ amount: 160, unit: 'tonne', approximate: true }, { amount: 160_000, unit: 'kg' }),
    ).toBe(true);
    expect(sameClaimedValue({ amount: 2, unit: 'sack' }, { amount: 100, unit: 'kg' }, flour)).toBe(true);
    expect(sameClaimedValue({ amount: 2, unit: 'sack' }, { amount: 100, unit: 'kg' })).toBe(false);
    expect(sameClaimedValue({ amount: 160, unit: 'tonne' }, { amount: 150, unit: 'tonne' })).toBe(false);
    expect(sameClaimedValue({ amount: 3, unit: 'l' }, { amount: 3, unit: 'kg' })).toBe(false);
  });

  it('compares counts by number and anything else as canonical JSON', () => {
    expect(sameClaimedValue(1200, { amount: 1200, approximate: true })).toBe(true);
    expect(sameClaimedValue(1200, 1300)).toBe(false);
    expect(sameClaimedValue({ start: '2021-07-20', end: null }, { end: null, start: '2021-07-20' })).toBe(
      true,
    );
    expect(sameClaimedValue('held', 'cancelled')).toBe(false);
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
  });
});

describe('ClaimInput', () => {
  const base = {
    subject: { resource: 'shipments', id: '01900000-0000-7000-8000-000000000001' },
    field: 'lines.0.quantity',
    value: { amount: 160, unit: 'tonne', approximate: true },
    claimant: { organizationId: '01900000-0000-7000-8000-000000000002' },
    sourceId: '01900000-0000-7000-8000-000000000003',
  };

  it('accepts a claim and fills its defaults', () => {
    const claim = ClaimInput.parse(base);
    expect(claim).toMatchObject({ reporterRole: 'primary', sensitivity: 'public' });
  });

  it('needs exactly one claimant, a quantity with its unit, and a quote that ends after it starts', () => {
    const problems = (input: Record<string, unknown>) =>
      (ClaimInput.safeParse({ ...base, ...input }).error?.issues ?? []).map((i) => i.message);
    expect(problems({ claimant: {} })).toContain('claim.claimant_one_of');
    expect(
      problems({
        claimant: {
          organizationId: '01900000-0000-7000-8000-000000000002',
          personId: '01900000-0000-7000-8000-000000000004',
        },
      }),
    ).toContain('claim.claimant_one_of');
    expect(problems({ value: 160 })).toContain('claim.quantity_value');
    expect(problems({ field: 'individuals', value: 160 })).toEqual([]);
    expect(problems({ value: null, field: 'status' })).toContain('claim.value_null');
    expect(problems({ quote: { start: 5, end: 5, text: 'x' } })).toContain('claim.quote_order');
    expect(problems({ field: 'lines..quantity' }).length).toBeGreaterThan(0);
  });
});
