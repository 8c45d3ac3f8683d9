// The real DUO open-data files (shared/reference/open-data, CC0) import and give compare/schools its metadata:
// for Calvijnschool (07KV00, picked by hand from file 02: board 34139, Ederveen, municipality 0228 Ede; file 06:
// BO, 471 pupils in 2024) and for SSBO De Vogelhorst (02AJ00, only in file 06: SBO, Barneveld, 149 pupils in 2024).
// And the derived FoodValley lists in data/reference are exactly what the originals give.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DIR } from '../fixtures/import/examples.js';
import { testBsn } from '../fixtures/ijw-builder.js';
import { deriveSchoolReference } from '../../data/generate/schools-reference.js';
import { createService, type Service } from '../../data/service.js';

const OPEN_DATA = join(SHARED_DIR, 'reference', 'open-data');
let s: Service;
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'spiegel-duo-'));
  s = createService({ dbFile: join(dir, 'db.sqlite'), home: join(dir, 'home') });
});
afterAll(() => s?.close());

describe('DUO metadata for schools', () => {
  it('the checked-in FoodValley lists are the originals filtered to the seven municipalities', () => {
    const derived = deriveSchoolReference(OPEN_DATA);
    const read = (n: string) => readFileSync(new URL(`../../data/reference/${n}`, import.meta.url), 'utf8');
    expect(read('duo-foodvalley-scholen.csv')).toBe(derived.scholen);
    expect(read('duo-foodvalley-leerlingen.csv')).toBe(derived.leerlingen);
    expect(derived.scholen.split('\r\n').filter((l) => /;BO;/.test(l) && /;\d{4} [A-Z]{2}$/.test(l)).length).toBe(136); // file 02: 136 FoodValley locations
  });

  it('gives board, municipality, type and DUO pupils for a hand-picked school from the real files', async () => {
    const a = await s['tables/import']({ path: join(OPEN_DATA, 'duo-02-alle-schoolvestigingen-basisonderwijs.csv'), kind: 'duo-schools', source: 'DUO 02' });
    const b = await s['tables/import']({ path: join(OPEN_DATA, 'duo-06-historisch-overzicht-aantal-leerlingen-per-schoolvestiging.csv'), kind: 'duo-pupils', source: 'DUO 06' });
    expect([a.status, b.status]).toEqual(['imported', 'imported']);
    const extract = `BSN;Vestigingscode;Schooljaar\r\n${testBsn(1)};07KV00;2024-2025\r\n${testBsn(2)};07KV00;2024-2025\r\n${testBsn(3)};02AJ00;2024-2025\r\n`;
    const c = await s['tables/import']({ file: { name: 'leerplicht.csv', bytes: new TextEncoder().encode(extract) }, kind: 'leerplicht', source: 'lp' });
    expect(c.status).toBe('imported');
    const r = await s['compare/schools']({ schoolYear: '2024-2025', suppress: false });
    const by = new Map(r.schools.map((x) => [x.vestigingscode, x]));
    expect(by.get('07KV00')).toMatchObject({ name: 'Calvijnschool', board: '34139', municipality: '0228', municipalityName: 'Ede', soort: 'BO', duoPupils: 471, pupils: 2, clients: { value: 0, flag: 'ok' } });
    expect(by.get('02AJ00')).toMatchObject({ name: null, board: null, municipality: '0203', municipalityName: 'Barneveld', soort: 'SBO', duoPupils: 149, pupils: 1 });
    expect(r.unmatched).toBe(1); // 02AJ00 is not in file 02 (basisonderwijs only)
  }, 300_000);
});
