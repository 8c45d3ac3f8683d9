// The transitions of one step (number n → n+1) as doorstroom cells, so the flows view's sankey geometry
// (flows/sankeyModel.ts) draws them. A same-day pair ('a+b', heaviest first) is drawn under its first segment;
// the tables show the pair itself. A hidden (suppressed) transition hides the band it would add to.
import type { DoorstroomCell, DoorstroomState } from '../../core/contract/flows.js';
import { DOORSTROOM_STATES } from '../../core/contract/flows.js';
import type { SequencesResult } from '../../core/contract/stacking.js';

const stateOf = (key: string): DoorstroomState => {
  const first = key.split('+')[0] ?? key;
  return (DOORSTROOM_STATES as readonly string[]).includes(first) ? (first as DoorstroomState) : 'overig';
};

export function transitionCells(transitions: SequencesResult['transitions'], step: number): DoorstroomCell[] {
  const cells = new Map<string, DoorstroomCell>();
  for (const x of transitions) {
    if (x.step !== step) continue;
    const from = stateOf(x.from);
    const to = stateOf(x.to);
    const k = `${from}>${to}`;
    const prev = cells.get(k);
    const value = x.episodes.value;
    if (!prev) cells.set(k, { from, to, clients: value, flag: x.episodes.flag });
    else cells.set(k, { ...prev, clients: prev.clients === null || value === null ? null : prev.clients + value, flag: value === null ? x.episodes.flag : prev.flag });
  }
  return [...cells.values()];
}

/** The steps that have any transition, in order. */
export const transitionSteps = (transitions: SequencesResult['transitions']): number[] => [...new Set(transitions.map((x) => x.step))].sort((a, b) => a - b);
