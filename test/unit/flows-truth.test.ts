// Flows of a generated region against the generator's ground truth (data/generate/truth/flows.ts: day-by-day
// membership, no code shared with core/flows), for every breakdown and grain; the stock-flow identity on every
// period × group; and the planted shift (data/generate/shift.ts) recovered exactly by the growth decomposition.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion, type Truth } from '../../data/generate/index.js';
import { truthDoorstroom, truthFlows, type FlowsBy, type FlowsGrain, type TruthFlowsQuery } from '../../data/generate/truth/flows.js';
import { createService, type Service } from '../../data/service.js';
import type { FlowsResult, GrowthResult } from '../../core/contract/methods.js';
import { SHIFT_MOVED, SHIFT_NEW } from '../../data/generate/shift.js';

const SEED = 4242;
const SCALE = 0.02;
let dir: string;
let truth: Truth;
let service: Service; // with the planted shift
let without: Service; // the same region without it

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-flows-'));
  await writeRegion(join(dir, 'shift'), { seed: SEED, scale: SCALE, shift: true });
  await writeRegion(join(dir, 'plain'), { seed: SEED, scale: SCALE });
  truth = JSON.parse(readFileSync(join(dir, 'shift', 'truth.json'), 'utf8')) as Truth;
  service = createService({ dbFile: join(dir, 'shift.db'), home: join(dir, 'home') });
  without = createService({ dbFile: join(dir, 'plain.db'), home: join(dir, 'home') });
  for (const [s, d] of [[service, 'shift'], [without, 'plain']] as const) {
    const report = await s['import/files']({ paths: [join(dir, d)] });
    expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  }
}, 600_000);

afterAll(() => {
  service?.close();
  without?.close();
});

const v = (c: { value: number | null }) => c.value!;

/** Our figures per `${period}|${group}`, in the truth's shape (zero figures left out, as the truth leaves them out). */
function ours(r: FlowsResult) {
  const out = new Map<string, object>();
  r.periods.forEach((p, i) =>
    r.groups.forEach((g, j) => {
      const c = r.cells[i]![j]!;
      const reasons: Record<string, number> = {};
      r.reasons.forEach((reason, k) => {
        if (v(c.uitstroom.byReason[k]!) > 0) reasons[reason.key] = v(c.uitstroom.byReason[k]!);
      });
      const figures = {
        beginstand: v(c.beginstand), nieuw: v(c.instroom.nieuw), herhaald: v(c.instroom.herhaald), doorstroom: v(c.instroom.doorstroom),
        uitstroom: v(c.uitstroom.total), reasons, eindstand: v(c.eindstand),
      };
      if (Object.values(figures).some((x) => typeof x === 'number' && x > 0)) out.set(`${p.key}|${g.key}`, figures);
    }),
  );
  return out;
}

function theirs(q: TruthFlowsQuery) {
  const t = truthFlows(truth, q);
  return {
    periods: t.periods,
    cells: new Map([...t.cells].map(([k, c]) => [k, { beginstand: c.beginstand, nieuw: c.nieuw, herhaald: c.herhaald, doorstroom: c.doorstroom, uitstroom: c.uitstroom, reasons: c.reasons, eindstand: c.eindstand }])),
  };
}

function checkIdentity(r: FlowsResult): number {
  let checked = 0;
  r.groups.forEach((_, j) =>
    r.periods.forEach((_, i) => {
      const c = r.cells[i]![j]!;
      expect(v(c.instroom.nieuw) + v(c.instroom.herhaald) + v(c.instroom.doorstroom)).toBe(v(c.instroom.total));
      expect(c.uitstroom.byReason.reduce((s, x) => s + v(x), 0)).toBe(v(c.uitstroom.total));
      expect(v(c.eindstand)).toBe(v(c.beginstand) + v(c.instroom.total) - v(c.uitstroom.total));
      if (i + 1 < r.periods.length) expect(v(r.cells[i + 1]![j]!.beginstand)).toBe(v(c.eindstand));
      checked++;
    }),
  );
  return checked;
}

const GRAINS: FlowsGrain[] = ['year', 'quarter', 'month'];
const BREAKDOWNS: FlowsBy[] = ['region', 'municipality', 'segment', 'ageband', 'gender'];
const cases: [FlowsGrain, FlowsBy][] = GRAINS.flatMap((g) => BREAKDOWNS.map((b) => [g, b] as [FlowsGrain, FlowsBy]));

describe(`flows of a generated region (seed ${SEED}, scale ${SCALE}, with the planted shift)`, () => {
  it.each(cases)('grain %s by %s: identity on every period × group, every figure equals the truth', async (grain, by) => {
    const r = await service['query/flows']({ grain, by, suppress: false });
    expect(checkIdentity(r)).toBe(r.periods.length * r.groups.length);
    expect(r.groups.length).toBeGreaterThanOrEqual(by === 'region' ? 1 : 2);
    const want = theirs({ grain, by });
    expect(r.periods.map((p) => p.key)).toEqual(want.periods);
    expect(ours(r)).toEqual(want.cells);
  }, 120_000);

  it.each([
    ['quarter', 'municipality', { segment: 'specialistisch' }],
    ['year', 'segment', { municipality: '0228' }],
    ['month', 'region', { segment: 'verblijf', municipality: '0345' }],
  ] as const)('grain %s by %s with filters %j', async (grain, by, filters) => {
    const r = await service['query/flows']({ grain, by, ...filters, suppress: false });
    checkIdentity(r);
    expect(ours(r)).toEqual(theirs({ grain, by, ...filters }).cells);
  }, 120_000);

  it('instroom splits into all three kinds somewhere, and nieuw is flagged as uncertain in the first five years', async () => {
    const r = await service['query/flows']({ grain: 'year', by: 'segment', suppress: false });
    const sum = (f: (c: FlowsResult['cells'][number][number]) => number) => r.cells.flat().reduce((s, c) => s + f(c), 0);
    expect(sum((c) => v(c.instroom.nieuw))).toBeGreaterThan(0);
    expect(sum((c) => v(c.instroom.herhaald))).toBeGreaterThan(0);
    expect(sum((c) => v(c.instroom.doorstroom))).toBeGreaterThan(0);
    expect(r.periods.filter((p) => p.historyIncomplete).map((p) => p.key)).toEqual(['2015', '2016', '2017', '2018', '2019']);
    expect(r.historyFrom?.slice(0, 4)).toBe('2020');
  }, 120_000);

  it.each([
    ['year', '2022', undefined],
    ['quarter', '2023-Q2', undefined],
    ['month', '2019-11', '0228'],
  ] as const)('doorstroom matrix %s %s (municipality %s) equals the truth', async (grain, period, municipality) => {
    const r = await service['query/doorstroom']({ grain, period, ...(municipality ? { municipality } : {}), suppress: false });
    const got = new Map(r.cells.map((c) => [`${c.from}>${c.to}`, c.clients!]));
    expect(got).toEqual(truthDoorstroom(truth, grain, period, municipality));
    expect(r.clients).toBe([...got.values()].reduce((s, x) => s + x, 0));
    const band = r.cells.find((c) => c.from !== c.to && c.from !== 'geen')!;
    const kids = await service['query/doorstroom-children']({ grain, period, ...(municipality ? { municipality } : {}), from: band.from, to: band.to });
    expect(kids.total).toBe(band.clients);
    for (const k of kids.children) expect(k.pseudonym).toMatch(/^[0-9a-f]{12}$/);
  }, 120_000);

  it('the growth decomposition adds up and equals the truth for every segment', async () => {
    const year = String(truth.shift!.year);
    const g = await service['query/growth']({ grain: 'year', period: year, suppress: false });
    const t = truthFlows(truth, { grain: 'year', by: 'segment' });
    for (const row of g.rows) {
      const c = t.cells.get(`${year}|${row.segment}`);
      const to = (c?.reasons.doorstroom ?? 0) + (c?.reasons.verhuizing ?? 0);
      expect(v(row.change)).toBe(v(row.nieuw) + v(row.herhaald) + v(row.fromOtherSegments) - v(row.toOtherSegments) - v(row.outOfCare));
      expect([v(row.beginstand), v(row.eindstand), v(row.nieuw), v(row.herhaald), v(row.fromOtherSegments), v(row.toOtherSegments), v(row.outOfCare)]).toEqual([
        c?.beginstand ?? 0, c?.eindstand ?? 0, c?.nieuw ?? 0, c?.herhaald ?? 0, c?.doorstroom ?? 0, to, (c?.uitstroom ?? 0) - to,
      ]);
      expect(Object.fromEntries(row.fromBySegment.map((x) => [x.segment, v(x.count)]))).toEqual(c?.fromBy ?? {});
      expect(Object.fromEntries(row.toBySegment.map((x) => [x.segment, v(x.count)]))).toEqual(c?.toBy ?? {});
    }
  }, 120_000);

  it(`recovers the planted shift exactly: ${SHIFT_MOVED} from residential to ambulant, ${SHIFT_NEW} new ambulant children`, async () => {
    expect(truth.shift!.moved).toHaveLength(SHIFT_MOVED);
    expect(truth.shift!.newAmbulant).toHaveLength(SHIFT_NEW);
    const period = String(truth.shift!.year);
    const get = async (s: Service) => (await s['query/growth']({ grain: 'year', period, suppress: false })).rows;
    const [a, b] = [await get(service), await get(without)];
    const row = (rows: GrowthResult['rows'], seg: string) => rows.find((r) => r.segment === seg)!;
    const by = (list: GrowthResult['rows'][number]['fromBySegment'], seg: string) => v(list.find((x) => x.segment === seg)?.count ?? { value: 0 });
    const amb = [row(a, 'specialistisch'), row(b, 'specialistisch')] as const;
    const res = [row(a, 'verblijf'), row(b, 'verblijf')] as const;
    expect(v(amb[0].nieuw) - v(amb[1].nieuw)).toBe(SHIFT_NEW);
    expect(v(amb[0].fromOtherSegments) - v(amb[1].fromOtherSegments)).toBe(SHIFT_MOVED);
    expect(by(amb[0].fromBySegment, 'verblijf') - by(amb[1].fromBySegment, 'verblijf')).toBe(SHIFT_MOVED);
    expect(v(amb[0].herhaald) - v(amb[1].herhaald)).toBe(0);
    expect(v(amb[0].change) - v(amb[1].change)).toBe(SHIFT_NEW + SHIFT_MOVED); // all still in ambulant care at the year's end
    expect(v(res[0].toOtherSegments) - v(res[1].toOtherSegments)).toBe(SHIFT_MOVED);
    expect(by(res[0].toBySegment, 'specialistisch') - by(res[1].toBySegment, 'specialistisch')).toBe(SHIFT_MOVED);
  }, 120_000);

  it('durations: ended region spells are the region uitstroom; ongoing ones the eindstand at the peildatum', async () => {
    const d = await service['query/durations']({ grain: 'year', suppress: false });
    const t = truthFlows(truth, { grain: 'year', by: 'region' });
    const ended = [...t.cells.values()].reduce((s, c) => s + c.uitstroom, 0);
    const last = t.cells.get(`${t.periods[t.periods.length - 1]}|all`)!;
    expect(v(d.spells.find((r) => r.key === 'ended')!.count)).toBe(ended);
    expect(v(d.spells.find((r) => r.key === 'ongoing')!.count)).toBe(last.eindstand);
    for (const r of [...d.trajectories, ...d.spells]) expect(r.classes.reduce((s, c) => s + v(c), 0)).toBe(v(r.count));
    const total = d.trajectories.find((r) => r.key === 'total')!;
    expect(d.trajectories.filter((r) => r.key !== 'total').reduce((s, r) => s + v(r.count), 0)).toBe(v(total.count));
  }, 120_000);
});
