import { describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotCell, type PivotQueryInput, type PivotResult } from '../../../core/contract/pivot.js';
import { chartModel, MAX_BARS } from './chartModel.js';
import { chartSpec } from './chartSpec.js';

const text = (s: string) => ({ nl: s, en: s.toUpperCase() });
const c = (v: number | null, flag: PivotCell['flag'] = 'ok'): PivotCell => ({ values: [flag === 'ok' || flag === 'small' ? v : null], clients: v, records: 1, flag });

/** A result in the contract's display order: subtotals before their children, totals last. */
function result(input: PivotQueryInput, rows: string[][], cols: string[][], cells: PivotCell[][], voorlopig: string[] = []): PivotResult {
  return {
    query: normalisePivotQuery(input),
    rows: rows.map((path) => ({ path })),
    cols: cols.map((path) => ({ path })),
    cells,
    labels: {
      municipality: { '0228': text('Ede'), '0345': text('Veenendaal') },
      segment: { verblijf: text('Verblijf'), crisis: text('Crisis') },
      year: { '2024': text('2024'), '2025': text('2025') },
    },
    peildatum: '2025-06-30',
    voorlopig,
    notes: [],
    suppression: { applied: true, threshold: 5 },
  };
}

// Clients per municipality × year (test/fixtures/handworked.md, suppressed): Ede 2024 = 7 hidden as
// secondary, Ede 2025 = 3 primary, Veenendaal 2024 = 1 primary, Veenendaal 2025 = 3 primary.
const muniYear = result(
  { rows: ['municipality'], cols: ['year'] },
  [['0228'], ['0345'], []],
  [['2024'], ['2025'], []],
  [
    [c(7, 'secondary'), c(3, 'suppressed'), c(7, 'secondary')],
    [c(1, 'suppressed'), c(3, 'suppressed'), c(3, 'suppressed')],
    [c(7), c(6, 'secondary'), c(9)],
  ],
  ['2025'],
);

describe('chart model', () => {
  it('draws no suppressed cell and counts them, leaving the total row and column out', () => {
    const m = chartModel(muniYear, 'bar', 'nl');
    expect(m.points).toEqual([]);
    expect(m.suppressed).toBe(4);
  });

  it('bars: one per non-zero row × first column value, coloured by that column, voorlopig marked', () => {
    const r = result(
      { rows: ['municipality'], cols: ['year'], suppress: false },
      [['0228'], ['0345'], []],
      [['2024'], ['2025'], []],
      [
        [c(7), c(3, 'small'), c(7)],
        [c(0), c(3, 'small'), c(3, 'small')],
        [c(7), c(6), c(9)],
      ],
      ['2025'],
    );
    const m = chartModel(r, 'bar', 'nl');
    expect(m.points.map((p) => [p.x, p.series, p.value, p.voorlopig])).toEqual([
      ['Ede', '2024', 7, false],
      ['Ede', '2025', 3, true],
      ['Veenendaal', '2025', 3, true],
    ]);
    expect([m.xDims, m.seriesDims, m.xOrder, m.seriesOrder]).toEqual([['municipality'], ['year'], ['Ede', 'Veenendaal'], ['2024', '2025']]);
    // Lines keep the zero (Veenendaal 2024) and run along the years.
    const line = chartModel(r, 'line', 'en');
    expect(line.points.map((p) => [p.x, p.series, p.value])).toEqual([
      ['2024', 'EDE', 7],
      ['2024', 'VEENENDAAL', 0],
      ['2025', 'EDE', 3],
      ['2025', 'VEENENDAAL', 3],
    ]);
    expect([line.xDims, line.seriesDims]).toEqual([['year'], ['municipality']]);
  });

  it('lines with the year in the rows take the other row dimension as series, and read money in euro', () => {
    const r = result(
      { rows: ['year', 'municipality'], measures: ['claimed'], suppress: false },
      [['2024'], ['2024', '0228'], ['2024', '0345'], ['2025'], ['2025', '0228'], []],
      [[]],
      [[c(150_000)], [c(100_050)], [c(49_950)], [c(20_000)], [c(20_000)], [c(170_000)]],
    );
    const m = chartModel(r, 'line', 'nl');
    expect(m.points.map((p) => [p.x, p.series, p.value])).toEqual([
      ['2024', 'Ede', 1000.5],
      ['2024', 'Veenendaal', 499.5],
      ['2025', 'Ede', 200],
    ]);
    expect(m.format).toBe('euro');
  });

  it('takes the time level of the columns when the year is the second column dimension', () => {
    const r = result(
      { rows: ['municipality'], cols: ['segment', 'year'], suppress: false },
      [['0228'], []],
      [['verblijf', '2024'], ['verblijf', '2025'], ['verblijf'], []],
      [
        [c(2), c(1, 'small'), c(2), c(2)],
        [c(2), c(1, 'small'), c(2), c(2)],
      ],
    );
    const m = chartModel(r, 'line', 'nl');
    expect(m.points.map((p) => [p.x, p.series])).toEqual([
      ['2024', 'Ede · Verblijf'],
      ['2025', 'Ede · Verblijf'],
    ]);
    // Bars stay at the first column level: the segment subtotal.
    expect(chartModel(r, 'bar', 'nl').points.map((p) => [p.x, p.series, p.value])).toEqual([['Ede', 'Verblijf', 2]]);
  });

  it('shows at most 50 bars and says how many there were', () => {
    const keys = Array.from({ length: 60 }, (_, i) => String(1000 + i));
    const r = result({ rows: ['pc4'], suppress: false }, [...keys.map((k) => [k]), []], [[]], [...keys.map(() => [c(9)]), [c(540)]]);
    const m = chartModel(r, 'bar', 'nl');
    expect(m.points).toHaveLength(MAX_BARS);
    expect(m.truncated).toEqual({ shown: 50, total: 60 });
  });
});

describe('chart spec', () => {
  const texts = { xTitle: 'Jaar', seriesTitle: 'Gemeente', valueTitle: 'Cliënten', final: 'definitief', provisional: 'voorlopig', description: 'Grafiek' };
  const r = result(
    { rows: ['municipality'], cols: ['year'], suppress: false },
    [['0228'], []],
    [['2024'], ['2025'], []],
    [
      [c(7), c(3, 'small'), c(7)],
      [c(7), c(3, 'small'), c(7)],
    ],
    ['2025'],
  );

  it('joins the dashed voorlopig stretch to the last final point, without a second dot there', () => {
    const spec = chartSpec(chartModel(r, 'line', 'nl'), 'line', texts) as { data: { values: { x: string; status: string; copy: boolean }[] } };
    expect(spec.data.values.map((v) => [v.x, v.status, v.copy])).toEqual([
      ['2024', 'definitief', false],
      ['2024', 'voorlopig', true],
      ['2025', 'voorlopig', false],
    ]);
  });

  it('stacks only the stacked kind, and puts side-by-side bars on an offset otherwise', () => {
    type Bar = { encoding: { x: { stack: unknown }; yOffset?: unknown; opacity?: unknown } };
    const bar = chartSpec(chartModel(r, 'bar', 'nl'), 'bar', texts) as unknown as Bar;
    const stacked = chartSpec(chartModel(r, 'stacked', 'nl'), 'stacked', texts) as unknown as Bar;
    expect([bar.encoding.x.stack, bar.encoding.yOffset !== undefined, bar.encoding.opacity !== undefined]).toEqual([null, true, true]);
    expect([stacked.encoding.x.stack, stacked.encoding.yOffset]).toEqual(['zero', undefined]);
  });
});

describe('chart series order', () => {
  it('follows the columns of the grid, not the first bar drawn', () => {
    // Ede·verblijf has only a 2024 figure; the colours must still run 2023, 2024, 2025.
    const r = result(
      { rows: ['municipality', 'segment'], cols: ['year'], suppress: false },
      [['0228'], ['0228', 'verblijf'], ['0228', 'crisis'], []],
      [['2023'], ['2024'], ['2025'], []],
      [
        [c(1), c(7), c(3), c(7)],
        [c(0), c(2), c(0), c(2)],
        [c(1), c(6), c(3), c(6)],
        [c(1), c(7), c(3), c(7)],
      ],
    );
    const m = chartModel(r, 'bar', 'nl');
    expect(m.points.map((p) => p.series)).toEqual(['2024', '2023', '2024', '2025']);
    expect(m.seriesOrder).toEqual(['2023', '2024', '2025']);
  });
});
