import type { Db } from './db.ts';

/** Distribution movements of distributions that are not reversed (a completed distribution's stock). */
export async function liveDistributionMovements(
  db: Db,
  distributionIds: readonly string[],
): Promise<Map<string, string>> {
  const result = await db.query<{ distribution_id: string; id: string }>(
    `SELECT m.distribution_id, m.id FROM stock_movements m
     WHERE m.distribution_id = ANY($1::uuid[]) AND m.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM stock_movements r WHERE r.operation_id = m.operation_id AND r.reverses_id = m.id)`,
    [distributionIds],
  );
  return new Map(result.rows.map((row) => [row.distribution_id, row.id]));
}
