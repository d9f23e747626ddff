import { describe, expect, it } from 'vitest';
import {
  isPolygonal,
  type MultiPolygonGeometry,
  type PolygonGeometry,
  pointInPolygonal,
  polygonalArea,
  polygonCentroid,
  roundCoord,
} from './geometry.ts';

const square = (x: number, y: number, size: number): number[][] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('polygonCentroid', () => {
  it('finds the centre of a unit square', () => {
    const unit: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 1)] };
    expect(polygonCentroid(unit)).toEqual({ lat: 0.5, lon: 0.5 });
    expect(polygonalArea(unit)).toBe(1);
  });

  it('does not depend on winding order or on the ring being closed', () => {
    const clockwise = [...square(0, 0, 1)].reverse();
    expect(polygonCentroid({ type: 'Polygon', coordinates: [clockwise] })).toEqual({ lat: 0.5, lon: 0.5 });
    const open = square(2, 2, 2).slice(0, 4);
    expect(polygonCentroid({ type: 'Polygon', coordinates: [open] })).toEqual({ lat: 3, lon: 3 });
  });

  it('weights an L-shape by area', () => {
    // A 2×2 square minus its top-right unit square: three unit cells at (0.5,0.5), (1.5,0.5), (0.5,1.5).
    const l: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 0],
          [2, 1],
          [1, 1],
          [1, 2],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    expect(polygonCentroid(l)).toEqual({ lat: roundCoord(2.5 / 3), lon: roundCoord(2.5 / 3) });
    expect(polygonalArea(l)).toBe(3);
  });

  it('weights the polygons of a MultiPolygon by area', () => {
    const two: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(3, 0, 1)]],
    };
    expect(polygonCentroid(two)).toEqual({ lat: 0.5, lon: 2 });
    // A 2×2 square (area 4, centre (1,1)) and a unit square (area 1, centre (4.5,0.5)).
    const uneven: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 2)], [square(4, 0, 1)]],
    };
    expect(polygonCentroid(uneven)).toEqual({ lat: (4 * 1 + 0.5) / 5, lon: (4 * 1 + 4.5) / 5 });
  });

  it('subtracts holes', () => {
    // A 4×4 square with a 2×2 hole in its lower-left quarter.
    const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4), square(0, 0, 2)] };
    // Area 16 at (2,2) minus area 4 at (1,1): (32 - 4) / 12.
    expect(polygonCentroid(withHole)).toEqual({ lat: roundCoord(28 / 12), lon: roundCoord(28 / 12) });
    expect(polygonalArea(withHole)).toBe(12);
  });

  it('is precise far from the origin and rounds to 4 decimals', () => {
    const far: PolygonGeometry = { type: 'Polygon', coordinates: [square(38.123456, 35.654321, 0.001)] };
    expect(polygonCentroid(far)).toEqual({ lat: 35.6548, lon: 38.124 });
  });

  it('falls back to the vertex mean for degenerate input', () => {
    const flat: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [0, 0],
        ],
      ],
    };
    expect(polygonCentroid(flat)).toEqual({ lat: roundCoord(2 / 3), lon: roundCoord(2 / 3) });
    expect(polygonCentroid({ type: 'Polygon', coordinates: [] })).toBeNull();
  });
});

describe('isPolygonal', () => {
  it('accepts Polygons and MultiPolygons only', () => {
    expect(isPolygonal({ type: 'Polygon', coordinates: [square(0, 0, 1)] })).toBe(true);
    expect(isPolygonal({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1)]] })).toBe(true);
    expect(isPolygonal({ type: 'Point', coordinates: [0, 0] })).toBe(false);
    expect(isPolygonal({ type: 'Polygon', coordinates: [[[0, 'x']]] })).toBe(false);
    expect(isPolygonal({ type: 'Polygon' })).toBe(false);
    expect(isPolygonal(null)).toBe(false);
  });
});

describe('pointInPolygonal', () => {
  it('tests outer rings and holes', () => {
    const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] };
    expect(pointInPolygonal({ lat: 0.5, lon: 0.5 }, withHole)).toBe(true);
    expect(pointInPolygonal({ lat: 2, lon: 2 }, withHole)).toBe(false);
    expect(pointInPolygonal({ lat: 5, lon: 2 }, withHole)).toBe(false);
    const two: MultiPolygonGeometry = {
      type: 'MultiPolygon',
      coordinates: [[square(0, 0, 1)], [square(3, 0, 1)]],
    };
    expect(pointInPolygonal({ lat: 0.5, lon: 3.5 }, two)).toBe(true);
    expect(pointInPolygonal({ lat: 0.5, lon: 2 }, two)).toBe(false);
  });
});

describe('roundCoord', () => {
  it('rounds and never returns -0', () => {
    expect(roundCoord(1.23456)).toBe(1.2346);
    expect(Object.is(roundCoord(-0.00001), 0)).toBe(true);
    expect(roundCoord(1.25, 1)).toBe(1.3);
  });
});
