// Samenloop Jeugd–Wmo (issue 7, docs/STACKING.md "Samenloop"): the same child (same pseudonym) in youth care and
// in Wmo support in the period, and the young people turning 18 split into moved to Wmo / prolonged youth care /
// both / neither. Only meaningful once iWmo messages are imported, so without them the section says how to get
// them instead of showing zeros that look like a finding. Suppressed figures are marked as in the other sections.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { SamenloopResult, StackCount } from '../../core/contract/stacking.js';
import { formatDate } from '../format.js';
import { drawable, figure } from '../flows/figures.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { samenloopSpec, type SamenloopDatum } from './samenloopSpec.js';

interface Props {
  api: SpiegelApi;
  version: number;
  args: { period: string; municipality?: string; suppress: boolean };
}

type Row = { key: string; count: StackCount };
const overlapRows = (r: SamenloopResult): Row[] => [
  { key: 'jeugd', count: r.jeugd },
  { key: 'wmoClients', count: r.wmoClients },
  { key: 'both', count: r.both },
  { key: 'bothSameDay', count: r.bothSameDay },
];
const cohortRows = (r: SamenloopResult): Row[] => (['cohort', 'toWmo', 'prolonged', 'both', 'neither'] as const).map((k) => ({ key: `turning18.${k}`, count: r.turning18[k] }));

export function SamenloopSection({ api, version, args }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { result, error } = useCall(api, 'query/samenloop', args, version);

  return (
    <section className="flows-section stacking-samenloop" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('stacking.samenloop.title')}</h3>
      <p className="hint">{t('stacking.samenloop.help')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && !result.wmo.imported && (
        <p className="note samenloop-empty" role="status">
          {t('stacking.samenloop.noWmo')}
        </p>
      )}
      {result && result.wmo.imported && <SamenloopFigures result={result} />}
    </section>
  );
}

function SamenloopFigures({ result }: { result: SamenloopResult }) {
  const { t } = useTranslation();
  const threshold = result.suppression.threshold;
  const blocks = [t('stacking.samenloop.overlap'), t('stacking.samenloop.turning18')];
  const groups = [overlapRows(result), cohortRows(result)];
  const label = (key: string) => t(`stacking.samenloop.figure.${key}`);
  const order = groups.flat().map((r) => label(r.key));
  const data: SamenloopDatum[] = [];
  let hidden = 0;
  groups.forEach((rows, b) =>
    rows.forEach((r) => {
      const value = drawable(r.count);
      if (value === null) hidden++;
      else data.push({ label: label(r.key), block: blocks[b]!, value });
    }),
  );
  const caption = t('stacking.samenloop.caption', { from: formatDate(result.start), to: formatDate(result.end) });

  return (
    <>
      <p className="hint samenloop-wmo">
        {caption} {t('stacking.samenloop.wmoRange', { from: formatDate(result.wmo.firstDay), to: formatDate(result.wmo.lastDay) })}
      </p>
      <div className="sequence-grid">
        <table className="pivot samenloop-table">
          <caption>{t('stacking.samenloop.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stacking.samenloop.figureHead')}</th>
              <th scope="col" className="num">{t('stacking.samenloop.people')}</th>
            </tr>
          </thead>
          {groups.map((rows, b) => (
            <tbody key={b}>
              <tr>
                <th scope="colgroup" colSpan={2}>
                  <strong>{blocks[b]}</strong>
                </th>
              </tr>
              {rows.map((r) => {
                const f = figure(r.count, threshold);
                return (
                  <tr key={r.key} data-figure={r.key}>
                    <th scope="row">{label(r.key)}</th>
                    <td className={f.className} data-flag={f.flag}>{f.text}</td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
        <figure className="chart-box">
          <figcaption>{t('stacking.samenloop.chartCaption')}</figcaption>
          {data.length > 0 ? (
            <FlowChart className="samenloop-chart" label={t('stacking.samenloop.chartLabel')} spec={samenloopSpec(data, order, blocks, { description: t('stacking.samenloop.chartLabel'), y: t('stacking.samenloop.figureHead'), x: t('stacking.samenloop.people'), block: t('stacking.samenloop.block') })} />
          ) : (
            <p className="note">{t('stacking.nothing')}</p>
          )}
          {hidden > 0 && <p className="note">{t('flows.chart.skipped', { count: hidden, n: hidden })}</p>}
        </figure>
      </div>
      <p className="hint">{t('stacking.samenloop.note')}</p>
    </>
  );
}
