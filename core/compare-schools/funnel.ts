// Funnel-plot control limits for a proportion (docs/SCHOOLS.md, "Funnel"): around the regional rate p0, at a
// school of n pupils, the limits within which its rate would fall with probability 95 % (99,8 %) if the school
// had the region's rate. Exact binomial with Spiegelhalter's interpolation (Stat Med 2005;24:1185), so the
// limits move smoothly with n instead of jumping between whole counts:
//   r = the smallest count with P(X ≤ r) ≥ q        (X ~ Binomial(n, p0), q = 0.025 / 0.975 or 0.001 / 0.999)
//   α = (P(X ≤ r) − q) / P(X = r)
//   limit = (r − α) / n
// A school lies inside when lower ≤ rate ≤ upper. Small schools get wide limits: six children of 40 (15 %) is
// no signal against 10 %, eighty of 400 (20 %) is.
import type { FunnelLimits, FunnelPosition } from '../contract/schools.js';

/** P(X = k) for k = 0..n, computed by the ratio recurrence in log space (no overflow for large n). */
function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  if (p <= 0) {
    pmf[0] = 1;
    return pmf;
  }
  if (p >= 1) {
    pmf[n] = 1;
    return pmf;
  }
  const lp = Math.log(p);
  const lq = Math.log(1 - p);
  let logC = 0; // log C(n, k)
  let max = -Infinity;
  const logs = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    if (k > 0) logC += Math.log(n - k + 1) - Math.log(k);
    logs[k] = logC + k * lp + (n - k) * lq;
    if (logs[k]! > max) max = logs[k]!;
  }
  let sum = 0;
  for (let k = 0; k <= n; k++) sum += pmf[k] = Math.exp(logs[k]! - max);
  for (let k = 0; k <= n; k++) pmf[k]! /= sum;
  return pmf;
}

/** The interpolated q-quantile of Binomial(n, p0) as a count (Spiegelhalter 2005). */
function limitCount(pmf: Float64Array, q: number): number {
  let cdf = 0;
  for (let r = 0; r < pmf.length; r++) {
    cdf += pmf[r]!;
    if (cdf >= q - 1e-12) {
      const alpha = pmf[r]! > 0 ? (cdf - q) / pmf[r]! : 0;
      return Math.max(0, r - alpha);
    }
  }
  return pmf.length - 1;
}

export function funnelLimits(p0: number, n: number): FunnelLimits {
  if (n <= 0) return { pupils: n, lower95: 0, upper95: 1, lower998: 0, upper998: 1 };
  const pmf = binomialPmf(n, p0);
  const at = (q: number) => Math.min(1, Math.max(0, limitCount(pmf, q) / n));
  return { pupils: n, lower95: at(0.025), upper95: at(0.975), lower998: at(0.001), upper998: at(0.999) };
}

export function funnelPosition(rate: number, l: FunnelLimits): FunnelPosition {
  if (rate > l.upper998) return 'above998';
  if (rate > l.upper95) return 'above95';
  if (rate < l.lower998) return 'below998';
  if (rate < l.lower95) return 'below95';
  return 'inside';
}

/** The band to draw: limits at about `points` pupil counts from min to max (geometric steps, whole pupils). */
export function funnelBand(p0: number, min: number, max: number, points = 40): FunnelLimits[] {
  if (max <= 0) return [];
  const lo = Math.max(1, min);
  const counts = new Set<number>([lo, max]);
  const ratio = max > lo ? Math.pow(max / lo, 1 / (points - 1)) : 1;
  for (let i = 1; i < points - 1 && ratio > 1; i++) counts.add(Math.round(lo * Math.pow(ratio, i)));
  return [...counts].sort((a, b) => a - b).map((n) => funnelLimits(p0, n));
}
