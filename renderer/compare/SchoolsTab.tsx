// Scholen: per school location the share of its pupils (leerplicht extract, residents) with youth care in a
// school year, as a funnel plot around the regional rate — a small school far from the line is often chance,
// and the bands say how far is far — with the table beside it: pupils next to every rate, the band at that
// school's size, segments and the share referred to special education. Never a bare league table.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { SchoolsResult } from '../../core/contract/schools.js';
import { SEGMENTS, type Segment } from '../../core/domain/segments.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { ChartFigure } from '../ui/ChartFigure.js';
import { valueText } from './cells.js';
import { CompareExport } from './CompareExport.js';
import type { CompareState } from './compareState.js';
import { funnelSpec, type FunnelPoint } from './funnelSpec.js';
import { MunicipalityPick } from './MunicipalityPick.js';
import { SchoolTable } from './SchoolTable.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';

interface Props {
  api: SpiegelApi;
  version: number;
  suppress: boolean;
  state: CompareState;
  update: (patch: Partial<CompareState>) => void;
  municipalities: { key: string; label: string }[];
  segmentLabel: (s: string) => string;
}

export function SchoolsTab({ api, version, suppress, state, update, municipalities, segmentLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const args = { suppress, ...(state.schoolYear ? { schoolYear: state.schoolYear } : {}), ...(state.segment ? { segment: state.segment } : {}), ...(state.municipality ? { municipality: state.municipality } : {}) };
  const { result, error, busy } = useCall(api, 'compare/schools', args, version);
  const points = useMemo(() => (result ? pointsOf(result) : []), [result]);
  const hidden = result ? result.schools.length - points.length : 0;
  const year = result?.schoolYear ?? '';
  const zones = {
    above998: t('compare.schools.position.above998'),
    above95: t('compare.schools.position.above95'),
    inside: t('compare.schools.position.inside'),
    below95: t('compare.schools.position.below95'),
    below998: t('compare.schools.position.below998'),
  };
  const chartLabel = t('compare.schools.chartLabel', { year, n: points.length, count: points.length });

  return (
    <div className="compare-tab" aria-busy={busy}>
      <div className="compare-bar">
        {result && result.schoolYears.length > 0 && (
          <div className="control">
            <label htmlFor={`${id}-year`}>{t('compare.schools.schoolYear')}</label>
            <select id={`${id}-year`} value={result.schoolYear ?? ''} onChange={(e) => update({ schoolYear: e.target.value })}>
              {result.schoolYears.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="control">
          <label htmlFor={`${id}-segment`}>{t('compare.schools.segment')}</label>
          <select id={`${id}-segment`} value={state.segment ?? ''} onChange={(e) => update({ segment: e.target.value === '' ? null : (e.target.value as Segment) })}>
            <option value="">{t('compare.schools.anyCare')}</option>
            {SEGMENTS.map((s) => (
              <option key={s} value={s}>
                {segmentLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <MunicipalityPick value={state.municipality} options={municipalities} onChange={(municipality) => update({ municipality })} label={t('compare.schools.located')} />
        <CompareExport run={(format, lang) => api.invoke('export/schools', { query: args, format, lang })} />
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && result.schoolYear === null && <p className="note empty-schools">{t('compare.schools.noExtract')}</p>}
      {result && result.schoolYear !== null && (
        <>
          <p className="note">
            {t('compare.schools.region', { clients: valueText(result.region.clients, 'count'), pupils: valueText(result.region.pupils, 'count'), rate: valueText(result.region.rate, 'share') })}
            {result.partial && ` ${t('compare.schools.partial')}`}
          </p>
          <ChartFigure
            className="compare-chart-box funnel-box"
            caption={t('compare.schools.chartCaption', { year })}
            nothing={t('compare.chart.nothing')}
            notes={
              <>
                <li>{t('compare.schools.funnelNote')}</li>
                {hidden > 0 && <li className="chart-suppressed">{t('compare.schools.hidden', { count: hidden, n: hidden })}</li>}
                {result.unmatched > 0 && <li>{t('compare.schools.unmatched', { count: result.unmatched, n: result.unmatched })}</li>}
              </>
            }
          >
            {points.length > 0 && result.region.rate !== null && (
              <FlowChart
                className="funnel"
                label={chartLabel}
                spec={funnelSpec(points, result.funnel, result.region.rate, {
                  description: chartLabel,
                  pupils: t('compare.schools.pupils'),
                  rate: t('compare.schools.rate'),
                  school: t('compare.schools.school'),
                  clients: t('compare.schools.clients'),
                  regional: t('compare.schools.regional'),
                  band95: t('compare.schools.band95'),
                  band998: t('compare.schools.band998'),
                  zones,
                })}
              />
            )}
          </ChartFigure>
          <SchoolTable result={result} zones={zones} segmentLabel={segmentLabel} />
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} />
        </>
      )}
    </div>
  );
}

/** Schools with a shown rate: a hidden count (1–4 children) gives no point, or the point would give it away. */
function pointsOf(result: SchoolsResult): FunnelPoint[] {
  return result.schools.flatMap((s) =>
    s.rate !== null && s.position !== null && s.clients.value !== null
      ? [{ key: s.vestigingscode, label: s.name ? `${s.name} (${s.vestigingscode})` : s.vestigingscode, pupils: s.pupils, rate: s.rate, clients: s.clients.value, zone: s.position }]
      : [],
  );
}
