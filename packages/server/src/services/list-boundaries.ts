import type { Boundaries, BoundariesQuery } from '@tansiq/core';
import type { Ctx } from './context.ts';

/* About 100 m: enough for a governorate map drawn in a browser, and a tenth of the bytes. */
const decimals = 3;

type Ring = [number, number][];

function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  const scale = 10 ** decimals;
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * scale) / scale, Math.round(lat * scale) / scale];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
  }
  return out;
}

function simplify(geometry: { type: string; coordinates: unknown }): { type: string; coordinates: unknown } {
  if (geometry.type === 'Polygon') {
    return { type: 'Polygon', coordinates: (geometry.coordinates as Ring[]).map(roundRing) };
  }
  if (geometry.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: (geometry.coordinates as Ring[][]).map((p) => p.map(roundRing)),
    };
  }
  return geometry;
}

/**
 * The boundaries imported with `tansiq gazetteer import` (GeoJSON), as one FeatureCollection for
 * the web app's map: coordinates rounded, so the map needs no tile server and little transfer.
 */
export async function listBoundaries(ctx: Ctx, query: BoundariesQuery): Promise<Boundaries> {
  const result = await ctx.db.query<{
    pcode: string;
    name_ar: string | null;
    name_en: string | null;
    boundary: { type: string; coordinates: unknown };
  }>(
    `SELECT pcode, name_ar, name_en, boundary FROM admin_units
     WHERE level = $1 AND boundary IS NOT NULL AND deleted_at IS NULL ORDER BY pcode`,
    [query.level],
  );
  return {
    type: 'FeatureCollection',
    features: result.rows.map((row) => ({
      type: 'Feature',
      properties: {
        pcode: row.pcode,
        names: { ...(row.name_ar ? { ar: row.name_ar } : {}), ...(row.name_en ? { en: row.name_en } : {}) },
      },
      geometry: simplify(row.boundary),
    })),
  };
}
