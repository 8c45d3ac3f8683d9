// `spiegel compare municipalities|providers` through the real bin: CSV suppressed by default, JSON, the
// --no-suppression header, --municipality, errors. Figures checked against the generator's ground truth.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompareMunicipalitiesResult, CompareProvidersResult } from '../../core/contract/methods.js';
import { writeRegion, type Truth } from '../../data/generate/index.js';
import { truthCompare } from '../../data/generate/truth/compare.js';
import { createService } from '../../data/service.js';
import { spiegel } from './cli-helpers.js';

let dir: string;
let truth: Truth;
let year: string;
const args = () => ['--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-compare-cli-'));
  await writeRegion(join(dir, 'region'), { seed: 11, scale: 0.005 });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  year = String(Number(truth.peildatum.slice(0, 4)) - 1);
  const s = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  await s['import/files']({ paths: [join(dir, 'region')] });
  s.close();
}, 300_000);

describe('spiegel compare', () => {
  it('writes municipalities as Dutch-Excel CSV, suppressed: no count of 1–4, the region row as in the truth', async () => {
    const r = await spiegel(['compare', 'municipalities', ...args(), '--period', year]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]![0]).toContain('kleine aantallen (1-4) onderdrukt');
    const header = lines.find((l) => l[0] === 'Gemeente')!;
    expect(header.slice(0, 5)).toEqual(['Gemeente', 'Codes', 'Periode', 'Cliënten', 'Met verblijf']);
    const body = lines.slice(lines.indexOf(header) + 1);
    const counts = body.flatMap((l) => l.slice(3, 7));
    for (const f of counts) expect(f === '<5' || f === 'x' || f === '0' || Number(f) >= 5).toBe(true);
    const region = body.find((l) => l[0] === 'Regio' && l[2] === year)!;
    expect(Number(region[3])).toBe(truthCompare(truth, year, 'municipality').get('region')!.clients);
  }, 120_000);

  it('writes JSON without suppression on request, saying so', async () => {
    const r = await spiegel(['compare', 'municipalities', ...args(), '--period', year, '--format', 'json', '--no-suppression', '--municipality', '0228']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CompareMunicipalitiesResult & { title: string };
    expect(out.title).toContain('ZONDER onderdrukking');
    expect(out.suppression.applied).toBe(false);
    expect(out.rows.map((x) => x.key)).toEqual(['0228', 'region']);
    expect(out.rows[0]!.current.clients.value).toBe(truthCompare(truth, year, 'municipality').get('0228')!.clients);
  }, 120_000);

  it('writes providers for one municipality as JSON', async () => {
    const r = await spiegel(['compare', 'providers', ...args(), '--period', year, '--format', 'json', '--municipality', '0228']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CompareProvidersResult;
    expect(out.query).toMatchObject({ period: year, municipality: '0228', suppress: true });
    expect(out.providers.length).toBeGreaterThan(0);
    for (const p of out.providers) expect(p.shares.map((s) => s.municipality)).toEqual(p.shares.length ? ['0228'] : []);
  }, 120_000);

  it('refuses a missing period or an unknown comparison with one clear line', async () => {
    const a = await spiegel(['compare', 'municipalities', ...args()]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe('spiegel: compare needs --period KEY (2024, 2024-Q1 or 2024-03)\n');
    const b = await spiegel(['compare', 'gemeenten', ...args(), '--period', year]);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe("spiegel: compare needs municipalities, providers or schools; got 'gemeenten'\n");
  }, 60_000);
});
