// XLSX extracts, read with exceljs into the same shape as a CSV: one text per cell, the row number as the
// line. Typed cells are written the way a Dutch CSV would hold them (1234,5 with a decimal comma, dates as
// jjjj-mm-dd) so an XLSX and its CSV twin read to the same values.
import type ExcelJS from 'exceljs';
import type { CsvRecord } from './csv.js';

export class XlsxError extends Error {}

export interface XlsxTable {
  sheet: string;
  records: CsvRecord[];
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    const n = Number(value.toPrecision(15)); // what Excel shows: 0.1 + 0.2 is 0,3, not 0,30000000000000004
    return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs gives dates as UTC midnight
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  return '';
}

export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<XlsxTable> {
  // Loaded on first use: exceljs is large, and most extracts are CSV.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new XlsxError(`not a readable XLSX workbook (${(e as Error).message})`);
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((w) => w.name).join(', ');
    throw new XlsxError(sheetName ? `no worksheet named '${sheetName}'; worksheets: ${names}` : 'the workbook has no worksheets');
  }
  const records: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c).value);
      cells.push(text.trim() === '' ? '' : text);
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) records.push({ line: rowNumber, cells, cellLines: cells.map(() => rowNumber) });
  });
  return { sheet: sheet.name, records };
}
