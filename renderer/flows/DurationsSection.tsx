// How long care lasts: ended trajectories per segment, and uninterrupted time in care per child (region
// spells that ended in the range, and those still running at the peildatum), as duration classes with mean
// and median days; a small bar chart of the classes for all trajectories and the children's spells.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisualizationSpec } from 'vega-embed';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DurationRow, DurationsArgs } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { chartConfig, COUNT_FORMAT, countAxis } from './chartBase.js';
import { days, drawable, figure } from './figures.js';
import { FlowChart } from './FlowChart.js';
import { markTitle } from './StockFlowTable.js';
import { useCall } from './useCall.js';
import { scrollRegion } from '../ui/scrollRegion.js';

interface Props {
  api: SpiegelApi;
  version: number;
  args: DurationsArgs;
}

export function DurationsSection({ api, version, args }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const { result, error } = useCall(api, 'query/durations', args, version);
  const threshold = result?.suppression.threshold ?? 5;

  const table = (rows: DurationRow[], caption: string, kind: string) => (
    <table className={`pivot durations-table ${kind}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col" className="num">{t('flows.durations.count')}</th>
          <th scope="col" className="num">{t('flows.durations.mean')}</th>
          <th scope="col" className="num">{t('flows.durations.median')}</th>
          {result?.classes.map((c) => (
            <th key={c.key} scope="col" className="num">
              {c.label[lang]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const n = figure(r.count, threshold);
          return (
            <tr key={r.key} data-key={r.key} className={r.key === 'total' ? 'total-row' : undefined}>
              <th scope="row">{r.label[lang]}</th>
              <td className={n.className} data-figure="count" data-flag={n.flag} title={markTitle(n.flag, threshold, t)}>
                {n.text}
              </td>
              <td className="num" data-figure="mean">{days(r.meanDays)}</td>
              <td className="num" data-figure="median">{days(r.medianDays)}</td>
              {r.classes.map((c, i) => {
                const f = figure(c, threshold);
                return (
                  <td key={i} className={f.className} data-figure={`class-${i}`} data-flag={f.flag} title={markTitle(f.flag, threshold, t)}>
                    {f.text}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );

  const chartRows = result ? [...result.trajectories.filter((r) => r.key === 'total'), ...result.spells] : [];
  const values = chartRows.flatMap((r) =>
    r.classes.flatMap((c, i) => {
      const v = drawable(c);
      return v === null ? [] : [{ row: r.label[lang], cls: result!.classes[i]!.label[lang], value: v }];
    }),
  );
  const order = result?.classes.map((c) => c.label[lang]) ?? [];
  const spec = {
    width: 'container',
    height: { step: 14, for: 'offset' },
    description: t('flows.durations.chartLabel'),
    data: { values },
    mark: { type: 'bar', cornerRadiusEnd: 2 },
    encoding: {
      y: { field: 'cls', type: 'ordinal', sort: order, title: null, scale: { domain: order } },
      yOffset: { field: 'row', type: 'nominal', sort: chartRows.map((r) => r.label[lang]) },
      x: { field: 'value', type: 'quantitative', title: t('flows.durations.number'), axis: countAxis },
      color: { field: 'row', type: 'nominal', title: null, sort: chartRows.map((r) => r.label[lang]), scale: { range: ['#2c6e8f', '#d99a2b', '#7fb4cf'] } },
      tooltip: [
        { field: 'row', type: 'nominal', title: ' ' },
        { field: 'cls', type: 'nominal', title: t('flows.durations.class') },
        { field: 'value', type: 'quantitative', title: t('flows.durations.number'), format: COUNT_FORMAT },
      ],
    },
    config: { ...chartConfig, axisY: { minExtent: 110 } },
  } as VisualizationSpec;

  return (
    <section className="flows-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('flows.durations.title')}</h3>
      <p className="hint">{t('flows.durations.help')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <div className="durations">
          <div {...scrollRegion(t('flows.durations.title'))}>
            {table(result.trajectories, t('flows.durations.trajectories'), 'trajectories')}
            {table(result.spells, t('flows.durations.spells'), 'spells')}
          </div>
          {values.some((v) => v.value > 0) && (
            <figure className="chart-box durations-box">
              <FlowChart spec={spec} label={t('flows.durations.chartLabel')} className="durations-chart" />
            </figure>
          )}
        </div>
      )}
    </section>
  );
}
