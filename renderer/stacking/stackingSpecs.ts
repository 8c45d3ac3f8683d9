// The stacking views' vega-lite charts, on the flows views' shared styling (flows/chartBase.ts): children per
// measuring day by how many trajectories they had (stacked bars), the segment × segment heatmap of stacked
// children, and the distribution of the highest trajectory number. Layers are named (stackbars, pairs,
// highest) so tests count drawn marks, not decoration. Suppressed figures are left out and said so in the text.
import type { VisualizationSpec } from 'vega-embed';
import { chartConfig, COUNT_FORMAT, countAxis } from '../flows/chartBase.js';

export const PART_COLORS = { one: '#7fb4cf', two: '#d99a2b', threePlus: '#c4553a' };

export interface BarDatum {
  key: string;
  label: string;
  part: 'one' | 'two' | 'threePlus';
  partLabel: string;
  order: number;
  value: number;
}

/** `months`: every point's label, so a month whose figures are all suppressed keeps its place on the axis. */
export function overTimeSpec(data: BarDatum[], months: string[], t: { description: string; x: string; y: string; part: string; parts: string[] }): VisualizationSpec {
  return {
    width: 'container',
    height: 260,
    description: t.description,
    data: { values: data },
    layer: [
      {
        name: 'stackbars',
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'label', type: 'ordinal', sort: null, title: t.x, axis: { labelAngle: -40 }, scale: { domain: months } },
          y: { field: 'value', type: 'quantitative', stack: 'zero', title: t.y, axis: countAxis },
          color: { field: 'partLabel', type: 'nominal', title: t.part, sort: t.parts, scale: { domain: t.parts, range: Object.values(PART_COLORS) } },
          order: { field: 'order', type: 'quantitative' },
          tooltip: [
            { field: 'label', type: 'nominal', title: t.x },
            { field: 'partLabel', type: 'nominal', title: t.part },
            { field: 'value', type: 'quantitative', title: t.y, format: COUNT_FORMAT },
          ],
        },
      },
    ],
    config: chartConfig,
  } as VisualizationSpec;
}

export interface PairDatum {
  a: string;
  b: string;
  value: number;
}

export function heatmapSpec(data: PairDatum[], order: string[], t: { description: string; a: string; b: string; children: string }): VisualizationSpec {
  return {
    width: 'container',
    height: Math.max(180, order.length * 34),
    description: t.description,
    data: { values: data },
    layer: [
      {
        name: 'pairs',
        mark: { type: 'rect' },
        encoding: {
          x: { field: 'b', type: 'nominal', sort: order, title: t.b, axis: { labelAngle: -30, labelLimit: 240 } },
          y: { field: 'a', type: 'nominal', sort: order, title: t.a, axis: { labelLimit: 240 } },
          color: { field: 'value', type: 'quantitative', title: t.children, scale: { scheme: 'oranges' } },
          tooltip: [
            { field: 'a', type: 'nominal', title: t.a },
            { field: 'b', type: 'nominal', title: t.b },
            { field: 'value', type: 'quantitative', title: t.children, format: COUNT_FORMAT },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          x: { field: 'b', type: 'nominal', sort: order },
          y: { field: 'a', type: 'nominal', sort: order },
          text: { field: 'value', type: 'quantitative', format: COUNT_FORMAT },
        },
      },
    ],
    config: { ...chartConfig, axisY: { minExtent: 140, maxExtent: 260 } },
  } as VisualizationSpec;
}

export function highestSpec(data: { key: string; value: number }[], t: { description: string; x: string; y: string }): VisualizationSpec {
  return {
    width: 'container',
    height: 200,
    description: t.description,
    data: { values: data },
    layer: [
      {
        name: 'highest',
        mark: { type: 'bar', color: '#2c6e8f' },
        encoding: {
          x: { field: 'key', type: 'ordinal', sort: null, title: t.x, axis: { labelAngle: 0 } },
          y: { field: 'value', type: 'quantitative', title: t.y, axis: countAxis },
          tooltip: [
            { field: 'key', type: 'nominal', title: t.x },
            { field: 'value', type: 'quantitative', title: t.y, format: COUNT_FORMAT },
          ],
        },
      },
    ],
    config: chartConfig,
  } as VisualizationSpec;
}
