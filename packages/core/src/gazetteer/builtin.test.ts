import { describe, expect, it } from 'vitest';
import { builtinGazetteer, type GazetteerEntry, gazetteerByPcode } from './builtin.ts';

// Syria's extent (from the governorate polygons), with a small margin.
const SYRIA_BBOX = { minLat: 32.3, maxLat: 37.35, minLon: 35.6, maxLon: 42.4 };

const atLevel = (level: GazetteerEntry['level']) => builtinGazetteer.filter((e) => e.level === level);

describe('builtin gazetteer', () => {
  it('holds 14 governorates and 62 districts of Syria', () => {
    expect(atLevel(1)).toHaveLength(14);
    expect(atLevel(2)).toHaveLength(62);
    expect(atLevel(1).map((e) => e.pcode)).toEqual(
      Array.from({ length: 14 }, (_, i) => `SY${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('holds Syria and the countries of the region and of the main donors', () => {
    const codes = atLevel(0).map((e) => e.pcode);
    for (const code of ['SY', 'LB', 'JO', 'TR', 'IQ', 'EG', 'IR', 'IL', 'PS', 'SA', 'AE', 'QA', 'KW', 'CY']) {
      expect(codes).toContain(code);
    }
    for (const code of ['RU', 'US', 'GB', 'FR', 'DE', 'NL', 'SE', 'NO', 'DK', 'CH', 'IT', 'BE', 'ES', 'AT']) {
      expect(codes).toContain(code);
    }
    for (const code of ['CA', 'JP', 'CN', 'AU', 'IE', 'FI']) expect(codes).toContain(code);
    for (const country of atLevel(0)) {
      expect(country.pcode).toMatch(/^[A-Z]{2}$/);
      expect(country.parentPcode).toBeNull();
      expect(country.centre).toBeDefined();
    }
    expect(gazetteerByPcode.get('US')?.names.ar).toBe('الولايات المتحدة الأمريكية');
    expect(gazetteerByPcode.get('US')?.altNames?.ar).toContain('أمريكا');
    expect(gazetteerByPcode.get('TR')?.altNames?.en).toContain('Turkey');
    expect(gazetteerByPcode.get('RU')?.altNames?.en).toContain('Russian Federation');
  });

  it('has unique p-codes, indexed by gazetteerByPcode', () => {
    const codes = builtinGazetteer.map((e) => e.pcode);
    expect(new Set(codes).size).toBe(codes.length);
    expect(gazetteerByPcode.size).toBe(codes.length);
    for (const entry of builtinGazetteer) expect(gazetteerByPcode.get(entry.pcode)).toBe(entry);
  });

  it('is sorted by p-code within each level', () => {
    for (const level of [0, 1, 2] as const) {
      const codes = atLevel(level).map((e) => e.pcode);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('links every entry to an existing parent one level up', () => {
    for (const entry of builtinGazetteer) {
      if (entry.level === 0) {
        expect(entry.parentPcode).toBeNull();
        continue;
      }
      const parent = entry.parentPcode === null ? undefined : gazetteerByPcode.get(entry.parentPcode);
      expect(parent, entry.pcode).toBeDefined();
      expect(parent?.level).toBe(entry.level - 1);
      expect(entry.pcode.startsWith(entry.parentPcode ?? '')).toBe(true);
    }
    for (const district of atLevel(2)) {
      expect(gazetteerByPcode.get(district.parentPcode ?? '')?.level).toBe(1);
    }
  });

  it('uses the COD names', () => {
    expect(gazetteerByPcode.get('SY01')?.names).toEqual({ ar: 'مدينة دمشق', en: 'Damascus' });
    expect(gazetteerByPcode.get('SY07')?.names).toEqual({ ar: 'إدلب', en: 'Idleb' });
    expect(gazetteerByPcode.get('SY07')?.altNames?.en).toContain('Idlib');
    expect(gazetteerByPcode.get('SY01')?.altNames?.ar).toContain('دمشق');
    expect(gazetteerByPcode.get('SY09')?.altNames?.en).toContain('Deir ez-Zor');
    expect(gazetteerByPcode.get('SY08')?.altNames?.en).toContain('Hasakah');
    expect(gazetteerByPcode.get('SY1006')?.names.en).toBe('Qadmous');
    for (const entry of builtinGazetteer) {
      expect(entry.names.en.trim()).toBe(entry.names.en);
      expect(entry.names.ar).toMatch(/^[\u0600-\u06ff ]+$/);
      if (entry.level > 0) expect(entry.validFrom).toBe('2020-12-17');
    }
  });

  it('has no alternative name that repeats the entry’s own name', () => {
    for (const entry of builtinGazetteer) {
      for (const lang of ['ar', 'en'] as const) {
        const alts = entry.altNames?.[lang] ?? [];
        expect(alts, entry.pcode).not.toContain(entry.names[lang]);
        expect(new Set(alts).size).toBe(alts.length);
      }
    }
  });

  it('places every governorate centre inside Syria', () => {
    for (const entry of atLevel(1)) {
      const c = entry.centre;
      expect(c, entry.pcode).toBeDefined();
      if (!c) continue;
      expect(c.lat).toBeGreaterThanOrEqual(SYRIA_BBOX.minLat);
      expect(c.lat).toBeLessThanOrEqual(SYRIA_BBOX.maxLat);
      expect(c.lon).toBeGreaterThanOrEqual(SYRIA_BBOX.minLon);
      expect(c.lon).toBeLessThanOrEqual(SYRIA_BBOX.maxLon);
    }
    const sy = gazetteerByPcode.get('SY')?.centre;
    expect(sy && sy.lat > SYRIA_BBOX.minLat && sy.lat < SYRIA_BBOX.maxLat).toBe(true);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(builtinGazetteer)).toBe(true);
    expect(Object.isFrozen(gazetteerByPcode.get('SY01')?.names)).toBe(true);
  });
});
