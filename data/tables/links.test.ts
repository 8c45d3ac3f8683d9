// The wijk table kind (PC4 → wijk) and the school year a leerplicht row counts for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeTempStore, openTempStore, type TempStore } from '../../test/fixtures/import/store.js';
import { tableHandlers } from './handlers.js';
import { loadWijk, schoolYearOf } from './links.js';

let s: TempStore;
beforeEach(() => (s = openTempStore('spiegel-links-')));
afterEach(() => closeTempStore(s.db, s.dir));

const csv = (text: string) => ({ name: 'wijken.csv', bytes: new TextEncoder().encode(text) });

describe('wijk table', () => {
  it('suggests pc4 and wijk from common headers, keeps only the four digits, and a later source wins a PC4', async () => {
    const h = tableHandlers(s.db, s.key);
    const p = await h['tables/preview']({ file: csv('PC4;Wijknaam;Buurt\n6711;Ede-Centrum;x\n'), kind: 'wijk' });
    expect(p.suggested).toEqual({ pc4: 'PC4', wijk: 'Wijknaam' });
    expect(await h['tables/import']({ file: csv('Postcode;Wijk\n6711 AA;Ede-Centrum\n6712;Ede-Zuid\n'), kind: 'wijk', source: 'ede' })).toMatchObject({ status: 'imported', rows: 2 });
    expect(await h['tables/import']({ file: csv('pc4;wijk\n6712;Ede-Zuidwest\n3901;Veenendaal-Oost\n'), kind: 'wijk', source: 'regio' })).toMatchObject({ status: 'imported', rows: 2 });
    expect(Object.fromEntries(loadWijk(s.db))).toEqual({ 6711: 'Ede-Centrum', 6712: 'Ede-Zuidwest', 3901: 'Veenendaal-Oost' });
  });

  it('refuses a file with a bad postcode or the same PC4 twice, naming the line', async () => {
    const r = await tableHandlers(s.db, s.key)['tables/import']({ file: csv('pc4;wijk\n6711;A\n671;B\n6711;C\n'), kind: 'wijk', source: 'x' });
    expect(r.status).toBe('rejected');
    expect(r.errors).toEqual([
      { line: 3, column: 'pc4', field: 'pc4', reason: "expected a postcode (1234 AB or 1234) for Postcode (PC4) (pc4), got '671'" },
      { line: 4, column: null, field: null, reason: 'same pc4 as line 2' },
    ]);
    expect(loadWijk(s.db).size).toBe(0);
  });
});

describe('schoolYearOf', () => {
  it('starts a school year on 1 August', () => {
    expect(['2025-07-31', '2025-08-01', '2026-06-30', '2026-12-31'].map(schoolYearOf)).toEqual(['2024-2025', '2025-2026', '2025-2026', '2026-2027']);
  });
});
