// The waterfall chart of a growth decomposition (waterfall.ts): floating bars from `start` to `end`, totals
// in blue-grey, additions green, subtractions red, each with its figure written on it.
import type { VisualizationSpec } from 'vega-embed';
import { formatNumber } from '../format.js';
import { chartConfig, countAxis } from './chartBase.js';
import type { StepKey, Waterfall } from './waterfall.js';

const KIND_COLORS = { total: '#5b7486', plus: '#3f8f5a', minus: '#c4553a' };

export function growthSpec(w: Waterfall, label: (k: StepKey) => string, t: { description: string; value: string; kinds: Record<'total' | 'plus' | 'minus', string> }): VisualizationSpec {
  const order = w.steps.map((s) => label(s.key));
  const values = w.steps.map((s) => ({
    ...s,
    step: label(s.key),
    kindLabel: t.kinds[s.kind],
    text: s.kind === 'total' ? formatNumber(s.value) : `${s.value < 0 ? '−' : '+'}${formatNumber(Math.abs(s.value))}`,
    top: Math.max(s.start, s.end),
  }));
  const kinds = ['total', 'plus', 'minus'] as const;
  return {
    width: 'container',
    height: 260,
    description: t.description,
    data: { values },
    encoding: { x: { field: 'step', type: 'ordinal', sort: order, title: null, axis: { labelAngle: 0, labelLimit: 170 } } },
    layer: [
      {
        name: 'steps',
        mark: { type: 'bar', cornerRadius: 1 },
        encoding: {
          y: { field: 'start', type: 'quantitative', title: t.value, axis: countAxis },
          y2: { field: 'end' },
          color: { field: 'kindLabel', type: 'nominal', title: null, sort: kinds.map((k) => t.kinds[k]), scale: { domain: kinds.map((k) => t.kinds[k]), range: kinds.map((k) => KIND_COLORS[k]) } },
          tooltip: [
            { field: 'step', type: 'nominal', title: ' ' },
            { field: 'text', type: 'nominal', title: t.value },
          ],
        },
      },
      {
        mark: { type: 'text', baseline: 'bottom', dy: -3, fontSize: 12, color: '#1d2329' },
        encoding: { y: { field: 'top', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
    config: chartConfig,
  } as VisualizationSpec;
}
