// export/pivot through the real service on the hand-worked region (test/fixtures/handworked.md): the query
// asks for no suppression, the files are suppressed anyway, read back as a Dutch spreadsheet would, and hold
// exactly handworked.md's suppressed table; no figure of 1–4 clients appears in any export.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, type Service } from '../../data/service.js';
import type { PivotQueryInput } from '../../core/contract/pivot.js';
import { writeHandworkedSet } from '../fixtures/handworked.js';

let service: Service;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-wbx-'));
  writeHandworkedSet(join(dir, 'in'));
  service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'in')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
}, 120_000);

afterAll(() => service?.close());

async function csvOf(query: PivotQueryInput): Promise<string[][]> {
  const out = await service['export/pivot']({ query, format: 'csv' });
  return parse(new TextDecoder().decode(out.bytes), { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
}

async function xlsxOf(query: PivotQueryInput): Promise<unknown[][]> {
  const out = await service['export/pivot']({ query, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  wb.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).slice(1).map((v) => v ?? '')));
  return rows;
}

describe('export/pivot through the service (hand-worked region)', () => {
  const query: PivotQueryInput = { rows: ['municipality'], cols: ['year'], suppress: false };

  it('writes handworked.md\'s suppressed municipality × year table, although the query turned suppression off', async () => {
    const csv = await csvOf(query);
    expect(csv).toEqual([
      ['Spiegel — peildatum 30-06-2025 — geen filters — kleine aantallen (1-4) onderdrukt'],
      ['Jaar', '2023', '2024', '2025 (voorlopig)', 'Totaal'],
      ['Gemeente', 'Cliënten', 'Cliënten', 'Cliënten', 'Cliënten'],
      ['Ede (0228)', '<5', 'x', '<5', 'x'],
      ['Veenendaal (0345)', '0', '<5', '<5', '<5'],
      ['Totaal', '<5', '7', 'x', '9'],
    ]);
    const xlsx = await xlsxOf(query);
    expect(xlsx.slice(3)).toEqual([
      ['Ede (0228)', '<5', 'x', '<5', 'x'],
      ['Veenendaal (0345)', 0, '<5', '<5', '<5'],
      ['Totaal', '<5', 7, 'x', 9],
    ]);
  });

  it('lets no figure of 1–4 clients out of a two-level pivot with subtotals, in CSV or XLSX', async () => {
    const q: PivotQueryInput = { rows: ['municipality', 'segment'], cols: ['year'], measures: ['clients'], suppress: false };
    const csv = (await csvOf(q)).slice(3).flatMap((l) => l.slice(2));
    const xlsx = (await xlsxOf(q)).slice(3).flatMap((l) => l.slice(2));
    expect(csv.length).toBe(8 * 4); // 2 subtotal rows, 5 segment rows, the total; 3 years and the total
    expect(xlsx.length).toBe(csv.length);
    for (const v of [...csv.map((s) => (/^\d+$/.test(s) ? Number(s) : s)), ...xlsx]) {
      expect(typeof v === 'number' ? v === 0 || v >= 5 : v === '<5' || v === 'x').toBe(true);
    }
  });
});
