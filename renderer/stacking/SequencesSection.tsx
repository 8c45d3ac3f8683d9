// Successive trajectories (DOMAIN.md §7): episodes by their highest trajectory number, the steps from number n
// to n+1 with the median days between the starts, the most frequent segment sequences, and the transitions of
// one step as a flow (the flows view's sankey). Suppressed figures are marked as in the flows tables.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { SequencesArgs } from '../../core/contract/stacking.js';
import { days, drawable, figure } from '../flows/figures.js';
import { FlowChart } from '../flows/FlowChart.js';
import { sankeyModel } from '../flows/sankeyModel.js';
import { sankeySpec } from '../flows/sankeySpec.js';
import { useCall } from '../flows/useCall.js';
import { highestSpec } from './stackingSpecs.js';
import { transitionCells, transitionSteps } from './transitionFlow.js';

interface Props {
  api: SpiegelApi;
  version: number;
  args: SequencesArgs;
  step: number;
  onStep: (step: number) => void;
  segmentLabel: (s: string) => string;
}

export function SequencesSection({ api, version, args, step, onStep, segmentLabel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { result, error } = useCall(api, 'query/sequences', args, version);
  const threshold = result?.suppression.threshold ?? 5;
  const steps = result ? transitionSteps(result.transitions) : [];
  const chosen = steps.includes(step) ? step : (steps[0] ?? 1);
  const seqLabel = (key: string) => key.split('+').map(segmentLabel).join(' + ');
  const spec = useMemo(() => {
    if (!result) return null;
    const model = sankeyModel(transitionCells(result.transitions, chosen), true);
    if (model.bands.length === 0) return null;
    return sankeySpec(model, {
      description: t('stacking.sequences.flowLabel', { from: chosen, to: chosen + 1 }),
      from: t('stacking.sequences.number', { n: chosen }),
      to: t('stacking.sequences.number', { n: chosen + 1 }),
      children: t('stacking.episodes'),
      label: segmentLabel,
      nodeLabel: (_side, s) => segmentLabel(s),
    });
  }, [result, chosen, t, segmentLabel]);
  const highest = (result?.highest ?? []).flatMap((h) => {
    const value = drawable(h.episodes);
    return value === null || value === 0 ? [] : [{ key: h.key, value }];
  });

  return (
    <section className="flows-section stacking-sequences" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('stacking.sequences.title')}</h3>
      <p className="hint">{t('stacking.sequences.help')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <>
          <p className="episodes-count">
            {t('stacking.sequences.episodes', { n: figure(result.episodes, threshold).text, ongoing: figure(result.ongoing, threshold).text })}
          </p>
          <div className="sequence-grid">
            <figure className="chart-box">
              <figcaption>{t('stacking.sequences.highest')}</figcaption>
              {highest.length > 0 ? (
                <FlowChart className="highest-chart" label={t('stacking.sequences.highest')} spec={highestSpec(highest, { description: t('stacking.sequences.highest'), x: t('stacking.sequences.highestNumber'), y: t('stacking.episodes') })} />
              ) : (
                <p className="note">{t('stacking.nothing')}</p>
              )}
            </figure>
            <table className="pivot highest-table">
              <caption>{t('stacking.sequences.highest')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stacking.sequences.highestNumber')}</th>
                  <th scope="col" className="num">{t('stacking.episodes')}</th>
                </tr>
              </thead>
              <tbody>
                {result.highest.map((h) => {
                  const f = figure(h.episodes, threshold);
                  return (
                    <tr key={h.key} data-key={h.key}>
                      <th scope="row">{h.key}</th>
                      <td className={f.className} data-flag={f.flag}>{f.text}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <table className="pivot steps-table">
            <caption>{t('stacking.sequences.steps')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stacking.sequences.step')}</th>
                <th scope="col" className="num">{t('stacking.episodes')}</th>
                <th scope="col" className="num">{t('stacking.sequences.medianDays')}</th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((s) => {
                const f = figure(s.episodes, threshold);
                return (
                  <tr key={s.from} data-step={s.from}>
                    <th scope="row">{t('stacking.sequences.stepLabel', { from: s.from, to: s.to })}</th>
                    <td className={f.className} data-flag={f.flag}>{f.text}</td>
                    <td className="num">{days(s.medianDays)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <table className="pivot sequences-table">
            <caption>{t('stacking.sequences.top')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('stacking.sequences.sequence')}</th>
                <th scope="col" className="num">{t('stacking.episodes')}</th>
                <th scope="col">{t('stacking.sequences.medianDaysPerStep')}</th>
              </tr>
            </thead>
            <tbody>
              {result.sequences.map((s) => {
                const f = figure(s.episodes, threshold);
                return (
                  <tr key={s.key} data-key={s.key}>
                    <th scope="row">{s.segments.map(seqLabel).join(' → ')}</th>
                    <td className={f.className} data-flag={f.flag}>{f.text}</td>
                    <td>{s.medianDays.map(days).join(' · ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {steps.length > 0 && (
            <figure className="chart-box sankey-box">
              <figcaption>
                {t('stacking.sequences.flow')}
                <label htmlFor={`${id}-step`}>{t('stacking.sequences.step')}</label>
                <select id={`${id}-step`} value={chosen} onChange={(e) => onStep(Number(e.target.value))}>
                  {steps.map((s) => (
                    <option key={s} value={s}>
                      {t('stacking.sequences.stepLabel', { from: s, to: s + 1 })}
                    </option>
                  ))}
                </select>
              </figcaption>
              {spec ? <FlowChart className="sankey transitions" label={t('stacking.sequences.flowLabel', { from: chosen, to: chosen + 1 })} spec={spec} /> : <p className="note">{t('stacking.nothing')}</p>}
              <p className="hint">{t('stacking.sequences.flowNote')}</p>
            </figure>
          )}
        </>
      )}
    </section>
  );
}
