import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recognizeDates, statedPublicationDate } from './dates.js';
import { foldWithMap } from './normalize.js';
import type { DateMention, TimeAnchor } from './types.js';

// A Sunday; articles in these tests were "published" that day unless a test says otherwise.
const PUBLISHED: TimeAnchor = { date: '2021-07-25', kind: 'published' };
const REFERENCE: TimeAnchor = { date: '2021-07-25', kind: 'reference' };

function mentions(text: string, anchor: TimeAnchor = PUBLISHED): DateMention[] {
  const found = recognizeDates(foldWithMap(text), anchor);
  for (const mention of found) expect(text.slice(mention.start, mention.end)).toBe(mention.text);
  return found;
}

/** [text, value, grain] of every date found. */
function dates(text: string, anchor: TimeAnchor = PUBLISHED): [string, DateMention['value'], string][] {
  return mentions(text, anchor).map((m) => [m.text, m.value, m.grain]);
}

/** The value of the one date found, whatever its span. */
function onlyValue(text: string, anchor: TimeAnchor = PUBLISHED): DateMention['value'] | undefined {
  const found = mentions(text, anchor);
  expect(found).toHaveLength(1);
  return found[0]?.value;
}

describe('recognizeDates: month names of every series', () => {
  it('reads Levantine, transliterated, Maghrebi and Moroccan names', () => {
    expect(onlyValue('وصلت القافلة في 3 كانون الثاني 2020')).toBe('2020-01-03');
    expect(onlyValue('انتهت الجولة في 14 شباط 2020')).toBe('2020-02-14');
    expect(onlyValue('وقعت الهجمات في 9 تشرين الأول 2019')).toBe('2019-10-09');
    expect(onlyValue('تشكلت اللجنة في 30 تشرين ثاني 2019')).toBe('2019-11-30');
    expect(onlyValue('صدر التقرير في 2 كانون الأول 2019')).toBe('2019-12-02');
    expect(onlyValue('عقدت القمة في 5 يونيه 2018')).toBe('2018-06-05');
    expect(onlyValue('أطلقت الحملة في 12 ابريل 2018')).toBe('2018-04-12');
    expect(onlyValue('في 20 جانفي 2020 أعلنت الولاية')).toBe('2020-01-20');
    expect(onlyValue('يوم 5 جويلية 2019 احتفلت المدينة')).toBe('2019-07-05');
    expect(onlyValue('حتى 31 أوت 2020')).toBe('2020-08-31');
    expect(onlyValue('في 11 شتنبر 2020 استقبلت الرباط الوفد')).toBe('2020-09-11');
    expect(onlyValue('في 3 دجنبر 2020')).toBe('2020-12-03');
    expect(onlyValue('صادق البرلمان عليه في 15 غشت 2019')).toBe('2019-08-15');
  });

  it('reads a month named twice', () => {
    expect(dates('تستضيف العاصمة في 26 تموز/يوليو اجتماعا')).toEqual([
      ['26 تموز/يوليو', '2021-07-26', 'day'],
    ]);
    expect(dates('في 26 يوليو/تموز الجاري')).toEqual([['26 يوليو/تموز الجاري', '2021-07-26', 'day']]);
    expect(dates('خلال شهر تموز (يوليو) 2020')).toEqual([['شهر تموز (يوليو) 2020', '2020-07', 'month']]);
  });

  it('reads «مارس» as March only beside a day, a year or a cue', () => {
    expect(dates('مارس الجيش ضغطا على السكان')).toEqual([]);
    expect(dates('وقد مارس التهديد مرارا')).toEqual([]);
    expect(onlyValue('عادت العائلات في 8 مارس')).toBe('2021-03-08');
    expect(onlyValue('بدأت الحملة في مارس 2020')).toBe('2020-03');
    expect(onlyValue('توقفت المساعدات في مارس')).toBe('2021-03');
  });

  it('reads a month by its number', () => {
    expect(onlyValue('من 5 إلى 9 من الشهر السابع')).toEqual({ start: '2021-07-05', end: '2021-07-09' });
    expect(onlyValue('بداية شهر 3')).toEqual({ start: '2021-03-01', end: '2021-03-10' });
  });
});

describe('recognizeDates: days', () => {
  it('reads a weekday with its date, and lets the weekday choose the year', () => {
    expect(dates('أعلنت الوزارة أمس السبت 24 من تموز/يوليو، أن الاجتماع سيعقد')).toEqual([
      ['السبت 24 من تموز/يوليو', '2021-07-24', 'day'],
    ]);
    expect(dates('يوم الاثنين 26 يوليو/تموز الجاري')).toEqual([
      ['يوم الاثنين 26 يوليو/تموز الجاري', '2021-07-26', 'day'],
    ]);
    // 24 July 2021 was a Saturday, so an anchor a year later still lands on 2021.
    expect(onlyValue('السبت 24 تموز', { date: '2022-06-01', kind: 'published' })).toBe('2021-07-24');
    expect(onlyValue('الخميس الموافق 14 من شهر شباط', { date: '2019-01-01', kind: 'reference' })).toBe(
      '2019-02-14',
    );
    // Known only by a reference time, an old text is dated by its weekday, on the side its tense points to.
    expect(onlyValue('عقد الاجتماع السبت 24 تموز', { date: '2026-11-29', kind: 'reference' })).toBe(
      '2021-07-24',
    );
    // Near a publication date, a weekday that fits no nearby year is a slip, not a distant year.
    expect(onlyValue('عقد الاجتماع الأحد 24 تموز')).toBe('2021-07-24');
  });

  it('reads ordinal days', () => {
    expect(onlyValue('في الأول من آب')).toBe('2021-08-01');
    expect(onlyValue('في الحادي والعشرين من أيلول 2020')).toBe('2020-09-21');
    expect(onlyValue('حتى الثالث عشر من كانون الثاني 2021')).toBe('2021-01-13');
    expect(onlyValue('في السادس من الشهر الجاري')).toBe('2021-07-06');
    expect(onlyValue('في العاشر من الشهر الماضي')).toBe('2021-06-10');
  });

  it('excludes a leading «في» and «أمس» from the span and keeps a Gregorian or Hijri mark', () => {
    expect(dates('في 30 أيلول 2015')).toEqual([['30 أيلول 2015', '2015-09-30', 'day']]);
    expect(dates('بتاريخ 12 نيسان 2021م')).toEqual([['12 نيسان 2021م', '2021-04-12', 'day']]);
  });

  it('reads numeric dates day-first, in any digits', () => {
    expect(dates('وقعت الاتفاقية بتاريخ 24/7/2021 ونفذت في 2021-08-01')).toEqual([
      ['24/7/2021', '2021-07-24', 'day'],
      ['2021-08-01', '2021-08-01', 'day'],
    ]);
    expect(onlyValue('صدر القرار في ٢٤/٧/٢٠٢١')).toBe('2021-07-24');
    expect(onlyValue('تاريخ التقرير 03-08-2021')).toBe('2021-08-03');
    expect(onlyValue('دخل حيز التنفيذ 01.09.2020')).toBe('2020-09-01');
    expect(onlyValue('الموعد النهائي 9/4/21')).toBe('2021-04-09');
    expect(onlyValue('الربع الأخير 10/2020 شهد تراجعا')).toBe('2020-10');
    expect(onlyValue('في 22/4 عادت المياه')).toBe('2021-04-22');
    expect(onlyValue('على أن يبدأ التسجيل 05/09')).toBe('2021-09-05');
  });

  it('does not read scores, ratios, fractions, times or law numbers as dates', () => {
    expect(dates('فاز الفريق 3-1 وتعادل 2/2')).toEqual([]);
    expect(dates('بموجب القانون رقم 10/2018 والمرسوم 5/2020')).toEqual([]);
    expect(dates('يحصل الطفل على 1/3 الحصة عند الساعة 10:30')).toEqual([]);
    expect(dates('قتل 250 ألف شخص ونزح 3.5 مليون')).toEqual([]);
    expect(dates('وهي المرة الثانية خلال 8 أشهر، والأولى من نوعها')).toEqual([]);
    expect(dates('فاز الأحد عشر لاعبا، وقال إن الاثنين سيعملان معا')).toEqual([]);
  });
});

describe('recognizeDates: years and parts of periods', () => {
  it('reads years after a keyword or a cue, and not counts', () => {
    expect(dates('نزح الملايين منذ عام 2011، وعاد بعضهم سنة 2017')).toEqual([
      ['عام 2011', '2011', 'year'],
      ['سنة 2017', '2017', 'year'],
    ]);
    expect(onlyValue('منذ عام 2011 وحتى سنة 2017')).toEqual({ start: '2011', end: '2017' });
    expect(dates('وبدأت ترسيخ وجودها في 2017 بعد سلسلة اتفاقات')).toEqual([['2017', '2017', 'year']]);
    expect(dates('في العام 2019، تراجعت الأرقام')).toEqual([['العام 2019', '2019', 'year']]);
    expect(dates('أعيد بناء 2000 منزل في 2000 قرية')).toEqual([]);
    expect(dates('وزعت المنظمة 2018 سلة')).toEqual([]);
  });

  it('reads year ranges', () => {
    expect(onlyValue('بين عامي 2014 و2016')).toEqual({ start: '2014', end: '2016' });
    expect(onlyValue('خلال الموسم 2020/2021')).toEqual({ start: '2020', end: '2021' });
    expect(onlyValue('from 2011 to 2015')).toEqual({ start: '2011', end: '2015' });
  });

  it('reads quarters and halves of a year as month ranges', () => {
    expect(dates('في الربع الثالث من عام 2020')).toEqual([
      ['الربع الثالث من عام 2020', { start: '2020-07', end: '2020-09' }, 'month'],
    ]);
    expect(onlyValue('خلال النصف الأول من العام الجاري')).toEqual({ start: '2021-01', end: '2021-06' });
    expect(onlyValue('in the fourth quarter of last year')).toEqual({ start: '2020-10', end: '2020-12' });
    expect(onlyValue('funding for Q2 2021')).toEqual({ start: '2021-04', end: '2021-06' });
    expect(dates('خفض الإنتاج إلى النصف في الربع الأول')).toEqual([]);
  });

  it('reads early, middle and late parts of months and years', () => {
    expect(dates('في أوائل آذار 2021')).toEqual([
      ['أوائل آذار 2021', { start: '2021-03-01', end: '2021-03-10' }, 'day'],
    ]);
    expect(onlyValue('أواسط نيسان 2021')).toEqual({ start: '2021-04-11', end: '2021-04-20' });
    expect(onlyValue('منتصف أيار 2021')).toBe('2021-05-15');
    expect(onlyValue('في أواخر شباط 2020')).toEqual({ start: '2020-02-21', end: '2020-02-29' });
    expect(onlyValue('مطلع العام المقبل')).toEqual({ start: '2022-01', end: '2022-04' });
    expect(onlyValue('نهاية العام الجاري')).toEqual({ start: '2021-09', end: '2021-12' });
    expect(onlyValue('by mid-2019')).toEqual({ start: '2019-05', end: '2019-08' });
    expect(onlyValue('at the end of 2020')).toEqual({ start: '2020-09', end: '2020-12' });
  });
});

describe('recognizeDates: ranges', () => {
  it('reads Arabic day ranges', () => {
    expect(dates('بتاريخ 11- و12 تشرين الثاني من عام 2020، والذي')).toEqual([
      ['11- و12 تشرين الثاني من عام 2020', { start: '2020-11-11', end: '2020-11-12' }, 'day'],
    ]);
    expect(onlyValue('بين 11 و12 تشرين الثاني 2020')).toEqual({ start: '2020-11-11', end: '2020-11-12' });
    expect(dates('من 3 إلى 5 آذار 2021')).toEqual([
      ['من 3 إلى 5 آذار 2021', { start: '2021-03-03', end: '2021-03-05' }, 'day'],
    ]);
    expect(onlyValue('من 3 آذار إلى 5 نيسان 2021')).toEqual({ start: '2021-03-03', end: '2021-04-05' });
    expect(onlyValue('من 28 كانون الأول 2020 حتى 3 كانون الثاني')).toEqual({
      start: '2020-12-28',
      end: '2021-01-03',
    });
    expect(onlyValue('تموز 13 إلى 15', REFERENCE)).toEqual({ start: '2021-07-13', end: '2021-07-15' });
  });

  it('reads month ranges', () => {
    expect(dates('بين آذار وأيار 2021')).toEqual([
      ['بين آذار وأيار 2021', { start: '2021-03', end: '2021-05' }, 'month'],
    ]);
    expect(onlyValue('between March and May 2021')).toEqual({ start: '2021-03', end: '2021-05' });
  });

  it('reads English ranges', () => {
    expect(dates('talks on 11–12 November 2020')).toEqual([
      ['11–12 November 2020', { start: '2020-11-11', end: '2020-11-12' }, 'day'],
    ]);
    expect(onlyValue('from 3 to 5 March 2021')).toEqual({ start: '2021-03-03', end: '2021-03-05' });
    expect(onlyValue('July 13-15, 2020')).toEqual({ start: '2020-07-13', end: '2020-07-15' });
  });
});

describe('recognizeDates: relative expressions', () => {
  it('reads days around the anchor', () => {
    expect(dates('أعلنت الوزارة أمس')).toEqual([['أمس', '2021-07-24', 'day']]);
    expect(onlyValue('وبالأمس أعلنت الوزارة')).toBe('2021-07-24');
    expect(onlyValue('وصل الوفد أول أمس')).toBe('2021-07-23');
    expect(onlyValue('تعقد الجلسة اليوم')).toBe('2021-07-25');
    expect(onlyValue('يصل المبعوث غداً')).toBe('2021-07-26');
    expect(onlyValue('تبدأ الجولة بعد غد')).toBe('2021-07-27');
    expect(dates('اليوم العالمي للاجئين واليوم الأول من المؤتمر')).toEqual([]);
  });

  it('reads «أمس السبت» as yesterday, spanning the weekday', () => {
    expect(dates('قالت الوزارة أمس السبت إن القافلة وصلت')).toEqual([['السبت', '2021-07-24', 'day']]);
  });

  it('reads weeks as Monday-to-Sunday ranges, and months and years', () => {
    expect(onlyValue('خلال الأسبوع الماضي')).toEqual({ start: '2021-07-12', end: '2021-07-18' });
    expect(onlyValue('الأسبوع المقبل')).toEqual({ start: '2021-07-26', end: '2021-08-01' });
    expect(onlyValue('هذا الأسبوع')).toEqual({ start: '2021-07-19', end: '2021-07-25' });
    expect(dates('الشهر الجاري والشهر الماضي')).toEqual([
      ['الشهر الجاري', '2021-07', 'month'],
      ['الشهر الماضي', '2021-06', 'month'],
    ]);
    expect(onlyValue('العام الماضي')).toBe('2020');
    expect(onlyValue('السنة المقبلة')).toBe('2022');
  });

  it('reads counts of days, weeks and years before or after the anchor', () => {
    expect(dates('جرى الاجتماع قبل ثلاثة أيام')).toEqual([['قبل ثلاثة أيام', '2021-07-22', 'day']]);
    expect(onlyValue('منذ يومين')).toBe('2021-07-23');
    expect(onlyValue('سيصل الوفد بعد أسبوعين')).toBe('2021-08-08');
    expect(onlyValue('قبل عامين')).toBe('2019');
    expect(dates('بعد أسبوعين من الاجتماع')).toEqual([]);
    expect(onlyValue('three days ago')).toBe('2021-07-22');
  });

  it('reads English relative days and weeks', () => {
    expect(dates('The ministry said yesterday that talks resume next Monday')).toEqual([
      ['yesterday', '2021-07-24', 'day'],
      ['next Monday', '2021-07-26', 'day'],
    ]);
    expect(onlyValue('last week')).toEqual({ start: '2021-07-12', end: '2021-07-18' });
    expect(onlyValue('It is due tomorrow')).toBe('2021-07-26');
  });
});

describe('recognizeDates: direction', () => {
  // Anchor: Sunday 2021-07-25.
  it('follows a future marker forward and a past marker back', () => {
    expect(onlyValue('سيعقد الاجتماع يوم الخميس')).toBe('2021-07-29');
    expect(onlyValue('عقد الاجتماع يوم الخميس')).toBe('2021-07-22');
    expect(onlyValue('يعقد المؤتمر يوم الأربعاء المقبل')).toBe('2021-07-28');
    expect(onlyValue('وصلت القافلة الثلاثاء الماضي')).toBe('2021-07-20');
    expect(onlyValue('The talks will resume on Thursday')).toBe('2021-07-29');
    expect(onlyValue('The convoy arrived on Thursday')).toBe('2021-07-22');
  });

  it('takes the nearest occurrence for a publication date and the next for a reference time', () => {
    expect(onlyValue('الخميس')).toBe('2021-07-22');
    expect(onlyValue('الخميس', REFERENCE)).toBe('2021-07-29');
    expect(onlyValue('الأحد')).toBe('2021-07-25');
    expect(onlyValue('الأحد', REFERENCE)).toBe('2021-08-01');
    expect(onlyValue('في 15 أيار')).toBe('2021-05-15');
    expect(onlyValue('في 15 أيار', REFERENCE)).toBe('2022-05-15');
    expect(onlyValue('في 3 كانون الثاني')).toBe('2022-01-03');
  });

  it('reads a year from a modifier on the month', () => {
    expect(onlyValue('في 3 آذار/مارس الماضي')).toBe('2021-03-03');
    expect(onlyValue('منتصف آب المقبل')).toBe('2021-08-15');
    expect(onlyValue('تموز الماضي')).toBe('2020-07');
    expect(onlyValue('في 10 تشرين الأول المقبل', REFERENCE)).toBe('2021-10-10');
  });

  it('reads «القادم» on a weekday as that day of the next week', () => {
    const wednesday: TimeAnchor = { date: '2021-07-21', kind: 'published' };
    expect(onlyValue('تستأنف المفاوضات يوم الأحد القادم', wednesday)).toBe('2021-08-01');
    expect(onlyValue('تصل البعثة الخميس المقبل', wednesday)).toBe('2021-07-29');
    expect(onlyValue('The board meets next Monday', wednesday)).toBe('2021-07-26');
  });

  it('reads weekdays of a named week', () => {
    expect(onlyValue('الأحد من الأسبوع الماضي')).toBe('2021-07-18');
    expect(onlyValue('ثلاثاء الأسبوع المقبل')).toBe('2021-07-27');
    expect(onlyValue('الأسبوع القادم يوم الجمعة')).toBe('2021-07-30');
  });

  it('counts weekdays of a month', () => {
    expect(onlyValue('آخر اثنين من شهر آذار 2021')).toBe('2021-03-29');
    expect(onlyValue('أول ثلاثاء من تشرين الأول 2021')).toBe('2021-10-05');
    // 3 September 2014 was a Wednesday, so this Tuesday is the third one.
    expect(onlyValue('الثلاثاء الثالث من أيلول 2014')).toBe('2014-09-16');
    expect(onlyValue('الأربعاء الثالث من أيلول 2014')).toBe('2014-09-03');
  });
});

describe('recognizeDates: Hijri dates', () => {
  it('converts through the tabular calendar', () => {
    expect(dates('في الخامس عشر من رمضان 1442 هـ الموافق 27 نيسان 2021')).toEqual([
      ['الخامس عشر من رمضان 1442 هـ', '2021-04-27', 'day'],
      ['27 نيسان 2021', '2021-04-27', 'day'],
    ]);
    expect(onlyValue('10 ذو الحجة 1442')).toBe('2021-07-20');
    expect(onlyValue('خلال شهر رمضان 1442')).toEqual({ start: '2021-04-13', end: '2021-05-12' });
    expect(onlyValue('رمضان 2019')).toEqual({ start: '2019-05-06', end: '2019-06-04' });
  });

  it('needs a day, a year or «شهر» before a month name that is also a word or a name', () => {
    expect(dates('قال رمضان إن صفر رجب')).toEqual([]);
    expect(onlyValue('خلال شهر رمضان')).toEqual({ start: '2021-04-13', end: '2021-05-12' });
  });

  it('reads holidays', () => {
    expect(onlyValue('قبيل عيد الأضحى')).toBe('2021-07-20');
    expect(onlyValue('عيد الفطر 2020')).toBe('2020-05-24');
    expect(onlyValue('Christmas 2020')).toBe('2020-12-25');
  });
});

describe('recognizeDates: English', () => {
  it('reads written dates', () => {
    expect(dates('The meeting was held on 24 July 2021 in Geneva.')).toEqual([
      ['24 July 2021', '2021-07-24', 'day'],
    ]);
    expect(onlyValue('It will take place on July 26, 2021.')).toBe('2021-07-26');
    expect(dates('On Saturday, 24 July, the ministry said')).toEqual([
      ['Saturday, 24 July', '2021-07-24', 'day'],
    ]);
    expect(onlyValue('the 24th of July')).toBe('2021-07-24');
    expect(onlyValue('Sept. 5, 2020')).toBe('2020-09-05');
    expect(onlyValue('November 2020')).toBe('2020-11');
    expect(onlyValue('in 2017')).toBe('2017');
  });

  it('reads «may» and «march» as months only when capitalized and supported', () => {
    expect(dates('we may march on')).toEqual([]);
    expect(onlyValue('The talks may resume in May')).toBe('2021-05');
    expect(dates('May God protect them')).toEqual([]);
  });

  it('reads numeric dates day-first unless the text is US-style', () => {
    expect(onlyValue('Report dated 07/08/2021')).toBe('2021-08-07');
    expect(dates('Filed 07/24/2021; amended 07/08/2021.')).toEqual([
      ['07/24/2021', '2021-07-24', 'day'],
      ['07/08/2021', '2021-07-08', 'day'],
    ]);
  });
});

describe('statedPublicationDate', () => {
  const stated = (text: string, reference = '2021-08-01') =>
    statedPublicationDate(foldWithMap(text), { date: reference, kind: 'reference' });

  it('reads a dateline', () => {
    expect(stated('دمشق - 25 تموز 2021 - أعلنت الأمم المتحدة')?.date).toBe('2021-07-25');
    expect(stated('DAMASCUS, July 25 (Reuters) - Russia said on Sunday')?.date).toBe('2021-07-25');
    expect(stated('عنوان الخبر\nالأحد 25 تموز 2021\nوصلت قافلة المساعدات إلى المدينة')?.date).toBe(
      '2021-07-25',
    );
    // A text that is nothing but a date has no dateline.
    expect(stated('الأحد 25 تموز 2021')).toBeNull();
  });

  it('reads «أمس السبت 24 …» as published the day after, with the span of the date', () => {
    const text = 'وأعلنت الوزارة أمس السبت 24 من تموز/يوليو، أن اجتماعا سيعقد';
    const found = stated(text);
    expect(found?.date).toBe('2021-07-25');
    expect(found && text.slice(found.start, found.end)).toBe('السبت 24 من تموز/يوليو');
  });

  it('dates an old text by its weekday when only a reference time is known', () => {
    expect(stated('وأعلنت الوزارة أمس السبت 24 من تموز/يوليو، أن اجتماعا سيعقد', '2026-11-29')?.date).toBe(
      '2021-07-25',
    );
  });

  it('returns null when the text states no date of its own', () => {
    expect(stated('عقد الاجتماع في 24 تموز 2021 في جنيف وحضره ممثلون')).toBeNull();
    expect(stated('لا تاريخ هنا')).toBeNull();
  });
});

describe('recognizeDates: robustness', () => {
  it('gives no date for an offset that reaches before year 1', () => {
    const early: TimeAnchor = { date: '1999-12-31', kind: 'published' };
    expect(dates('وقعت الحادثة منذ ألفين عام', early)).toEqual([]);
    expect(dates('وقعت الحادثة منذ ألف عام', early)).toEqual([['منذ ألف عام', '0999', 'year']]);
  });

  const vocabulary = [
    'في',
    'من',
    'إلى',
    'و',
    'أمس',
    'اليوم',
    'السبت',
    'الاثنين',
    'يوم',
    'تموز',
    'يوليو',
    'كانون',
    'الثاني',
    'أيلول',
    'رمضان',
    'هـ',
    'م',
    'عام',
    'العام',
    'الماضي',
    'المقبل',
    'منتصف',
    'أواخر',
    'قبل',
    'بعد',
    'منذ',
    'أيام',
    'يومين',
    'الأسبوع',
    'شهر',
    'الشهر',
    'الأول',
    'الحادي',
    'والعشرين',
    'عشر',
    'May',
    'July',
    'on',
    'last',
    'next',
    'ago',
    'days',
    'mid',
    'the',
    'of',
    '24',
    '٢٤',
    '2021',
    '12',
    '31',
    '0',
    '99',
    '/',
    '-',
    '.',
    '،',
    ',',
    '(',
    ')',
    '\n',
    'سيعقد',
    'عقد',
    'ألفين',
    'ثلاثة',
  ];
  const word = fc.constantFrom(...vocabulary);
  const noise = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ maxLength: 4, unit: 'binary' }));
  const text = fc
    .array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: noise }), { maxLength: 40 })
    .chain((parts) => fc.constantFrom(parts.join(' '), parts.join('')));
  const anchor = fc.record({
    date: fc.constantFrom('2021-07-25', '2013-02-12', '2000-02-29', '1999-12-31'),
    kind: fc.constantFrom<TimeAnchor['kind']>('published', 'reference'),
  });

  const shapes = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ };
  const wellFormed = (m: DateMention) => {
    const { value } = m;
    if (value === null) return true;
    if (typeof value === 'string') return shapes[m.grain].test(value);
    return shapes[m.grain].test(value.start) && shapes[m.grain].test(value.end) && value.start <= value.end;
  };

  it('never throws; spans slice the original in order without overlap; values match their grain', () => {
    fc.assert(
      fc.property(text, anchor, (input, at) => {
        const found = recognizeDates(foldWithMap(input), at);
        let previousEnd = 0;
        for (const m of found) {
          if (input.slice(m.start, m.end) !== m.text || m.start < previousEnd || m.end <= m.start)
            return false;
          if (!wellFormed(m)) return false;
          previousEnd = m.end;
        }
        statedPublicationDate(foldWithMap(input), at);
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('recognizeDates: a text that is one short clause', () => {
  // A form that needs a cue in running text is a date when it is all there is.
  it('reads a bare numeric day and month, or a day after «في»', () => {
    expect(onlyValue('نلتقي 9.19', REFERENCE)).toBe('2021-09-19');
    expect(onlyValue('الموعد النهائي 30-9', REFERENCE)).toBe('2021-09-30');
    expect(onlyValue('تبدأ الدورة في 28', REFERENCE)).toBe('2021-07-28');
  });

  it('reads a year after a comma month-first, as US dates are written', () => {
    expect(onlyValue('صدر البيان 03/14, 2019')).toBe('2019-03-14');
    expect(onlyValue('Filed 03/04, 2019')).toBe('2019-03-04');
  });

  it('leaves scores, decimals and running text alone', () => {
    expect(dates('انتهت المباراة 2-1')).toEqual([]);
    expect(dates('ارتفع المؤشر 1.5')).toEqual([]);
    expect(
      dates('وارتفعت الأسعار بنسبة 4.25 في المئة خلال الشهر، وفق بيانات المكتب المركزي للإحصاء'),
    ).toEqual([]);
    expect(dates('وصلت 3 شاحنات في 15')).toEqual([]);
  });
});
