import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatDuration, formatNumber } from './format.js';

describe('Dutch formats', () => {
  it('formats numbers with a decimal comma and thousands dots', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(null)).toBe('');
  });

  it('formats ISO dates as dd-mm-jjjj without time-zone shifts', () => {
    expect(formatDate('2025-12-31')).toBe('31-12-2025');
    expect(formatDate('2026-01-01T00:00:00Z')).toBe('01-01-2026');
    expect(formatDate(null)).toBe('');
  });

  it('formats a UTC moment as dd-mm-jjjj hh:mm on the local clock (CET +1, CEST +2)', () => {
    expect(formatDateTime('2025-01-31T23:30:00.000Z', 'Europe/Amsterdam')).toBe('01-02-2025 00:30');
    expect(formatDateTime('2025-07-01T10:05:00Z', 'Europe/Amsterdam')).toBe('01-07-2025 12:05');
    expect(formatDateTime('2025-07-01T10:05:00Z', 'UTC')).toBe('01-07-2025 10:05');
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('gisteren')).toBe('gisteren');
  });

  it('formats time left, rounded up to the second', () => {
    expect(formatDuration(80_000)).toBe('1 min 20 s');
    expect(formatDuration(44_200)).toBe('45 s');
    expect(formatDuration(0)).toBe('1 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(3_900_000)).toBe('1 u 5 min');
    expect(formatDuration(3_900_000, 'en')).toBe('1 h 5 min');
    expect(formatDuration(7_200_000)).toBe('2 u');
  });

  it('formats byte sizes with a decimal comma', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_500)).toBe('1,5 kB');
    expect(formatBytes(980_000)).toBe('980 kB');
    expect(formatBytes(12_345_678)).toBe('12,3 MB');
    expect(formatBytes(2_500_000_000)).toBe('2,5 GB');
  });
});
