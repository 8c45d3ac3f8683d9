// Each hand-worked child on its own through the real CLI (import, then pivot --no-suppression): one edge
// case of DOMAIN.md §5 per set. Expected figures are worked out in test/fixtures/handworked.md.
import { leaves } from '../fixtures/truth-compare.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handworkedScenarios, type ChildId } from '../fixtures/handworked.js';
import { spiegel } from './cli-helpers.js';
import type { PivotResult } from '../../core/contract/methods.js';

type Figures = Record<string, Record<string, number>>;
const EXPECTED: Record<ChildId, { peildatum: string; figures: Figures; total: number }> = {
  A: { peildatum: '2025-03-31', figures: { '0228|specialistisch': { 2024: 1, 2025: 1 } }, total: 1 },
  B: { peildatum: '2024-05-31', figures: {}, total: 0 },
  C: { peildatum: '2024-02-29', figures: { '0228|specialistisch': { 2023: 1, 2024: 1 } }, total: 1 },
  D: { peildatum: '2025-02-28', figures: { '0228|verblijf': { 2024: 1 } }, total: 1 },
  E: { peildatum: '2024-02-29', figures: {}, total: 0 },
  F: { peildatum: '2024-06-30', figures: {}, total: 0 },
  G: { peildatum: '2024-04-30', figures: { '0228|specialistisch': { 2024: 1 } }, total: 1 },
  H: { peildatum: '2024-05-31', figures: { '0228|verblijf': { 2024: 1 }, '0228|specialistisch': { 2024: 1 } }, total: 1 },
  I: { peildatum: '2024-07-31', figures: { '0228|specialistisch': { 2024: 1 }, '0345|specialistisch': { 2024: 1 } }, total: 1 },
  J: { peildatum: '2024-04-30', figures: { '0228|specialistisch': { 2024: 1 } }, total: 1 },
  K: { peildatum: '2025-06-30', figures: { '0345|crisis': { 2025: 1 } }, total: 1 },
  L: { peildatum: '2025-03-31', figures: { '0345|verblijf': { 2025: 1 } }, total: 1 },
};

function figures(result: PivotResult): Figures {
  const p = leaves(result);
  const out: Figures = {};
  p.rowKeys.forEach((r, i) => {
    const row: Record<string, number> = {};
    p.colKeys.forEach((c, j) => {
      const n = p.cells[i]![j]!.clients!;
      if (n !== 0) row[c.join('|')] = n;
    });
    out[r.join('|')] = row;
  });
  return out;
}

describe.concurrent('each hand-worked child through spiegel import + pivot', () => {
  const scenarios = handworkedScenarios();
  it.each(Object.keys(EXPECTED) as ChildId[])('child %s', async (child) => {
    const dir = mkdtempSync(join(tmpdir(), `spiegel-sc-${child}-`));
    mkdirSync(join(dir, 'in'));
    scenarios[child].forEach((xml, i) => writeFileSync(join(dir, 'in', `${child}-${i + 1}.xml`), xml));
    const common = ['--db', join(dir, 'db.sqlite'), '--home', join(dir, 'home')];
    const imported = await spiegel(['import', join(dir, 'in'), ...common]);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await spiegel(['pivot', ...common, '--rows', 'municipality,segment', '--cols', 'year', '--no-suppression', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const p = JSON.parse(r.stdout) as PivotResult;
    const want = EXPECTED[child];
    expect(p.peildatum).toBe(want.peildatum);
    expect(figures(p)).toEqual(want.figures);
    expect(leaves(p).grandTotal.clients).toBe(want.total);
  }, 240_000); // 12 children at once, two CLI processes each: on a busy 2-core machine this takes minutes
});
