// Period keys as months and days, checked against the calendar by hand (2024 is a leap year).
import { describe, expect, it } from 'vitest';
import { toDay } from './dates.js';
import { grainOfKey, keyPeriod, monthsOfKey, periodDays } from './period.js';

describe('period keys', () => {
  it('give the grain, the first and last month and the calendar days', () => {
    expect(keyPeriod('2024')).toEqual({ grain: 'year', firstMonth: 202401, lastMonth: 202412, a: toDay('2024-01-01'), lastDay: toDay('2024-12-31') });
    expect(keyPeriod('2024-Q1')).toEqual({ grain: 'quarter', firstMonth: 202401, lastMonth: 202403, a: toDay('2024-01-01'), lastDay: toDay('2024-03-31') });
    expect(keyPeriod('2023-Q4')).toEqual({ grain: 'quarter', firstMonth: 202310, lastMonth: 202312, a: toDay('2023-10-01'), lastDay: toDay('2023-12-31') });
    expect(keyPeriod('2024-02')).toEqual({ grain: 'month', firstMonth: 202402, lastMonth: 202402, a: toDay('2024-02-01'), lastDay: toDay('2024-02-29') });
    expect(grainOfKey('2023-11')).toBe('month');
  });

  it('list the months of a key: 12, 3 or 1', () => {
    expect(monthsOfKey('2023')).toEqual([202301, 202302, 202303, 202304, 202305, 202306, 202307, 202308, 202309, 202310, 202311, 202312]);
    expect(monthsOfKey('2024-Q2')).toEqual([202404, 202405, 202406]);
    expect(monthsOfKey('2024-12')).toEqual([202412]);
  });

  it('cut the last day off at the peildatum, and keep the calendar end without one', () => {
    expect(periodDays('2024-Q3', toDay('2024-08-15'))).toEqual({ a: toDay('2024-07-01'), b: toDay('2024-08-15') });
    expect(periodDays('2024-Q3', toDay('2025-01-31'))).toEqual({ a: toDay('2024-07-01'), b: toDay('2024-09-30') });
    expect(periodDays('2023-02', null)).toEqual({ a: toDay('2023-02-01'), b: toDay('2023-02-28') });
  });
});
