// CSV for Dutch Excel: ';' separator, decimal comma, UTF-8 with BOM, CRLF; cells that a spreadsheet
// would run as a formula (= + - @) are prefixed with a quote.
import { figureText } from './figures.js';
import { tableLines, type PivotTable } from './table.js';

/** A figure as figureText() writes it (-1234,5 / 12,5%): the only cells that may start with '-' unprefixed.
 *  Anything else that starts with '-' is not a number to Excel, and '-1+cmd|…' would run as a formula. */
const PLAIN_NUMBER = /^-?\d+(,\d+)?%?$/;

export function toCsv(rows: string[][]): string {
  const quote = (s: string) => {
    const safe = /^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
}

/** A pivot table as Dutch-Excel CSV: numbers without thousands dots (1234,50; 12,5%), so Excel reads them as numbers. */
export function pivotCsv(table: PivotTable): string {
  return toCsv(tableLines(table, (f) => figureText(f, false)));
}
