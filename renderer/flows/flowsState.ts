// The flows view's state in the URL hash (#flows?s=…), like the pivot's: a reload, bookmark or back button
// restores it, and whatever the hash holds is checked against the contract before it is used.
import { z } from 'zod';
import { DOORSTROOM_STATES, FLOW_BREAKDOWNS, FLOW_GRAINS, flowSegment, isPeriodKey, type FlowsQueryInput } from '../../core/contract/flows.js';
import { periodKey } from '../../core/contract/period.js';

export const flowsState = z
  .object({
    grain: z.enum(FLOW_GRAINS),
    by: z.enum(FLOW_BREAKDOWNS),
    segment: flowSegment.nullable(),
    municipality: z.string().regex(/^\d{4}$/).nullable(),
    from: periodKey.nullable(),
    to: periodKey.nullable(),
    suppress: z.boolean(),
    /** The group the chart and table show ('' = every group, the table in sections, the chart one line each). */
    group: z.string(),
    /** The period of the doorstroom diagram and the growth decomposition (null = the last complete one). */
    period: periodKey.nullable(),
    /** The segment of the waterfall (null = the segment filter, else the largest). */
    growthSegment: flowSegment.nullable(),
    /** Draw the children who stay in the same state as bands too. */
    stayers: z.boolean(),
  })
  .strict();
export type FlowsState = z.infer<typeof flowsState>;

export const DEFAULT_FLOWS: FlowsState = {
  grain: 'year',
  by: 'region',
  segment: null,
  municipality: null,
  from: null,
  to: null,
  suppress: true,
  group: '',
  period: null,
  growthSegment: null,
  stayers: true,
};

/** A change of grain drops what no longer fits it: period keys of another grain. */
export function withGrain(s: FlowsState, grain: FlowsState['grain']): FlowsState {
  const fits = (k: string | null) => (k !== null && isPeriodKey(grain, k) ? k : null);
  return { ...s, grain, from: fits(s.from), to: fits(s.to), period: fits(s.period) };
}

/** The query/flows arguments of a state; meeting mode forces suppression. */
export function flowsQueryOf(s: FlowsState, meeting: boolean): FlowsQueryInput {
  return {
    grain: s.grain,
    by: s.by,
    ...(s.from ? { from: s.from } : {}),
    ...(s.to ? { to: s.to } : {}),
    ...(s.segment ? { segment: s.segment } : {}),
    ...(s.municipality ? { municipality: s.municipality } : {}),
    suppress: meeting || s.suppress,
  };
}

export function stateToHash(s: FlowsState): string {
  return `#flows?${new URLSearchParams({ s: JSON.stringify(s) }).toString()}`;
}

/** The state in a hash, or null when it holds none (or an invalid one: then the default is used). */
export function stateFromHash(hash: string): FlowsState | null {
  const m = /^#?flows\?(.*)$/.exec(hash);
  if (!m) return null;
  const text = new URLSearchParams(m[1]).get('s');
  if (!text) return null;
  try {
    const parsed = flowsState.safeParse({ ...DEFAULT_FLOWS, ...(JSON.parse(text) as object) });
    if (!parsed.success) return null;
    const s = parsed.data;
    // Keys that do not fit the grain (a hand-edited link) fall away rather than failing the query.
    return withGrain(s, s.grain);
  } catch {
    return null;
  }
}

export const STATE_ORDER: readonly string[] = DOORSTROOM_STATES;
