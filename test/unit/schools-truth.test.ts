// compare/schools on a generated region against the generator's ground truth (data/generate/truth/schools.ts:
// the leerplicht extract it wrote and the care periods of truth.json, no code shared with core/): per school and
// school year the pupils, children in care, referrals to special education; the region's rate; the planted
// school clearly above the band; and DUO's metadata (board, municipality) for it from the derived DUO list.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion, type Truth } from '../../data/generate/index.js';
import { truthSchools, type TruthSchools } from '../../data/generate/truth/schools.js';
import { importSchoolTables } from '../../data/compare-schools/demo.js';
import { createService, type Service } from '../../data/service.js';
import { PLANTED_SCHOOL } from '../../data/generate/schools.js';

let dir: string;
let truth: Truth;
let ts: TruthSchools;
let service: Service;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-schools-'));
  await writeRegion(join(dir, 'region'), { seed: 31, scale: 0.05, schools: true });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  ts = truthSchools(join(dir, 'region'), truth);
  service = createService({ dbFile: join(dir, 'db.sqlite'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'region')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  await importSchoolTables(service, join(dir, 'region'));
}, 600_000);

afterAll(() => service?.close());

describe('compare/schools against the generator truth', () => {
  it('has the school years the generator wrote', async () => {
    const r = await service['compare/schools']({ suppress: false });
    expect(r.schoolYears).toEqual(ts.schoolYears);
    expect(ts.schoolYears.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every school its pupils, children in care, rate and referrals exactly as the truth, every school year', async () => {
    for (const year of ts.schoolYears) {
      const r = await service['compare/schools']({ schoolYear: year, suppress: false });
      const want = ts.years.get(year)!;
      expect(r.region).toEqual({ pupils: ts.region.get(year)!.pupils, clients: ts.region.get(year)!.clients, rate: ts.region.get(year)!.clients / ts.region.get(year)!.pupils });
      expect(r.schools.length).toBe(want.size);
      for (const s of r.schools) {
        const w = want.get(s.vestigingscode)!;
        expect({ code: s.vestigingscode, pupils: s.pupils, clients: s.clients.value, rate: s.rate }).toEqual({ code: s.vestigingscode, pupils: w.pupils, clients: w.clients, rate: w.clients / w.pupils });
        if (s.specialEducation) expect([s.specialEducation.referred.value, s.specialEducation.share]).toEqual([w.referred, w.referred / w.withNext]);
      }
      expect(r.unmatched).toBe(0); // every location has its DUO name and board
    }
  }, 120_000);

  it('shows the planted school clearly above the band, with no referrals, and its DUO board and municipality', async () => {
    const [first] = ts.schoolYears;
    const r = await service['compare/schools']({ schoolYear: first!, suppress: false });
    const planted = r.schools.find((s) => s.vestigingscode === PLANTED_SCHOOL)!;
    const w = ts.years.get(first!)!.get(PLANTED_SCHOOL)!;
    const region = ts.region.get(first!)!;
    expect(w.clients / w.pupils).toBeGreaterThan((2 * region.clients) / region.pupils); // the plant, from the truth alone
    expect(planted.position).toBe('above998');
    expect(w.referred).toBe(0);
    expect(planted.specialEducation).toEqual({ referred: { value: 0, flag: 'ok' }, share: 0 });
    // Calvijnschool, Ede (DUO file 02, line of 07KV00): board 34139, municipality 0228, BO; DUO 2021 count 486.
    expect(planted).toMatchObject({ name: 'Calvijnschool', board: '34139', municipality: '0228', municipalityName: 'Ede', soort: 'BO', duoPupils: 486 });
  });

  it('suppresses small counts by default and the export never holds a cell of 1–4', async () => {
    const year = ts.schoolYears[0]!;
    const r = await service['compare/schools']({ schoolYear: year });
    const truthYear = ts.years.get(year)!;
    for (const s of r.schools) {
      const n = truthYear.get(s.vestigingscode)!.clients;
      if (n > 0 && n < 5) expect([s.clients, s.rate, s.position]).toEqual([{ value: null, flag: 'suppressed' }, null, null]);
      for (const c of [s.clients, ...s.bySegment.map((b) => b.clients)]) if (c.value !== null) expect(c.value === 0 || c.value >= 5).toBe(true);
    }
    const csv = new TextDecoder().decode((await service['export/schools']({ query: { schoolYear: year, suppress: false }, format: 'csv' })).bytes);
    expect(csv).toContain('kleine aantallen (1-4) onderdrukt');
    const lines = csv.split('\r\n').slice(2, -1).map((l) => l.split(';'));
    const head = lines.findIndex((l) => l[0] === 'Vestiging');
    const col = lines[head]!.indexOf('Met jeugdzorg');
    const body = lines.slice(head + 1);
    expect(body.length).toBe(r.schools.length + 1);
    for (const l of body) expect(/^[1-4]$/.test(l[col]!)).toBe(false);
    expect(body.some((l) => l[col] === '<5')).toBe(true);
  });
});
