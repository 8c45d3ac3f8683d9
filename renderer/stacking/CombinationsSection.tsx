// Combinations of the stacked children (two or more trajectories on a measuring day): the segment × segment
// heatmap (each unordered pair of a child's trajectories once) and the most frequent combinations of segments
// and of providers. Suppressed pairs are not drawn; the lists mark them as the tables do.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StackingCombination, StackingResult } from '../../core/contract/stacking.js';
import type { Lang } from '../../core/registry.js';
import { SEGMENTS } from '../../core/domain/segments.js';
import { drawable, figure } from '../flows/figures.js';
import { FlowChart } from '../flows/FlowChart.js';
import { heatmapSpec } from './stackingSpecs.js';

interface Props {
  result: StackingResult;
  segmentLabel: (s: string) => string;
}

export function CombinationsSection({ result, segmentLabel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const threshold = result.suppression.threshold;
  const present = SEGMENTS.filter((s) => result.segmentPairs.some((p) => (p.a === s || p.b === s) && p.clients.value !== 0));
  const order = present.map(segmentLabel);
  const pairs = result.segmentPairs.flatMap((p) => {
    const value = drawable(p.clients);
    return value !== null && value > 0 ? [{ a: segmentLabel(p.a), b: segmentLabel(p.b), value }] : [];
  });
  const hidden = result.segmentPairs.filter((p) => p.clients.value === null).length;
  const stacked = figure(result.combinations.stackedClients, threshold);

  const list = (kind: 'segments' | 'providers', rows: StackingCombination[]) => (
    <table className={`pivot combinations-table ${kind}`}>
      <caption>{t(`stacking.combinations.${kind}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('stacking.combinations.combination')}</th>
          <th scope="col" className="num">
            {t('stacking.children')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => {
          const f = figure(c.clients, threshold);
          return (
            <tr key={c.key} data-key={c.key}>
              <th scope="row">{c.label[lang]}</th>
              <td className={f.className} data-flag={f.flag}>
                {f.text}
              </td>
            </tr>
          );
        })}
        {rows.length === 0 && (
          <tr>
            <td colSpan={2}>{t('stacking.nothing')}</td>
          </tr>
        )}
      </tbody>
    </table>
  );

  return (
    <section className="flows-section stacking-combinations" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('stacking.combinations.title')}</h3>
      <p className="hint">
        {t('stacking.combinations.help')} <span className="stacked-clients">{t('stacking.combinations.stacked', { n: stacked.text })}</span>
      </p>
      <figure className="chart-box heatmap-box">
        <figcaption>{t('stacking.combinations.heatmap')}</figcaption>
        {pairs.length > 0 ? (
          <FlowChart
            className="heatmap"
            label={t('stacking.combinations.heatmap')}
            spec={heatmapSpec(pairs, order, { description: t('stacking.combinations.heatmap'), a: t('stacking.segment'), b: t('stacking.segment'), children: t('stacking.children') })}
          />
        ) : (
          <p className="note">{t('stacking.nothing')}</p>
        )}
        {hidden > 0 && <p className="note">{t('flows.doorstroom.hidden', { count: hidden, n: hidden })}</p>}
      </figure>
      <div className="combinations-lists">
        {list('segments', result.combinations.segments)}
        {list('providers', result.combinations.providers)}
      </div>
    </section>
  );
}
