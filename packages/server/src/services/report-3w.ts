import type { ThreeWQuery, ThreeWRow } from '@tansiq/core';
import { threeW } from '../store/pipeline.ts';
import type { Ctx } from './context.ts';

const names = (ar: string | null, en: string | null) => ({ ...(ar ? { ar } : {}), ...(en ? { en } : {}) });

/** The 3W/4W matrix: organization × sector × governorate × period, completed and planned apart. */
export async function report3w(ctx: Ctx, query: ThreeWQuery): Promise<{ items: ThreeWRow[] }> {
  const rows = await threeW(ctx.db, query);
  return {
    items: rows.map((row) => ({
      organization: row.organization_id
        ? { id: row.organization_id, names: names(row.org_name_ar, row.org_name_en) }
        : null,
      sector: row.sector,
      governorate:
        row.governorate_id && row.gov_pcode
          ? { id: row.governorate_id, pcode: row.gov_pcode, names: names(row.gov_name_ar, row.gov_name_en) }
          : null,
      period: row.period,
      status: row.status,
      activities: row.activities,
      items: row.items,
      individuals: Number(row.individuals),
    })),
  };
}
