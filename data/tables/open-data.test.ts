// The public extracts in shared/reference/open-data import correctly: every figure pinned here is a
// documented fact from its SOURCES.md, not Spiegel's output.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../../test/fixtures/import/examples.js';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { tableHandlers, type TableHandlers } from './handlers.js';
import { knownMergers, mergerCandidates, proposeMapping } from './mergers.js';
import { loadMunicipalityList } from './store.js';

const OPEN_DATA = join(SHARED_DIR, 'reference', 'open-data');
const path = (name: string) => join(OPEN_DATA, name);
const DUO_02 = 'duo-02-alle-schoolvestigingen-basisonderwijs.csv';
const DUO_06 = 'duo-06-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv';
const FOODVALLEY = ['0203', '0228', '0267', '0279', '0339', '0340', '0345'];

let s: TempStore;
let h: TableHandlers;
beforeAll(() => {
  s = openTempStore('spiegel-opendata-');
  h = tableHandlers(s.db, s.key);
});
afterAll(() => closeTempStore(s.db, s.dir));
const one = <T>(sql: string, ...args: unknown[]) => s.db.prepare(sql).get(...args) as T;

describe('DUO file 02: school locations (Windows-1252, ;, CRLF)', () => {
  it('imports 6,122 locations, with 136 in the FoodValley municipalities and 0x92 read as ’', async () => {
    const p = await h['tables/preview']({ path: path(DUO_02), kind: 'duo-schools' });
    expect(p).toMatchObject({ encoding: 'windows-1252', delimiter: ';', rowCount: 6122 });
    const r = await h['tables/import']({ path: path(DUO_02), kind: 'duo-schools', source: 'DUO 02' });
    expect(r).toMatchObject({ status: 'imported', lines: 6122, rows: 6122, errors: [] });
    const fv = one<{ n: number }>(`SELECT COUNT(*) AS n FROM ref_school WHERE municipality IN (${FOODVALLEY.map(() => '?').join(',')})`, ...FOODVALLEY);
    expect(fv.n).toBe(136);
    const names = s.db.prepare("SELECT name FROM ref_school WHERE name LIKE '%’%' ORDER BY name").pluck().all() as string[];
    expect(names.length).toBeGreaterThan(0);
    expect(names).toContain('Dalton Kindcentrum ’t Kompas'); // line 7 of the file, bytes 0x92 0x74
    expect(s.db.prepare("SELECT COUNT(*) FROM ref_school WHERE name LIKE '%\uFFFD%' OR denomination LIKE '%\uFFFD%'").pluck().get()).toBe(0);
    expect(one('SELECT instellingscode, municipality, pc4, denomination FROM ref_school WHERE vestigingscode = ?', '32JK00')).toEqual({
      instellingscode: '32JK', municipality: '1699', pc4: '9306', denomination: 'Algemeen bijzonder',
    });
  });
});

describe('DUO file 06: pupils per location (UTF-8 with BOM, wide LEERLINGEN_1996 … _2025)', () => {
  it('melts the 30 year columns into rows; 762 <5 cells are suppressed, not 0; Ede sums to 11,821 in 2024', async () => {
    const p = await h['tables/preview']({ path: path(DUO_06), kind: 'duo-pupils' });
    expect(p).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';', rowCount: 9737 });
    expect(p.wide).toMatchObject({ field: 'year', value: 'pupils' });
    expect(p.wide!.columns).toHaveLength(30);
    const r = await h['tables/import']({ path: path(DUO_06), kind: 'duo-pupils', source: 'DUO 06' });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'imported', lines: 9737, rows: 9737 * 30 }); // no empty cells in the file
    expect(r.warnings).toContainEqual({ code: 'suppressed', detail: '762 cells were suppressed (<5): stored without a figure, not as 0' });
    expect(one('SELECT COUNT(*) AS n FROM ref_school_pupils WHERE suppressed = 1 AND pupils IS NULL')).toEqual({ n: 762 });
    // GEMEENTECODE_VESTIGING is not zero-padded (228 = Ede); stored padded.
    expect(one("SELECT SUM(pupils) AS n FROM ref_school_pupils WHERE municipality = '0228' AND year = 2024")).toEqual({ n: 11821 });
    expect(one("SELECT municipality FROM ref_school_pupils WHERE vestigingscode = '00AO00' AND year = 1996")).toEqual({ municipality: '0285' });
  }, 120_000);
});

describe('CBS municipality lists and the mergers between them', () => {
  it('imports 352 and 342 municipalities; 14 codes only in 2021 and 4 only in 2023, as SOURCES.md lists', async () => {
    for (const [year, rows] of [[2021, 352], [2023, 342]] as const) {
      const name = `cbs-gemeenten-alfabetisch-${year}.csv`;
      const p = await h['tables/preview']({ path: path(name), kind: 'municipalities' });
      expect(p.year).toBe(year);
      const r = await h['tables/import']({ path: path(name), kind: 'municipalities', source: 'CBS gemeenten', year });
      expect(r).toMatchObject({ status: 'imported', rows, errors: [] });
    }
    const [older, newer] = [loadMunicipalityList(s.db, 2021), loadMunicipalityList(s.db, 2023)];
    expect(older.find((m) => m.code === '1684')).toEqual({ code: '1684', name: 'Cuijk' });
    const { onlyOlder, onlyNewer } = mergerCandidates(older, newer);
    expect(onlyOlder.map((m) => `GM${m.code} ${m.name}`)).toEqual([
      'GM0370 Beemster', 'GM0398 Heerhugowaard', 'GM0416 Langedijk', 'GM0457 Weesp', 'GM0501 Brielle', 'GM0530 Hellevoetsluis',
      'GM0614 Westvoorne', 'GM0756 Boxmeer', 'GM0786 Grave', 'GM0815 Mill en Sint Hubert', 'GM0856 Uden', 'GM1684 Cuijk',
      'GM1685 Landerd', 'GM1702 Sint Anthonis',
    ]);
    expect(onlyNewer.map((m) => `GM${m.code} ${m.name}`)).toEqual(['GM1980 Dijk en Waard', 'GM1982 Land van Cuijk', 'GM1991 Maashorst', 'GM1992 Voorne aan Zee']);

    // The checked-in mapping resolves every disappeared code, into codes of the 2023 list, and reaches all four new ones.
    const { mapping, unresolved } = proposeMapping(older, newer);
    expect(unresolved).toEqual([]);
    expect(new Set(mapping.map((m) => m.oldCode))).toEqual(new Set(onlyOlder.map((m) => m.code)));
    expect(onlyNewer.every((n) => mapping.some((m) => m.newCode === n.code))).toBe(true);
    expect(knownMergers()).toHaveLength(14);
  });

  it('knows the merger dates: 1 January 2022 and 2023, Weesp on 24 March 2022 (first 1 January with the new code: 2023)', () => {
    const byOld = new Map(knownMergers().map((m) => [m.oldCode, m]));
    expect(byOld.get('0370')).toEqual({ oldCode: '0370', newCode: '0439', mergedOn: '2022-01-01', fromYear: 2022 }); // Beemster → Purmerend
    expect(byOld.get('0457')).toEqual({ oldCode: '0457', newCode: '0363', mergedOn: '2022-03-24', fromYear: 2023 }); // Weesp → Amsterdam
    expect(byOld.get('0614')).toEqual({ oldCode: '0614', newCode: '1992', mergedOn: '2023-01-01', fromYear: 2023 }); // Westvoorne → Voorne aan Zee
  });

  it('imports the checked-in mapping like any mapping file', async () => {
    const file = new URL('../reference/gemeentelijke-herindelingen-2022-2023.csv', import.meta.url);
    const r = await h['tables/import']({ path: file.pathname, kind: 'municipality-mapping', source: 'herindelingen' });
    expect(r).toMatchObject({ status: 'imported', rows: 14, mapping: { old_code: 'oude_code', new_code: 'nieuwe_code', date: 'datum' } });
    expect(one("SELECT new_code, from_year FROM ref_municipality_map WHERE old_code = '1702'")).toEqual({ new_code: '1982', from_year: 2022 });
  });
});
