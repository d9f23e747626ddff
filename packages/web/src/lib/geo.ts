/**
 * Just enough cartography for a governorate map without tiles: an equirectangular projection
 * scaled by the cosine of the middle latitude (Syria spans 32–37° N, where the distortion is small),
 * fitted into a view box, and GeoJSON polygons as SVG paths.
 */

export interface LonLat {
  lon: number;
  lat: number;
}

export interface Projection {
  width: number;
  height: number;
  project(point: LonLat): { x: number; y: number };
}

export type Position = [number, number, ...number[]];
export type Geometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

export function fitProjection(points: LonLat[], width: number, padding: number): Projection {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = (width - 2 * padding) / spanX;
  const height = Math.round(spanY * scale + 2 * padding);
  return {
    width,
    height,
    project: ({ lon, lat }) => ({
      x: padding + (lon - minLon) * k * scale,
      // North is up: larger latitudes have smaller y.
      y: padding + (maxLat - lat) * scale,
    }),
  };
}

function rings(geometry: Geometry): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function geometryPoints(geometry: Geometry): LonLat[] {
  return rings(geometry).flatMap((ring) => ring.map(([lon, lat]) => ({ lon, lat })));
}

/** An SVG path for a polygon or multipolygon; holes follow from the even-odd fill rule. */
export function pathOf(geometry: Geometry, projection: Projection): string {
  return rings(geometry)
    .map((ring) =>
      ring
        .map(([lon, lat], index) => {
          const { x, y } = projection.project({ lon, lat });
          return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
        })
        .join(''),
    )
    .map((d) => `${d}Z`)
    .join('');
}

/** Five classes from zero to the largest value; 0 stays its own class so "none" reads as none. */
export function classOf(value: number, max: number, classes = 5): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(classes, Math.max(1, Math.ceil((value / max) * classes)));
}
