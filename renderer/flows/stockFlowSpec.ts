// The stock-flow chart of one group, as two panels on the same periods: above, the children in care at the
// end of each period (eindstand, a line; its tooltip also gives the beginstand); below, instroom stacked by
// nieuw / herhaald / doorstroom above zero and uitstroom below it. Voorlopig periods are lighter (bars) and
// dashed (line); periods whose history is incomplete (nieuw may be herhaald) get a shaded background.
// Suppressed figures are not drawn; `skipped` counts them so the view can say so.
import type { VisualizationSpec } from 'vega-embed';
import type { FlowsResult } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { drawable } from './figures.js';
import { chartConfig, COLORS, COUNT_FORMAT, countAxis } from './chartBase.js';

export interface StockFlowTexts {
  period: string;
  stock: string; // "In zorg (eindstand)"
  beginstand: string;
  flows: string; // "Instroom (+) en uitstroom (−)"
  nieuw: string;
  herhaald: string;
  doorstroom: string;
  uitstroom: string;
  part: string; // legend title
  final: string;
  provisional: string;
  history: string; // "voorgeschiedenis onvolledig"
}

export interface StockFlowModel {
  stock: VisualizationSpec;
  flows: VisualizationSpec;
  bars: number; // drawn bars (non-zero, not suppressed)
  points: number; // drawn stock points (the copy that bridges to the dashed part not counted)
  skipped: number; // figures left out because they are suppressed
}

const PARTS = ['nieuw', 'herhaald', 'doorstroom', 'uitstroom'] as const;

export function stockFlowSpecs(result: FlowsResult, g: number, lang: Lang, t: StockFlowTexts): StockFlowModel {
  const order = result.periods.map((p) => p.label[lang]);
  const status = (v: boolean) => (v ? t.provisional : t.final);
  const anyProvisional = result.periods.some((p) => p.voorlopig);
  const history = result.periods.filter((p) => p.historyIncomplete).map((p) => ({ x: p.label[lang], band: t.history }));
  let skipped = 0;
  const stock: Record<string, unknown>[] = [];
  const bars: Record<string, unknown>[] = [];
  result.periods.forEach((p, i) => {
    const cell = result.cells[i]?.[g];
    if (!cell) return;
    const x = p.label[lang];
    const s = status(p.voorlopig);
    const end = drawable(cell.eindstand);
    if (end === null) skipped++;
    else stock.push({ x, value: end, begin: drawable(cell.beginstand), status: s, copy: false });
    const parts = { nieuw: cell.instroom.nieuw, herhaald: cell.instroom.herhaald, doorstroom: cell.instroom.doorstroom, uitstroom: cell.uitstroom.total };
    for (const [ord, part] of PARTS.entries()) {
      const v = drawable(parts[part]);
      if (v === null) skipped++;
      else if (v !== 0) bars.push({ x, part: t[part], ord, value: part === 'uitstroom' ? -v : v, shown: v, status: s });
    }
  });

  // The dashed (voorlopig) part of the line starts at the last final point: a copy of it, drawn without a dot.
  const firstProvisional = stock.findIndex((r) => r.status === t.provisional);
  if (firstProvisional > 0) stock.splice(firstProvisional, 0, { ...stock[firstProvisional - 1], status: t.provisional, copy: true });

  const x = { field: 'x', type: 'ordinal', sort: order, title: t.period, scale: { domain: order }, axis: { labelAngle: 0, labelOverlap: true } };
  const statusScale = { domain: [t.final, t.provisional] };
  const statusField = { field: 'status', type: 'ordinal', sort: statusScale.domain };
  // Shaded periods: a rect across the whole band, no y, behind the marks; its legend names it.
  const historyLayer = {
    name: 'history',
    data: { values: history },
    mark: { type: 'rect', opacity: 0.7 },
    encoding: { x, color: { field: 'band', type: 'nominal', title: null, scale: { range: [COLORS.history] } } },
  };
  const partDomain = PARTS.map((p) => t[p]);

  const stockSpec = {
    width: 'container',
    height: 170,
    description: t.stock,
    layer: [
      ...(history.length ? [historyLayer] : []),
      {
        data: { values: stock },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: t.stock, axis: countAxis } },
        layer: [
          { name: 'stockline', mark: { type: 'line', color: COLORS.stock, strokeWidth: 2 }, encoding: anyProvisional ? { strokeDash: { ...statusField, title: null, scale: { ...statusScale, range: [[1, 0], [5, 4]] } } } : {} },
          {
            name: 'stockpoints',
            transform: [{ filter: { field: 'copy', equal: false } }],
            mark: { type: 'point', filled: true, size: result.periods.length > 40 ? 16 : 50, color: COLORS.stock }, // months: small dots
            encoding: {
              tooltip: [
                { field: 'x', type: 'nominal', title: t.period },
                { field: 'begin', type: 'quantitative', title: t.beginstand, format: COUNT_FORMAT },
                { field: 'value', type: 'quantitative', title: t.stock, format: COUNT_FORMAT },
                ...(anyProvisional ? [{ field: 'status', type: 'nominal', title: ' ' }] : []),
              ],
              ...(anyProvisional ? { opacity: { ...statusField, legend: null, scale: { ...statusScale, range: [1, 0.45] } } } : {}),
            },
          },
        ],
      },
    ],
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    config: chartConfig,
  };

  const flowsSpec = {
    width: 'container',
    height: 230,
    description: t.flows,
    layer: [
      ...(history.length ? [{ ...historyLayer, encoding: { ...historyLayer.encoding, color: { ...historyLayer.encoding.color, legend: null } } }] : []),
      {
        name: 'flowbars',
        data: { values: bars },
        // Narrower than the band, so the shaded history behind stays one continuous strip.
        mark: { type: 'bar', width: { band: 0.7 } },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: t.flows, stack: 'zero', axis: countAxis },
          color: { field: 'part', type: 'nominal', title: t.part, sort: partDomain, scale: { domain: partDomain, range: PARTS.map((p) => COLORS[p]) } },
          order: { field: 'ord', type: 'quantitative', sort: 'ascending' },
          ...(anyProvisional ? { opacity: { ...statusField, title: null, scale: { ...statusScale, range: [1, 0.45] } } } : {}),
          tooltip: [
            { field: 'x', type: 'nominal', title: t.period },
            { field: 'part', type: 'nominal', title: t.part },
            { field: 'shown', type: 'quantitative', title: ' ', format: COUNT_FORMAT },
            ...(anyProvisional ? [{ field: 'status', type: 'nominal', title: '  ' }] : []),
          ],
        },
      },
      { mark: { type: 'rule', color: '#5b6670' }, data: { values: [{ zero: 0 }] }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
    ],
    resolve: { scale: { color: 'independent' } },
    config: chartConfig,
  };
  return { stock: stockSpec as VisualizationSpec, flows: flowsSpec as VisualizationSpec, bars: bars.length, points: stock.filter((r) => !r.copy).length, skipped };
}
