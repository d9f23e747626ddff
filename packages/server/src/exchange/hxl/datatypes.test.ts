import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatList,
  isDate,
  isEmpty,
  isNumber,
  normaliseSpace,
  normaliseString,
  parseDate,
  parseList,
  parseNumber,
} from './datatypes.ts';

describe('strings', () => {
  it('counts null, empty and whitespace-only values as empty', () => {
    expect(isEmpty(null)).toBe(true);
    expect(isEmpty(undefined)).toBe(true);
    expect(isEmpty('')).toBe(true);
    expect(isEmpty('  ')).toBe(true);
    expect(isEmpty(' \t\r\n    ')).toBe(true);
    expect(isEmpty('\u00a0')).toBe(true);
  });

  it('does not count 0 or text with spaces around it as empty', () => {
    expect(isEmpty('0')).toBe(false);
    expect(isEmpty('   x    ')).toBe(false);
  });

  it('normalises whitespace and case the way HXL compares values', () => {
    expect(normaliseString(null)).toBe('');
    expect(normaliseString('    ')).toBe('');
    expect(normaliseString('  FoO  ')).toBe('foo');
    expect(normaliseString('  FOO  \r\n bAr  ')).toBe('foo bar');
    expect(normaliseSpace('  ريف \t دمشق\n')).toBe('ريف دمشق');
  });
});

describe('numbers', () => {
  it('recognises integers, decimals, signs and exponents, with surrounding whitespace', () => {
    for (const text of ['1', ' 1 ', '1.1', ' 1.1 ', '-1', '+7', '2.1e10', '.5', '5.'])
      expect(isNumber(text)).toBe(true);
    expect(isNumber(1)).toBe(true);
    expect(isNumber(-1.5)).toBe(true);
  });

  it('refuses what is not a number', () => {
    for (const text of [
      '1x',
      '',
      ' ',
      'abc',
      '1.2.3',
      '--1',
      '1,5',
      '12,34,567',
      'NaN',
      'Infinity',
      '0x10',
    ]) {
      expect(isNumber(text), text).toBe(false);
    }
    expect(isNumber(Number.NaN)).toBe(false);
  });

  it('normalises to the number’s value', () => {
    expect(parseNumber('1.0')).toBe(1);
    expect(parseNumber(1.0)).toBe(1);
    expect(parseNumber('1.1')).toBe(1.1);
    expect(parseNumber('foo')).toBeNull();
  });

  it('reads comma thousands separators', () => {
    expect(parseNumber('1,000')).toBe(1000);
    expect(parseNumber('-12,345,678.5')).toBe(-12345678.5);
    expect(parseNumber('1,00')).toBeNull();
  });

  it('reads Arabic-Indic and Persian digits and the Arabic separators', () => {
    expect(parseNumber('١٢٣')).toBe(123);
    expect(parseNumber('۱۲۳')).toBe(123);
    expect(parseNumber('١٬٢٥٠')).toBe(1250);
    expect(parseNumber('٣٫٥')).toBe(3.5);
    expect(parseNumber('−4')).toBe(-4);
  });

  it('reads back what String(n) writes', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        expect(parseNumber(String(n))).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('dates', () => {
  it('recognises ISO dates at every precision', () => {
    for (const text of ['2018', '   2018  ', '2018W2', '2018-03', '2018-03-01', '2018Q2'])
      expect(isDate(text), text).toBe(true);
  });

  it('refuses impossible days, months, weeks and quarters', () => {
    for (const text of ['2018-04-31', '2018-13-01', '2018W54', '2018W53', '2018Q5', '2023-02-29']) {
      expect(isDate(text), text).toBe(false);
    }
    expect(isDate('2020W53')).toBe(true);
    expect(isDate('2024-02-29')).toBe(true);
  });

  it('recognises dates with month names', () => {
    for (const text of [
      'Feb 2/17',
      'Feb 2 17',
      'Feb 2 2017',
      '12 June 2017',
      'Monday, 12 June 2017',
      '1st March 2024',
    ]) {
      expect(isDate(text), text).toBe(true);
    }
  });

  it('refuses what is not a date', () => {
    for (const text of [
      'Feb Feb 2017',
      '13.13.2017',
      'WASH',
      '',
      '12 Junk 2017',
      'Feb 31 2017',
      '2017 2018 Feb',
    ]) {
      expect(isDate(text), text).toBe(false);
    }
  });

  it('normalises ISO dates, padding months, days and weeks', () => {
    expect(parseDate('2008')).toBe('2008');
    expect(parseDate('2008-01')).toBe('2008-01');
    expect(parseDate('2008-1')).toBe('2008-01');
    expect(parseDate('2008-01-01')).toBe('2008-01-01');
    expect(parseDate('2008-1-1')).toBe('2008-01-01');
    expect(parseDate('2008w1')).toBe('2008W01');
    expect(parseDate('2008q1')).toBe('2008Q1');
    expect(parseDate('2024-03-01T14:30:00Z')).toBe('2024-03-01');
    expect(parseDate('2024/03/01')).toBe('2024-03-01');
  });

  it('normalises other common forms', () => {
    expect(parseDate('Jan 20, 2008')).toBe('2008-01-20');
    expect(parseDate('01-20-2008')).toBe('2008-01-20');
    expect(parseDate('20-01-2008')).toBe('2008-01-20');
    expect(parseDate('Jan 2008')).toBe('2008-01');
    expect(parseDate('20.01.08')).toBe('2008-01-20');
  });

  it('reads an ambiguous numeric date day first unless told otherwise', () => {
    expect(parseDate('03/04/2024')).toBe('2024-04-03');
    expect(parseDate('03/04/2024', { dayFirst: false })).toBe('2024-03-04');
  });

  it('reads Arabic month names, Egyptian and Levantine, and Arabic-Indic digits', () => {
    expect(parseDate('١٢ آذار ٢٠٢٤')).toBe('2024-03-12');
    expect(parseDate('3 تشرين الأول 2023')).toBe('2023-10-03');
    expect(parseDate('3 تشرين الثاني 2023')).toBe('2023-11-03');
    expect(parseDate('كانون الثاني 2024')).toBe('2024-01');
    expect(parseDate('15 أغسطس 2023')).toBe('2023-08-15');
    expect(parseDate('الخميس 15 اغسطس 2023')).toBe('2023-08-15');
    expect(parseDate('٠١/٠٢/٢٠٢٤')).toBe('2024-02-01');
  });
});

describe('lists', () => {
  it('splits a +list cell on commas and trims the items', () => {
    expect(parseList('Health, Education')).toEqual(['Health', 'Education']);
    expect(parseList('WFP')).toEqual(['WFP']);
    expect(parseList('')).toEqual([]);
    expect(parseList('a,,b, ')).toEqual(['a', 'b']);
  });

  it('escapes commas so a list round-trips', () => {
    expect(formatList(['a', 'b', 'c'])).toBe('a,b,c');
    expect(formatList(['a,b'])).toBe('a\\,b');
    fc.assert(
      fc.property(
        fc.array(
          fc
            .string({ unit: fc.constantFrom('a', ',', '\\', 'ب', 'x') })
            .filter((s) => s.trim() === s && s !== ''),
        ),
        (items) => {
          expect(parseList(formatList(items))).toEqual(items);
        },
      ),
    );
  });
});
