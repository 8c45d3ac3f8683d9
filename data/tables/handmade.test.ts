// The hand-made extracts in test/fixtures/tables (see README.md there for the values worked out by hand):
// `,` delimiter, CRLF, a quoted newline, decimal commas and dd-mm-jjjj dates; a later bad value is reported
// on its physical line; an XLSX built here with exceljs reads to the same rows as its CSV twin.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableImportResult } from '../../core/contract/tables.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { tableHandlers } from './handlers.js';

const fixture = (name: string) => new URL(`../../test/fixtures/tables/${name}`, import.meta.url);
const file = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(fixture(name))) });

let s: TempStore;
beforeEach(() => (s = openTempStore('spiegel-tables-')));
afterEach(() => closeTempStore(s.db, s.dir));

const codebook = (source: string) =>
  s.db.prepare('SELECT product_code, omschrijving, segment, met_verblijf, telt_als_traject, eenheid, tarief_cent, ingangsdatum FROM ref_codebook WHERE source = ? ORDER BY product_code').all(source);

const HAND_WORKED = [
  { product_code: '40A01', omschrijving: 'Vervoer "dagbehandeling"', segment: 'overig', met_verblijf: 0, telt_als_traject: 1, eenheid: 'rit', tarief_cent: 1250, ingangsdatum: '2023-12-31' },
  { product_code: '43A02', omschrijving: 'Gezinshuis\n(langdurig)', segment: 'wonen', met_verblijf: 1, telt_als_traject: 1, eenheid: 'etmaal', tarief_cent: 123456, ingangsdatum: '2024-07-01' },
  { product_code: '45A01', omschrijving: 'Ambulante begeleiding', segment: 'specialistisch', met_verblijf: 0, telt_als_traject: null, eenheid: 'uur', tarief_cent: 7850, ingangsdatum: '2024-01-01' },
];

describe('a hand-made codebook extract', () => {
  it('detects the format and suggests every column from its header', async () => {
    const p = await tableHandlers(s.db, s.key)['tables/preview']({ file: file('codebook-komma.csv'), kind: 'codebook' });
    expect(p).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',', rowCount: 3, source: 'codebook-komma', saved: null, wide: null });
    expect(p.suggested).toEqual({
      productcode: 'productcode', omschrijving: 'omschrijving', segment: 'segment', met_verblijf: 'met_verblijf',
      telt_als_traject: 'telt_als_traject', eenheid: 'eenheid', tarief: 'tarief', ingangsdatum: 'ingangsdatum',
    });
    expect(p.rows[1]).toEqual(['43A02', 'Gezinshuis\n(langdurig)', 'wonen', 'ja', 'ja', 'etmaal', '1.234,56', '1-7-2024']);
  });

  it('imports to the hand-worked values', async () => {
    const r = tableImportResult.parse(await tableHandlers(s.db, s.key)['tables/import']({ file: file('codebook-komma.csv'), kind: 'codebook', source: 'regio' }));
    expect(r).toMatchObject({ status: 'imported', lines: 3, rows: 3, replaced: 0, errors: [] });
    expect(codebook('regio')).toEqual(HAND_WORKED);
  });

  it('refuses the file with a later bad value, naming the physical line of each bad cell', async () => {
    const r = await tableHandlers(s.db, s.key)['tables/import']({ file: file('codebook-fout.csv'), kind: 'codebook', source: 'regio' });
    expect(r.status).toBe('rejected');
    expect(r.rows).toBe(0);
    expect(r.errors).toEqual([
      // record 2 runs over lines 2–4 (two quoted newlines); its tarief cell is on line 4
      { line: 4, column: 'tarief', field: 'tarief', reason: "expected an amount in euro with at most two decimals (1.234,56) for Tarief (€) (tarief), got '78,5,0'" },
      // 31 February does not exist
      { line: 5, column: 'ingangsdatum', field: 'ingangsdatum', reason: "expected a date dd-mm-jjjj or jjjj-mm-dd for Ingangsdatum (ingangsdatum), got '31-02-2024'" },
    ]);
    expect(codebook('regio')).toEqual([]);
  });

  it('reads an XLSX made with exceljs to the same rows as its CSV twin', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Codeboek');
    sheet.addRow(['productcode', 'omschrijving', 'segment', 'met_verblijf', 'telt_als_traject', 'eenheid', 'tarief', 'ingangsdatum']);
    sheet.addRow(['45A01', 'Ambulante begeleiding', 'specialistisch', 'nee', null, 'uur', 78.5, new Date(Date.UTC(2024, 0, 1))]);
    sheet.addRow(['43A02', 'Gezinshuis\n(langdurig)', 'wonen', 'ja', 'ja', 'etmaal', 1234.56, new Date(Date.UTC(2024, 6, 1))]);
    sheet.addRow(['40A01', { richText: [{ text: 'Vervoer ' }, { text: '"dagbehandeling"', font: { bold: true } }] }, 'overig', false, true, 'rit', 12.5, new Date(Date.UTC(2023, 11, 31))]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const h = tableHandlers(s.db, s.key);
    const p = await h['tables/preview']({ file: { name: 'codeboek.xlsx', bytes }, kind: 'codebook' });
    expect(p).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, sheet: 'Codeboek', rowCount: 3 });
    await h['tables/import']({ file: file('codebook-komma.csv'), kind: 'codebook', source: 'csv' });
    const r = await h['tables/import']({ file: { name: 'codeboek.xlsx', bytes }, kind: 'codebook', source: 'xlsx' });
    expect(r).toMatchObject({ status: 'imported', rows: 3, errors: [] });
    expect(codebook('xlsx')).toEqual(codebook('csv'));
    expect(codebook('xlsx')).toEqual(HAND_WORKED);
  });

  it('says which worksheet is missing and which exist', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad1').addRow(['productcode']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await tableHandlers(s.db, s.key)['tables/import']({ file: { name: 'c.xlsx', bytes }, kind: 'codebook', source: 'x', sheet: 'Codeboek' });
    expect(r.errors).toEqual([{ line: null, column: null, field: null, reason: "no worksheet named 'Codeboek'; worksheets: Blad1" }]);
  });
});
