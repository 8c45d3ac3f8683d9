// Test data only (imported by the grid's unit tests, never by the app): a hand-made pivot result of
// clients and claimed € for municipality × segment by year, with subtotals and totals in the contract's
// display order, a voorlopig year, a suppressed and a secondary-suppressed cell.
import type { PivotCell, PivotResult } from '../../../core/contract/pivot.js';

const text = (nl: string, en: string) => ({ nl, en });
// Suppressed cells arrive without their values, clients and records, as the engine sends them.
export const cell = (clients: number, cents: number, flag: PivotCell['flag'] = 'ok', change?: (number | null)[]): PivotCell => {
  const hidden = flag === 'suppressed' || flag === 'secondary';
  return {
    values: hidden ? [null, null] : [clients, cents],
    ...(change ? { change } : {}),
    clients: hidden ? null : clients,
    records: hidden ? null : clients * 3,
    flag,
  };
};

export function testResult(): PivotResult {
  return {
    query: {
      rows: ['municipality', 'segment'],
      cols: ['year'],
      measures: ['clients', 'claimed'],
      filters: [['gender', '==', '2'], ['ageband', 'in', ['12-17', '4-11']]],
      sort: { by: 'key', dir: 'asc' },
      showAs: 'value',
      compare: 'none',
      per1000: false,
      suppress: true,
    },
    rows: [{ path: ['0228'] }, { path: ['0228', 'verblijf'] }, { path: ['0228', 'crisis'] }, { path: ['0345'] }, { path: ['0345', 'crisis'] }, { path: [] }],
    cols: [{ path: ['2024'] }, { path: ['2025'] }, { path: [] }],
    cells: [
      [cell(1234, 12_345_678), cell(20, 50_000), cell(1240, 12_395_678)],
      [cell(1200, 12_000_000), cell(8, 20_000), cell(1204, 12_020_000)],
      [cell(40, 345_678), cell(12, 30_000), cell(46, 375_678)],
      [cell(9, 90_000), cell(3, 0, 'suppressed'), cell(10, 90_000)],
      [cell(9, 90_000), cell(3, 0, 'secondary'), cell(10, 90_000)],
      [cell(1243, 12_435_678), cell(23, 50_000), cell(1250, 12_485_678)],
    ],
    labels: {
      municipality: { '0228': text('Ede', 'Ede'), '0345': text('Veenendaal', 'Veenendaal') },
      segment: { verblijf: text('Verblijf', 'Residential'), crisis: text('Crisis', 'Crisis') },
      year: { '2024': text('2024', '2024'), '2025': text('2025', '2025') },
      gender: { '2': text('Meisje/vrouw', 'Female') },
      ageband: { '12-17': text('12-17 jaar', '12-17 years') },
    },
    peildatum: '2025-06-30',
    voorlopig: ['2025'],
    notes: [text('Per 1.000 jeugdigen ontbreekt: geen bevolkingstabel.', 'Per 1,000 youth is missing: no population table.')],
    suppression: { applied: true, threshold: 5 },
  };
}

export const texts = { total: 'Totaal', totalOf: (l: string) => `Totaal ${l}`, empty: '(leeg)', change: 'Δ %' };
