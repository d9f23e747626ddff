import {
  AppError,
  type CountingMethod,
  type PopulationGroup,
  type ReturnsReport,
  ReturnsReportQuery,
  type ReturnsReportRow,
  type ReturnsReportTotal,
} from '@tansiq/core';
import { adminUnitLevel, type ReturnsTotalRow, returnsTotals } from '../store/population-movements.ts';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

type Grouping = ReturnsReport['groupBy'];

const monthsPerBucket: Record<Grouping, number> = { month: 1, quarter: 3, year: 12 };

/** The bucket starting on `start` ('YYYY-MM-01'): its label and its last day. */
export function periodBucket(start: string, groupBy: Grouping): ReturnsReportRow['period'] {
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  // Day 0 of the month after the bucket is the bucket's last day.
  const last = new Date(Date.UTC(year, month - 1 + monthsPerBucket[groupBy], 0));
  const end = last.toISOString().slice(0, 10);
  const label =
    groupBy === 'year'
      ? String(year)
      : groupBy === 'quarter'
        ? `${year}-Q${Math.floor((month - 1) / 3) + 1}`
        : start.slice(0, 7);
  return { label, start, end };
}

function governorateOf(row: ReturnsTotalRow): ReturnsReportRow['governorate'] {
  if (row.governorate_id === null || row.governorate_pcode === null) return null;
  const names: { ar?: string; en?: string } = {};
  if (row.name_ar !== null) names.ar = row.name_ar;
  if (row.name_en !== null) names.en = row.name_en;
  return { id: row.governorate_id, pcode: row.governorate_pcode, names };
}

function figures(row: ReturnsTotalRow) {
  return {
    countingMethod: row.counting_method as CountingMethod | null,
    countingMethods: row.counting_methods as CountingMethod[],
    individuals: row.individuals,
    households: row.households,
    movements: row.movements,
  };
}

/**
 * Returns by destination governorate, counting method, population group and period bucket.
 * Figures of different counting methods are never added unless `combineMethods` asks for it:
 * each row and each governorate total is then per method.
 */
export async function reportReturns(ctx: Ctx, rawQuery: unknown): Promise<ReturnsReport> {
  const query = validate(ReturnsReportQuery, rawQuery);
  if (query.governorate !== undefined && (await adminUnitLevel(ctx.db, query.governorate)) !== 1) {
    throw new AppError('validation.invalid', { fields: [{ field: 'governorate', code: 'invalid' }] });
  }
  const found = await returnsTotals(ctx.db, {
    bucket: query.groupBy,
    combineMethods: query.combineMethods,
    from: query.from,
    to: query.to,
    populationGroup: query.populationGroup,
    countingMethod: query.countingMethod,
    governorateId: query.governorate,
    operationId: query.operationId,
  });
  const rows: ReturnsReportRow[] = [];
  const totals: ReturnsReportTotal[] = [];
  const methods = new Set<CountingMethod>();
  for (const row of found) {
    for (const method of row.counting_methods) methods.add(method as CountingMethod);
    if (row.is_total) {
      totals.push({ governorate: governorateOf(row), ...figures(row) });
    } else if (row.population_group !== null && row.bucket !== null) {
      rows.push({
        governorate: governorateOf(row),
        populationGroup: row.population_group as PopulationGroup,
        period: periodBucket(row.bucket, query.groupBy),
        ...figures(row),
      });
    }
  }
  return {
    groupBy: query.groupBy,
    methodsCombined: query.combineMethods,
    countingMethods: [...methods].sort(),
    rows,
    totals,
  };
}
