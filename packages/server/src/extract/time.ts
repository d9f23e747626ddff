/**
 * Calendar arithmetic for the date recognizer, on whole days only: a day is counted as days since
 * 1970-01-01 in the proleptic Gregorian calendar, so every comparison and offset is integer arithmetic
 * free of time zones.
 */

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days since 1970-01-01 of a Gregorian date (eras of 400 years keep it exact for any year). */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDate(dayNo: number): CivilDate {
  const z = dayNo + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNo: number): number {
  return (((dayNo + 4) % 7) + 7) % 7;
}

export function weekdayOf(year: number, month: number, day: number): number {
  return weekdayOfDay(dayNumber(year, month, day));
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function formatDay(dayNo: number): string {
  const { year, month, day } = civilDate(dayNo);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The day number of a `YYYY-MM-DD` string (a longer ISO date-time keeps only its date part), or null. */
export function parseDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? dayNumber(year, month, day) : null;
}

/** A month as a running count (year × 12 + month − 1), so month offsets are additions. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + month - 1;
}

export function monthOfIndex(index: number): { year: number; month: number } {
  return { year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
}

/**
 * The Monday that starts the ISO week holding a day. Both peer suites (and most news desks' "last
 * week") count weeks from Monday, so a week is Monday to Sunday here.
 */
export function weekStart(dayNo: number): number {
  return dayNo - ((weekdayOfDay(dayNo) + 6) % 7);
}

// The tabular (arithmetical) Islamic calendar with the civil epoch, 1 Muharram 1 AH = Friday 16 July 622
// (Julian), and leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29 of each 30-year cycle. Observed
// months (Umm al-Qura, local sightings) can start a day or two apart from it; a news date written in
// Hijri is usually accompanied by its Gregorian one, which the recognizer reports as well.
const HIJRI_EPOCH = dayNumber(622, 7, 19) - 1; // 16 July 622 Julian is 19 July 622 proleptic Gregorian

function hijriDaysBeforeYear(year: number): number {
  return (year - 1) * 354 + Math.floor((3 + 11 * year) / 30);
}

function hijriDaysBeforeMonth(month: number): number {
  return Math.ceil(29.5 * (month - 1));
}

export function hijriMonthLength(year: number, month: number): number {
  if (month < 12) return month % 2 === 1 ? 30 : 29;
  return hijriDaysBeforeYear(year + 1) - hijriDaysBeforeYear(year) - hijriDaysBeforeMonth(12);
}

export function hijriDayNumber(year: number, month: number, day: number): number {
  return HIJRI_EPOCH + hijriDaysBeforeYear(year) + hijriDaysBeforeMonth(month) + day;
}

export function hijriOfDay(dayNo: number): CivilDate {
  const elapsed = dayNo - HIJRI_EPOCH - 1;
  let year = Math.floor((30 * elapsed + 10646) / 10631);
  while (hijriDayNumber(year + 1, 1, 1) <= dayNo) year++;
  while (hijriDayNumber(year, 1, 1) > dayNo) year--;
  let month = 1;
  while (month < 12 && hijriDayNumber(year, month + 1, 1) <= dayNo) month++;
  return { year, month, day: dayNo - hijriDayNumber(year, month, 1) + 1 };
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus. */
export function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(year, month, day);
}
