import { describe, expect, it } from 'vitest';
import type { PivotResult } from '../../core/contract/pivot.js';
import { explainCell } from './grid/explain.js';
import { cellText, formatChange, formatMeasure, shownUnit } from './grid/format.js';
import { cell, testResult, texts } from './grid/testResult.js';
import { buildGrid, keyAttr, nextKeySort, nextSort, sortOf, toggleCollapsed } from './model.js';

const grid = (r: PivotResult, collapsed: string[][] = [], lang: 'nl' | 'en' = 'nl') => buildGrid(r, collapsed, texts, lang);

describe('grid rows', () => {
  it('shows every row in display order, subtotals as "Totaal …" and indented children', () => {
    const g = grid(testResult());
    expect(g.rows.map((r) => [r.label, r.level, r.kind])).toEqual([
      ['Totaal Ede', 0, 'subtotal'],
      ['Verblijf', 1, 'leaf'],
      ['Crisis', 1, 'leaf'],
      ['Totaal Veenendaal', 0, 'subtotal'],
      ['Crisis', 1, 'leaf'],
      ['Totaal', 0, 'total'],
    ]);
    expect(g.subtotalPaths).toEqual([['0228'], ['0345']]);
    expect(g.rowCount).toBe(6);
  });

  it('hides the children of a collapsed subtotal but keeps the subtotal and the grand total', () => {
    const g = grid(testResult(), [['0228']]);
    expect(g.rows.map((r) => r.path)).toEqual([['0228'], ['0345'], ['0345', 'crisis'], []]);
    expect(g.rows.map((r) => r.index)).toEqual([0, 3, 4, 5]);
    expect(g.rows[0]!.collapsed).toBe(true);
    expect(g.rows[1]!.collapsed).toBe(false);
  });

  it('collapses all with the subtotal paths and expands one again with a toggle', () => {
    const r = testResult();
    const all = grid(r).subtotalPaths;
    expect(grid(r, all).rows.map((x) => x.label)).toEqual(['Totaal Ede', 'Totaal Veenendaal', 'Totaal']);
    const next = toggleCollapsed(all, ['0345']);
    expect(next).toEqual([['0228']]);
    expect(grid(r, next).rows).toHaveLength(4);
    expect(toggleCollapsed(next, ['0345'])).toEqual([['0228'], ['0345']]);
  });

  it('hides a deeper subtree under a collapsed first level, three row levels deep', () => {
    const r = testResult();
    r.query.rows = ['municipality', 'segment', 'gender'];
    r.rows = [{ path: ['0228'] }, { path: ['0228', 'crisis'] }, { path: ['0228', 'crisis', '2'] }, { path: ['0345'] }, { path: [] }];
    r.cells = r.rows.map(() => [cell(1, 1), cell(1, 1), cell(1, 1)]);
    expect(grid(r, [['0228', 'crisis']]).rows.map((x) => keyAttr(x.path))).toEqual(['["0228"]', '["0228","crisis"]', '["0345"]', '[]']);
    expect(grid(r, [['0228']]).rows.map((x) => keyAttr(x.path))).toEqual(['["0228"]', '["0345"]', '[]']);
    expect(grid(r).rows.map((x) => x.level)).toEqual([0, 1, 2, 0, 0]);
  });
});

describe('grid columns and headers', () => {
  it('gives each column one value column per measure and spans the year header over them', () => {
    const g = grid(testResult());
    expect(g.columns.map((c) => `${keyAttr(c.path)} ${c.measure} ${c.total}`)).toEqual([
      '["2024"] clients none',
      '["2024"] claimed none',
      '["2025"] clients none',
      '["2025"] claimed none',
      '[] clients total',
      '[] claimed total',
    ]);
    expect(g.headerRows).toHaveLength(1);
    expect(g.headerRows[0]!.map((h) => [h.text, h.colSpan, h.rowSpan, h.total, h.voorlopig])).toEqual([
      ['2024', 2, 1, 'none', false],
      ['2025', 2, 1, 'none', true],
      ['Totaal', 2, 1, 'total', false],
    ]);
    expect(g.voorlopig).toBe(true);
    expect(g.rowDimLabels).toEqual(['Gemeente', 'Hulpvorm']);
    expect(g.colDimLabels).toEqual(['Jaar']);
  });

  it('adds a Δ % column after each measure with compare', () => {
    const r = testResult();
    r.query.compare = 'yoy';
    const g = grid(r);
    expect(g.columns.slice(0, 4).map((c) => `${c.measure}/${c.kind}/${c.header}`)).toEqual(['clients/value/Cliënten', 'clients/change/Δ %', 'claimed/value/Gedeclareerd (€)', 'claimed/change/Δ %']);
    expect(g.headerRows[0]!.map((h) => h.colSpan)).toEqual([4, 4, 4]);
  });

  it('spans two column levels: a group over its children and its subtotal, "Totaal …" reaching down', () => {
    const r = testResult();
    r.query.cols = ['year', 'gender'];
    r.query.measures = ['clients'];
    r.labels.gender = { '1': { nl: 'Jongen/man', en: 'Male' }, '2': { nl: 'Meisje/vrouw', en: 'Female' } };
    r.cols = [{ path: ['2024', '1'] }, { path: ['2024', '2'] }, { path: ['2024'] }, { path: ['2025', '1'] }, { path: ['2025'] }, { path: [] }];
    const g = grid(r, [], 'en');
    const show = (row: typeof g.headerRows[number]) => row.map((h) => `${h.text}:${h.colSpan}x${h.rowSpan}:${h.total}`);
    expect(show(g.headerRows[0]!)).toEqual(['2024:3x1:none', '2025:2x1:none', 'Totaal:1x2:total']);
    expect(show(g.headerRows[1]!)).toEqual(['Male:1x1:none', 'Female:1x1:none', 'Totaal 2024:1x1:subtotal', 'Male:1x1:none', 'Totaal 2025:1x1:subtotal']);
    expect(g.columns.map((c) => c.total)).toEqual(['none', 'none', 'subtotal', 'none', 'subtotal', 'total']);
  });

  it('has one total column when there is no column dimension', () => {
    const r = testResult();
    r.query.cols = [];
    r.cols = [];
    const g = grid(r);
    expect(g.headerRows).toEqual([]);
    expect(g.columns.map((c) => `${keyAttr(c.path)} ${c.measure}`)).toEqual(['[] clients', '[] claimed']);
  });
});

describe('formatted figures', () => {
  it('writes values the Dutch way in their unit', () => {
    expect(formatMeasure(1234, 'count')).toBe('1.234');
    expect(formatMeasure(12_345_678, 'eurocent')).toBe('€ 123.457');
    expect(formatMeasure(-123_456, 'eurocent')).toBe('€ -1.235');
    expect(formatMeasure(9850, 'eurocent', 'price')).toBe('€ 98,50');
    expect(formatMeasure(45.67, 'days')).toBe('45,7');
    expect(formatMeasure(0.123, 'percent')).toBe('12,3 %');
    expect(formatMeasure(8.04, 'rate')).toBe('8,0');
    expect(formatMeasure(1.5, 'volume')).toBe('1,5');
    expect(formatChange(0.1)).toBe('+10,0 %');
    expect(formatChange(-0.05)).toBe('-5,0 %');
  });

  it('shows shares and per-1,000 figures in their own unit', () => {
    expect(shownUnit('claimed', { showAs: 'row', per1000: false })).toBe('percent');
    expect(shownUnit('clients', { showAs: 'value', per1000: true })).toBe('rate');
    expect(shownUnit('claimed', { showAs: 'value', per1000: true })).toBe('eurocent');
    // Averages and ratios stay values under show-as: € per client in euro, durations in days.
    expect(shownUnit('perClient', { showAs: 'grand', per1000: false })).toBe('eurocent');
    expect(shownUnit('durationMedian', { showAs: 'parent', per1000: false })).toBe('days');
  });

  it('marks small cells, hides suppressed ones as in the exports and greys zeros', () => {
    const o = { threshold: 5 };
    expect(cellText(cell(1234, 0), 0, 'count', o)).toEqual({ text: '1.234', mark: 'ok' });
    expect(cellText(cell(3, 250_00, 'small'), 1, 'eurocent', o)).toEqual({ text: '€ 250', mark: 'small' });
    expect(cellText(cell(3, 0, 'suppressed'), 0, 'count', o)).toEqual({ text: '<5', mark: 'suppressed' });
    expect(cellText(cell(3, 0, 'suppressed'), 1, 'eurocent', o)).toEqual({ text: '<5', mark: 'suppressed' });
    expect(cellText(cell(8, 0, 'secondary'), 1, 'eurocent', o)).toEqual({ text: 'x', mark: 'secondary' });
    expect(cellText(cell(9, 0), 1, 'eurocent', o)).toEqual({ text: '€ 0', mark: 'zero' });
    expect(cellText(cell(9, 10, 'ok', [0.25, null]), 0, 'percent', { ...o, change: true })).toEqual({ text: '+25,0 %', mark: 'ok' });
    expect(cellText(cell(9, 10, 'ok', [0.25, null]), 1, 'percent', { ...o, change: true })).toEqual({ text: '', mark: 'empty' });
  });
});

describe('sorting by a column', () => {
  it('cycles largest first, smallest first, back to the keys; the total column goes without col', () => {
    const key = { by: 'key', dir: 'asc' } as const;
    const a = nextSort(key, 'clients', ['2024']);
    expect(a).toEqual({ by: 'clients', col: ['2024'], dir: 'desc' });
    const b = nextSort(a, 'clients', ['2024']);
    expect(b).toEqual({ by: 'clients', col: ['2024'], dir: 'asc' });
    expect(nextSort(b, 'clients', ['2024'])).toEqual(key);
    expect(nextSort(b, 'clients', ['2025'])).toEqual({ by: 'clients', col: ['2025'], dir: 'desc' });
    expect(nextSort(key, 'claimed', [])).toEqual({ by: 'claimed', dir: 'desc' });
    expect(nextKeySort(key)).toEqual({ by: 'key', dir: 'desc' });
    const g = grid(testResult());
    expect(g.columns.map((c) => sortOf({ by: 'claimed', dir: 'desc' }, c))).toEqual([undefined, undefined, undefined, undefined, undefined, 'descending']);
  });
});

describe('explain this figure', () => {
  it('gives definitions, the cell, the filters with labels, the records and why it is hidden', () => {
    const e = explainCell(testResult(), { row: 3, col: 1, measure: 'claimed' }, 'nl')!;
    expect(e.measures.map((m) => [m.label, m.focused])).toEqual([['Cliënten', false], ['Gedeclareerd (€)', true]]);
    expect(e.measures[0]!.definition).toMatch(/^Aantal verschillende kinderen/);
    expect(e.dims.map((d) => [d.dimLabel, d.value, d.voorlopig])).toEqual([['Gemeente', 'Veenendaal', false], ['Hulpvorm', null, false], ['Jaar', '2025', true]]);
    expect(e.filters).toEqual([
      { dimLabel: 'Geslacht', op: '==', values: ['Meisje/vrouw'] },
      { dimLabel: 'Leeftijd', op: 'in', values: ['12-17 jaar', '4-11'] },
    ]);
    expect([e.records, e.clients, e.flag, e.threshold]).toEqual([null, null, 'suppressed', 5]);
    const ok = explainCell(testResult(), { row: 2, col: 2, measure: 'clients' }, 'en')!;
    expect([ok.records, ok.clients, ok.flag]).toEqual([138, 46, 'ok']);
    expect(ok.dims.map((d) => d.value)).toEqual(['Ede', 'Crisis', null]);
    expect(explainCell(testResult(), { row: 9, col: 0, measure: 'clients' }, 'nl')).toBeNull();
  });
});
