import { AppError } from './errors.ts';
import type { UnitConversion, UnitKind } from './schemas/registry.ts';

/**
 * Standard units, each with its factor to its kind's reference unit (kg, litre, piece).
 * Item-specific units (vial, carton, food parcel) live on the item as conversions.
 */
export const standardUnits: Record<string, { kind: UnitKind; factor: number }> = {
  mg: { kind: 'mass', factor: 1e-6 },
  g: { kind: 'mass', factor: 0.001 },
  kg: { kind: 'mass', factor: 1 },
  tonne: { kind: 'mass', factor: 1000 },
  lb: { kind: 'mass', factor: 0.45359237 },
  ml: { kind: 'volume', factor: 0.001 },
  l: { kind: 'volume', factor: 1 },
  m3: { kind: 'volume', factor: 1000 },
  piece: { kind: 'count', factor: 1 },
  dozen: { kind: 'count', factor: 12 },
};

export interface ItemUnits {
  baseUnit: string;
  conversions: readonly UnitConversion[];
}

/** Quantities are kept to 9 decimal places: enough for grams of a tonne, and it absorbs binary noise. */
function tidy(value: number): number {
  return Math.round(value * 1e9) / 1e9;
}

/** How many base units one `unit` of this item is, or undefined when the two cannot be related. */
export function factorToBase(item: ItemUnits, unit: string): number | undefined {
  if (unit === item.baseUnit) return 1;
  const own = item.conversions.find((c) => c.unit === unit);
  if (own) return own.factor;
  const from = standardUnits[unit];
  const base = standardUnits[item.baseUnit];
  if (from && base && from.kind === base.kind) return from.factor / base.factor;
  return undefined;
}

export function toBaseQuantity(item: ItemUnits, quantity: number, unit: string): number {
  const factor = factorToBase(item, unit);
  if (factor === undefined) {
    throw new AppError(isKnownUnit(item, unit) ? 'unit.incompatible' : 'unit.unknown', {
      unit,
      baseUnit: item.baseUnit,
    });
  }
  return tidy(quantity * factor);
}

export function fromBaseQuantity(item: ItemUnits, baseQuantity: number, unit: string): number {
  const factor = factorToBase(item, unit);
  if (factor === undefined) throw new AppError('unit.incompatible', { unit, baseUnit: item.baseUnit });
  return tidy(baseQuantity / factor);
}

function isKnownUnit(item: ItemUnits, unit: string): boolean {
  return unit in standardUnits || item.conversions.some((c) => c.unit === unit);
}
