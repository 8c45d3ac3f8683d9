import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './format.js';

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
});
