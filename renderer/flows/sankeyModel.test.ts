import { describe, expect, it } from 'vitest';
import type { DoorstroomCell } from '../../core/contract/flows.js';
import { NODE_WIDTH, sankeyModel } from './sankeyModel.js';

const cell = (from: DoorstroomCell['from'], to: DoorstroomCell['to'], clients: number | null): DoorstroomCell => ({
  from, to, clients, flag: clients === null ? 'suppressed' : 'ok',
});

describe('sankey geometry', () => {
  // Worked by hand: 6 children drawn, gap max(6 × 0.04, 0.5) = 0.5. Left: verblijf [0, 2], specialistisch
  // [2.5, 6.5]. Right: verblijf [0, 1], specialistisch [1.5, 6.5]. Band verblijf → specialistisch leaves its
  // left node under verblijf → verblijf (at 1) and enters its right node first (at 1.5).
  const cells = [cell('verblijf', 'verblijf', 1), cell('verblijf', 'specialistisch', 1), cell('specialistisch', 'specialistisch', 4)];

  it('stacks the states heaviest first with gaps, and places each band without crossings inside a node', () => {
    const m = sankeyModel(cells, true);
    expect(m.nodes.map((n) => [n.side, n.state, n.y0, n.y1])).toEqual([
      ['from', 'verblijf', 0, 2],
      ['from', 'specialistisch', 2.5, 6.5],
      ['to', 'verblijf', 0, 1],
      ['to', 'specialistisch', 1.5, 6.5],
    ]);
    expect(m.height).toBe(6.5);
    const band = m.bands.find((b) => b.from === 'verblijf' && b.to === 'specialistisch')!;
    const first = band.points[0]!;
    const last = band.points[band.points.length - 1]!;
    expect([first.x, first.top, first.bottom]).toEqual([NODE_WIDTH, 1, 2]);
    expect(last.x).toBeCloseTo(1 - NODE_WIDTH, 12);
    expect([last.top, last.bottom]).toEqual([1.5, 2.5]);
    // The thickness is the number of children all along the band.
    for (const p of band.points) expect(p.bottom - p.top).toBeCloseTo(1, 10);
  });

  it('leaves out the stayers when asked, and suppressed cells always (counting them)', () => {
    const m = sankeyModel([...cells, cell('geen', 'crisis', null)], false);
    expect(m.bands.map((b) => `${b.from}>${b.to}`)).toEqual(['verblijf>specialistisch']);
    expect(m.hidden).toBe(1);
    // One child drawn: gap 0.5; each column holds one node of one child.
    expect(m.nodes.map((n) => [n.state, n.y0, n.y1])).toEqual([
      ['verblijf', 0, 1],
      ['specialistisch', 0, 1],
    ]);
  });

  it('draws nothing for nothing', () => {
    expect(sankeyModel([], true)).toEqual({ nodes: [], bands: [], height: 0, hidden: 0 });
  });
});
