// The comparisons of a generated region against the generator's ground truth (data/generate/truth/compare.ts,
// computed from the plan, no code shared with core/compare or the importer), and the privacy promise of every
// export: no CSV, XLSX or shareable provider profile shows a figure of 1–4 children.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion, type Truth } from '../../data/generate/index.js';
import { truthCompare, truthConcentration } from '../../data/generate/truth/compare.js';
import { createService, type Service } from '../../data/service.js';

let dir: string;
let truth: Truth;
let service: Service;
let year: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-compare-'));
  await writeRegion(join(dir, 'region'), { seed: 808, scale: 0.02 });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  service = createService({ dbFile: join(dir, 'r.db'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'region')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  year = String(Number(truth.peildatum.slice(0, 4)) - 1); // the last full year
}, 600_000);

afterAll(() => service?.close());

describe('compare on a generated region equals the ground truth', () => {
  it('per municipality: clients, met verblijf, € approved and € per client', async () => {
    const r = await service['compare/municipalities']({ period: year, suppress: false, mergers: 'asGiven' });
    const t = truthCompare(truth, year, 'municipality');
    expect(r.rows.filter((x) => x.kind === 'municipality' && x.current.clients.value! > 0).map((x) => x.key).sort()).toEqual([...t.keys()].filter((k) => k !== 'region' && t.get(k)!.clients > 0).sort());
    expect(t.size).toBeGreaterThan(5);
    for (const row of r.rows) {
      const want = t.get(row.kind === 'region' ? 'region' : row.key);
      if (!want) continue;
      const got = row.current;
      expect([row.key, got.clients.value, got.metVerblijf.value, got.approved.value]).toEqual([row.key, want.clients, want.metVerblijf, want.approved]);
      if (want.perClient === null) expect(got.perClient.value).toBeNull();
      else expect(got.perClient.value).toBeCloseTo(want.perClient, 6);
    }
    // The year before, for the trend.
    const before = truthCompare(truth, String(Number(year) - 1), 'municipality');
    expect(r.rows.find((x) => x.kind === 'region')!.previous!.clients.value).toBe(before.get('region')!.clients);
  });

  it('per provider: clients, € claimed and approved; concentration of the top 5 and top 10', async () => {
    const r = await service['compare/providers']({ period: year, suppress: false });
    const t = truthCompare(truth, year, 'provider');
    expect(r.providers.length).toBeGreaterThan(10);
    for (const p of r.providers) {
      const want = t.get(p.agb) ?? { clients: 0, claimed: 0, approved: 0, perClient: null, metVerblijf: 0 };
      expect([p.agb, p.current.clients.value, p.current.claimed.value, p.current.approved.value]).toEqual([p.agb, want.clients, want.claimed, want.approved]);
    }
    expect(r.total.approved.value).toBe(t.get('region')!.approved);
    for (const [n, c] of [[5, r.concentration.top5], [10, r.concentration.top10]] as const) {
      const want = truthConcentration(truth, year, n);
      expect(c.money).toBeCloseTo(want.money, 10);
      expect(c.clients).toBeCloseTo(want.clients, 10);
    }
  });
});

/** Cells of the columns whose header matches `count` (children counts) in a Dutch-Excel CSV. */
function countCells(csv: string, count: RegExp): string[] {
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
  const h = lines.findIndex((l) => l.some((c) => count.test(c)));
  const cols = lines[h]!.map((c, i) => (count.test(c) ? i : -1)).filter((i) => i >= 0);
  return lines.slice(h + 1).flatMap((l) => cols.map((i) => l[i] ?? ''));
}

describe('exports and the provider profile never show 1–4 children', () => {
  const COUNTS = /^(Cliënten|Met verblijf|Zonder verblijf|JB\/JR|Trajecten|Declaratieregels|Toewijzingen|Declaraties|Verzoeken beantwoord|Verzoeken open|Beëindigde zorgperioden)$/;

  it('CSV of every compare table', async () => {
    const agb = (await service['compare/providers']({ period: year })).providers[0]!.agb;
    let hidden = 0;
    for (const args of [{ table: 'municipalities', period: year }, { table: 'providers', period: year }, { table: 'quality', period: year }, { table: 'provider-profile', agb }] as const) {
      const out = await service['export/compare']({ ...args, format: 'csv' });
      const csv = new TextDecoder().decode(out.bytes);
      expect(csv).toContain('kleine aantallen (1-4) onderdrukt');
      const cells = countCells(csv, COUNTS);
      expect(cells.length).toBeGreaterThan(0);
      expect([args.table, cells.filter((c) => /^[1-4]$/.test(c))]).toEqual([args.table, []]);
      hidden += cells.filter((c) => c === '<5' || c === 'x').length;
    }
    expect(hidden).toBeGreaterThan(0); // small cells exist in this region and were hidden
  });

  it('XLSX of the providers table', async () => {
    const out = await service['export/compare']({ table: 'providers', period: year, format: 'xlsx' });
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    let header = 0;
    ws.eachRow((row, i) => {
      if (header === 0 && row.values && (row.values as unknown[]).includes('Cliënten')) header = i;
    });
    const col = (ws.getRow(header).values as unknown[]).indexOf('Cliënten');
    const values: unknown[] = [];
    for (let i = header + 1; i <= ws.rowCount; i++) values.push(ws.getRow(i).getCell(col).value);
    expect(values.length).toBeGreaterThan(10);
    expect(values.filter((v) => typeof v === 'number' && v >= 1 && v <= 4)).toEqual([]);
  });

  it('the provider profile, whatever is asked, for every provider', async () => {
    const providers = (await service['compare/providers']({ period: year, suppress: false })).providers.map((p) => p.agb);
    for (const agb of providers.slice(0, 25)) {
      const r = await service['compare/provider-profile']({ agb });
      expect(r.suppression.applied).toBe(true);
      expect(JSON.stringify(r)).not.toMatch(/"clients":[1-4],/);
    }
  });
});
