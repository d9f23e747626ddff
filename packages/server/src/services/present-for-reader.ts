import type { Row } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { presentRows, type Resource } from './resource.ts';

/** Sensitivities whose reads the audit log records (issue 5). */
const auditedReads = new Set(['confidential', 'secret']);

/**
 * Views of rows an actor asked to read. Row-level security already chose the rows; this applies
 * what is finer than a row: site coordinates shown to the public only as their district's centre,
 * and reads of confidential or secret records written to the audit log.
 */
export async function presentForReader<View>(
  ctx: Ctx,
  resource: Resource<View>,
  rows: Row[],
): Promise<View[]> {
  const views = await presentRows(ctx.db, resource, rows);
  if (ctx.actor.kind === 'user') {
    const audited = rows.filter((row) => auditedReads.has(String(row.sensitivity))).map((row) => row.id);
    if (audited.length > 0)
      await ctx.db.query('SELECT audit_read($1, $2::uuid[])', [resource.table.table, audited]);
  }
  if (ctx.actor.kind === 'public' && resource.table.table === 'sites') return await coarsenSites(ctx, views);
  return views;
}

/**
 * The public sees where a site is only to its district: the district's centre (or its
 * governorate's, when the gazetteer has no district centre), never the site's own coordinates.
 */
async function coarsenSites<View>(ctx: Ctx, views: View[]): Promise<View[]> {
  const sites = views as (View & { adminUnitId: string | null; location: unknown })[];
  const unitIds = [
    ...new Set(sites.map((site) => site.adminUnitId).filter((id): id is string => id !== null)),
  ];
  const centres = new Map<string, { lat: number; lon: number }>();
  if (unitIds.length > 0) {
    const result = await ctx.db.query<{ id: string; lat: number | null; lon: number | null }>(
      `SELECT u.id, coalesce(d.centre_lat, g.centre_lat) AS lat, coalesce(d.centre_lon, g.centre_lon) AS lon
       FROM admin_units u
       LEFT JOIN admin_units d ON d.pcode = left(u.pcode, 6) AND d.level = 2
       LEFT JOIN admin_units g ON g.pcode = left(u.pcode, 4) AND g.level = 1
       WHERE u.id = ANY($1::uuid[])`,
      [unitIds],
    );
    for (const row of result.rows) {
      if (row.lat !== null && row.lon !== null) centres.set(row.id, { lat: row.lat, lon: row.lon });
    }
  }
  return sites.map((site) => ({
    ...site,
    location: site.location && site.adminUnitId ? (centres.get(site.adminUnitId) ?? null) : null,
  }));
}
