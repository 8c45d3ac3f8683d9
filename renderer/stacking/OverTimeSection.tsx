// Stacking over time (DOMAIN.md §7): per month, on its last day (the peildatum for a cut-off month), the
// children in care by how many trajectories cover that day — 1, 2 or 3+ — for one group of the breakdown, as
// stacked bars over a table of every figure (suppressed ones marked as in the flows tables).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StackingResult } from '../../core/contract/stacking.js';
import type { Lang } from '../../core/registry.js';
import { drawable, figure } from '../flows/figures.js';
import { FlowChart } from '../flows/FlowChart.js';
import { overTimeSpec, type BarDatum } from './stackingSpecs.js';

const PARTS = ['one', 'two', 'threePlus'] as const;
const FIGURES = ['clients', 'one', 'two', 'threePlus'] as const;

interface Props {
  result: StackingResult;
  group: string;
  onGroup: (group: string) => void;
}

export function OverTimeSection({ result, group, onGroup }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const threshold = result.suppression.threshold;
  const g = Math.max(0, result.groups.findIndex((x) => x.key === group));
  const groupLabel = result.groups[g]?.label[lang] ?? '';
  const partLabels = PARTS.map((p) => t(`stacking.part.${p}`));
  const data: BarDatum[] = [];
  let hidden = 0;
  result.points.forEach((p, i) => {
    const cell = result.cells[i]?.[g];
    PARTS.forEach((part, order) => {
      const value = drawable(cell?.[part]);
      if (value === null) hidden++;
      else if (value > 0) data.push({ key: p.key, label: p.label[lang], part, partLabel: partLabels[order]!, order, value });
    });
  });

  return (
    <section className="flows-section stacking-over-time" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('stacking.overTime.title')}</h3>
      <p className="hint">{t('stacking.overTime.help')}</p>
      {result.groups.length > 1 && (
        <div className="control period-pick">
          <label htmlFor={`${id}-group`}>{t('stacking.group')}</label>
          <select id={`${id}-group`} value={result.groups[g]?.key ?? ''} onChange={(e) => onGroup(e.target.value)}>
            {result.groups.map((x) => (
              <option key={x.key} value={x.key}>
                {x.label[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
      <figure className="chart-box">
        <figcaption>{t('stacking.overTime.caption', { group: groupLabel })}</figcaption>
        {data.length > 0 ? (
          <FlowChart
            className="stack-chart"
            label={t('stacking.overTime.chartLabel', { group: groupLabel })}
            spec={overTimeSpec(data, result.points.map((p) => p.label[lang]), { description: t('stacking.overTime.chartLabel', { group: groupLabel }), x: t('stacking.day'), y: t('stacking.children'), part: t('stacking.trajectories'), parts: partLabels })}
          />
        ) : (
          <p className="note">{t('stacking.nothing')}</p>
        )}
        {hidden > 0 && <p className="note">{t('flows.chart.skipped', { count: hidden, n: hidden })}</p>}
      </figure>
      <table className="pivot stacking-table">
        <caption>{t('stacking.overTime.caption', { group: groupLabel })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stacking.day')}</th>
            {FIGURES.map((f) => (
              <th key={f} scope="col" className="num">
                {t(`stacking.part.${f}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.points.map((p, i) => (
            <tr key={p.key} data-point={p.key}>
              <th scope="row">
                {p.label[lang]}
                {p.partial && <span className="hint"> ({t('flows.partial')})</span>}
              </th>
              {FIGURES.map((f) => {
                const c = figure(result.cells[i]?.[g]?.[f], threshold);
                return (
                  <td key={f} className={c.className} data-figure={f} data-flag={c.flag}>
                    {c.text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
