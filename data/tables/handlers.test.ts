// tables/import as a whole: all-or-nothing per file, replacement per source (and per period), saved
// mappings reused, clear errors for missing columns; population in long and wide form with hand-worked sums.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableListResult, tablePreview } from '../../core/contract/tables.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { tableHandlers, type TableHandlers } from './handlers.js';
import { youthPopulation } from './store.js';

let s: TempStore;
let h: TableHandlers;
beforeEach(() => {
  s = openTempStore('spiegel-tablehandlers-');
  h = tableHandlers(s.db, s.key, { now: () => new Date('2026-11-01T12:00:00Z') });
});
afterEach(() => closeTempStore(s.db, s.dir));

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const all = (sql: string) => s.db.prepare(sql).all();

describe('tables/import', () => {
  it('leaves the previous table untouched when a file is refused, and replaces it when one is accepted', async () => {
    const first = csv('codes.csv', 'productcode;omschrijving;segment\n45A01;Ambulant;specialistisch\n43A01;Verblijf;verblijf\n');
    expect((await h['tables/import']({ file: first, kind: 'codebook', source: 'regio' })).status).toBe('imported');
    const before = all('SELECT * FROM ref_codebook ORDER BY product_code');

    const bad = csv('codes2.csv', 'productcode;omschrijving;segment\n45A01;Ambulant;wonen\n46A01;Crisis;acuut\n');
    const refused = await h['tables/import']({ file: bad, kind: 'codebook', source: 'regio' });
    expect(refused).toMatchObject({ status: 'rejected', rows: 0, replaced: 0 });
    expect(refused.errors).toEqual([{ line: 3, column: 'segment', field: 'segment', reason: expect.stringContaining("got 'acuut'") }]);
    expect(all('SELECT * FROM ref_codebook ORDER BY product_code')).toEqual(before);
    expect(all('SELECT kind, source, file_name, rows FROM table_import')).toEqual([{ kind: 'codebook', source: 'regio', file_name: 'codes.csv', rows: 2 }]);

    const good = csv('codes3.csv', 'productcode;omschrijving;segment\n45A01;Ambulant;wonen\n');
    expect(await h['tables/import']({ file: good, kind: 'codebook', source: 'regio' })).toMatchObject({ status: 'imported', rows: 1, replaced: 2 });
    expect(all('SELECT product_code, segment FROM ref_codebook')).toEqual([{ product_code: '45A01', segment: 'wonen' }]);
  });

  it('refuses a duplicate key, naming both lines', async () => {
    const r = await h['tables/import']({ file: csv('c.csv', 'productcode;segment\n45A01;wonen\n45A02;crisis\n45A01;verblijf\n'), kind: 'codebook', source: 'x' });
    expect(r.errors).toEqual([{ line: 4, column: null, field: null, reason: 'same productcode as line 2' }]);
  });

  it('names the file, the missing field and the headers found when a required column is missing', async () => {
    const r = await h['tables/import']({ file: csv('scholen.csv', 'BRIN;Naam;Plaats\n32JK;De Verwondering;Alteveer\n'), kind: 'duo-schools', source: 'x' });
    expect(r.status).toBe('rejected');
    expect(r.errors.map((e) => e.reason)).toEqual([
      'scholen.csv has no column for required field Vestigingscode (vestigingscode); headers found: BRIN, Naam, Plaats',
      'scholen.csv has no column for required field Gemeente (municipality); headers found: BRIN, Naam, Plaats',
    ]);
    const wrong = await h['tables/import']({ file: csv('scholen.csv', 'BRIN;Naam;Plaats\n'), kind: 'duo-schools', source: 'x', mapping: { vestigingscode: 'Vestiging', kleur: 'Naam' } });
    expect(wrong.errors.map((e) => e.reason)).toContain("scholen.csv has no column 'Vestiging' for Vestigingscode (vestigingscode); headers found: BRIN, Naam, Plaats");
    expect(wrong.errors.map((e) => e.reason)).toContain("'kleur' is not a field of duo-schools; fields: vestigingscode, instellingscode, name, board, denomination, soort, municipality, pc4");
  });

  it('reports a row with too few values on its line', async () => {
    const r = await h['tables/import']({ file: csv('c.csv', 'productcode;segment;omschrijving\n45A01;wonen;x\n45A02;crisis\n'), kind: 'codebook', source: 'x' });
    expect(r.errors).toEqual([{ line: 3, column: null, field: null, reason: '2 values where the header (line 1) has 3' }]);
  });

  it('saves the mapping per source and reuses it on the next import of that source', async () => {
    const text = 'Code;Soort zorg;Hulpvorm volgens regio\n45A01;Ambulant;wonen\n';
    const mapping = { productcode: 'Code', omschrijving: 'Soort zorg', segment: 'Hulpvorm volgens regio' };
    const p0 = await h['tables/preview']({ file: csv('a.csv', text), kind: 'codebook', source: 'regio' });
    expect(p0.saved).toBeNull();
    await h['tables/import']({ file: csv('a.csv', text), kind: 'codebook', source: 'regio', mapping });
    const p1 = tablePreview.parse(await h['tables/preview']({ file: csv('b.csv', text), kind: 'codebook', source: 'regio' }));
    expect(p1.saved).toEqual(mapping);
    expect((await h['tables/preview']({ file: csv('b.csv', text), kind: 'codebook', source: 'andere bron' })).saved).toBeNull();
    // No mapping given: the saved one is used (the suggestion alone would map "Hulpvorm volgens regio" too, but
    // not "Soort zorg" to omschrijving).
    const r = await h['tables/import']({ file: csv('b.csv', 'Code;Soort zorg;Hulpvorm volgens regio\n46A01;Crisisopvang;crisis\n'), kind: 'codebook', source: 'regio' });
    expect(r).toMatchObject({ status: 'imported', mapping });
    expect(all('SELECT product_code, omschrijving, segment FROM ref_codebook')).toEqual([{ product_code: '46A01', omschrijving: 'Crisisopvang', segment: 'crisis' }]);
  });

  it('replaces only the years a new file holds for kinds with periods, and lists what is loaded', async () => {
    const pop = (year: number, n: number) => csv(`bevolking-${year}.csv`, `Gemeente;Jaar;Leeftijd;Aantal\nGM0228;${year};0 tot 18 jaar;${n}\n`);
    await h['tables/import']({ file: pop(2023, 100), kind: 'population', source: 'CBS' });
    await h['tables/import']({ file: pop(2024, 200), kind: 'population', source: 'CBS' });
    const again = await h['tables/import']({ file: pop(2024, 250), kind: 'population', source: 'CBS' });
    expect(again).toMatchObject({ rows: 1, replaced: 1 });
    expect(all('SELECT year, count FROM ref_population ORDER BY year')).toEqual([{ year: 2023, count: 100 }, { year: 2024, count: 250 }]);
    const list = tableListResult.parse(await h['tables/list']({}));
    expect(list.tables).toEqual([
      { kind: 'population', source: 'CBS', rows: 2, periods: ['2023', '2024'], file: 'bevolking-2024.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), importedAt: '2026-11-01T12:00:00.000Z' },
    ]);
  });
});

describe('population', () => {
  it('reads a CBS-style long file with names, single ages, sexes and a total, and derives 0–17 only from an exact cover', async () => {
    // Ede: single years 0..17 for men (1 each → 18) and women (2 each → 36), no total: 18 + 36 = 54.
    // Veenendaal: a total of both sexes in groups 0 tot 5 (50) + 5 tot 10 (60) + 10 tot 18 (70) = 180; "Totaal" (999) overlaps and is not used.
    // Rhenen: 0 tot 5 and 10 tot 18 only: a gap, so no denominator.
    const lines = ['Regio\'s;Perioden;Leeftijd;Geslacht;Bevolking op 1 januari (aantal)'];
    for (let age = 0; age <= 17; age++) lines.push(`Ede;2024JJ00;${age} jaar;Mannen;1`, `Ede;2024JJ00;${age} jaar;Vrouwen;2`);
    lines.push('Veenendaal;2024JJ00;0 tot 5 jaar;Totaal mannen en vrouwen;50', 'Veenendaal;2024JJ00;5 tot 10 jaar;Totaal mannen en vrouwen;60');
    lines.push('Veenendaal;2024JJ00;10 tot 18 jaar;Totaal mannen en vrouwen;70', 'Veenendaal;2024JJ00;Totaal;Totaal mannen en vrouwen;999');
    lines.push('Rhenen;2024JJ00;0 tot 5 jaar;Totaal mannen en vrouwen;10', 'Rhenen;2024JJ00;10 tot 18 jaar;Totaal mannen en vrouwen;20');
    const p = await h['tables/preview']({ file: csv('bevolking.csv', lines.join('\n')), kind: 'population' });
    expect(p.suggested).toEqual({ municipality: "Regio's", year: 'Perioden', age: 'Leeftijd', sex: 'Geslacht', count: 'Bevolking op 1 januari (aantal)' });
    const r = await h['tables/import']({ file: csv('bevolking.csv', lines.join('\n')), kind: 'population', source: 'CBS' });
    expect(r).toMatchObject({ status: 'imported', rows: 42, errors: [] });
    expect(Object.fromEntries(youthPopulation(s.db, 2024))).toEqual({ '0228': 54, '0345': 180 });
  });

  it('reads a wide file with one column per age group, the year given with the import', async () => {
    const text = 'Gemeentecode;0-3;4-11;12-17;18-22\n0228;"1.000";"2.000";"1.500";900\n0345;400;800;600;300\n';
    const p = await h['tables/preview']({ file: csv('leeftijden.csv', text), kind: 'population' });
    expect(p.wide).toEqual({ columns: ['0-3', '4-11', '12-17', '18-22'], field: 'age', value: 'count' });
    const without = await h['tables/import']({ file: csv('leeftijden.csv', text), kind: 'population', source: 'wide' });
    expect(without.errors[0]!.reason).toContain('no column for required field Jaar (year) and no year given with the import');
    const r = await h['tables/import']({ file: csv('leeftijden.csv', text), kind: 'population', source: 'wide', year: 2025 });
    expect(r).toMatchObject({ status: 'imported', lines: 2, rows: 8 });
    expect(Object.fromEntries(youthPopulation(s.db, 2025))).toEqual({ '0228': 4500, '0345': 1800 }); // 1000+2000+1500, 400+800+600
  });
});
