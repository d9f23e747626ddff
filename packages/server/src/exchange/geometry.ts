// Planar geometry on GeoJSON lon/lat coordinates: enough for centroids of administrative boundaries.

export interface LatLon {
  lat: number;
  lon: number;
}

/** A GeoJSON position: [lon, lat] (further members, such as altitude, are ignored). */
export type Position = readonly number[];
export type Ring = readonly Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: readonly Ring[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly Ring[])[];
}

export type PolygonalGeometry = PolygonGeometry | MultiPolygonGeometry;

/** Rounds to `digits` decimals (4 by default, about 11 m), never returning -0. */
export function roundCoord(value: number, digits = 4): number {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1])
  );
}

function isRing(value: unknown): value is Ring {
  return Array.isArray(value) && value.every(isPosition);
}

function isRings(value: unknown): value is readonly Ring[] {
  return Array.isArray(value) && value.every(isRing);
}

/** True when `value` is a structurally valid GeoJSON Polygon or MultiPolygon. */
export function isPolygonal(value: unknown): value is PolygonalGeometry {
  if (typeof value !== 'object' || value === null) return false;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return isRings(coordinates);
  if (type === 'MultiPolygon') return Array.isArray(coordinates) && coordinates.every(isRings);
  return false;
}

/** The polygons of a Polygon or MultiPolygon, each as [outer ring, ...holes]. */
export function polygonsOf(geometry: PolygonalGeometry): readonly (readonly Ring[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

interface RingMoments {
  /** Signed area (shoelace); positive for counter-clockwise rings. */
  area: number;
  /** Area-weighted centroid sums, relative to the origin passed in. */
  sx: number;
  sy: number;
}

function ringMoments(ring: Ring, ox: number, oy: number): RingMoments {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  const n = ring.length;
  if (n < 3) return { area: 0, sx: 0, sy: 0 };
  // A closed ring repeats its first position at the end; an unclosed one is closed implicitly.
  let prev = ring[n - 1] as Position;
  for (let i = 0; i < n; i++) {
    const cur = ring[i] as Position;
    const x0 = (prev[0] as number) - ox;
    const y0 = (prev[1] as number) - oy;
    const x1 = (cur[0] as number) - ox;
    const y1 = (cur[1] as number) - oy;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
    prev = cur;
  }
  // Centroid of the ring = (cx, cy) / (3 * twiceArea); we return the area-weighted sums.
  return { area: twiceArea / 2, sx: cx / 6, sy: cy / 6 };
}

/** Unsigned planar area in square degrees of a Polygon or MultiPolygon, holes subtracted. */
export function polygonalArea(geometry: PolygonalGeometry): number {
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    rings.forEach((ring, index) => {
      const a = Math.abs(ringMoments(ring, 0, 0).area);
      total += index === 0 ? a : -a;
    });
  }
  return total;
}

/**
 * Area-weighted (shoelace) centroid of a Polygon or MultiPolygon, in planar lon/lat, rounded to
 * 4 decimals. Every polygon's outer ring adds its area, every hole subtracts its own, whatever
 * the winding order in the file. Degenerate (zero-area) input falls back to the mean of the
 * outer-ring vertices; input with no vertices gives null.
 */
export function polygonCentroid(geometry: PolygonalGeometry): LatLon | null {
  const polygons = polygonsOf(geometry);
  const origin = polygons[0]?.[0]?.[0];
  if (origin === undefined) return null;
  const ox = origin[0] as number;
  const oy = origin[1] as number;
  let area = 0;
  let sx = 0;
  let sy = 0;
  for (const rings of polygons) {
    rings.forEach((ring, index) => {
      const m = ringMoments(ring, ox, oy);
      // Normalise orientation: outer rings count positive, holes negative.
      const sign = (index === 0 ? 1 : -1) * (m.area < 0 ? -1 : 1);
      area += sign * m.area;
      sx += sign * m.sx;
      sy += sign * m.sy;
    });
  }
  if (Math.abs(area) < 1e-15) {
    let n = 0;
    let mx = 0;
    let my = 0;
    for (const rings of polygons) {
      for (const p of rings[0] ?? []) {
        mx += p[0] as number;
        my += p[1] as number;
        n++;
      }
    }
    return n === 0 ? null : { lat: roundCoord(my / n), lon: roundCoord(mx / n) };
  }
  return { lat: roundCoord(oy + sy / area), lon: roundCoord(ox + sx / area) };
}

function pointInRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    const xa = a[0] as number;
    const ya = a[1] as number;
    const xb = b[0] as number;
    const yb = b[1] as number;
    if (ya > lat !== yb > lat && lon < ((xb - xa) * (lat - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

/** Even-odd point-in-polygon test: inside an outer ring and outside its holes. */
export function pointInPolygonal(point: LatLon, geometry: PolygonalGeometry): boolean {
  for (const rings of polygonsOf(geometry)) {
    const [outer, ...holes] = rings;
    if (outer === undefined || !pointInRing(point.lon, point.lat, outer)) continue;
    if (!holes.some((hole) => pointInRing(point.lon, point.lat, hole))) return true;
  }
  return false;
}
