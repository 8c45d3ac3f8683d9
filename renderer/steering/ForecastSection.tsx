// Year-end forecast of spending (analysis/forecast): actual so far plus the expected rest from open
// assignments and recent declaration patterns, per month (chart) and per segment (table), with the method
// and its backtest — the forecast made at the end of June against "last year's total × this year's trend".
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisualizationSpec } from 'vega-embed';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { ForecastResult } from '../../core/contract/analysis.js';
import type { Lang } from '../../core/registry.js';
import { chartConfig } from '../flows/chartBase.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { formatDate } from '../format.js';
import { CallState } from './CallState.js';
import { euro, figureText, monthLabel } from './values.js';

const BASIS_COLORS = { actual: '#2c6e8f', completed: '#7fb4cf', expected: '#d99a2b' };

function monthsSpec(r: ForecastResult, lang: Lang, basis: (b: string) => string, t: { description: string; value: string }): VisualizationSpec {
  const domain = r.months.map((m) => monthLabel(m.month, lang));
  const kinds = ['actual', 'completed', 'expected'] as const;
  return {
    width: 'container',
    height: 180,
    description: t.description,
    data: { values: r.months.map((m) => ({ label: monthLabel(m.month, lang), value: m.forecast / 100, basis: basis(m.basis) })) },
    mark: { type: 'bar', width: { band: 0.75 } },
    encoding: {
      x: { field: 'label', type: 'ordinal', sort: domain, title: null, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: t.value, axis: { format: '$,.0f', tickCount: 5 } },
      color: { field: 'basis', type: 'nominal', title: null, scale: { domain: kinds.map(basis), range: kinds.map((k) => BASIS_COLORS[k]) } },
      tooltip: [
        { field: 'label', type: 'nominal', title: ' ' },
        { field: 'value', type: 'quantitative', title: t.value, format: '$,.0f' },
        { field: 'basis', type: 'nominal', title: '  ' },
      ],
    },
    config: chartConfig,
  } as VisualizationSpec;
}

export function ForecastSection({ api, version, year, suppress }: { api: SpiegelApi; version: number; year: number; suppress: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const { result, error, busy } = useCall(api, 'analysis/forecast', { year, suppress }, version);
  const threshold = result?.suppression.threshold ?? 5;
  const bt = result?.backtest;
  // Which method was closer over the backtest years (no verdict on a tie, e.g. years without spending).
  const wins = bt && bt.maeForecast !== null && bt.maeBaseline !== null && bt.maeForecast !== bt.maeBaseline ? bt.maeForecast < bt.maeBaseline : null;
  return (
    <section className="steering-section forecast-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.forecast.title', { year })}</h3>
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          <p className="forecast-total">
            {t('steering.forecast.total', { asOf: formatDate(result.asOf) })} <strong className="forecast-actual">{euro(result.total.actual)}</strong> ·{' '}
            {t('steering.forecast.yearEnd')} <strong className="forecast-value">{euro(result.total.forecast)}</strong>
          </p>
          <figure className="chart-box">
            <FlowChart className="forecast-chart" label={t('steering.forecast.chart', { year })} spec={monthsSpec(result, lang, (b) => t(`steering.forecast.basis.${b}`), { description: t('steering.forecast.chart', { year }), value: t('steering.forecast.amount') })} />
          </figure>
          <table className="pivot forecast-table">
            <caption>{t('steering.forecast.caption', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steering.segment')}</th>
                <th scope="col">{t('steering.forecast.clients')}</th>
                <th scope="col">{t('steering.forecast.actual')}</th>
                <th scope="col">{t('steering.forecast.forecast')}</th>
                <th scope="col">{t('steering.forecast.open')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.segment} data-segment={r.segment} className={r.segment === 'total' ? 'total-row' : undefined}>
                  <th scope="row">{r.label[lang]}</th>
                  {[figureText(r.clients, threshold), figureText(r.actual, threshold, true), figureText(r.forecast, threshold, true), figureText(r.openAssignments, threshold)].map((f, i) => (
                    <td key={i} className={f.className}>
                      {f.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{result.method[lang]}</p>
          {bt && bt.years.length > 0 && (
            <table className="pivot backtest-table">
              <caption>{t('steering.forecast.backtest', { cutoff: bt.cutoff.split('-').reverse().join('-') })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('steering.year')}</th>
                  <th scope="col">{t('steering.forecast.realised')}</th>
                  <th scope="col">{t('steering.forecast.forecast')}</th>
                  <th scope="col">{t('steering.forecast.baseline')}</th>
                  <th scope="col">{t('steering.forecast.errorForecast')}</th>
                  <th scope="col">{t('steering.forecast.errorBaseline')}</th>
                </tr>
              </thead>
              <tbody>
                {bt.years.map((y) => (
                  <tr key={y.year} data-year={y.year}>
                    <th scope="row">{y.year}</th>
                    {[y.actual, y.forecast, y.baseline, y.errorForecast, y.errorBaseline].map((v, i) => (
                      <td key={i} className="num">
                        {euro(v)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {t('steering.forecast.mae')}
                  </th>
                  <td className="num mae-forecast">{bt.maeForecast === null ? '–' : euro(bt.maeForecast)}</td>
                  <td className="num mae-baseline">{bt.maeBaseline === null ? '–' : euro(bt.maeBaseline)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          {wins !== null && <p className="note">{wins ? t('steering.forecast.beats') : t('steering.forecast.loses')}</p>}
        </>
      )}
    </section>
  );
}
