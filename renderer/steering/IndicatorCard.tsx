// One indicator: its name, owner project and status (with the rule), the figures that define its target —
// baseline, latest month, target — and the chart of its monthly series against the target line. The same
// card serves the steering view and the printed report (`report`: no buttons, the definition written out).
import { useTranslation } from 'react-i18next';
import type { IndicatorSeries } from '../../core/contract/steering.js';
import type { Lang } from '../../core/registry.js';
import { FlowChart } from '../flows/FlowChart.js';
import { formatDate } from '../format.js';
import { drawnPoints, indicatorSpec } from './indicatorSpec.js';
import type { IndicatorWords } from './sourceText.js';
import { StatusBadge } from './StatusBadge.js';
import { formatValue, monthLabel, pointText } from './values.js';

/** A4 portrait between 15 mm margins is about 680 px; the y-axis labels take the rest. */
const REPORT_CHART_WIDTH = 600;
/** Low enough that two cards with their charts share an A4 page. */
const REPORT_CHART_HEIGHT = 140;

interface Props {
  series: IndicatorSeries;
  threshold: number;
  /** What it measures, in words (useIndicatorWords). */
  words: IndicatorWords;
  report?: boolean;
  onDelete?: (id: number) => void;
}

export function IndicatorCard({ series, threshold, words, report, onDelete }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { indicator: ind, points, latest, status } = series;
  const unit = ind.unit;
  const shown = drawnPoints(points);
  const upToNow = points.filter((p) => p.value !== null || p.flag === 'suppressed');
  const suppressed = points.filter((p) => p.flag === 'suppressed').length;
  const provisional = points.some((p) => p.voorlopig && !p.closed && p.value !== null);
  const label = t('steering.card.chartLabel', { name: ind.name });
  // The baseline is a month's figure too: hidden like that month when it is behind 1–4 children.
  const basePoint = points.find((p) => p.month === ind.baseline.period);
  const baseText = basePoint?.flag === 'suppressed' ? `<${threshold}` : formatValue(ind.baseline.value, unit);
  return (
    <article className="indicator-card" data-indicator={ind.id} aria-labelledby={`indicator-${ind.id}`}>
      <header className="indicator-head">
        <h3 id={`indicator-${ind.id}`}>{ind.name}</h3>
        <span className="indicator-project">{t('steering.card.project', { project: ind.project })}</span>
      </header>
      <StatusBadge status={status} lang={lang} />
      <dl className="indicator-figures">
        <div>
          <dt>{t('steering.card.baseline', { month: monthLabel(ind.baseline.period, lang) })}</dt>
          <dd className={`baseline-value${basePoint?.flag === 'small' ? ' small' : ''}`}>{baseText}</dd>
        </div>
        <div>
          <dt>{latest ? t('steering.card.latest', { month: monthLabel(latest.month, lang) }) : t('steering.card.noLatest')}</dt>
          <dd className={`latest-value${latest?.flag === 'small' ? ' small' : ''}`} data-month={latest?.month}>
            {pointText(latest, unit, threshold)}
            {latest?.voorlopig && !latest.closed && <span className="voorlopig-tag">{t('steering.voorlopig')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('steering.card.target', { date: formatDate(ind.target.date) })}</dt>
          <dd className="target-value">{formatValue(ind.target.value, unit)}</dd>
        </div>
        <div>
          <dt>{t('steering.card.direction')}</dt>
          <dd>{t(`steering.direction.${ind.direction}`)}</dd>
        </div>
      </dl>
      <figure className="chart-box indicator-chart-box">
        {shown.length > 0 ? (
          <FlowChart
            className="indicator-chart"
            label={label}
            spec={indicatorSpec(points, unit, lang, {
              description: label,
              month: t('steering.card.month'),
              value: words.axis,
              target: t('steering.card.targetLine'),
              final: t('steering.definitief'),
              provisional: t('steering.voorlopig'),
              closed: t('steering.gesloten'),
            }, report ? REPORT_CHART_WIDTH : 'container', report ? REPORT_CHART_HEIGHT : 200)}
          />
        ) : (
          <p className="note">{t('steering.card.noPoints')}</p>
        )}
        <figcaption className="chart-legend">
          <span className="legend-series">{words.label}</span>
          <span className="legend-target">{t('steering.card.targetLine')}</span>
          {provisional && <span className="legend-provisional">{t('steering.card.provisionalNote')}</span>}
        </figcaption>
        <p className="hint">
          {t('steering.card.shown', { shown: shown.length, months: upToNow.length })}
          {suppressed > 0 && ` ${t('steering.card.suppressed', { count: suppressed, threshold })}`}
        </p>
      </figure>
      {report && (
        <p className="indicator-definition">
          <strong>{t('steering.card.definition')}:</strong> {words.definition} {series.targetLine[lang]}
        </p>
      )}
      {!report && onDelete && (
        <details className="indicator-more">
          <summary>{t('steering.card.more')}</summary>
          <p>{words.definition}</p>
          <p>{series.targetLine[lang]}</p>
          <button type="button" className="secondary" onClick={() => onDelete(ind.id)} aria-label={t('steering.card.deleteOf', { name: ind.name })}>
            {t('steering.card.delete')}
          </button>
        </details>
      )}
    </article>
  );
}
