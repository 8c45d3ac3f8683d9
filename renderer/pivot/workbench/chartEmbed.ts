// How every chart is embedded: vega normally compiles expressions with `new Function`, which our CSP
// forbids; the AST + interpreter options make it run without eval. defaultStyle off keeps vega-embed from
// injecting a stylesheet; numbers follow the Dutch locale of the grid.
import { logger, Warn } from 'vega';
import embed, { type EmbedOptions, type VisualizationSpec } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { vegaFormatLocale } from '../../format.js';

// vega-lite warns that it drops "fit-y" whenever width is "container" and the bars have a discrete
// height, which is exactly the layout wanted here. Only that message is dropped; every other warning
// still reaches the console (and fails the e2e test).
const vegaLogger = logger(Warn);
const warn = vegaLogger.warn.bind(vegaLogger);
vegaLogger.warn = (...args: readonly unknown[]) => (String(args[0]).startsWith('Dropping "fit-y"') ? vegaLogger : warn(...args));

export const chartOptions: EmbedOptions = {
  logger: vegaLogger,
  mode: 'vega-lite',
  ast: true,
  expr: expressionInterpreter,
  defaultStyle: false,
  actions: false,
  renderer: 'svg',
  formatLocale: vegaFormatLocale,
};

/** The chart as an image (a data: URL for PNG, a blob: URL for SVG), drawn off screen at a fixed width:
 *  the export is drawn from the suppressed figures even when the screen shows exact ones. */
export async function chartImage(spec: VisualizationSpec, type: 'png' | 'svg', title: { text: string; subtitle: string[] }, width = 900): Promise<string> {
  const el = document.createElement('div');
  // A picture that leaves the app says what it shows: the caption, peildatum, filters and suppression.
  const titled = { ...spec, width, background: 'white', title: { ...title, anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#5b6670', offset: 12 } };
  const result = await embed(el, titled as VisualizationSpec, chartOptions);
  try {
    return await result.view.toImageURL(type, type === 'png' ? 2 : 1);
  } finally {
    result.finalize();
  }
}
