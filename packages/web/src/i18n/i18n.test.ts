import { describe, expect, it } from 'vitest';
import { catalogues, formatDate, formatNumber, formatPeriod, labelOf, pickText, t } from './index.ts';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogues', () => {
  it('give every key a non-empty message in both languages, with the same placeholders', () => {
    for (const [key, en] of Object.entries(catalogues.en)) {
      const ar = catalogues.ar[key as keyof typeof catalogues.ar];
      expect(en.trim(), key).not.toBe('');
      expect(ar.trim(), key).not.toBe('');
      expect(placeholders(ar), key).toEqual(placeholders(en));
    }
  });

  it('write the Arabic catalogue in Arabic', () => {
    // Words in Latin letters with no Arabic beside them are untranslated (placeholders are not words).
    const latinOnly = Object.entries(catalogues.ar).filter(([key, message]) => {
      const words = message.replace(/\{\w+\}/g, '');
      return /[A-Za-z]/.test(words) && !/[\u0600-\u06FF]/.test(words) && key !== 'lang.en';
    });
    expect(latinOnly.map(([key]) => key)).toEqual([]);
  });
});

describe('formatting', () => {
  it('uses Western digits in Arabic (decision 006) and Intl grouping', () => {
    expect(formatNumber('ar', 250000)).toMatch(/^250[,٬]000$/);
    expect(formatNumber('en', 250000)).toBe('250,000');
  });

  it('formats calendar dates at their precision, in UTC', () => {
    expect(formatDate('en', '2021-07-24')).toBe('July 24, 2021');
    expect(formatDate('en', '2021-07', 'month')).toBe('July 2021');
    expect(formatDate('ar', '2021-07-24')).toMatch(/24.*2021/);
    expect(formatDate('en', 'not a date')).toBe('not a date');
    expect(formatPeriod('en', { start: '2020-11-11', end: '2020-11-12', precision: 'day' })).toBe(
      'November 11, 2020 – November 12, 2020',
    );
  });

  it('fills placeholders, numbers through Intl', () => {
    expect(t('en', 'registry.count', { shown: 5, total: 1200 })).toBe('Showing 5 of 1,200');
  });

  it('picks the reader language, else the other one, saying which', () => {
    expect(pickText({ ar: 'دمشق', en: 'Damascus' }, 'ar')).toEqual({ text: 'دمشق', lang: 'ar' });
    expect(pickText({ ar: 'دمشق' }, 'en')).toEqual({ text: 'دمشق', lang: 'ar' });
    expect(pickText({}, 'en')).toBeNull();
  });

  it('labels enum values, and shows unknown ones readably', () => {
    expect(labelOf('en', 'claimStatus', 'confirmed')).toBe('Confirmed');
    expect(labelOf('en', 'claimStatus', 'brand_new')).toBe('brand new');
  });
});
