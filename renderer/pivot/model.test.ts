import { describe, expect, it } from 'vitest';
import type { PivotCell, PivotResult } from '../../core/contract/methods.js';
import { chartData, columnLabels, keyAttr, tableGroups, toQuery } from './model.js';

const c = (n: number): PivotCell => ({ values: [n], clients: n, flag: n > 0 && n < 5 ? 'small' : 'ok' });
const text = (s: string) => ({ nl: s, en: s.toUpperCase() });

function result(rows: PivotResult['query']['rows'], rowKeys: string[][], cells: number[][], rowTotals: number[]): PivotResult {
  return {
    query: { rows, cols: ['year'], measures: ['clients'], filters: [], suppress: false },
    rowKeys,
    colKeys: [['2024'], ['2025']],
    cells: cells.map((r) => r.map(c)),
    rowTotals: rowTotals.map(c),
    colTotals: [c(7), c(6)],
    grandTotal: c(9),
    labels: {
      municipality: { '0228': text('Ede'), '0345': text('Veenendaal') },
      segment: { verblijf: text('Verblijf'), crisis: text('Crisis') },
      year: { '2024': text('2024'), '2025': text('2025') },
    },
    peildatum: '2025-06-30',
    suppression: { applied: false, threshold: 5 },
  };
}

describe('pivot model', () => {
  it('builds the query the working view sends', () => {
    expect(toQuery({ row1: 'municipality', row2: 'segment', col: 'year', filterDim: 'year', filterValue: '2024', measure: 'clients' })).toEqual({
      rows: ['municipality', 'segment'],
      cols: ['year'],
      measures: ['clients'],
      filters: [['year', '==', '2024']],
      suppress: false,
    });
    expect(toQuery({ row1: 'segment', row2: '', col: '', filterDim: '', filterValue: '', measure: 'approved' }).cols).toEqual([]);
    expect(toQuery({ row1: 'segment', row2: '', col: '', filterDim: '', filterValue: '', measure: 'approved' }).measures).toEqual(['approved']);
  });

  it('groups two row levels and appends subtotals from the one-level query, aligned by column key', () => {
    const two = result(['municipality', 'segment'], [['0228', 'verblijf'], ['0228', 'crisis'], ['0345', 'crisis']], [[2, 0], [0, 1], [1, 3]], [2, 1, 3]);
    const one = { ...result(['municipality'], [['0345'], ['0228']], [[1, 3], [7, 3]], [3, 7]), colKeys: [['2024'], ['2025']] };
    const groups = tableGroups(two, 'nl', one);
    expect(groups.map((g) => g.header)).toEqual(['Ede', 'Veenendaal']);
    expect(groups[0]!.rows.map((r) => r.kind)).toEqual(['data', 'data', 'subtotal']);
    expect(groups[0]!.rows[0]!.headers).toEqual(['Ede', 'Verblijf']);
    const sub = groups[0]!.rows[2]!;
    expect(sub.key).toEqual(['0228']);
    expect(sub.cells.map((x) => x.values[0])).toEqual([7, 3]);
    expect(sub.total?.values[0]).toBe(7);
  });

  it('keeps one group without headers for a single row level', () => {
    const one = result(['municipality'], [['0228'], ['0345']], [[7, 3], [1, 3]], [7, 3]);
    const groups = tableGroups(one, 'en', null);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.rows.map((r) => r.headers)).toEqual([['EDE'], ['VEENENDAAL']]);
  });

  it('charts every non-zero data cell, labelled in the chosen language', () => {
    const one = result(['municipality'], [['0228'], ['0345']], [[7, 3], [0, 3]], [7, 3]);
    expect(chartData(one, 'nl')).toEqual([
      { row: 'Ede', col: '2024', value: 7 },
      { row: 'Ede', col: '2025', value: 3 },
      { row: 'Veenendaal', col: '2025', value: 3 },
    ]);
    expect(columnLabels(one, 'nl')).toEqual(['2024', '2025']);
  });

  it('names cells by key path, not by a joined string', () => {
    expect(keyAttr(['0228', 'verblijf'])).toBe('["0228","verblijf"]');
    expect(keyAttr('total')).toBe('total');
  });
});

describe('money in the chart', () => {
  it('draws euro, not eurocent', () => {
    const r = result(['municipality'], [['0228']], [[12_345]], [12_345]);
    r.query.measures = ['claimed'];
    expect(chartData(r, 'nl')[0]!.value).toBe(123.45);
  });
});
