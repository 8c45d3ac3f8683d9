// "Kopieer naar klembord": the table as tab-separated text, which Excel and LibreOffice paste into cells.
// The lines come from core's pivotTable (the one table every export shows: suppressed, collapsed rows left
// out, title first); only the separators are decided here.
import type { PivotResult } from '../../../core/contract/pivot.js';
import { figureText } from '../../../core/export/figures.js';
import { pivotTable, tableLines } from '../../../core/export/table.js';
import type { Lang } from '../../../core/registry.js';

/** Tabs and line breaks inside a cell would shift the paste; they become spaces. */
export function toTsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\r\n') + '\r\n';
}

/** The clipboard text of a (suppressed) result: numbers without thousands dots, so a spreadsheet reads them
 *  as numbers, exactly as in the CSV. */
export function clipboardText(result: PivotResult, lang: Lang, collapsed: readonly (readonly string[])[]): string {
  return toTsv(tableLines(pivotTable(result, { lang, collapsed }), (f) => figureText(f, false)));
}
