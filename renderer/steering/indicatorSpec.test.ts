// The indicator chart's data, on a hand-built series: a suppressed month is a gap in the line (never bridged)
// and no dot; months after the peildatum have no value but keep the target line; the dashed voorlopig part
// starts with a copy of the last final month; and the figures read in Dutch.
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../core/contract/steering.js';
import { drawnPoints, indicatorSpec } from './indicatorSpec.js';
import { euro, formatValue, monthLabel, pointText } from './values.js';

const p = (month: string, value: number | null, extra: Partial<SeriesPoint> = {}): SeriesPoint => ({
  month, value, clients: value, flag: 'ok', target: 10 - Number(month.slice(5)), voorlopig: false, closed: false, frozen: false, ...extra,
});
const T = { description: 'd', month: 'Maand', value: 'Cliënten', target: 'Doellijn', final: 'definitief', provisional: 'voorlopig', closed: 'gesloten' };

describe('indicator chart', () => {
  const points = [
    p('2025-01', 8),
    p('2025-02', null, { flag: 'suppressed', clients: null }),
    p('2025-03', 6),
    p('2025-04', 7, { voorlopig: true }),
    p('2025-05', null),
  ];
  const spec = indicatorSpec(points, 'count', 'nl', T) as unknown as { layer: [{ data: { values: unknown[] } }, { data: { values: Record<string, unknown>[] } }] };

  it('draws a dot for each shown month only, and the target line over every month', () => {
    expect(drawnPoints(points).map((x) => x.month)).toEqual(['2025-01', '2025-03', '2025-04']);
    expect(spec.layer[0].data.values).toHaveLength(5);
  });

  it('keeps the suppressed month as a gap and bridges final to voorlopig with a copy', () => {
    expect(spec.layer[1].data.values.map((r) => [r.label, r.value, r.part, r.copy])).toEqual([
      ['jan 2025', 8, 'd', false],
      ['feb 2025', null, 'd', false],
      ['mrt 2025', 6, 'd', false],
      ['mrt 2025', 6, 'v', true],
      ['apr 2025', 7, 'v', false],
    ]);
  });

  it('reads figures in Dutch, suppressed as <5', () => {
    expect(monthLabel('2025-03', 'nl')).toBe('mrt 2025');
    expect(monthLabel('2025-03', 'en')).toBe('Mar 2025');
    expect(formatValue(1234, 'count')).toBe('1.234');
    expect(formatValue(25.25, 'percent')).toBe('25,3%');
    expect(formatValue(123456, 'eurocent')).toBe('€ 1.235');
    expect(euro(-123456)).toBe('−€ 1.235');
    expect(pointText({ value: null, flag: 'suppressed' }, 'count', 5)).toBe('<5');
    expect(pointText({ value: 3, flag: 'small' }, 'count', 5)).toBe('3');
  });
});
