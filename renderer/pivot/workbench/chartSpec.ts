// The vega-lite spec for a chart model. Voorlopig periods (DOMAIN.md §2) are drawn lighter (bars) or
// dashed with lighter points (lines), with a legend entry that says so.
import type { VisualizationSpec } from 'vega-embed';
import type { FigureFormat } from '../../../core/export/figures.js';
import type { ChartModel } from './chartModel.js';
import type { ChartKind } from './hashState.js';

export interface ChartTexts {
  xTitle: string;
  seriesTitle: string | null;
  valueTitle: string;
  final: string; // "definitief"
  provisional: string; // "voorlopig"
  description: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** d3-format patterns in the nl-NL locale of the chart (vegaFormatLocale): € 1.234, 12%, 3,4. */
export function axisFormat(format: FigureFormat): string {
  return { integer: ',d', euro: '$,.0f', decimal1: ',.1f', decimal2: ',.2f', percent: '.0%' }[format];
}

export function chartSpec(model: ChartModel, kind: Exclude<ChartKind, 'none'>, t: ChartTexts): VisualizationSpec {
  const status = (v: boolean) => (v ? t.provisional : t.final);
  const values = model.points.map((p) => ({ ...p, status: status(p.voorlopig) }));
  const hasSeries = model.seriesDims.length > 0 && model.seriesOrder.some((s) => s !== '');
  const anyProvisional = model.points.some((p) => p.voorlopig);
  const format = axisFormat(model.format);
  // Whole numbers get whole ticks (else ",d" prints 0, 1, 1, 2, 2 for ticks at halves).
  const valueAxis = { format, tickCount: 5, ...(model.format === 'integer' ? { tickMinStep: 1 } : {}) };
  const color = hasSeries
    ? { field: 'series', type: 'nominal', sort: model.seriesOrder, title: t.seriesTitle, scale: { domain: model.seriesOrder, scheme: 'tableau10' } }
    : { value: '#2c6e8f' };
  const tooltip = [
    { field: 'x', type: 'nominal', title: t.xTitle },
    ...(hasSeries ? [{ field: 'series', type: 'nominal', title: t.seriesTitle }] : []),
    { field: 'value', type: 'quantitative', title: t.valueTitle, format },
    ...(anyProvisional ? [{ field: 'status', type: 'nominal', title: ' ' }] : []),
  ];
  const statusScale = { domain: [t.final, t.provisional] };
  // Ordinal with an explicit order: vega-lite warns about opacity on an unordered (nominal) field.
  const statusField = { field: 'status', type: 'ordinal', sort: statusScale.domain };
  const config = {
    font: FONT,
    background: 'transparent',
    view: { stroke: null },
    axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6' },
    legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top' },
  };

  if (kind === 'line') {
    return {
      width: 'container',
      height: 300,
      description: t.description,
      data: { values: lineSegments(values, t) },
      encoding: {
        x: { field: 'x', type: 'ordinal', sort: model.xOrder, title: t.xTitle, axis: { labelAngle: 0, labelOverlap: true } },
        y: { field: 'value', type: 'quantitative', title: t.valueTitle, axis: valueAxis },
        color,
      },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: anyProvisional
            ? { strokeDash: { ...statusField, title: null, scale: { ...statusScale, range: [[1, 0], [5, 4]] } } }
            : {},
        },
        {
          // One point per figure (the boundary copies made for the dashed part are not drawn twice).
          transform: [{ filter: { field: 'copy', equal: false } }],
          mark: { type: 'point', size: 50, filled: true },
          encoding: {
            ...(anyProvisional ? { opacity: { ...statusField, legend: null, scale: { ...statusScale, range: [1, 0.4] } } } : {}),
            tooltip,
          },
        },
      ],
      config,
    } as VisualizationSpec;
  }

  const stacked = kind === 'stacked';
  return {
    width: 'container',
    height: hasSeries && !stacked ? { step: 15, for: 'offset' } : { step: 22 },
    description: t.description,
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: stacked ? 0 : 2 },
    encoding: {
      // The row dimensions are named in the caption; an axis title here would crowd long labels.
      y: { field: 'x', type: 'nominal', sort: model.xOrder, title: null, axis: { labelLimit: 240, labelPadding: 6 } },
      x: { field: 'value', type: 'quantitative', title: t.valueTitle, stack: stacked ? 'zero' : null, axis: { ...valueAxis, labelOverlap: true } },
      color,
      ...(hasSeries && !stacked ? { yOffset: { field: 'series', type: 'nominal', sort: model.seriesOrder, scale: { domain: model.seriesOrder, paddingInner: 0.1 } } } : {}),
      ...(anyProvisional ? { opacity: { ...statusField, title: null, scale: { ...statusScale, range: [1, 0.4] } } } : {}),
      tooltip,
    },
    config,
  } as VisualizationSpec;
}

type Row = ChartModel['points'][number] & { status: string };

/** Splits each series into a solid (final) and a dashed (voorlopig) line that meet: the last final point
 *  is copied into the dashed part, marked `copy` so it gets no second dot. */
function lineSegments(values: Row[], t: ChartTexts): (Row & { copy: boolean })[] {
  const out: (Row & { copy: boolean })[] = [];
  const lastFinal = new Map<string, Row>();
  const bridged = new Set<string>();
  for (const v of values) {
    if (!v.voorlopig) lastFinal.set(v.series, v);
    else if (!bridged.has(v.series)) {
      bridged.add(v.series);
      const prev = lastFinal.get(v.series);
      if (prev) out.push({ ...prev, status: t.provisional, copy: true });
    }
    out.push({ ...v, copy: false });
  }
  return out;
}
