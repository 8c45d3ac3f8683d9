// Denominators from overlapping CBS age groups, worked out by hand.
import { describe, expect, it } from 'vitest';
import { populationAged } from './population.js';

const g = (from: number, to: number | null, count: number) => ({ from, to, count });

describe('populationAged', () => {
  it('sums groups that cover the range exactly, ignoring overlapping totals', () => {
    // 0–4: 50, 5–9: 60, 10–17: 70 → 180; "Totaal" (0+) and 0–14 overlap and are not used.
    expect(populationAged([g(0, null, 999), g(0, 14, 400), g(0, 4, 50), g(5, 9, 60), g(10, 17, 70)], 0, 17)).toBe(180);
  });

  it('takes an exact group as it is, and single years when that is what there is', () => {
    expect(populationAged([g(0, 17, 123), g(0, 4, 1)], 0, 17)).toBe(123);
    expect(populationAged(Array.from({ length: 18 }, (_, a) => g(a, a, a)), 0, 17)).toBe(153); // 0 + 1 + … + 17
  });

  it('gives no denominator for a gap or a group that runs past the end', () => {
    expect(populationAged([g(0, 4, 50), g(10, 17, 70)], 0, 17)).toBeNull();
    expect(populationAged([g(0, 14, 50), g(15, 19, 70)], 0, 17)).toBeNull();
  });
});
