// Early signals (analysis/signals): months where a series' inflow or clients lie outside the control band
// around the expected level, largest excess first, with the method written out and how many series were tested.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { formatNumber } from '../format.js';
import { useCall } from '../flows/useCall.js';
import { CallState } from './CallState.js';
import { figureText, monthLabel } from './values.js';

const SHOWN = 25;

export function SignalsSection({ api, version, suppress }: { api: SpiegelApi; version: number; suppress: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [all, setAll] = useState(false);
  const { result, error, busy } = useCall(api, 'analysis/signals', { suppress }, version);
  const threshold = result?.suppression.threshold ?? 5;
  const rows = result ? (all ? result.signals : result.signals.slice(0, SHOWN)) : [];
  return (
    <section className="steering-section signals-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.signals.title')}</h3>
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          <p className="hint">{result.method.description[lang]}</p>
          <p className="note signals-summary">
            {t('steering.signals.summary', {
              count: result.signals.length,
              series: formatNumber(result.series),
              years: formatNumber(result.seriesYears, 1),
              from: result.months[0] ? monthLabel(result.months[0], lang) : '–',
              to: result.months.length ? monthLabel(result.months[result.months.length - 1]!, lang) : '–',
            })}
          </p>
          {rows.length > 0 && (
            <div className="table-wrap">
              <table className="pivot signals-table">
                <caption>{t('steering.signals.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('steering.signals.month')}</th>
                    <th scope="col">{t('steering.signals.series')}</th>
                    <th scope="col">{t('steering.signals.measure')}</th>
                    <th scope="col">{t('steering.signals.observed')}</th>
                    <th scope="col">{t('steering.signals.expected')}</th>
                    <th scope="col">{t('steering.signals.band')}</th>
                    <th scope="col">{t('steering.signals.excess')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => {
                    const obs = figureText(r.observed, threshold);
                    return (
                      <tr key={i} data-month={r.month} data-direction={r.direction} data-measure={r.measure} data-series={`${r.segment}|${r.ageband}|${r.gender}|${r.municipality}`}>
                        <td>{monthLabel(r.month, lang)}</td>
                        <th scope="row">{r.label[lang]}</th>
                        <td>{t(`steering.signals.measures.${r.measure}`)}</td>
                        <td className={`${obs.className} observed`}>{obs.text}</td>
                        <td className="num">{formatNumber(r.expected, 1)}</td>
                        <td className="num">
                          {formatNumber(r.lower, 1)} – {formatNumber(r.upper, 1)}
                        </td>
                        <td className={`num excess-${r.direction}`}>{r.excess === null ? '–' : `${r.excess > 0 ? '+' : '−'}${formatNumber(Math.abs(r.excess), 1)}`}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {result.signals.length > SHOWN && (
            <button type="button" className="secondary" onClick={() => setAll((a) => !a)}>
              {all ? t('steering.signals.fewer') : t('steering.signals.all', { n: result.signals.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
