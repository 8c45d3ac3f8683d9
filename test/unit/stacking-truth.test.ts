// Stacking, sequences and regie op drie of a generated region with the planted stepped care
// (data/generate/stepped.ts) against the generator's ground truth (data/generate/truth/stacking.ts: day-by-day
// runs, no code shared with core/stacking), plus the planted counts recovered exactly.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planRegion, writeRegion, type Truth } from '../../data/generate/index.js';
import { PROSPECTIVE, STEPPED } from '../../data/generate/stepped.js';
import { truthConcurrent, truthHighest, truthProspective, truthRegie, truthStacking, type TruthStacking } from '../../data/generate/truth/stacking.js';
import { loadOrCreateKey, pseudonymise } from '../../data/import/pseudonym.js';
import { createService, type Service } from '../../data/service.js';
import { methods } from '../../core/contract/methods.js';

const SEED = 777;
const SCALE = 0.02;
let dir: string;
let truth: Truth;
let s: TruthStacking;
let service: Service;
let short: (bsn: string) => string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-stacking-'));
  await writeRegion(join(dir, 'region'), { seed: SEED, scale: SCALE, stepped: true });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  s = truthStacking(truth);
  service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'region')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
  const key = loadOrCreateKey(join(dir, 'home', 'pseudonym.key'));
  short = (bsn) => pseudonymise(key, bsn).slice(0, 12);
}, 600_000);

afterAll(() => service?.close());

const v = (c: { value: number | null }) => c.value;
const years = () => Array.from({ length: Number(truth.peildatum.slice(0, 4)) - Number(truth.start.slice(0, 4)) + 1 }, (_, i) => String(Number(truth.start.slice(0, 4)) + i));

describe('the stepped-care option', () => {
  it('adds only its own children: the rest of the plan, and the money stream, are the same without it', () => {
    const plain = planRegion({ seed: SEED, scale: SCALE });
    const stepped = planRegion({ seed: SEED, scale: SCALE, stepped: true });
    const own = new Set(stepped.stepped!.children);
    const strip = (p: typeof plain) => p.assignments.filter((a) => !own.has(a.child)).map((a) => [a.child.bsn, a.nr, a.category, a.start, a.versions.length, a.starts.length]);
    expect(strip(stepped)).toEqual(strip(plain));
    expect(stepped.assignments.length - plain.assignments.length).toBe(stepped.stepped!.assignments.length);
    expect(stepped.moneyRng.int(0, 1e9)).toBe(plain.moneyRng.int(0, 1e9));
  });
});

describe(`stacking of a generated region (seed ${SEED}, scale ${SCALE}, with planted stepped care)`, () => {
  it('concurrent stacking on every month-end equals the truth', async () => {
    let stacked = 0;
    for (const year of years()) {
      const r = await service['query/stacking']({ period: year, suppress: false });
      r.points.forEach((p, i) => {
        const c = r.cells[i]![0]!;
        const want = truthConcurrent(s, p.day);
        expect([v(c.clients), v(c.one), v(c.two), v(c.threePlus)], p.day).toEqual([want.clients, want.one, want.two, want.threePlus]);
        stacked += want.two + want.threePlus;
      });
    }
    expect(stacked).toBeGreaterThan(0);
  }, 120_000);

  it('the distribution of the highest number per episode equals the truth', async () => {
    const r = await service['query/sequences']({ suppress: false });
    methods['query/sequences'].result.parse(r);
    const got = Object.fromEntries(r.highest.filter((h) => v(h.episodes)! > 0).map((h) => [h.key, v(h.episodes)]));
    expect(got).toEqual(truthHighest(s));
    expect(v(r.episodes)).toBe(Object.values(got).reduce((a, b) => a! + b!, 0));
  }, 120_000);

  it('the regie-op-drie list of every year (number 3, and 3 or higher) equals the truth', async () => {
    let rows = 0;
    for (const year of years()) {
      for (const orHigher of [false, true]) {
        const r = await service['query/regie-op-drie']({ period: year, orHigher });
        expect(r.rows.map((x) => `${x.municipality}|${x.toewijzingNr}`).sort(), `${year} ${orHigher}`).toEqual(truthRegie(s, r.start, r.end, 3, orHigher));
        for (const x of r.rows) expect(x.earlier.filter((t) => t.number > 0).map((t) => t.number).at(-1)).toBe(x.number - 1);
        rows += r.rows.length;
      }
    }
    expect(rows).toBeGreaterThan(0);
  }, 120_000);

  it('recovers the planted stepped care: each planted child reaches exactly its planted number', async () => {
    const planted = truth.stepped!;
    const y = planted.year;
    const lists = await Promise.all([String(y), String(y + 1)].map((p) => service['query/regie-op-drie']({ period: p, orHigher: true })));
    const mine = new Map(Object.entries(planted.highest).map(([bsn, h]) => [short(bsn), h]));
    const hits = lists.flatMap((l) => l.rows).filter((x) => mine.has(x.pseudonym));
    const highestOf = new Map<string, number>();
    for (const x of hits) highestOf.set(x.pseudonym, Math.max(highestOf.get(x.pseudonym) ?? 0, x.number));
    expect(highestOf).toEqual(mine);
    // 9 × 1 + 6 × 2 + 4 × 3 + 2 × 5 rows numbered 3 or higher; 21 of them numbered exactly 3.
    expect(hits.length).toBe(STEPPED.reduce((n, [h, c]) => n + (h - 2) * c, 0));
    expect(hits.filter((x) => x.number === 3)).toHaveLength(STEPPED.reduce((n, [, c]) => n + c, 0));
  }, 120_000);

  it('the prospective list equals the truth and holds the planted children', async () => {
    const r = await service['query/regie-op-drie-prospective']({});
    methods['query/regie-op-drie-prospective'].result.parse(r);
    const got = new Map(r.rows.map((x) => [x.pseudonym, { request: x.triggers.filter((g) => g.kind === 'request').length, assignment: x.triggers.filter((g) => g.kind === 'assignment').length }]));
    const want = new Map([...truthProspective(truth, s)].map(([bsn, f]) => [short(bsn), f]));
    expect(got).toEqual(want);
    const planted = truth.stepped!.prospective.map(short);
    expect(planted).toHaveLength(PROSPECTIVE);
    for (const p of planted) expect(got.get(p)).toEqual({ request: 1, assignment: 1 });
    for (const x of r.rows) expect(x.current.map((c) => c.number).at(-1)).toBe(2);
  }, 120_000);
});
