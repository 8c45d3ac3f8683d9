// A horizontal bar per municipality (or provider) against the region's figure as a line, with last year's
// figure as a tick: the compare tabs' one bar chart. Bars keep the table's order (by name or code), never a
// ranking. Hidden figures are left out (the caller says how many). Layers are named so tests count bars.
import type { VisualizationSpec } from 'vega-embed';
import { chartConfig } from '../flows/chartBase.js';
import { valueText, type Unit } from './cells.js';

export interface BarRow {
  key: string;
  label: string;
  value: number;
  previous: number | null;
}

export interface BarTexts {
  description: string;
  value: string;
  previous: string;
  region: string;
  name: string;
}

/** Euro values arrive in eurocent; the axis shows euros. Shares 0–1 draw as percentages. */
const scale = (unit: Unit) => (unit === 'euro' ? 0.01 : 1);
const axisFormat = (unit: Unit) => (unit === 'share' ? '.0%' : unit === 'euro' ? '$,d' : ',d');

export function barSpec(rows: BarRow[], region: number | null, unit: Unit, t: BarTexts): VisualizationSpec {
  const k = scale(unit);
  const order = rows.map((r) => r.label);
  const values = rows.map((r) => ({
    ...r,
    v: r.value * k,
    p: r.previous === null ? null : r.previous * k,
    text: valueText(r.value, unit),
    prevText: valueText(r.previous, unit),
  }));
  const y = { field: 'label', type: 'nominal', sort: order, title: null, axis: { labelLimit: 220 } } as const;
  const x = { type: 'quantitative', title: t.value, axis: { format: axisFormat(unit), tickCount: 6 } } as const;
  const layer: object[] = [
    {
      name: 'bars',
      data: { values },
      mark: { type: 'bar', color: '#2c6e8f', height: { band: 0.7 } },
      encoding: {
        y,
        x: { ...x, field: 'v' },
        tooltip: [
          { field: 'label', type: 'nominal', title: t.name },
          { field: 'text', type: 'nominal', title: t.value },
          { field: 'prevText', type: 'nominal', title: t.previous },
        ],
      },
    },
  ];
  // No layer without data: vega warns about an empty extent, and axe about an unnamed empty mark group.
  const previous = values.filter((v) => v.p !== null);
  if (previous.length > 0) {
    layer.push({
      name: 'previous',
      data: { values: previous },
      mark: { type: 'tick', color: '#d99a2b', thickness: 3, bandSize: 18 },
      encoding: { y, x: { ...x, field: 'p' } },
    });
  }
  if (region !== null) {
    layer.push({
      name: 'region',
      data: { values: [{ r: region * k, text: `${t.region}: ${valueText(region, unit)}` }] },
      mark: { type: 'rule', color: '#1d2329', strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x: { ...x, field: 'r' }, tooltip: { field: 'text', type: 'nominal' } },
    });
  }
  return {
    width: 'container',
    height: { step: 26 },
    description: t.description,
    layer,
    config: { ...chartConfig, axisY: { minExtent: 120, maxExtent: 230 } },
  } as VisualizationSpec;
}
