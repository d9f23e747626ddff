import type { PipelineQuery, PipelineRow } from '@tansiq/core';
import { pipelineByItem } from '../store/pipeline.ts';
import type { Ctx } from './context.ts';

/** The pipeline of items (and of a place, with adminUnitId): one row per item. */
export async function reportPipeline(ctx: Ctx, query: PipelineQuery): Promise<{ items: PipelineRow[] }> {
  const rows = await pipelineByItem(ctx.db, query);
  return {
    items: rows.map((row) => {
      const names: PipelineRow['names'] = {};
      if (row.name_ar) names.ar = row.name_ar;
      if (row.name_en) names.en = row.name_en;
      return {
        itemId: row.item_id,
        names,
        baseUnit: row.base_unit,
        pledged: Number(row.pledged),
        dispatched: Number(row.dispatched),
        received: Number(row.received),
        distributed: Number(row.distributed),
        lost: Number(row.lost),
        inPipeline: Number(row.in_pipeline),
        inStock: Number(row.in_stock),
        plannedDistribution: Number(row.planned_distribution),
      };
    }),
  };
}
