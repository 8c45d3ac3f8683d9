// The chart under the grid: a kind picker (stored with saved views), the chart itself, and plain words for
// what it leaves out — suppressed or empty cells, bars beyond the first 50 — and how voorlopig periods look.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotResult } from '../../../core/contract/pivot.js';
import { chartKind } from '../../../core/contract/workbench.js';
import type { Lang } from '../../../core/registry.js';
import { PivotChart } from '../PivotChart.js';
import { chartModel, drawnKind, timeDimension } from './chartModel.js';
import type { ChartTexts } from './chartSpec.js';
import type { ChartKind } from './hashState.js';

interface Props {
  result: PivotResult;
  kind: ChartKind;
  onKind: (kind: ChartKind) => void;
  texts: (query: PivotResult['query'], model: ReturnType<typeof chartModel>) => ChartTexts;
}

export function ChartSection({ result, kind, onKind, texts }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const drawn = drawnKind(kind, result.query);
  const model = useMemo(() => (drawn === 'none' ? null : chartModel(result, drawn, lang)), [result, drawn, lang]);
  const chartTexts = useMemo(() => (model ? texts(result.query, model) : null), [model, texts, result.query]);
  const hasTime = timeDimension(result.query) !== null;

  return (
    <figure className="chart-box">
      <figcaption>
        <label htmlFor={`${id}-kind`}>{t('workbench.chart.label')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => onKind(chartKind.parse(e.target.value))}>
          {chartKind.options.map((k) => (
            <option key={k} value={k} disabled={k === 'line' && !hasTime}>
              {t(`workbench.chart.kind.${k}`)}
            </option>
          ))}
        </select>
      </figcaption>
      {kind === 'line' && !hasTime && <p className="note">{t('workbench.chart.lineNeedsTime')}</p>}
      {model && chartTexts && drawn !== 'none' && (
        <>
          {model.points.length > 0 ? <PivotChart model={model} kind={drawn} texts={chartTexts} /> : <p className="note">{t('workbench.chart.empty')}</p>}
          <ul className="chart-notes">
            {model.points.some((p) => p.voorlopig) && <li>{t('workbench.chart.provisionalNote')}</li>}
            {model.suppressed > 0 && <li className="chart-suppressed">{t('workbench.chart.suppressed', { count: model.suppressed, n: model.suppressed })}</li>}
            {model.missing > 0 && <li>{t('workbench.chart.missing', { count: model.missing, n: model.missing })}</li>}
            {model.truncated && <li>{t('workbench.chart.truncated', model.truncated)}</li>}
            {drawn === 'stacked' && model.seriesOrder.length > 1 && result.query.measures[0] === 'clients' && <li>{t('workbench.chart.stackNote')}</li>}
          </ul>
        </>
      )}
    </figure>
  );
}
