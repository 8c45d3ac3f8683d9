// Poisson limits for the control band of analysis/signals (docs/ANALYSIS.md): the probability mass summed term
// by term from 0, once per limit (linear in the limit). Series counts stay far below the ~700 where e^−λ
// underflows; above 600 the normal approximation with continuity correction is used instead.

const Z: [number, number][] = [[0.001, 3.090], [0.0001, 3.719], [0.00001, 4.265]];
const zOf = (alpha: number) => (Z.find(([a]) => a <= alpha) ?? Z[Z.length - 1]!)[1];

/** P(X ≥ k) for X ~ Poisson(lambda). */
export function upperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= lambda / (i + 1);
  }
  return Math.max(0, 1 - below);
}

/** The smallest k with P(X ≥ k) ≤ alpha: observing k or more is a signal. */
export function upperLimit(lambda: number, alpha: number): number {
  if (lambda > 600) return Math.ceil(lambda + 0.5 + zOf(alpha) * Math.sqrt(lambda));
  if (lambda <= 0) return 1;
  let term = Math.exp(-lambda); // P(X = k)
  let cdf = 0; // P(X ≤ k − 1)
  let k = 0;
  while (1 - cdf > alpha) {
    cdf += term;
    k++;
    term *= lambda / k;
  }
  return k;
}

/** The largest k with P(X ≤ k) ≤ alpha (−1 when even 0 is not unusual): observing k or fewer is a signal. */
export function lowerLimit(lambda: number, alpha: number): number {
  if (lambda > 600) return Math.floor(lambda - 0.5 - zOf(alpha) * Math.sqrt(lambda));
  let term = Math.exp(-lambda);
  let cdf = term; // P(X ≤ 0)
  let k = 0;
  while (cdf <= alpha) {
    k++;
    term *= lambda / k;
    cdf += term;
  }
  return k - 1;
}
