// The analyses on generated regions, against the generator's ground truth (data/generate/truth/*):
//  - early signals: the planted rise (data/generate/signal.ts) is flagged in its first month and series; on regions
//    without it at most 1 false flag per 100 series-years (flags and series-years counted and printed);
//  - the forecast backtest: the June forecast beats "last year's total × this year's trend so far" on MAE;
//  - the decomposition identity, exactly, with the spend pinned to the truth's declaration lines;
//  - toegewezen, niet gestart = the truth's assignments that were never started and still run;
//  - `spiegel signals` and `spiegel forecast` through the real bin.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRegion, writeRegion } from '../../data/generate/index.js';
import { careMessages } from '../../data/generate/messages.js';
import { periodsOf } from '../../data/generate/plan.js';
import { segmentOf } from '../../data/generate/truth/classify.js';
import { plantedStartsByMonth, type TruthWithSignal } from '../../data/generate/truth/signals.js';
import { monthIndex, monthLast } from '../../data/generate/dates.js';
import { createService, type Service } from '../../data/service.js';
import { runSignals } from '../../core/analysis/signals.js';
import { careTable, type CareRow } from '../../core/flows/input.js';
import type { SignalsResult } from '../../core/contract/analysis.js';
import { spiegel } from './cli-helpers.js';

const SEED = 2024;
const SCALE = 0.05;
let dir: string;
let truth: TruthWithSignal;
let service: Service;
const dbArgs = () => ['--db', join(dir, 'signal.db'), '--home', join(dir, 'home')];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-analysis-'));
  await writeRegion(join(dir, 'signal'), { seed: SEED, scale: SCALE, signal: true });
  truth = JSON.parse(readFileSync(join(dir, 'signal', 'truth.json'), 'utf8')) as TruthWithSignal;
  service = createService({ dbFile: join(dir, 'signal.db'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'signal')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
}, 900_000);
afterAll(() => service?.close());

const label = (_: string, key: string) => ({ nl: key, en: key });

/** A quiet region's care table straight from the plan (no files, no import): the periods DOMAIN.md §5 derives. */
function quietTable(seed: number, scale: number) {
  const plan = planRegion({ seed, scale });
  let latest = plan.rangeStart;
  for (const a of plan.assignments) for (const m of careMessages(a)) if (m.dagtekening > latest) latest = m.dagtekening;
  const peil = monthLast(monthIndex(latest));
  const index = new Map(plan.children.map((c, i) => [c.bsn, i]));
  const rows: CareRow[] = [];
  for (const p of plan.assignments.flatMap(periodsOf)) {
    if (p.start > peil) continue;
    const a = p.assignment;
    rows.push({ client: index.get(a.child.bsn)!, start: p.start, end: p.end === null || p.end > peil ? null : p.end, municipality: a.municipality, segment: segmentOf(a.category), provider: a.provider, category: a.category, endReason: p.endReason, toewijzingNr: a.nr, trajectory: -1 });
  }
  const clients = plan.children.map((c) => {
    const d = new Date(c.birth * 86_400_000);
    return { pseudonym: c.bsn, birth: d.getUTCFullYear() * 100 + d.getUTCMonth() + 1, gender: c.gender };
  });
  return careTable(rows, clients, peil);
}
const allSignals = { measures: ['instroom', 'clients'] as ('instroom' | 'clients')[], from: null, to: null, segment: null, municipality: null, direction: 'both' as const, suppress: false };

describe('early signals', () => {
  let r: SignalsResult;
  beforeAll(async () => {
    r = await service['analysis/signals']({ suppress: false });
  }, 300_000);
  const planted = (s: { segment: string; ageband: string; gender: string; municipality: string }) =>
    s.segment === truth.signal!.segment && s.ageband === truth.signal!.ageband && s.gender === truth.signal!.gender && s.municipality === truth.signal!.municipality;

  it('flags the planted rise in its first month, in its series, and nothing in that series before', () => {
    const starts = plantedStartsByMonth(truth);
    expect(starts.get(truth.signal!.month)).toBe(16); // 14 + 40 × 0.05 girls in the first month (signalSize)
    const first = r.signals.filter((s) => planted(s) && s.measure === 'instroom').map((s) => s.month).sort()[0];
    expect(first).toBe(truth.signal!.month);
    expect(r.signals.filter((s) => planted(s) && s.month < truth.signal!.month)).toEqual([]);
    const hit = r.signals.find((s) => planted(s) && s.measure === 'instroom' && s.month === truth.signal!.month)!;
    expect(hit.direction).toBe('up');
    expect(hit.observed.value).toBeGreaterThanOrEqual(16); // the planted girls plus the series' own inflow
    console.log(`planted rise ${truth.signal!.month}: observed ${hit.observed.value}, expected ${hit.expected}, band ${hit.lower}–${hit.upper}`);
  });

  it('raises at most 1 flag per 100 series-years outside the planted series', () => {
    const other = r.signals.filter((s) => !planted(s));
    console.log(`signal region: ${other.length} flags outside the planted series in ${r.seriesYears} series-years`);
    expect(other.length / r.seriesYears).toBeLessThanOrEqual(0.01);
  });

  it('stays quiet on regions without a planted change: ≤ 1 false flag per 100 series-years', () => {
    let flags = 0;
    let seriesYears = 0;
    for (const seed of [101, 202, 303]) {
      const q = runSignals(quietTable(seed, 0.1), allSignals, label, 5);
      console.log(`quiet region seed ${seed} scale 0.1: ${q.signals.length} flags in ${q.seriesYears} series-years (${q.series} series)`);
      flags += q.signals.length;
      seriesYears += q.seriesYears;
    }
    console.log(`quiet regions: ${flags} flags in ${seriesYears.toFixed(0)} series-years = ${((100 * flags) / seriesYears).toFixed(2)} per 100`);
    expect(seriesYears).toBeGreaterThan(2000);
    expect(flags / seriesYears).toBeLessThanOrEqual(0.01);
  }, 600_000);
});

describe('year-end forecast', () => {
  it('beats last year × trend on mean absolute error over the backtest years (forecast on 30 June)', async () => {
    const f = await service['analysis/forecast']({ year: 2025, suppress: false });
    const years = f.backtest.years.map((y) => y.year);
    expect(years).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    // The actual totals are the truth's: Σ of every declaration line of the year.
    for (const y of f.backtest.years) expect(y.actual).toBe(truth.lines.filter((l) => l.month.startsWith(String(y.year))).reduce((t, l) => t + l.amount, 0));
    for (const y of f.backtest.years) console.log(`${y.year}: actual € ${(y.actual / 100).toFixed(0)}, forecast € ${(y.forecast / 100).toFixed(0)}, baseline € ${(y.baseline / 100).toFixed(0)}`);
    console.log(`MAE forecast € ${(f.backtest.maeForecast! / 100).toFixed(0)}, baseline € ${(f.backtest.maeBaseline! / 100).toFixed(0)}`);
    expect(f.backtest.maeForecast!).toBeLessThan(f.backtest.maeBaseline!);
    expect(f.months).toHaveLength(12);
  });
});

describe('decomposition on the generated region', () => {
  it('adds up exactly per segment and in total; the spend is the truth’s', async () => {
    const d = await service['analysis/decomposition']({ base: '2023', compare: '2024', suppress: false });
    for (const row of d.rows) expect(row.volume.value! + row.price.value! + row.mix.value!).toBe(row.change.value);
    const total = d.rows.find((x) => x.segment === 'total')!;
    const sum = (y: string) => truth.lines.filter((l) => l.month.startsWith(y)).reduce((t, l) => t + l.amount, 0);
    expect([total.spendBase.value, total.spendCompare.value]).toEqual([sum('2023'), sum('2024')]);
  });
});

describe('waiting on the generated region', () => {
  it('lists exactly the truth’s never-started assignments that still run at the peildatum', async () => {
    const w = await service['analysis/waiting']({ suppress: false });
    const expected = truth.assignments
      .filter((a) => !a.started && !a.deleted && (a.end === null || a.end >= truth.peildatum) && a.assignedOn! <= truth.peildatum)
      .map((a) => `${a.municipality}|${a.nr}`)
      .sort();
    expect(w.notStarted.items.map((n) => `${n.municipality}|${n.toewijzingNr}`).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
  });
});

describe('the CLI', () => {
  it('spiegel signals: suppressed CSV with the planted row', async () => {
    const r = await spiegel(['signals', ...dbArgs()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.slice(1).trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]![0]).toContain('onderdrukt');
    const row = lines.find((l) => l[0] === 'instroom' && l[1] === truth.signal!.month && l[2] === 'specialistisch' && l[5] === truth.signal!.municipality)!;
    expect(row.slice(3, 5)).toEqual(['12-17', '2']);
    for (const l of lines.slice(3)) expect(l[7] === '<5' || l[7] === '0' || Number(l[7]) >= 5).toBe(true);
  }, 300_000);

  it('spiegel forecast --year: JSON with the backtest; a missing year is one clear line', async () => {
    const r = await spiegel(['forecast', '--year', '2025', '--format', 'json', ...dbArgs()]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { backtest: { maeForecast: number; maeBaseline: number }; suppression: { applied: boolean } };
    expect(out.suppression.applied).toBe(true);
    expect(out.backtest.maeForecast).toBeLessThan(out.backtest.maeBaseline);
    const bad = await spiegel(['forecast', ...dbArgs()]);
    expect([bad.code, bad.stderr]).toEqual([2, 'spiegel: forecast needs --year YYYY\n']);
  }, 300_000);
});
