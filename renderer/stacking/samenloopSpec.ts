// The samenloop chart (DOMAIN.md §7, docs/STACKING.md "Samenloop"): horizontal bars, one per figure, coloured
// by block (Jeugd and Wmo in the period / the turning-18 cohort). The layer is named (samenloop) so tests count
// drawn bars. Suppressed figures are left out by the caller and said so in the text.
import type { VisualizationSpec } from 'vega-embed';
import { chartConfig, COUNT_FORMAT, countAxis } from '../flows/chartBase.js';

export interface SamenloopDatum {
  label: string;
  block: string;
  value: number;
}

export function samenloopSpec(data: SamenloopDatum[], order: string[], blocks: string[], t: { description: string; y: string; x: string; block: string }): VisualizationSpec {
  return {
    width: 'container',
    height: order.length * 26,
    description: t.description,
    data: { values: data },
    layer: [
      {
        name: 'samenloop',
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: order, title: null, scale: { domain: order }, axis: { labelLimit: 280 } },
          x: { field: 'value', type: 'quantitative', title: t.x, axis: countAxis, stack: null },
          color: { field: 'block', type: 'nominal', title: t.block, sort: blocks, scale: { domain: blocks, range: ['#2c6e8f', '#d99a2b'] } },
          tooltip: [
            { field: 'label', type: 'nominal', title: t.y },
            { field: 'value', type: 'quantitative', title: t.x, format: COUNT_FORMAT },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 12 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: order },
          x: { field: 'value', type: 'quantitative', stack: null },
          text: { field: 'value', type: 'quantitative', format: COUNT_FORMAT },
        },
      },
    ],
    config: { ...chartConfig, axisY: { minExtent: 200, maxExtent: 290 } },
  } as VisualizationSpec;
}
