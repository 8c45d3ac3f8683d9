// Poisson limits against values worked out by hand (P(X ≥ k) summed from the mass function).
import { describe, expect, it } from 'vitest';
import { lowerLimit, upperLimit, upperTail } from './poisson.js';

describe('Poisson limits', () => {
  it('λ = 1: P(X ≥ 5) = 1 − e⁻¹(1 + 1 + 1/2 + 1/6 + 1/24) = 0.00366', () => {
    expect(upperTail(5, 1)).toBeCloseTo(0.003660, 6);
    // P(X ≥ 6) = 0.000594, P(X ≥ 7) = 0.0000832: the first at or below 0.0001 is 7.
    expect(upperLimit(1, 0.0001)).toBe(7);
  });
  it('λ = 20: P(X ≤ 5) = 0.0000719 ≤ 0.0001 < P(X ≤ 6) = 0.000255, so the lower limit is 5', () => {
    expect(lowerLimit(20, 0.0001)).toBe(5);
    expect(lowerLimit(2, 0.0001)).toBe(-1); // P(X = 0) = 0.135: no count is unusually low
  });
});
