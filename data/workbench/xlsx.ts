// A pivot table (core/export/table.ts) as an XLSX workbook: figures stay numbers with a number format that
// Dutch Excel shows as 1.234 / € 1.234,50 / 12,5%; "<5" and "x" stay text. Title and header rows are bold,
// subtotal and total lines too, and the panes are frozen below the header and right of the row labels.
import type { FigureFormat } from '../../core/export/figures.js';
import type { PivotTable } from '../../core/export/table.js';
import { activeCheckpoint } from '../system/work.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Excel's format codes are locale-neutral ('.' decimal, ',' thousands); Excel shows them in the user's locale.
export const NUMBER_FORMATS: Record<FigureFormat, string> = {
  integer: '#,##0',
  euro: '"€ "#,##0.00;"€ "-#,##0.00',
  decimal1: '#,##0.0',
  decimal2: '#,##0.00',
  percent: '0.0%',
};

export async function pivotXlsx(table: PivotTable, sheetName = 'Spiegel'): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on first use: exceljs is large and only exports need it.
  const { default: Excel } = await import('exceljs');
  const checkpoint = activeCheckpoint(); // an export task's, when run as one (data/system/work.ts)
  const rows = table.body.length;
  const workbook = new Excel.Workbook();
  workbook.creator = 'Spiegel';
  const top = 1 + table.notes.length + table.header.length;
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', xSplit: table.labelColumns, ySplit: top }] });

  sheet.addRow([table.title]).font = { bold: true };
  for (const note of table.notes) sheet.addRow([note]).font = { italic: true };
  for (const head of table.header) sheet.addRow(head.map((h) => (h === '' ? null : h))).font = { bold: true };
  for (const [i, line] of table.body.entries()) {
    if (i % 500 === 0) await checkpoint('writing', 0.1 + (0.8 * i) / rows);
    const row = sheet.addRow(line.map((c) => (typeof c === 'string' ? (c === '' ? null : c) : c.value)));
    line.forEach((c, j) => {
      if (typeof c === 'string') return;
      row.getCell(j + 1).numFmt = NUMBER_FORMATS[c.format];
    });
    if (table.kinds[i] !== 'row') row.font = { bold: true };
  }

  // Widths from the longest text in each column (the title does not count: it may run across).
  const width = Math.max(...[...table.header, ...table.body].map((l) => l.length), 1);
  for (let c = 0; c < width; c++) {
    const lengths = [...table.header, ...table.body].map((l) => {
      const cell = l[c];
      return cell === undefined ? 0 : typeof cell === 'string' ? cell.length : String(cell.value).length + 3;
    });
    sheet.getColumn(c + 1).width = Math.min(60, Math.max(8, ...lengths) + 2);
  }
  await checkpoint('writing', 0.9);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayLike<number>); // a copy: exceljs hands out a Node Buffer
}
