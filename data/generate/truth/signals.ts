// Ground truth of the planted early signal (data/generate/signal.ts): the series and the first month of the
// rise, and the planted girls' starts per month — counted straight from truth.json's periods, sharing no code
// with core/analysis.
import { SIGNAL_CATEGORY, SIGNAL_MUNICIPALITY, type Signal } from '../signal.js';
import type { Truth } from './types.js';

export interface SignalTruth {
  month: string; // first month of the rise, 'YYYY-MM'
  segment: 'specialistisch';
  ageband: '12-17';
  gender: '2';
  municipality: string;
  category: string;
  children: string[]; // BSNs of the planted girls
}

export type TruthWithSignal = Truth & { signal?: SignalTruth };

export function signalTruth(s: Signal): SignalTruth {
  return { month: s.month, segment: 'specialistisch', ageband: '12-17', gender: '2', municipality: SIGNAL_MUNICIPALITY, category: SIGNAL_CATEGORY, children: s.children.map((c) => c.bsn) };
}

/** Planted starts per month 'YYYY-MM', from the truth's care periods of the planted girls. */
export function plantedStartsByMonth(truth: TruthWithSignal): Map<string, number> {
  const out = new Map<string, number>();
  if (!truth.signal) return out;
  const girls = new Set(truth.signal.children);
  for (const p of truth.periods) if (girls.has(p.bsn)) out.set(p.start.slice(0, 7), (out.get(p.start.slice(0, 7)) ?? 0) + 1);
  return out;
}
