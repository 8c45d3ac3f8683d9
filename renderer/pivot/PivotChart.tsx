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

export function PivotChart({ data, rowTitle, colTitle, valueTitle, ariaLabel }: Props) {
  const spec = useMemo((): VisualizationSpec => {
    const rows = [...new Set(data.map((d) => d.row))];
    const cols = [...new Set(data.map((d) => d.col))];
    return {
      width: 'container',
      height: { step: colTitle ? 26 : 22 },
      description: ariaLabel,
      data: { values: data },
      mark: { type: 'bar', cornerRadiusEnd: 2 },
      encoding: {
        y: { field: 'row', type: 'nominal', sort: rows, title: rowTitle, axis: { labelLimit: 260 } },
        x: { field: 'value', type: 'quantitative', title: valueTitle, stack: 'zero', axis: { format: ',d', tickMinStep: 1 } },
        ...(colTitle
          ? { color: { field: 'col', type: 'nominal', sort: cols, title: colTitle, scale: { scheme: 'tableau10' } } }
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
  }, [data, rowTitle, colTitle, valueTitle, ariaLabel]);

  return <VegaEmbed className="chart" spec={spec} options={options} role="figure" aria-label={ariaLabel} />;
}
