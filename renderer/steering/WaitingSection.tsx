// Waiting times (analysis/waiting): assignment → first start and request → start per segment (count, mean,
// median, classes of days); the ageing list of "toegewezen, niet gestart" and trajectories running over 18
// months without a new assignment. The two lists name assignments, so they stay in the app: never in
// meeting mode or the printed report.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { WAIT_CLASSES, type WaitingResult } from '../../core/contract/analysis.js';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { days } from '../flows/figures.js';
import { formatDate, formatNumber } from '../format.js';
import { CallState } from './CallState.js';
import { figureText } from './values.js';

const LIST_MAX = 50;

interface Props {
  api: SpiegelApi;
  version: number;
  period: string;
  suppress: boolean;
  meeting: boolean;
  labelOf: (dim: string, key: string) => string;
}

function WaitTable({ rows, caption, threshold, kind }: { rows: WaitingResult['assignmentToStart']; caption: string; threshold: number; kind: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <table className={`pivot wait-table wait-${kind}`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('steering.segment')}</th>
          <th scope="col">{t('steering.waiting.count')}</th>
          <th scope="col">{t('steering.waiting.mean')}</th>
          <th scope="col">{t('steering.waiting.median')}</th>
          {WAIT_CLASSES.map((c) => (
            <th key={c.key} scope="col">
              {t('steering.waiting.class', { range: c.key })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const n = figureText(r.count, threshold);
          const hidden = r.count.flag === 'suppressed' || r.count.flag === 'secondary';
          return (
            <tr key={r.segment} data-segment={r.segment} className={r.segment === 'total' ? 'total-row' : undefined}>
              <th scope="row">{r.label[lang]}</th>
              <td className={n.className}>{n.text}</td>
              {/* A mean or median of 1–4 children is hidden with their count. */}
              <td className={hidden ? n.className : 'num'}>{hidden ? n.text : days(r.meanDays)}</td>
              <td className={hidden ? n.className : 'num'}>{hidden ? n.text : days(r.medianDays)}</td>
              {r.classes.map((c, i) => {
                const f = figureText(c, threshold);
                return (
                  <td key={i} className={f.className}>
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
}

export function WaitingSection({ api, version, period, suppress, meeting, labelOf }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { result, error, busy } = useCall(api, 'analysis/waiting', { period, suppress }, version);
  const threshold = result?.suppression.threshold ?? 5;
  // The list totals are plain counts (each assignment one child): 1–4 are hidden like any cell when suppressed.
  const count = (n: number) => (suppress && n > 0 && n < threshold ? `<${threshold}` : formatNumber(n));
  return (
    <section className="steering-section waiting-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.waiting.title', { period })}</h3>
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          <WaitTable kind="assignment" rows={result.assignmentToStart} caption={t('steering.waiting.assignmentToStart')} threshold={threshold} />
          <WaitTable kind="request" rows={result.requestToStart} caption={t('steering.waiting.requestToStart')} threshold={threshold} />
          <p className="note not-started-summary">
            {t('steering.waiting.notStarted', { total: count(result.notStarted.total) })}{' '}
            {WAIT_CLASSES.map((c, i) => `${c.key}: ${count(result.notStarted.classes[i] ?? 0)}`).join(' · ')}
          </p>
          {meeting ? (
            <p className="note">{t('steering.waiting.hidden')}</p>
          ) : (
            <>
              {result.notStarted.items.length > 0 && (
                <details className="case-list">
                  <summary>{t('steering.waiting.ageingList', { n: result.notStarted.items.length })}</summary>
                  <table className="pivot ageing-table">
                    <caption>{t('steering.waiting.ageingCaption')}</caption>
                    <thead>
                      <tr>
                        {['municipality', 'assignment', 'provider', 'product', 'assignedOn', 'ingangsdatum', 'age'].map((k) => (
                          <th key={k} scope="col">
                            {t(`steering.waiting.col.${k}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {result.notStarted.items.slice(0, LIST_MAX).map((x) => (
                        <tr key={`${x.municipality}-${x.toewijzingNr}`}>
                          <td>{labelOf('municipality', x.municipality)}</td>
                          <td className="num">{x.toewijzingNr}</td>
                          <td>{labelOf('provider', x.provider)}</td>
                          <td>{x.product}</td>
                          <td>{formatDate(x.assignedOn)}</td>
                          <td>{formatDate(x.ingangsdatum)}</td>
                          <td className="num">{formatNumber(x.ageDays)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
              <p className="note">{t('steering.waiting.long', { total: count(result.longTrajectories.total) })}</p>
              {result.longTrajectories.items.length > 0 && (
                <details className="case-list">
                  <summary>{t('steering.waiting.longList', { n: result.longTrajectories.items.length })}</summary>
                  <table className="pivot long-table">
                    <caption>{t('steering.waiting.longCaption')}</caption>
                    <thead>
                      <tr>
                        {['municipality', 'assignment', 'provider', 'start', 'months', 'lastAssignedOn'].map((k) => (
                          <th key={k} scope="col">
                            {t(`steering.waiting.col.${k}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {result.longTrajectories.items.slice(0, LIST_MAX).map((x) => (
                        <tr key={`${x.municipality}-${x.toewijzingNr}`}>
                          <td>{labelOf('municipality', x.municipality)}</td>
                          <td className="num">{x.toewijzingNr}</td>
                          <td>{labelOf('provider', x.provider)}</td>
                          <td>{formatDate(x.start)}</td>
                          <td className="num">{formatNumber(x.months)}</td>
                          <td>{formatDate(x.lastAssignedOn)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
