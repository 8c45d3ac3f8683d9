// `spiegel stacking` and `spiegel regie-op-drie` through the real bin, and export/regie-op-drie refusing to
// write the (unsuppressed) case list unless the caller confirms it is the municipality's own.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegieResult, StackingResult } from '../../core/contract/methods.js';
import { writeRegion, type Truth } from '../../data/generate/index.js';
import { truthConcurrent, truthRegie, truthStacking } from '../../data/generate/truth/stacking.js';
import { createService, type Service } from '../../data/service.js';
import { spiegel } from './cli-helpers.js';

let dir: string;
let truth: Truth;
let service: Service;
const args = () => ['--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-stacking-cli-'));
  await writeRegion(join(dir, 'region'), { seed: 11, scale: 0.005, stepped: true });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  await service['import/files']({ paths: [join(dir, 'region')] });
}, 300_000);

afterAll(() => service?.close());

describe('spiegel stacking', () => {
  it('writes Dutch-Excel CSV for one day, suppressed: every figure is 0, at least 5, <5 or x', async () => {
    const r = await spiegel(['stacking', ...args(), '--at', '2021-06-30']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]![0]).toContain('kleine aantallen (1-4) onderdrukt');
    const header = lines.find((l) => l[0] === 'Meetdag')!;
    expect(header).toEqual(['Meetdag', 'Groep', 'Kinderen in zorg', '1 traject', '2 trajecten', '3 of meer', 'Gestapeld (2+)']);
    const body = lines.slice(lines.indexOf(header) + 1);
    expect(body).toHaveLength(1);
    const want = truthConcurrent(truthStacking(truth), '2021-06-30');
    expect(Number(body[0]![2])).toBe(want.clients);
    for (const f of body[0]!.slice(2)) expect(f === '<5' || f === 'x' || f === '0' || Number(f) >= 5).toBe(true);
  }, 120_000);

  it('writes JSON per month of a year by municipality without suppression, equal to the truth for the region', async () => {
    const r = await spiegel(['stacking', ...args(), '--period', '2021', '--by', 'municipality', '--format', 'json', '--no-suppression']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as StackingResult & { title: string };
    expect(out.title).toContain('ZONDER onderdrukking');
    expect(out.points.map((p) => p.day)).toEqual(['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'].map((d) => `2021-${d}`));
    for (const row of out.cells) for (const c of row) expect(c.clients.value).toBe(c.one.value! + c.two.value! + c.threePlus.value!);
    const region = await spiegel(['stacking', ...args(), '--period', '2021-03', '--format', 'json', '--no-suppression']);
    const c = (JSON.parse(region.stdout) as StackingResult).cells[0]![0]!;
    const want = truthConcurrent(truthStacking(truth), '2021-03-31');
    expect([c.clients.value, c.one.value, c.two.value, c.threePlus.value]).toEqual([want.clients, want.one, want.two, want.threePlus]);
  }, 120_000);

  it('refuses unclear arguments with one line', async () => {
    const both = await spiegel(['stacking', ...args(), '--at', '2021-06-30', '--period', '2021']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--at DATE (one day) or --period KEY');
    const by = await spiegel(['stacking', ...args(), '--at', '2021-06-30', '--by', 'gender']);
    expect(by.stderr).toBe("spiegel: --by must be region, municipality, provider, segment, ageband; got 'gender'\n");
    const late = await spiegel(['stacking', ...args(), '--at', '2099-01-01']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('lies after the peildatum');
  }, 120_000);
});

describe('spiegel regie-op-drie and export/regie-op-drie', () => {
  it('lists the trajectories number 3 (--min 3: or higher) of the planted year, equal to the truth', async () => {
    const year = String(truth.stepped!.year);
    const s = truthStacking(truth);
    for (const [extra, orHigher] of [[[], false], [['--min', '3'], true]] as const) {
      const r = await spiegel(['regie-op-drie', ...args(), '--period', year, ...extra, '--format', 'json']);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as RegieResult;
      expect(out.rows.map((x) => `${x.municipality}|${x.toewijzingNr}`).sort()).toEqual(truthRegie(s, `${year}-01-01`, `${year}-12-31`, 3, orHigher));
      expect(out.rows.length).toBeGreaterThan(0);
    }
    const csv = await spiegel(['regie-op-drie', ...args(), '--period', year]);
    expect(csv.stdout).toContain('eigen casuslijst van de gemeente, niet onderdrukt');
    expect(csv.stdout).toContain('Gemeente;ToewijzingNummer;Pseudoniem;Nummer');
  }, 120_000);

  it('refuses the export without confirmation, writes it with', async () => {
    const query = { period: String(truth.stepped!.year) };
    await expect(service['export/regie-op-drie']({ query, format: 'csv' })).rejects.toThrow(/export refused.*own case list/);
    await expect(service['export/regie-op-drie']({ query, format: 'csv', confirmOwnCaseList: false })).rejects.toThrow(/export refused/);
    const list = await service['query/regie-op-drie'](query);
    const file = await service['export/regie-op-drie']({ query, format: 'csv', confirmOwnCaseList: true });
    expect(file.fileName).toMatch(/^spiegel-regie-op-drie-3-\d{4}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = new TextDecoder().decode(file.bytes);
    for (const x of list.rows) expect(text).toContain(`${x.municipality};${x.toewijzingNr};${x.pseudonym}`);
    const xlsx = await service['export/regie-op-drie']({ query, format: 'xlsx', confirmOwnCaseList: true });
    expect(xlsx.bytes.length).toBeGreaterThan(1000);
  }, 120_000);
});
