// The doorstroom diagram as vega-lite: node rects in two columns with their labels outside, and one area per
// band (x along the band, y/y2 its top and bottom edge), coloured by where the children came from. Clicking a
// band hands its (from, to) to FlowChart's onMark; nodes and labels carry no `band` field and are ignored.
import type { VisualizationSpec } from 'vega-embed';
import type { DoorstroomState } from '../../core/contract/flows.js';
import { chartConfig, COUNT_FORMAT } from './chartBase.js';
import { NODE_WIDTH, type SankeyModel } from './sankeyModel.js';

export const STATE_COLORS: Record<DoorstroomState, string> = {
  verblijf: '#9c4f3d',
  wonen: '#c98b2f',
  crisis: '#d1495b',
  dagbehandeling: '#6a8d3a',
  specialistisch: '#2c6e8f',
  generalistisch: '#66a5c4',
  overig: '#8a8f96',
  jbjr: '#7a5195',
  geen: '#b8bec4',
};

export interface SankeyTexts {
  description: string;
  from: string; // "Op {{day}}" column heading
  to: string;
  children: string; // tooltip title of the count
  label: (state: DoorstroomState) => string;
  nodeLabel: (side: 'from' | 'to', state: DoorstroomState) => string; // "Verblijf (12)"
}

const LABEL_ROOM = 0.42; // x-domain room each side for the node labels

export function sankeySpec(model: SankeyModel, t: SankeyTexts): VisualizationSpec {
  const states = Object.keys(STATE_COLORS) as DoorstroomState[];
  const color = { field: 'colorState', type: 'nominal', legend: null, scale: { domain: states, range: states.map((s) => STATE_COLORS[s]) } };
  const x = { type: 'quantitative', axis: null, scale: { domain: [-LABEL_ROOM, 1 + LABEL_ROOM], nice: false, zero: false } };
  const y = { type: 'quantitative', axis: null, scale: { domain: [0, Math.max(model.height, 1)], reverse: true, nice: false, zero: false } };
  const bandPoints = model.bands.flatMap((b) =>
    b.points.map((p) => ({ ...p, band: `${b.from}>${b.to}`, from: b.from, to: b.to, colorState: b.from, clients: b.clients, fromLabel: t.label(b.from), toLabel: t.label(b.to) })),
  );
  const nodes = model.nodes.map((n) => ({
    x0: n.side === 'from' ? 0 : 1 - NODE_WIDTH,
    x1: n.side === 'from' ? NODE_WIDTH : 1,
    y0: n.y0,
    y1: n.y1,
    mid: (n.y0 + n.y1) / 2,
    colorState: n.state,
    side: n.side,
    text: t.nodeLabel(n.side, n.state),
    lx: n.side === 'from' ? -0.02 : 1.02,
  }));
  const heads = [
    { lx: NODE_WIDTH / 2, text: t.from },
    { lx: 1 - NODE_WIDTH / 2, text: t.to },
  ];
  return {
    width: 'container',
    height: Math.min(520, Math.max(260, model.nodes.length * 46)),
    description: t.description,
    padding: { top: 24, left: 5, right: 5, bottom: 5 },
    layer: [
      {
        name: 'bands',
        data: { values: bandPoints },
        mark: { type: 'area', opacity: 0.45, cursor: 'pointer', interpolate: 'linear' },
        encoding: {
          x: { field: 'x', ...x },
          y: { field: 'top', ...y },
          y2: { field: 'bottom' },
          detail: { field: 'band', type: 'nominal' },
          color,
          tooltip: [
            { field: 'fromLabel', type: 'nominal', title: t.from },
            { field: 'toLabel', type: 'nominal', title: t.to },
            { field: 'clients', type: 'quantitative', title: t.children, format: COUNT_FORMAT },
          ],
        },
      },
      {
        data: { values: nodes },
        layer: [
          { name: 'nodes', mark: { type: 'rect' }, encoding: { x: { field: 'x0', ...x }, x2: { field: 'x1' }, y: { field: 'y0', ...y }, y2: { field: 'y1' }, color } },
          {
            transform: [{ filter: "datum.side === 'from'" }],
            mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: 12, color: '#1d2329' },
            encoding: { x: { field: 'lx', ...x }, y: { field: 'mid', ...y }, text: { field: 'text' } },
          },
          {
            transform: [{ filter: "datum.side === 'to'" }],
            mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 12, color: '#1d2329' },
            encoding: { x: { field: 'lx', ...x }, y: { field: 'mid', ...y }, text: { field: 'text' } },
          },
        ],
      },
      {
        data: { values: heads },
        mark: { type: 'text', align: 'center', baseline: 'bottom', dy: -8, fontSize: 12, fontWeight: 600, color: '#5b6670' },
        encoding: { x: { field: 'lx', ...x }, y: { datum: 0, ...y }, text: { field: 'text' } },
      },
    ],
    config: { ...chartConfig, axisY: {} },
  } as VisualizationSpec;
}
