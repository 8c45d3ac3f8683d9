// The export table is the grid: checked against tables written out by hand from the hand-made results in
// test/fixtures/pivot-results.ts (header rows, subtotal rows and columns, suppression marks, voorlopig, euro).
import { describe, expect, it } from 'vitest';
import { normalisePivotQuery, type PivotResult } from '../contract/pivot.js';
import { figureText } from './figures.js';
import { pivotTable, tableLines } from './table.js';
import { workbenchResult } from '../../test/fixtures/pivot-results.js';

const csvText = (r: PivotResult, collapsed: string[][] = []) => tableLines(pivotTable(r, { lang: 'nl', collapsed }), (f) => figureText(f, false));

describe('pivotTable', () => {
  it('lays out subtotals, suppression, voorlopig and money exactly as the grid shows them', () => {
    const lines = csvText(workbenchResult());
    expect(lines).toEqual([
      ['Spiegel — peildatum 31-03-2025 — filters: Leeftijd: 12-17, 4-11; Geslacht = Meisje/vrouw — kleine aantallen (1-4) onderdrukt'],
      ['', 'Jaar', '2024', '2024', '2024', '2024', '2025 (voorlopig)', '2025 (voorlopig)', '2025 (voorlopig)', '2025 (voorlopig)', 'Totaal', 'Totaal'],
      ['', 'Maand', 'december 2024', 'december 2024', 'Totaal 2024', 'Totaal 2024', 'januari 2025 (voorlopig)', 'januari 2025 (voorlopig)', 'Totaal 2025 (voorlopig)', 'Totaal 2025 (voorlopig)', '', ''],
      ['Gemeente', 'Hulpvorm', 'Cliënten', 'Gedeclareerd (€)', 'Cliënten', 'Gedeclareerd (€)', 'Cliënten', 'Gedeclareerd (€)', 'Cliënten', 'Gedeclareerd (€)', 'Cliënten', 'Gedeclareerd (€)'],
      ['Totaal Ede (0228)', '', '12', '12345,50', '12', '12345,50', '9', '987,65', '9', '987,65', '15', '13333,15'],
      ['Ede (0228)', 'Verblijf', '<5', '<5', '<5', '<5', '0', '0,00', '0', '0,00', '<5', '<5'],
      ['Ede (0228)', 'Specialistisch ambulant', 'x', 'x', 'x', 'x', '9', '987,65', '9', '987,65', '13', '10987,65'],
      ['Totaal Veenendaal (0345)', '', '6', '-25,00', '6', '-25,00', '0', '', '0', '', '6', '-25,00'],
      ['Veenendaal (0345)', 'Specialistisch ambulant', '6', '-25,00', '6', '-25,00', '0', '', '0', '', '6', '-25,00'],
      ['Totaal', '', '18', '12320,50', '18', '12320,50', '9', '987,65', '9', '987,65', '21', '13308,15'],
    ]);
    const table = pivotTable(workbenchResult(), { lang: 'nl' });
    expect(table.kinds).toEqual(['subtotal', 'row', 'row', 'subtotal', 'row', 'total']);
    expect(table.labelColumns).toBe(2);
    expect(table.body[0]![3]).toEqual({ value: 12345.5, format: 'euro' }); // euro, not eurocent
    expect(table.body[0]![2]).toEqual({ value: 12, format: 'integer' });
  });

  it('leaves out the rows under a collapsed path and keeps its subtotal', () => {
    const lines = csvText(workbenchResult(), [['0228']]);
    expect(lines.slice(4).map((l) => l.slice(0, 3))).toEqual([
      ['Totaal Ede (0228)', '', '12'],
      ['Totaal Veenendaal (0345)', '', '6'],
      ['Veenendaal (0345)', 'Specialistisch ambulant', '6'],
      ['Totaal', '', '18'],
    ]);
  });

  it('speaks English when asked', () => {
    const table = pivotTable(workbenchResult(), { lang: 'en' });
    expect(table.title).toBe('Spiegel — reference date 31/03/2025 — filters: Age band: 12-17, 4-11; Gender = Female — small counts (1-4) suppressed');
    expect(table.header[1]!.slice(6, 9)).toEqual(['January 2025 (provisional)', 'January 2025 (provisional)', 'Total 2025 (provisional)']);
    expect(table.body[1]!.slice(0, 2)).toEqual(['Ede (0228)', 'Residential']);
  });

  it('shows shares and changes as percentages with one decimal, and a change column per measure', () => {
    // Ede 7 of 9 clients (77,8 %), up from 1 (+600 %); Veenendaal 3 of 9 (33,3 %), no earlier year (empty);
    // the total 9 of 9, down from 10 (-10 %). A credit share of -2,5 % shows its sign.
    const q = normalisePivotQuery({ rows: ['municipality'], measures: ['clients', 'claimed'], showAs: 'grand', compare: 'yoy', filters: [['year', '==', '2025']] });
    const cell = (values: (number | null)[], change: (number | null)[], clients: number) => ({ values, change, clients, records: 1, flag: 'ok' as const });
    const r: PivotResult = {
      query: q,
      rows: [{ path: ['0228'] }, { path: ['0345'] }, { path: [] }],
      cols: [{ path: [] }],
      cells: [[cell([7 / 9, 1.025], [6, 0.5], 7)], [cell([3 / 9, -0.025], [null, null], 5)], [cell([1, 1], [-0.1, 0.04999], 9)]],
      labels: { municipality: { '0228': { nl: 'Ede (0228)', en: 'Ede (0228)' }, '0345': { nl: 'Veenendaal (0345)', en: 'Veenendaal (0345)' } } },
      peildatum: '2025-06-30',
      voorlopig: ['2025'],
      notes: [{ nl: 'Per 1.000 jeugdigen: geen bevolkingstabel.', en: 'Per 1,000 youth: no population table.' }],
      suppression: { applied: false, threshold: 5 },
    };
    expect(csvText(r)).toEqual([
      ['Spiegel — peildatum 30-06-2025 — filters: Jaar = 2025 — ZONDER onderdrukking van kleine aantallen: alleen voor eigen gebruik'],
      ['Per 1.000 jeugdigen: geen bevolkingstabel.'],
      ['Gemeente', 'Cliënten (% van totaal)', 'Δ % t.o.v. vorig jaar', 'Gedeclareerd (€) (% van totaal)', 'Δ % t.o.v. vorig jaar'],
      ['Ede (0228)', '77,8%', '600,0%', '102,5%', '50,0%'],
      ['Veenendaal (0345)', '33,3%', '', '-2,5%', ''],
      ['Totaal', '100,0%', '-10,0%', '100,0%', '5,0%'],
    ]);
  });

  it('shows per 1,000 and days with one decimal, volume with two, and says which measure is per 1,000', () => {
    const q = normalisePivotQuery({ rows: ['year'], measures: ['clients', 'durationMean', 'volume', 'trajectories'], per1000: true, compare: 'prev' });
    const r: PivotResult = {
      query: q,
      rows: [{ path: ['2024'] }, { path: [] }],
      cols: [{ path: [] }],
      cells: [
        [{ values: [12.345, 45.25, 0.25, 14], change: [null, null, null, null], clients: 30, records: 90, flag: 'ok' }],
        [{ values: [12.345, 45.25, 0.25, 14], change: [0.0004, -0.00049, 0, 1 / 3], clients: 30, records: 90, flag: 'ok' }],
      ],
      labels: { year: { '2024': { nl: '2024', en: '2024' } } },
      peildatum: null,
      voorlopig: [],
      notes: [],
      suppression: { applied: true, threshold: 5 },
    };
    const lines = csvText(r);
    expect(lines[0]).toEqual(['Spiegel — peildatum onbekend — geen filters — kleine aantallen (1-4) onderdrukt']);
    expect(lines[1]).toEqual([
      'Jaar', 'Cliënten per 1.000 jeugdigen', 'Δ % t.o.v. vorige periode', 'Gem. duur traject (dagen)', 'Δ % t.o.v. vorige periode',
      'Volume', 'Δ % t.o.v. vorige periode', 'Trajecten', 'Δ % t.o.v. vorige periode',
    ]);
    // 12,345 → 12,3 and 45,25 → 45,3 (halves away from zero); a change of -0,049 % is 0,0 %, never "-0,0".
    expect(lines[3]).toEqual(['Totaal', '12,3', '0,0%', '45,3', '0,0%', '0,25', '0,0%', '14', '33,3%']);
  });
});
