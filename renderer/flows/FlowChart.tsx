// One vega-lite chart of the flows views, embedded with the pivot's CSP-safe options (workbench/chartEmbed.ts:
// AST + interpreter, no injected styles, Dutch number locale). `onMark` receives the datum of a clicked mark.
import { useMemo, useRef } from 'react';
import { VegaEmbed } from 'react-vega';
import type { Result, VisualizationSpec } from 'vega-embed';
import { chartOptions } from '../pivot/workbench/chartEmbed.js';

interface Props {
  spec: VisualizationSpec;
  label: string;
  className?: string;
  onMark?: (datum: Record<string, unknown>) => void;
}

export function FlowChart({ spec, label, className, onMark }: Props) {
  // The view keeps the listener it got at embed time; the ref lets it call the latest handler.
  const handler = useRef(onMark);
  handler.current = onMark;
  const onEmbed = useMemo(
    () => (result: Result) => {
      result.view.addEventListener('click', (_event, item) => {
        const datum = (item as { datum?: unknown } | null | undefined)?.datum;
        if (datum && typeof datum === 'object') handler.current?.(datum as Record<string, unknown>);
      });
    },
    [],
  );
  return <VegaEmbed className={`chart ${className ?? ''}`} spec={spec} options={chartOptions} onEmbed={onEmbed} role="figure" aria-label={label} />;
}
