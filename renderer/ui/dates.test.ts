import { describe, expect, it } from 'vitest';
import { formatDate } from '../format.js';
import { daysInMonth, isoOf, parseDateInput } from './dates.js';

describe('date field input (dd-mm-jjjj)', () => {
  it('reads the Dutch form, also without leading zeros and with spaces around it', () => {
    expect(parseDateInput('31-12-2025')).toEqual({ ok: true, iso: '2025-12-31' });
    expect(parseDateInput('1-2-2025')).toEqual({ ok: true, iso: '2025-02-01' });
    expect(parseDateInput(' 03-04-2025 ')).toEqual({ ok: true, iso: '2025-04-03' }); // day first: 3 April
  });

  it('reads a pasted ISO date', () => {
    expect(parseDateInput('2025-12-31')).toEqual({ ok: true, iso: '2025-12-31' });
    expect(parseDateInput('2024-02-29')).toEqual({ ok: true, iso: '2024-02-29' });
  });

  it('says why an impossible date is refused', () => {
    expect(parseDateInput('31-02-2025')).toEqual({ ok: false, empty: false, problem: { kind: 'day', day: 31, month: 2, year: 2025, daysInMonth: 28 } });
    expect(parseDateInput('29-02-2025')).toEqual({ ok: false, empty: false, problem: { kind: 'day', day: 29, month: 2, year: 2025, daysInMonth: 28 } });
    expect(parseDateInput('31-04-2025')).toEqual({ ok: false, empty: false, problem: { kind: 'day', day: 31, month: 4, year: 2025, daysInMonth: 30 } });
    expect(parseDateInput('0-1-2025')).toEqual({ ok: false, empty: false, problem: { kind: 'day', day: 0, month: 1, year: 2025, daysInMonth: 31 } });
    expect(parseDateInput('12-13-2025')).toEqual({ ok: false, empty: false, problem: { kind: 'month', month: 13 } });
    expect(parseDateInput('2025-00-10')).toEqual({ ok: false, empty: false, problem: { kind: 'month', month: 0 } });
    expect(parseDateInput('01-01-0225')).toEqual({ ok: false, empty: false, problem: { kind: 'year', year: 225 } });
  });

  it('refuses other shapes instead of guessing (a slash may be month first)', () => {
    for (const s of ['12/31/2025', '31/12/2025', '31-12-25', '31122025', '2025-1-5', 'morgen', '31-12-2025x'])
      expect(parseDateInput(s), s).toEqual({ ok: false, empty: false, problem: { kind: 'format' } });
    expect(parseDateInput('   ')).toEqual({ ok: false, empty: true });
  });

  it('knows the length of each month, leap years included (1900 was none, 2000 was one)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([29, 28, 29]);
  });

  it('round-trips: the field shows an ISO date as dd-mm-jjjj and reads it back', () => {
    expect(formatDate('2025-12-31')).toBe('31-12-2025');
    expect(formatDate('2026-01-05')).toBe('05-01-2026');
    expect(formatDate('')).toBe('');
    expect(isoOf(formatDate('2026-01-05'))).toBe('2026-01-05');
    expect(isoOf('31-02-2025')).toBe('');
    expect(isoOf('')).toBe('');
  });
});
