// The stock-flow part of the view: the chart of one group (picked here when the flows are broken down) and
// the table of every group, with plain words for what the chart leaves out and how periods are marked.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowsResult } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { FlowChart } from './FlowChart.js';
import { StockFlowTable } from './StockFlowTable.js';
import { stockFlowSpecs, type StockFlowTexts } from './stockFlowSpec.js';

interface Props {
  result: FlowsResult;
  group: string;
  onGroup: (key: string) => void;
  caption: string;
}

export function StockFlowSection({ result, group, onGroup, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const g = Math.max(0, result.groups.findIndex((x) => x.key === group));
  const groupLabel = result.groups[g]?.label[lang] ?? '';
  const texts: StockFlowTexts = useMemo(
    () => ({
      period: t(`flows.grain.${result.query.grain}`),
      stock: t('flows.chart.stock'),
      beginstand: t('flows.figure.beginstand'),
      flows: t('flows.chart.flows'),
      nieuw: t('flows.figure.nieuw'),
      herhaald: t('flows.figure.herhaald'),
      doorstroom: t('flows.figure.doorstroom'),
      uitstroom: t('flows.figure.uitstroom'),
      part: t('flows.chart.part'),
      final: t('workbench.chart.final'),
      provisional: t('workbench.chart.provisional'),
      history: t('flows.chart.history'),
    }),
    [t, result.query.grain],
  );
  const model = useMemo(() => stockFlowSpecs(result, g, lang, texts), [result, g, lang, texts]);
  const anyProvisional = result.periods.some((p) => p.voorlopig);
  const anyHistory = result.periods.some((p) => p.historyIncomplete);

  return (
    <section className="flows-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('flows.stockFlow.title')}</h3>
      <figure className="chart-box stock-flow-chart">
        <figcaption>
          <span>{t('flows.chart.caption', { group: groupLabel })}</span>
          {result.groups.length > 1 && (
            <>
              <label htmlFor={`${id}-group`}>{t('flows.chart.group')}</label>
              <select id={`${id}-group`} value={result.groups[g]?.key ?? ''} onChange={(e) => onGroup(e.target.value)}>
                {result.groups.map((x) => (
                  <option key={x.key} value={x.key}>
                    {x.label[lang]}
                  </option>
                ))}
              </select>
            </>
          )}
        </figcaption>
        {result.periods.length === 0 ? (
          <p className="note">{t('flows.empty')}</p>
        ) : (
          <>
            {/* A panel with nothing left after suppression is not drawn: an empty axis would read as zero. */}
            {model.points > 0 ? (
              <FlowChart spec={model.stock} label={t('flows.chart.stockLabel', { group: groupLabel })} className="stock-chart" />
            ) : (
              <p className="note">{t('flows.chart.noStock')}</p>
            )}
            {model.bars > 0 ? (
              <FlowChart spec={model.flows} label={t('flows.chart.flowsLabel', { group: groupLabel })} className="flow-bars" />
            ) : (
              <p className="note">{t('flows.chart.noFlows')}</p>
            )}
          </>
        )}
        <ul className="chart-notes">
          <li>{t('flows.chart.identity')}</li>
          {anyProvisional && <li>{t('workbench.chart.provisionalNote')}</li>}
          {anyHistory && <li>{t('flows.chart.historyNote')}</li>}
          {model.skipped > 0 && <li className="chart-suppressed">{t('flows.chart.skipped', { count: model.skipped, n: model.skipped })}</li>}
        </ul>
      </figure>
      <StockFlowTable result={result} caption={caption} />
      <ul className="grid-legend">
        {anyProvisional && <li>* {t('flows.marks.voorlopig')}</li>}
        {anyHistory && <li>° {t('flows.marks.history')}</li>}
        {result.suppression.applied ? (
          <li>{t('grid.suppressedLegend', { threshold: result.suppression.threshold })}</li>
        ) : (
          <li>{t('grid.smallLegend', { threshold: result.suppression.threshold })}</li>
        )}
      </ul>
    </section>
  );
}
