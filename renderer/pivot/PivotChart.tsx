// The same figures as the table, as bars. Vega normally compiles expressions with `new Function`, which
// our CSP forbids; the AST + interpreter options make it run without eval.
import { useMemo } from 'react';
import { VegaEmbed } from 'react-vega';
import { logger, Warn } from 'vega';
import type { EmbedOptions, VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { vegaFormatLocale } from '../format.js';
import type { ChartDatum } from './model.js';

interface Props {
  data: ChartDatum[];
  /** Column labels in the table's order, so bars and legend follow the table. */
  colOrder: string[];
  rowTitle: string;
  colTitle: string | null;
  valueTitle: string;
  ariaLabel: string;
}

// vega-lite warns that it drops "fit-y" whenever width is "container" and the bars have a discrete
// height, which is exactly the layout wanted here. Only that message is dropped; every other warning
// still reaches the console (and fails the e2e test).
const vegaLogger = logger(Warn);
const warn = vegaLogger.warn.bind(vegaLogger);
vegaLogger.warn = (...args: readonly unknown[]) => (String(args[0]).startsWith('Dropping "fit-y"') ? vegaLogger : warn(...args));

const options: EmbedOptions = {
  logger: vegaLogger,
  mode: 'vega-lite',
  ast: true,
  expr: expressionInterpreter,
  defaultStyle: false,
  actions: false,
  renderer: 'svg',
  formatLocale: vegaFormatLocale,
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function PivotChart({ data, colOrder, rowTitle, colTitle, valueTitle, ariaLabel }: Props) {
  const spec = useMemo((): VisualizationSpec => {
    const rows = [...new Set(data.map((d) => d.row))];
    const cols = colOrder;
    // Bars per column value sit side by side, never stacked: distinct clients do not add up across
    // years or segments (a child in care in 2024 and 2025 is one client), so a stack would show a sum
    // that is no figure in the table.
    return {
      width: 'container',
      // With side-by-side bars the step sizes each bar, not each row.
      height: colTitle ? { step: 15, for: 'offset' } : { step: 22 },
      description: ariaLabel,
      data: { values: data },
      mark: { type: 'bar', cornerRadiusEnd: 2 },
      encoding: {
        // The row dimensions are named in the caption; an axis title here would crowd long labels.
        y: { field: 'row', type: 'nominal', sort: rows, title: null, axis: { labelLimit: 240, labelPadding: 6 } },
        x: { field: 'value', type: 'quantitative', title: valueTitle, stack: null, axis: { format: ',d', tickMinStep: 1, tickCount: 5, labelOverlap: true } },
        ...(colTitle
          ? {
              color: { field: 'col', type: 'nominal', sort: cols, title: colTitle, scale: { domain: cols, scheme: 'tableau10' } },
              yOffset: { field: 'col', type: 'nominal', sort: cols, scale: { domain: cols, paddingInner: 0.1 } },
            }
          : { color: { value: '#2c6e8f' } }),
        tooltip: [
          { field: 'row', type: 'nominal', title: rowTitle },
          ...(colTitle ? [{ field: 'col', type: 'nominal' as const, title: colTitle }] : []),
          { field: 'value', type: 'quantitative', title: valueTitle, format: ',d' },
        ],
      },
      config: {
        font: FONT,
        background: 'transparent',
        view: { stroke: null },
        axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 600, labelColor: '#333', titleColor: '#333', gridColor: '#e6e6e6' },
        legend: { labelFontSize: 12, titleFontSize: 12, orient: 'top' },
      },
    } as VisualizationSpec;
  }, [data, colOrder, rowTitle, colTitle, valueTitle, ariaLabel]);

  return <VegaEmbed className="chart" spec={spec} options={options} role="figure" aria-label={ariaLabel} />;
}
