// The benchmark chart of one CBS figure: per municipality its own value as a bar, and as marks beside it the
// jeugdregio, the Netherlands and the municipality's size class. Layers are named (own, refs) for tests.
import type { VisualizationSpec } from 'vega-embed';
import { chartConfig } from '../flows/chartBase.js';

export interface BenchmarkDatum {
  municipality: string;
  own: number | null;
  refs: { kind: string; value: number }[];
}

const REF_COLORS = ['#1d2329', '#c4553a', '#d99a2b'];
const REF_SHAPES = ['diamond', 'triangle-up', 'square'];

export function benchmarkSpec(data: BenchmarkDatum[], kinds: string[], t: { description: string; value: string; own: string; municipality: string }, format: string): VisualizationSpec {
  const order = data.map((d) => d.municipality);
  const y = { field: 'municipality', type: 'nominal', sort: order, title: null, axis: { labelLimit: 220 } } as const;
  const x = { type: 'quantitative', title: t.value, axis: { format, tickCount: 6 } } as const;
  const own = data.flatMap((d) => (d.own === null ? [] : [{ municipality: d.municipality, v: d.own }]));
  const refs = data.flatMap((d) => d.refs.map((r) => ({ municipality: d.municipality, kind: r.kind, v: r.value })));
  // No layer without data (vega warns about an empty extent).
  const refsLayer = {
    name: 'refs',
    data: { values: refs },
    mark: { type: 'point', filled: true, size: 70 },
    encoding: {
      y,
      x: { ...x, field: 'v' },
      color: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: REF_COLORS } },
      shape: { field: 'kind', type: 'nominal', title: null, scale: { domain: kinds, range: REF_SHAPES } },
      tooltip: [{ field: 'municipality', type: 'nominal', title: t.municipality }, { field: 'kind', type: 'nominal', title: ' ' }, { field: 'v', type: 'quantitative', title: t.value }],
    },
  };
  return {
    width: 'container',
    height: { step: 30 },
    description: t.description,
    layer: [
      {
        name: 'own',
        data: { values: own },
        mark: { type: 'bar', color: '#7fb4cf', height: { band: 0.6 } },
        encoding: { y, x: { ...x, field: 'v' }, tooltip: [{ field: 'municipality', type: 'nominal', title: t.municipality }, { field: 'v', type: 'quantitative', title: t.own }] },
      },
      ...(refs.length > 0 ? [refsLayer] : []),
    ],
    config: { ...chartConfig, axisY: { minExtent: 120, maxExtent: 230 } },
  } as VisualizationSpec;
}
