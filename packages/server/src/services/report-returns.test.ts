import {
  type CountingMethod,
  countingMethods,
  type PopulationGroup,
  populationGroups,
  type ReturnsReport,
} from '@tansiq/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCtx, testStore } from '../../test/helpers.ts';
import { stableId } from '../store/builtins.ts';
import type { Store } from '../store/open.ts';
import type { Ctx } from './context.ts';
import { createRecord, createRecords } from './create-records.ts';
import { periodBucket, reportReturns } from './report-returns.ts';
import { populationMovements } from './resources/population-movements.ts';
import { operations, organizations } from './resources/registry.ts';

let store: Store;
let ctx: Ctx;
let reporter: string;

beforeAll(async () => {
  store = await testStore();
  ctx = testCtx(store);
  reporter = (
    await createRecord<{ id: string }>(ctx, organizations, {
      names: { en: 'Returns monitor' },
      kind: 'national_ngo',
    })
  ).id;
});
afterAll(async () => {
  await store.close();
});

/** Destinations at every level: the country, governorates and districts of two governorates. */
const destinations = ['SY', 'SY01', 'SY0100', 'SY02', 'SY0200', 'SY0205', 'SY13'] as const;
const governorateOf = (pcode: string): string | null => (pcode.length >= 4 ? pcode.slice(0, 4) : null);

const day0 = Date.UTC(2019, 0, 1);
const isoDay = (offset: number) => new Date(day0 + offset * 86_400_000).toISOString().slice(0, 10);

interface Generated {
  destination: (typeof destinations)[number];
  populationGroup: PopulationGroup;
  countingMethod: CountingMethod;
  start: string;
  individuals: number | null;
  households: number | null;
}

const generatedMovement: fc.Arbitrary<Generated> = fc
  .record({
    destination: fc.constantFrom(...destinations),
    // Often the same few values, so that many movements share a bucket and must be added.
    populationGroup: fc.oneof(fc.constant<PopulationGroup>('RET'), fc.constantFrom(...populationGroups)),
    countingMethod: fc.oneof(
      fc.constantFrom<CountingMethod>('registration', 'key_informant'),
      fc.constantFrom(...countingMethods),
    ),
    start: fc.oneof(
      fc.constantFrom('2021-07-01', '2021-07-26', '2021-08-31', '2021-12-31'),
      fc.integer({ min: 0, max: 3 * 366 }).map(isoDay),
    ),
    individuals: fc.option(fc.nat(50_000), { freq: 4 }),
    households: fc.option(fc.nat(10_000), { freq: 3 }),
  })
  .map((m) => (m.individuals === null && m.households === null ? { ...m, households: 0 } : m));

function labelOf(start: string, groupBy: ReturnsReport['groupBy']): string {
  const month = Number(start.slice(5, 7));
  if (groupBy === 'year') return start.slice(0, 4);
  if (groupBy === 'quarter') return `${start.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
  return start.slice(0, 7);
}

interface Sums {
  individuals: number | null;
  households: number | null;
  movements: number;
}

function addTo(
  sums: Map<string, Sums>,
  key: string,
  m: { individuals: number | null; households: number | null },
) {
  const current = sums.get(key) ?? { individuals: null, households: null, movements: 0 };
  sums.set(key, {
    individuals: m.individuals === null ? current.individuals : (current.individuals ?? 0) + m.individuals,
    households: m.households === null ? current.households : (current.households ?? 0) + m.households,
    movements: current.movements + 1,
  });
}

const sumOf = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);

describe('the returns report', () => {
  it('labels buckets that contain the period start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20 * 366 }).map(isoDay),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<ReturnsReport['groupBy']>,
        (day, groupBy) => {
          const month = Number(day.slice(5, 7));
          const firstMonth =
            groupBy === 'month' ? month : groupBy === 'quarter' ? month - ((month - 1) % 3) : 1;
          const start = `${day.slice(0, 4)}-${String(firstMonth).padStart(2, '0')}-01`;
          const bucket = periodBucket(start, groupBy);
          expect(bucket.start <= day && day <= bucket.end).toBe(true);
          expect(bucket.label).toBe(labelOf(day, groupBy));
          // The day after the bucket's end starts the next bucket.
          const next = new Date(Date.parse(`${bucket.end}T00:00:00Z`) + 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(labelOf(next, groupBy)).not.toBe(bucket.label);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adds up exactly the movements of each bucket, per method, and only combines methods when asked', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(generatedMovement, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('month', 'quarter', 'year') as fc.Arbitrary<ReturnsReport['groupBy']>,
        async (generated, groupBy) => {
          run += 1;
          // Each run gets its own operation, so runs never see each other's movements.
          const operation = await createRecord<{ id: string }>(ctx, operations, {
            code: `returns-prop-${run}-${Date.now()}`,
            names: { en: `Property run ${run}` },
          });
          await createRecords(
            ctx,
            populationMovements,
            generated.map((m) => ({
              operationId: operation.id,
              destination: { adminUnitId: stableId('admin-unit', m.destination) },
              populationGroup: m.populationGroup,
              period: { start: m.start },
              individuals: m.individuals,
              households: m.households,
              countingMethod: m.countingMethod,
              reportingOrganizationId: reporter,
            })),
          );

          // The model: the same grouping computed here, from the inputs.
          const expected = new Map<string, Sums>();
          for (const m of generated) {
            const key = [
              governorateOf(m.destination),
              m.countingMethod,
              m.populationGroup,
              labelOf(m.start, groupBy),
            ];
            addTo(expected, JSON.stringify(key), m);
          }
          const separate = await reportReturns(ctx, { operationId: operation.id, groupBy });
          expect(separate.methodsCombined).toBe(false);
          const actual = new Map<string, Sums>();
          for (const row of separate.rows) {
            expect(row.countingMethods).toEqual([row.countingMethod]);
            const key = [
              row.governorate?.pcode ?? null,
              row.countingMethod,
              row.populationGroup,
              row.period.label,
            ];
            const { individuals, households, movements } = row;
            expect(actual.has(JSON.stringify(key))).toBe(false);
            actual.set(JSON.stringify(key), { individuals, households, movements });
          }
          expect(actual).toEqual(expected);

          // Per method, the rows add up to the inputs, and so do the governorates' totals.
          for (const method of countingMethods) {
            const inputs = generated.filter((m) => m.countingMethod === method);
            const rows = separate.rows.filter((r) => r.countingMethod === method);
            const totals = separate.totals.filter((t) => t.countingMethod === method);
            for (const figure of ['individuals', 'households'] as const) {
              const sent = sumOf(inputs.map((m) => m[figure]));
              expect(sumOf(rows.map((r) => r[figure]))).toBe(sent);
              expect(sumOf(totals.map((t) => t[figure]))).toBe(sent);
            }
            expect(sumOf(rows.map((r) => r.movements))).toBe(inputs.length);
          }

          // Combined, the method dimension is gone and every input is counted once.
          const combined = await reportReturns(ctx, {
            operationId: operation.id,
            groupBy,
            combineMethods: 'true',
          });
          expect(combined.methodsCombined).toBe(true);
          expect(combined.countingMethods).toEqual(
            [...new Set(generated.map((m) => m.countingMethod))].sort(),
          );
          expect(combined.rows.every((r) => r.countingMethod === null)).toBe(true);
          expect(sumOf(combined.rows.map((r) => r.individuals))).toBe(
            sumOf(generated.map((m) => m.individuals)),
          );
          expect(sumOf(combined.totals.map((t) => t.households))).toBe(
            sumOf(generated.map((m) => m.households)),
          );
          expect(sumOf(combined.rows.map((r) => r.movements))).toBe(generated.length);
          const combinedKeys = combined.rows.map((r) =>
            JSON.stringify([r.governorate?.pcode ?? null, r.populationGroup, r.period.label]),
          );
          expect(new Set(combinedKeys).size).toBe(combinedKeys.length);
        },
      ),
      { numRuns: 40 },
    );
  });
});
