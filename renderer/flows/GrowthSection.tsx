// Where growth comes from, per segment over one period: the change in clients split into new children,
// children returning, children from other segments, minus those leaving to other segments and out of care.
// A waterfall for the chosen segment and the table of every segment (a row's button picks it).
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { FlowGrain, GrowthRow } from '../../core/contract/flows.js';
import type { Segment } from '../../core/domain/segments.js';
import type { Lang } from '../../core/registry.js';
import { figure } from './figures.js';
import { FlowChart } from './FlowChart.js';
import { growthSpec } from './growthSpec.js';
import { markTitle } from './StockFlowTable.js';
import { useCall } from './useCall.js';
import { STEPS, waterfall, type StepKey } from './waterfall.js';
import { scrollRegion } from '../ui/scrollRegion.js';

interface Props {
  api: SpiegelApi;
  version: number;
  grain: FlowGrain;
  period: string;
  periodLabel: string;
  municipality: string | null;
  suppress: boolean;
  segment: Segment | null; // chosen; null = the one with the most going on
  onSegment: (s: Segment) => void;
}

const COLUMNS: (StepKey | 'change')[] = [...STEPS, 'change'];
const isEmpty = (r: GrowthRow) => COLUMNS.every((k) => r[k].value === 0);

export function GrowthSection(p: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const args = { grain: p.grain, period: p.period, suppress: p.suppress, ...(p.municipality ? { municipality: p.municipality } : {}) };
  const { result, error } = useCall(p.api, 'query/growth', args, p.version);
  const rows = useMemo(() => (result ? result.rows.filter((r) => !isEmpty(r)) : []), [result]);
  // Default: the segment with the most going on; a suppressed figure weighs as half the threshold (1–4).
  const half = (result?.suppression.threshold ?? 5) / 2;
  const weight = (r: GrowthRow) => STEPS.reduce((n, k) => n + Math.abs(r[k].value ?? half), 0);
  const largest = [...rows].sort((a, b) => weight(b) - weight(a))[0];
  const row = rows.find((r) => r.segment === p.segment) ?? largest;
  const stepLabel = (k: StepKey | 'change') => t(`flows.growth.${k}`);
  const w = useMemo(() => (row ? waterfall(row) : null), [row]);
  // Rebuilt each render: cheap, and react-vega compares specs by value, so the chart is only redrawn on change.
  const spec =
    w && row
      ? growthSpec(w, (k) => t(`flows.growth.short.${k}`), {
          description: t('flows.growth.chartLabel', { segment: row.label[lang], period: p.periodLabel }),
          value: t('flows.growth.clients'),
          kinds: { total: t('flows.growth.kind.total'), plus: t('flows.growth.kind.plus'), minus: t('flows.growth.kind.minus') },
        })
      : null;
  const threshold = result?.suppression.threshold ?? 5;
  const detail = (list: GrowthRow['fromBySegment']) =>
    list.map((x) => `${result?.rows.find((r) => r.segment === x.segment)?.label[lang] ?? x.segment} ${figure(x.count, threshold).text}`).join(' · ');

  return (
    <section className="flows-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('flows.growth.title', { period: p.periodLabel })}</h3>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && rows.length === 0 && <p className="note">{t('flows.growth.none')}</p>}
      {result && row && w && spec && (
        <>
          <figure className="chart-box growth-box">
            <figcaption>{t('flows.growth.caption', { segment: row.label[lang], period: p.periodLabel })}</figcaption>
            {w.steps.length > 0 ? (
              <FlowChart spec={spec} label={t('flows.growth.chartLabel', { segment: row.label[lang], period: p.periodLabel })} className="waterfall" />
            ) : (
              <p className="note">{t('flows.chart.noFlows')}</p>
            )}
            <ul className="chart-notes">
              <li>{t('flows.growth.adds')}</li>
              {!w.chained && <li className="chart-suppressed">{t('flows.growth.unchained', { steps: w.missing.map(stepLabel).join(', ') })}</li>}
              {row.fromBySegment.length > 0 && <li>{t('flows.growth.fromDetail', { list: detail(row.fromBySegment) })}</li>}
              {row.toBySegment.length > 0 && <li>{t('flows.growth.toDetail', { list: detail(row.toBySegment) })}</li>}
            </ul>
          </figure>
          <div {...scrollRegion(t('flows.growth.tableCaption', { period: p.periodLabel }))}>
            <table className="pivot growth-table">
              <caption>{t('flows.growth.tableCaption', { period: p.periodLabel })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('flows.segment')}</th>
                  {COLUMNS.map((k) => (
                    <th key={k} scope="col" className="num">
                      {stepLabel(k)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.segment} data-segment={r.segment} className={r === row ? 'chosen' : undefined}>
                    <th scope="row">
                      <button type="button" className="link-button" aria-pressed={r === row} onClick={() => p.onSegment(r.segment)}>
                        {r.label[lang]}
                      </button>
                    </th>
                    {COLUMNS.map((k) => {
                      const f = figure(r[k], threshold);
                      return (
                        <td key={k} className={f.className + (k === 'beginstand' || k === 'eindstand' || k === 'change' ? ' total' : '')} data-figure={k} data-flag={f.flag} title={markTitle(f.flag, threshold, t)}>
                          {k === 'change' && r.change.value !== null && r.change.value > 0 ? `+${f.text}` : f.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
