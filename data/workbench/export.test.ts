// export/pivot read back the way an analyst's spreadsheet reads it: the CSV with Dutch conventions (csv-parse,
// ';', decimal comma, BOM) and the XLSX with exceljs, compared cell by cell with pivotTable — the grid — for
// hand-made results; and nothing of 1–4 clients leaves, whatever the query asks.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { PivotQueryInput, PivotResult } from '../../core/contract/pivot.js';
import { pivotTable, type PivotTable } from '../../core/export/table.js';
import { migrate } from '../db/migrate.js';
import { workbenchHandlers } from './handlers.js';
import { NUMBER_FORMATS, XLSX_MIME } from './xlsx.js';
import { smallCellsResult, unsuppressedResult, workbenchResult } from '../../test/fixtures/pivot-results.js';

/** Dutch CSV text as a number: 12345,50 → 12345.5; 12,5% → 0.125; anything else stays text. */
function dutch(text: string): number | string {
  const m = /^(-?\d+(?:,\d+)?)(%?)$/.exec(text);
  if (!m) return text;
  const n = Number(m[1]!.replace(',', '.'));
  return m[2] ? n / 100 : n;
}

function handlersFor(result: (q: PivotQueryInput) => PivotResult) {
  const seen: PivotQueryInput[] = [];
  const db = new Database(':memory:');
  migrate(db);
  const handlers = workbenchHandlers(db, async (q) => {
    seen.push(q);
    return result(q);
  });
  return { handlers, seen };
}

async function readCsv(bytes: Uint8Array): Promise<string[][]> {
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel then reads ë and € right
  const text = new TextDecoder().decode(bytes);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/); // CRLF only
  return parse(text, { delimiter: ';', bom: true, relax_column_count: true, record_delimiter: '\r\n' }) as string[][];
}

async function readXlsx(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** The table's data lines as an exported file must hold them, figures as numbers. */
const expected = (t: PivotTable) => t.body.map((l) => l.map((c) => (typeof c === 'string' ? c : c.value)));

describe('export/pivot', () => {
  it('writes a CSV that Dutch Excel conventions read back to the grid, cell by cell', async () => {
    const { handlers } = handlersFor(() => workbenchResult());
    const out = await handlers['export/pivot']({ query: workbenchResult().query, format: 'csv' });
    expect(out.fileName).toBe('spiegel-municipality-segment-year-month-2025-03-31.csv');
    expect(out.mime).toBe('text/csv;charset=utf-8');
    const table = pivotTable(workbenchResult(), { lang: 'nl' });
    const rows = await readCsv(out.bytes);
    expect(rows[0]).toEqual([table.title]);
    expect(rows.slice(1, 4)).toEqual(table.header);
    expect(rows.slice(4).map((l) => l.map(dutch))).toEqual(expected(table));
    expect(rows[5]!.slice(0, 3)).toEqual(['Ede (0228)', 'Verblijf', '<5']);
    expect(rows[4]![3]).toBe('12345,50'); // euro with a decimal comma, no thousands dot
  });

  it('writes an XLSX whose cells are the grid: numbers as numbers with a Dutch format, marks as text', async () => {
    const { handlers } = handlersFor(() => workbenchResult());
    const out = await handlers['export/pivot']({ query: workbenchResult().query, format: 'xlsx' });
    expect(out.mime).toBe(XLSX_MIME);
    expect(out.fileName).toMatch(/\.xlsx$/);
    const sheet = await readXlsx(out.bytes);
    const table = pivotTable(workbenchResult(), { lang: 'nl' });
    const width = table.header[0]!.length;
    const read = (r: number) => Array.from({ length: width }, (_, c) => sheet.getRow(r).getCell(c + 1));
    expect(sheet.getRow(1).getCell(1).value).toBe(table.title);
    table.header.forEach((h, i) => {
      expect(read(2 + i).map((c) => c.value ?? '')).toEqual(h);
      expect(read(2 + i).every((c) => c.font?.bold === true)).toBe(true);
    });
    expected(table).forEach((line, i) => {
      const cells = read(5 + i);
      expect(cells.map((c) => c.value ?? '')).toEqual(line);
      table.body[i]!.forEach((c, j) => {
        if (typeof c !== 'string') expect(cells[j]!.numFmt).toBe(NUMBER_FORMATS[c.format]);
      });
      expect(cells[2]!.font?.bold === true).toBe(table.kinds[i] !== 'row'); // subtotals and total bold
    });
    expect(read(5)[3]!.value).toBe(12345.5);
    expect(read(5)[3]!.numFmt).toBe('"€ "#,##0.00;"€ "-#,##0.00');
    expect(read(6)[2]!.value).toBe('<5');
    expect(read(7)[2]!.value).toBe('x');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(sheet.rowCount).toBe(4 + table.body.length);
  });

  it('leaves out collapsed rows and writes English labels when asked', async () => {
    const { handlers } = handlersFor(() => workbenchResult());
    const out = await handlers['export/pivot']({ query: workbenchResult().query, format: 'csv', lang: 'en', collapsed: [['0228']] });
    const rows = await readCsv(out.bytes);
    expect(rows.slice(4).map((l) => l[0])).toEqual(['Total Ede (0228)', 'Total Veenendaal (0345)', 'Veenendaal (0345)', 'Total']);
    expect(rows[0]![0]).toMatch(/small counts \(1-4\) suppressed$/);
  });

  it('always runs the query with suppression, even when the query turns it off', async () => {
    const { handlers, seen } = handlersFor((q) => workbenchResult({ suppress: q.suppress! }));
    await handlers['export/pivot']({ query: { rows: ['municipality', 'segment'], cols: ['year', 'month'], suppress: false }, format: 'csv' });
    await handlers['export/pivot']({ query: { rows: ['municipality'] }, format: 'xlsx' });
    expect(seen.map((q) => q.suppress)).toEqual([true, true]);
  });

  it('lets no cell of 1–4 clients leave: suppressed cells read <5 in CSV and XLSX', async () => {
    const { handlers } = handlersFor(() => smallCellsResult());
    const csv = await readCsv((await handlers['export/pivot']({ query: { rows: ['provider'] }, format: 'csv' })).bytes);
    expect(csv.slice(1)).toEqual([
      ['Aanbieder', 'Cliënten'],
      ['01000001', '<5'],
      ['01000002', '<5'],
      ['01000003', '<5'],
      ['01000004', '<5'],
      ['01000005', '7'],
      ['Totaal', '17'],
    ]);
    const sheet = await readXlsx((await handlers['export/pivot']({ query: { rows: ['provider'] }, format: 'xlsx' })).bytes);
    const figures: unknown[] = [];
    sheet.eachRow((row, r) => r > 2 && figures.push(row.getCell(2).value));
    expect(figures).toEqual(['<5', '<5', '<5', '<5', 7, 17]);
    for (const n of [...csv.slice(2).map((l) => dutch(l[1]!)), ...figures]) expect(typeof n === 'number' && n > 0 && n < 5).toBe(false);
  });

  it('refuses a result that still holds a small cell, rather than write it', async () => {
    const plain = handlersFor(() => unsuppressedResult()).handlers;
    await expect(plain['export/pivot']({ query: { rows: ['provider'] }, format: 'csv' })).rejects.toThrow(/export refused: small-cell suppression was not applied/);
    const leaky = handlersFor(() => {
      const r = unsuppressedResult();
      r.suppression.applied = true; // says suppressed, but a cell of 3 clients is still shown
      r.cells[2]![0]!.flag = 'ok';
      r.cells[0]![0]!.flag = 'suppressed';
      r.cells[1]![0]!.flag = 'secondary';
      return r;
    }).handlers;
    await expect(leaky['export/pivot']({ query: { rows: ['provider'] }, format: 'xlsx' })).rejects.toThrow(/a cell of 3 clients is not suppressed \(row \["01000003"\]/);
  });
});
