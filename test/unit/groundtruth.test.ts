// A generated region through import and pivot, compared cell by cell with the generator's ground truth
// (data/generate/truth: computed from what the generator planned, sharing no code with core/ or data/model).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRegion, truthPivot, type Dim, type Measure, type Truth } from '../../data/generate/index.js';
import { createService, type Service } from '../../data/service.js';
import type { PivotResult } from '../../core/contract/methods.js';
import { spiegel } from './cli-helpers.js';
import { shape } from '../fixtures/truth-compare.js';

const SEED = 4242;
const SCALE = 0.02;
const MEASURES: Measure[] = ['clients', 'trajectories', 'claimed', 'approved'];
/** The dimensions the generator's truth knows; totals are distinct counts over the union of the cells. */
const DIMENSIONS: Dim[] = ['municipality', 'provider', 'segment', 'category', 'gender', 'ageband', 'year', 'quarter', 'month'];
const UNION = { totals: 'union' } as const;

let dir: string;
let truth: Truth;
let service: Service;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spiegel-gt-'));
  await writeRegion(join(dir, 'region'), { seed: SEED, scale: SCALE });
  truth = JSON.parse(readFileSync(join(dir, 'region', 'truth.json'), 'utf8')) as Truth;
  service = createService({ dbFile: join(dir, 'spiegel.db'), home: join(dir, 'home') });
  const report = await service['import/files']({ paths: [join(dir, 'region')] });
  expect(report.files.filter((f) => f.status === 'rejected')).toEqual([]);
}, 600_000);

afterAll(() => service?.close());

describe(`a generated region (seed ${SEED}, scale ${SCALE}) equals the generator's ground truth`, () => {
  it('through `spiegel pivot --rows municipality --cols year --measure clients,trajectories,approved --no-suppression`', async () => {
    const r = await spiegel([
      'pivot', '--db', join(dir, 'spiegel.db'), '--home', join(dir, 'home'),
      '--rows', 'municipality', '--cols', 'year', '--measure', 'clients,trajectories,approved', '--no-suppression', '--format', 'json',
    ]);
    expect(r.stderr).toBe('');
    const ours = shape(JSON.parse(r.stdout) as PivotResult);
    const want = truthPivot(truth, { rows: ['municipality'], cols: ['year'], measures: ['clients', 'trajectories', 'approved'] }, UNION);
    expect(ours.rowKeys.length).toBe(7); // the seven FoodValley municipalities
    expect(ours.colKeys.length).toBeGreaterThanOrEqual(10); // at least ten years
    expect(ours).toEqual(want);
  }, 120_000);

  const pairs: [Dim, Dim][] = [];
  for (const a of DIMENSIONS) for (const b of DIMENSIONS) if (a < b) pairs.push([a, b]);
  it.each(pairs)('rows %s × cols %s, all measures, money to the cent', async (a, b) => {
    const ours = shape(await service['query/pivot']({ rows: [a], cols: [b], measures: MEASURES, suppress: false }));
    const want = truthPivot(truth, { rows: [a], cols: [b], measures: MEASURES }, UNION);
    expect(ours).toEqual(want);
  }, 120_000);

  it.each(DIMENSIONS.map((d) => [d]))('rows %s alone', async (d) => {
    const ours = shape(await service['query/pivot']({ rows: [d], measures: MEASURES, suppress: false }));
    expect(ours).toEqual(truthPivot(truth, { rows: [d], cols: [], measures: MEASURES }, UNION));
  }, 120_000);
});
