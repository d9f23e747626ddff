import { type PublicReturns, PublicReturnsQuery, suppressTable } from '@tansiq/core';
import type { Ctx } from './context.ts';
import { validate } from './validate.ts';

/**
 * Returns by governorate and year, for anyone: individuals of refugee returnees and returned IDPs
 * counted by one method (methods are never added up), small counts suppressed (decision 013).
 *
 * A public aggregate is computed from every record that is not secret, whoever may read the
 * records themselves: that is what suppression is for. So `ctx` is the system's, and the caller
 * chooses the threshold (the public's, or partners' when signed in).
 */
export async function reportPublicReturns(ctx: Ctx, raw: unknown, threshold: number): Promise<PublicReturns> {
  const query = validate(PublicReturnsQuery, raw);
  const result = await ctx.db.query<{
    pcode: string | null;
    name_ar: string | null;
    name_en: string | null;
    year: string;
    individuals: number;
  }>(
    `SELECT g.pcode, g.name_ar, g.name_en, extract(year FROM t.period_start)::int::text AS year,
            sum(t.individuals)::bigint AS individuals
     FROM population_movements t
     LEFT JOIN admin_units g ON g.id = governorate_of(t.destination_admin_unit_id)
     WHERE t.deleted_at IS NULL AND t.sensitivity <> 'secret' AND t.individuals IS NOT NULL
       AND t.population_group IN ('RET', 'RDP') AND t.counting_method = $1
       AND ($2::date IS NULL OR t.period_start >= $2) AND ($3::date IS NULL OR t.period_start <= $3)
     GROUP BY 1, 2, 3, 4`,
    [query.countingMethod, query.from ?? null, query.to ?? null],
  );
  const rowKeys = [...new Set(result.rows.map((row) => row.pcode ?? 'unknown'))].sort();
  const years = [...new Set(result.rows.map((row) => row.year))].sort();
  const names = new Map<string, { ar?: string; en?: string }>();
  const counts = rowKeys.map(() => years.map(() => 0));
  for (const row of result.rows) {
    const key = row.pcode ?? 'unknown';
    const i = rowKeys.indexOf(key);
    const j = years.indexOf(row.year);
    (counts[i] as number[])[j] = ((counts[i] as number[])[j] as number) + row.individuals;
    const rowNames: { ar?: string; en?: string } = {};
    if (row.name_ar) rowNames.ar = row.name_ar;
    if (row.name_en) rowNames.en = row.name_en;
    if (!row.pcode) Object.assign(rowNames, { ar: 'غير معروف', en: 'Unknown' });
    names.set(key, rowNames);
  }
  const empty = rowKeys.length === 0;
  const published = empty ? undefined : suppressTable(counts, { threshold }).table;
  return {
    threshold,
    countingMethod: query.countingMethod,
    measure: 'individuals',
    rows: rowKeys.map((key) => ({ key, names: names.get(key) ?? {} })),
    columns: years.map((year) => ({ key: year, label: year })),
    cells: published?.cells ?? [],
    rowTotals: published?.rowTotals ?? [],
    columnTotals: published?.columnTotals ?? [],
    grandTotal: published ? (published.grandTotal ?? null) : 0,
  };
}
