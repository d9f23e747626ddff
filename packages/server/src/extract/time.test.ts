import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  civilDate,
  dayNumber,
  easterDay,
  formatDay,
  hijriDayNumber,
  hijriMonthLength,
  hijriOfDay,
  parseDay,
  weekdayOf,
  weekStart,
} from './time.js';

describe('Gregorian day numbers', () => {
  it('counts from 1970-01-01 and knows the weekday', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(formatDay(dayNumber(2021, 7, 24))).toBe('2021-07-24');
    expect(weekdayOf(2021, 7, 24)).toBe(6); // a Saturday
    expect(weekdayOf(2013, 2, 12)).toBe(2); // a Tuesday
    expect(formatDay(dayNumber(2020, 2, 29) + 1)).toBe('2020-03-01');
  });

  it('round-trips every day over five millennia', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (n) => {
        const { year, month, day } = civilDate(n);
        return dayNumber(year, month, day) === n;
      }),
    );
  });

  it('starts weeks on Monday and parses only real dates', () => {
    expect(formatDay(weekStart(dayNumber(2021, 7, 25)))).toBe('2021-07-19');
    expect(formatDay(weekStart(dayNumber(2021, 7, 19)))).toBe('2021-07-19');
    expect(parseDay('2021-02-29')).toBeNull();
    expect(parseDay('2013-02-12T04:30:00.000-02:00')).toBe(dayNumber(2013, 2, 12));
  });
});

describe('the tabular Hijri calendar', () => {
  it('converts known dates', () => {
    expect(formatDay(hijriDayNumber(1442, 9, 1))).toBe('2021-04-13'); // 1 Ramadan 1442
    expect(formatDay(hijriDayNumber(1442, 12, 10))).toBe('2021-07-20'); // Eid al-Adha 1442
    expect(hijriOfDay(dayNumber(2021, 7, 20))).toEqual({ year: 1442, month: 12, day: 10 });
  });

  it('gives months of 29 or 30 days and inverts itself', () => {
    expect(hijriMonthLength(1442, 1)).toBe(30);
    expect(hijriMonthLength(1442, 2)).toBe(29);
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const { year, month, day } = hijriOfDay(n);
        return hijriDayNumber(year, month, day) === n && day <= hijriMonthLength(year, month);
      }),
    );
  });
});

describe('easterDay', () => {
  it('follows the Gregorian computus', () => {
    expect(formatDay(easterDay(2013))).toBe('2013-03-31');
    expect(formatDay(easterDay(2021))).toBe('2021-04-04');
    expect(formatDay(easterDay(2024))).toBe('2024-03-31');
  });
});
