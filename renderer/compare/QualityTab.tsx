// Kwaliteit: the message traffic the figures depend on, per provider: assignments started within 14 days,
// care ended with a JW307, declarations answered (JW325) within 10 working days, request lead time against the
// 5-working-day norm, retour messages and their codes. A bar per provider of the chosen share, the region a line.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { CompareQualityResult, CompareQualityRow as QualityRow } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { ChartFigure } from '../ui/ChartFigure.js';
import { barSpec, type BarRow } from './barSpec.js';
import { drawable, valueText } from './cells.js';
import { CompareExport } from './CompareExport.js';
import type { CompareState } from './compareState.js';
import { MunicipalityPick } from './MunicipalityPick.js';
import { QualityTable } from './QualityTable.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  api: SpiegelApi;
  version: number;
  period: string;
  suppress: boolean;
  state: CompareState;
  update: (patch: Partial<CompareState>) => void;
  municipalities: { key: string; label: string }[];
}

const SHARES = ['startWithin14', 'endsWithoutStop', 'answerWithin10', 'withinNorm'] as const;
type Share = (typeof SHARES)[number];
const shareOf = (r: QualityRow, s: Share) => (s === 'withinNorm' ? r.requests.withinNorm : r[s].share);

export function QualityTab({ api, version, period, suppress, state, update, municipalities }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [share, setShare] = useState<Share>('startWithin14');
  const m = state.municipality ? { municipality: state.municipality } : {};
  const { result, error, busy } = useCall(api, 'compare/quality', { period, suppress, ...m }, version);
  const chart = useMemo(() => (result ? chartOf(result, share) : null), [result, share]);
  const shareLabel = t(`compare.quality.share.${share}`);

  return (
    <div className="compare-tab" aria-busy={busy}>
      <div className="compare-bar">
        <MunicipalityPick value={state.municipality} options={municipalities} onChange={(municipality) => update({ municipality })} />
        <div className="control">
          <label htmlFor={`${id}-share`}>{t('compare.quality.chartLabelPick')}</label>
          <select id={`${id}-share`} value={share} onChange={(e) => setShare(e.target.value as Share)}>
            {SHARES.map((s) => (
              <option key={s} value={s}>
                {t(`compare.quality.share.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <CompareExport run={(format, l) => api.invoke('export/compare', { table: 'quality', period, ...m, format, lang: l })} />
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && chart && (
        <>
          <ChartFigure
            className="compare-chart-box"
            caption={t('compare.quality.chartCaption', { share: shareLabel, period: result.period.label[lang] })}
            nothing={t('compare.chart.nothing')}
            notes={
              <>
                <li>{t('compare.quality.chartNote')}</li>
                {chart.skipped > 0 && <li className="chart-suppressed">{t('compare.chart.skipped', { count: chart.skipped, n: chart.skipped })}</li>}
              </>
            }
          >
            {chart.rows.length > 0 && (
              <FlowChart
                className="quality-bars"
                label={t('compare.quality.chartCaption', { share: shareLabel, period: result.period.label[lang] })}
                spec={barSpec(chart.rows, chart.region, 'share', {
                  description: t('compare.quality.chartCaption', { share: shareLabel, period: result.period.label[lang] }),
                  value: shareLabel,
                  previous: '',
                  region: t('compare.region'),
                  name: t('compare.providers.provider'),
                })}
              />
            )}
          </ChartFigure>
          <QualityTable result={result} />
          {result.retourCodes.length > 0 && (
            <TableWrap label={t('compare.quality.codesCaption')}>
              <table className="pivot compare-table retour-codes">
                <caption>{t('compare.quality.codesCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('compare.quality.code')}</th>
                    <th scope="col" className="num">
                      {t('compare.quality.messages')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.retourCodes.map((c) => (
                    <tr key={c.code} data-key={c.code}>
                      <th scope="row">{c.code}</th>
                      <td className="num" data-figure="messages">
                        {valueText(c.messages, 'count')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} />
        </>
      )}
    </div>
  );
}

function chartOf(result: CompareQualityResult, s: Share): { rows: BarRow[]; region: number | null; skipped: number } {
  const rows: BarRow[] = [];
  let skipped = 0;
  for (const p of result.providers) {
    const v = drawable(shareOf(p, s));
    if (v === null) skipped++;
    else rows.push({ key: p.key, label: p.label, value: v, previous: null });
  }
  return { rows, region: drawable(shareOf(result.region, s)), skipped };
}
