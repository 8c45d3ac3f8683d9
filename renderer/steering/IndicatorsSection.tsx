// The indicators as cards, grouped by owner project, each with its status and chart; how to make one
// (from a pivot with "Maak indicator") when there are none yet.
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { SeriesResult } from '../../core/contract/steering.js';
import { IndicatorCard } from './IndicatorCard.js';
import { useIndicatorWords } from './sourceText.js';

interface Props {
  meta: DimensionsResult;
  result: SeriesResult;
  meeting: boolean;
  onDelete: (id: number) => void;
}

export function IndicatorsSection({ meta, result, meeting, onDelete }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const words = useIndicatorWords(meta);
  const projects = [...new Set(result.series.map((s) => s.indicator.project))];
  return (
    <section className="steering-section indicators-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.indicators.title', { n: result.series.length })}</h3>
      {result.series.length === 0 ? (
        <p className="note">
          <Trans i18nKey="steering.indicators.none" components={{ tab: <a href="#pivot" /> }} />
        </p>
      ) : (
        projects.map((p) => (
          <div key={p} className="project-group">
            <h4>{p}</h4>
            <div className="indicator-grid">
              {result.series
                .filter((s) => s.indicator.project === p)
                .map((s) => (
                  <IndicatorCard key={s.indicator.id} series={s} threshold={result.suppression.threshold} words={words(s.indicator)} onDelete={meeting ? undefined : onDelete} />
                ))}
            </div>
          </div>
        ))
      )}
    </section>
  );
}
