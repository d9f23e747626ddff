import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { fromBaseQuantity, standardUnits, toBaseQuantity } from './units.ts';

const flour = { baseUnit: 'kg', conversions: [{ unit: 'sack', factor: 50 }] };
const vaccine = { baseUnit: 'dose', conversions: [{ unit: 'vial', factor: 5 }] };

describe('units', () => {
  it('converts standard units of the same kind', () => {
    expect(toBaseQuantity(flour, 160, 'tonne')).toBe(160_000);
    expect(toBaseQuantity(flour, 250, 'g')).toBe(0.25);
    expect(toBaseQuantity({ baseUnit: 'tonne', conversions: [] }, 500, 'kg')).toBe(0.5);
  });

  it('uses the item’s own conversions', () => {
    expect(toBaseQuantity(vaccine, 50_000, 'vial')).toBe(250_000);
    expect(toBaseQuantity(flour, 3, 'sack')).toBe(150);
  });

  it('refuses units that cannot be related, naming them', () => {
    expect(() => toBaseQuantity(vaccine, 1, 'kg')).toThrowError(AppError);
    try {
      toBaseQuantity(vaccine, 1, 'kg');
    } catch (error) {
      expect(error).toMatchObject({ code: 'unit.incompatible', details: { unit: 'kg', baseUnit: 'dose' } });
    }
    expect(() => toBaseQuantity(flour, 1, 'parsec')).toThrowError(/unit.unknown/);
  });

  it('round-trips any quantity through any compatible unit', () => {
    const massUnits = Object.entries(standardUnits)
      .filter(([, u]) => u.kind === 'mass')
      .map(([code]) => code);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.constantFrom(...massUnits, 'sack'),
        (quantity, unit) => {
          const base = toBaseQuantity(flour, quantity, unit);
          const back = fromBaseQuantity(flour, base, unit);
          // Quantities keep 9 decimals: exact up to that rounding, once in base units, once back.
          const resolution = 1e-9 / toBaseQuantity(flour, 1, unit) + 1e-9;
          expect(Math.abs(back - quantity)).toBeLessThanOrEqual(resolution + quantity * 1e-12);
        },
      ),
    );
  });
});
