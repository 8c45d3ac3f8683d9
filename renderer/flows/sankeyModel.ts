// The doorstroom diagram's geometry (vega-lite has no sankey): the from-states stacked in a left column, the
// to-states in a right one, heaviest segment on top and "geen zorg" last, and one band per (from, to) cell
// whose thickness is its number of children. Each band leaves its left node in the order of the right
// column and enters its right node in the order of the left one, so bands do not cross inside a node.
// Units: y in children (0 = top), x from 0 (left column) to 1 (right column). Suppressed cells are not drawn.
import type { DoorstroomCell, DoorstroomState } from '../../core/contract/flows.js';
import { DOORSTROOM_STATES } from '../../core/contract/flows.js';

export const NODE_WIDTH = 0.04;
const STEPS = 24; // points along a band: smooth enough at any width
const GAP_SHARE = 0.04; // space between nodes, as a share of all children drawn

export interface SankeyNode {
  side: 'from' | 'to';
  state: DoorstroomState;
  y0: number;
  y1: number;
  clients: number; // drawn children (the cells shown)
}
export interface SankeyBand {
  from: DoorstroomState;
  to: DoorstroomState;
  clients: number;
  points: { x: number; top: number; bottom: number }[];
}
export interface SankeyModel {
  nodes: SankeyNode[];
  bands: SankeyBand[];
  height: number; // extent of the taller column, in children
  hidden: number; // cells left out because they are suppressed
}

const rank = (s: DoorstroomState) => DOORSTROOM_STATES.indexOf(s);
const ease = (t: number) => t * t * (3 - 2 * t); // smoothstep: flat at both nodes

export function sankeyModel(cells: readonly DoorstroomCell[], stayers: boolean): SankeyModel {
  const hidden = cells.filter((c) => c.clients === null).length;
  const drawn = cells.filter((c): c is DoorstroomCell & { clients: number } => c.clients !== null && c.clients > 0 && (stayers || c.from !== c.to));
  const total = drawn.reduce((n, c) => n + c.clients, 0);
  const gap = Math.max(total * GAP_SHARE, 0.5);

  const column = (side: 'from' | 'to'): Map<DoorstroomState, SankeyNode> => {
    const sums = new Map<DoorstroomState, number>();
    for (const c of drawn) sums.set(c[side], (sums.get(c[side]) ?? 0) + c.clients);
    const nodes = new Map<DoorstroomState, SankeyNode>();
    let y = 0;
    for (const state of DOORSTROOM_STATES) {
      const n = sums.get(state);
      if (!n) continue;
      nodes.set(state, { side, state, y0: y, y1: y + n, clients: n });
      y += n + gap;
    }
    return nodes;
  };
  const left = column('from');
  const right = column('to');

  // Where each band sits in its left node (ordered by target) and in its right node (ordered by source).
  const leftOffset = new Map<DoorstroomState, number>();
  const rightOffset = new Map<DoorstroomState, number>();
  const bySource = [...drawn].sort((a, b) => rank(a.from) - rank(b.from) || rank(a.to) - rank(b.to));
  const startOf = new Map<DoorstroomCell, number>();
  for (const c of bySource) {
    const node = left.get(c.from)!;
    const off = leftOffset.get(c.from) ?? node.y0;
    startOf.set(c, off);
    leftOffset.set(c.from, off + c.clients);
  }
  const endOf = new Map<DoorstroomCell, number>();
  for (const c of [...drawn].sort((a, b) => rank(a.to) - rank(b.to) || rank(a.from) - rank(b.from))) {
    const node = right.get(c.to)!;
    const off = rightOffset.get(c.to) ?? node.y0;
    endOf.set(c, off);
    rightOffset.set(c.to, off + c.clients);
  }

  const bands: SankeyBand[] = bySource.map((c) => {
    const a = startOf.get(c)!;
    const b = endOf.get(c)!;
    const points = Array.from({ length: STEPS + 1 }, (_, i) => {
      const t = i / STEPS;
      const top = a + (b - a) * ease(t);
      return { x: NODE_WIDTH + t * (1 - 2 * NODE_WIDTH), top, bottom: top + c.clients };
    });
    return { from: c.from, to: c.to, clients: c.clients, points };
  });
  const extent = (m: Map<DoorstroomState, SankeyNode>) => Math.max(0, ...[...m.values()].map((n) => n.y1));
  return { nodes: [...left.values(), ...right.values()], bands, height: Math.max(extent(left), extent(right)), hidden };
}
