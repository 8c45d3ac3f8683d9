// The chart of one indicator: its monthly series as a line with one point per month that has a value
// (voorlopig months dashed and lighter, as in the pivot's line chart), against the target line — straight
// from the baseline to the target, flat after the target date (indicators/series) — drawn dashed in purple.
// Suppressed months and months after the peildatum are not drawn; the card says how many were left out.
import type { VisualizationSpec } from 'vega-embed';
import type { SeriesPoint } from '../../core/contract/steering.js';
import type { Lang } from '../../core/registry.js';
import { chartConfig } from '../flows/chartBase.js';
import { axisFormat, chartValue, monthLabel, type Unit } from './values.js';

export interface IndicatorTexts {
  description: string;
  month: string;
  value: string;
  target: string;
  final: string;
  provisional: string;
  closed: string;
}

export const SERIES_COLOR = '#2c6e8f';
export const TARGET_COLOR = '#7a4f9a';

/** The months drawn as points: a value that is shown (not suppressed, not after the peildatum). */
export const drawnPoints = (points: SeriesPoint[]) => points.filter((p) => p.value !== null && p.flag !== 'suppressed');

/** `width`: 'container' on screen; a fixed width in the printed report (print layout does not resize vega). */
export function indicatorSpec(points: SeriesPoint[], unit: Unit, lang: Lang, t: IndicatorTexts, width: number | 'container' = 'container', height = 200): VisualizationSpec {
  const status = (p: SeriesPoint) => (p.closed ? t.closed : p.voorlopig ? t.provisional : t.final);
  const dashed = (p: SeriesPoint) => p.voorlopig && !p.closed;
  // Months up to the peildatum: a suppressed one stays in the line's data as a gap (null breaks the path),
  // so the line never bridges a month it does not show.
  const months = points.filter((p) => p.value !== null || p.flag === 'suppressed');
  const rows = months.map((p) => ({
    label: monthLabel(p.month, lang),
    value: p.value === null ? null : chartValue(p.value, unit),
    status: status(p),
    part: dashed(p) ? 'v' : 'd',
    copy: false,
  }));
  const anyProvisional = rows.some((p) => p.part === 'v' && p.value !== null);
  // The dashed part starts at the last final month: a copy of it (no dot of its own) bridges the two.
  const first = rows.findIndex((p) => p.part === 'v');
  const line = anyProvisional && first > 0 ? [...rows.slice(0, first), { ...rows[first - 1]!, part: 'v', copy: true }, ...rows.slice(first)] : rows;
  const target = points.filter((p) => p.target !== null).map((p) => ({ label: monthLabel(p.month, lang), value: chartValue(p.target!, unit) }));
  const domain = points.map((p) => monthLabel(p.month, lang));
  const format = axisFormat(unit);
  const x = { field: 'label', type: 'ordinal', sort: domain, scale: { domain }, title: null, axis: { labelAngle: -40, labelOverlap: true } };
  const y = { field: 'value', type: 'quantitative', title: t.value, axis: { format, tickCount: 5, ...(unit === 'count' ? { tickMinStep: 1 } : {}) } };
  // 'd' definitief (solid), 'v' voorlopig (dashed); the card's legend line says so in words.
  const dash = { field: 'part', type: 'nominal', legend: null, scale: { domain: ['d', 'v'], range: [[1, 0], [5, 4]] } };
  return {
    width,
    height,
    description: t.description,
    layer: [
      {
        name: 'target',
        data: { values: target },
        mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 2, color: TARGET_COLOR },
        encoding: { x, y, tooltip: [{ field: 'label', type: 'nominal', title: t.month }, { field: 'value', type: 'quantitative', title: t.target, format }] },
      },
      {
        data: { values: line },
        encoding: { x, y },
        layer: [
          { name: 'series', mark: { type: 'line', strokeWidth: 2, color: SERIES_COLOR }, encoding: anyProvisional ? { strokeDash: dash } : {} },
          {
            name: 'points',
            transform: [{ filter: { and: [{ field: 'copy', equal: false }, { field: 'value', valid: true }] } }],
            mark: { type: 'point', filled: true, size: points.length > 36 ? 20 : 40, color: SERIES_COLOR },
            encoding: {
              opacity: { condition: { test: "datum.part === 'v'", value: 0.4 }, value: 1 },
              tooltip: [
                { field: 'label', type: 'nominal', title: t.month },
                { field: 'value', type: 'quantitative', title: t.value, format },
                { field: 'status', type: 'nominal', title: ' ' },
              ],
            },
          },
        ],
      },
    ],
    config: chartConfig,
  } as VisualizationSpec;
}
