// The pivot as a chart (bar, line over time, stacked bar), embedded with the CSP-safe options of
// workbench/chartEmbed.ts.
import { useMemo } from 'react';
import { VegaEmbed } from 'react-vega';
import type { ChartModel } from './workbench/chartModel.js';
import { chartOptions } from './workbench/chartEmbed.js';
import { chartSpec, type ChartTexts } from './workbench/chartSpec.js';

interface Props {
  model: ChartModel;
  kind: 'bar' | 'line' | 'stacked';
  texts: ChartTexts;
}

export function PivotChart({ model, kind, texts }: Props) {
  const spec = useMemo(() => chartSpec(model, kind, texts), [model, kind, texts]);
  return <VegaEmbed className="chart" spec={spec} options={chartOptions} role="figure" aria-label={texts.description} />;
}
