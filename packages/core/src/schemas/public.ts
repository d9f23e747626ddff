import { z } from 'zod';
import { countingMethods } from './population-movements.ts';

/**
 * A published table of counts after small-count suppression (decision 013): a suppressed value
 * is null. Which values were suppressed for being small is not said (that would tell).
 */
export const PublicTable = z.object({
  threshold: z.number().int(),
  rows: z.array(
    z.object({ key: z.string(), names: z.object({ ar: z.string().optional(), en: z.string().optional() }) }),
  ),
  columns: z.array(z.object({ key: z.string(), label: z.string() })),
  cells: z.array(z.array(z.number().nullable())),
  rowTotals: z.array(z.number().nullable()),
  columnTotals: z.array(z.number().nullable()),
  grandTotal: z.number().nullable(),
});
export type PublicTable = z.infer<typeof PublicTable>;

export const PublicReturnsQuery = z
  .object({
    countingMethod: z.enum(countingMethods).default('registration'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  })
  .strict();
export type PublicReturnsQuery = z.infer<typeof PublicReturnsQuery>;

export const PublicReturns = PublicTable.extend({
  countingMethod: z.enum(countingMethods),
  /** What is counted: individuals returning (refugee returnees and returned IDPs). */
  measure: z.literal('individuals'),
});
export type PublicReturns = z.infer<typeof PublicReturns>;
