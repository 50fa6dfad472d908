import { afterEach, describe, expect, test } from 'vitest';
import { dateRange, isCalendarDate, parseCalendarDate } from '#content/dates.ts';
import { formatDate } from '#i18n/dates.ts';
import { calendarDate } from '#content/schema.ts';

const zones = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai', 'Pacific/Pago_Pago'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('formatDate', () => {
  test.each([
    ['2024-05-20', '20 mai 2024', 'the seed’s date'],
    ['2024-01-01', '1er janvier 2024', 'the first of the month is « 1er »'],
    ['2023-12-31', '31 décembre 2023', 'the last day of the year'],
    ['2024-02-29', '29 février 2024', 'a leap day'],
    ['2024-08-15', '15 août 2024', 'a month with a circumflex'],
  ])('%s is written « %s » (%s)', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  test.each(zones)('gives the same day in the time zone %s', (zone) => {
    process.env.TZ = zone;
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBeTypeOf('number');
    expect(formatDate('2024-05-20')).toBe('20 mai 2024');
    expect(formatDate('2024-01-01')).toBe('1er janvier 2024');
  });

  test('refuses what is not a date', () => {
    expect(() => formatDate('2024-02-30')).toThrow(/Date invalide/);
  });
});

describe('isCalendarDate', () => {
  test.each([
    ['2024-05-20', true, 'a plain day'],
    ['2024-02-29', true, '2024 is a leap year'],
    ['2000-02-29', true, '2000 is a leap year (divisible by 400)'],
    ['1900-02-29', false, '1900 is not (divisible by 100)'],
    ['2023-02-29', false, '2023 is not'],
    ['2024-02-30', false, 'February has no 30th'],
    ['2024-04-31', false, 'April has 30 days'],
    ['2024-13-45', false, 'no 13th month'],
    ['2024-00-10', false, 'no month 0'],
    ['2024-05-00', false, 'no day 0'],
    ['20/05/2024', false, 'a French-style date is not the format'],
    ['2024-5-20', false, 'months have two digits'],
    ['2024-05-20T10:00:00', false, 'a date with a time is an instant'],
    [' 2024-05-20', false, 'no stray spaces'],
  ])('%s → %s (%s)', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  test('parses the parts of a real date', () => {
    expect(parseCalendarDate('2024-05-20')).toEqual({ year: 2024, month: 5, day: 20 });
  });
});

describe('the calendarDate schema', () => {
  test.each(zones)('reads a YAML date (UTC midnight) as the same day in %s', (zone) => {
    process.env.TZ = zone;
    expect(calendarDate.parse(new Date(Date.UTC(2024, 4, 20)))).toBe('2024-05-20');
    expect(calendarDate.parse('2024-05-20')).toBe('2024-05-20');
  });

  test('refuses an instant with a time', () => {
    expect(calendarDate.safeParse(new Date(Date.UTC(2024, 4, 20, 10))).success).toBe(false);
  });

  test('refuses an impossible date written as text', () => {
    const result = calendarDate.safeParse('2024-02-30');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('2024-02-30');
  });

  test.each([
    ['0024-05-20', 'a year of two digits, which YAML 1.1 reads as 1924'],
    ['0999-05-20', 'a year before 1000'],
    ['1899-12-31', 'the day before the range'],
  ])('refuses %s, %s, as text and as a YAML date', (value) => {
    expect(calendarDate.safeParse(value).error?.issues[0]?.message).toMatch(/entre le 1900-01-01 et le/);
    const [year, month, day] = value.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(2000, month - 1, day));
    date.setUTCFullYear(year);
    expect(calendarDate.safeParse(date).success).toBe(false);
  });

  test('accepts the first day of the range, and today a year ahead, no later', () => {
    const { first, last } = dateRange();
    expect(calendarDate.parse(first)).toBe('1900-01-01');
    expect(calendarDate.parse(last)).toBe(last);
    const after = new Date(`${last}T00:00:00Z`);
    after.setUTCDate(after.getUTCDate() + 1);
    expect(calendarDate.safeParse(after.toISOString().slice(0, 10)).success).toBe(false);
  });
});

describe('dateRange', () => {
  test.each([
    ['2026-11-30', '2027-11-30'],
    ['2024-02-29', '2025-03-01'],
    ['2025-12-31', '2026-12-31'],
  ])('on %s, goes up to %s', (today, last) => {
    expect(dateRange(new Date(`${today}T23:59:00Z`))).toEqual({ first: '1900-01-01', last });
  });
});
