// The printable monthly report for the council or board (#steering?report=1): the chosen indicators, each
// with its status and rule, chart, figures and definition; the closed months with their batches. Always
// suppressed (DOMAIN.md §3: print/PDF leaves the analyst), Dutch formats. The toolbar (choose indicators,
// print, back) is for the screen only; the browser's print dialog makes the PDF (print CSS in steering.css).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import { useCall } from '../flows/useCall.js';
import { formatDate, formatDateTime } from '../format.js';
import { IndicatorCard } from './IndicatorCard.js';
import { useIndicatorWords } from './sourceText.js';
import { monthLabel } from './values.js';
import './report.css';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
  ids: number[] | null; // null: every indicator
  onIds: (ids: number[] | null) => void;
  onBack: () => void;
}

export function ReportView({ api, meta, version, ids, onIds, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'nl' | 'en';
  const id = useId();
  const words = useIndicatorWords(meta);
  const { result, error, busy } = useCall(api, 'indicators/series', { suppress: true }, version);
  const months = useCall(api, 'months/list', {}, version).result;
  const all = result?.series ?? [];
  const chosen = all.filter((s) => ids === null || ids.includes(s.indicator.id));
  const closed = (months?.months ?? []).filter((m) => m.state === 'gesloten');
  const toggle = (indicatorId: number, on: boolean) => {
    const current = ids ?? all.map((s) => s.indicator.id);
    const next = on ? [...current, indicatorId] : current.filter((x) => x !== indicatorId);
    onIds(next.length === all.length ? null : next);
  };
  const threshold = result?.suppression.threshold ?? 5;

  return (
    <section className="steering-report" aria-labelledby={`${id}-title`}>
      <div className="report-toolbar no-print">
        <button type="button" className="secondary" onClick={onBack}>
          {t('steering.report.back')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!result}>
          {t('steering.report.print')}
        </button>
        {all.length > 0 && (
          <fieldset className="report-choice">
            <legend>{t('steering.report.choose')}</legend>
            {all.map((s) => (
              <label key={s.indicator.id} className="check">
                <input type="checkbox" checked={chosen.includes(s)} onChange={(e) => toggle(s.indicator.id, e.target.checked)} />
                {s.indicator.name}
              </label>
            ))}
          </fieldset>
        )}
        <p className="hint">{t('steering.report.hint')}</p>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {busy && !result && <p className="busy no-print" role="status">{t('workbench.busy')}</p>}
      <header className="steering-report-head">
        <h2 id={`${id}-title`}>{t('steering.report.title')}</h2>
        <p className="report-meta">
          {meta.dataset.label && <span>{meta.dataset.label}</span>}
          <span>
            {t('app.peildatum')}: <strong>{formatDate(result?.peildatum ?? meta.peildatum)}</strong>
          </span>
          <span>{t('steering.report.made', { date: formatDateTime(new Date().toISOString()).slice(0, 10) })}</span>
        </p>
        <p className="report-suppression">{t('steering.report.suppression', { threshold })}</p>
      </header>
      {result && chosen.length === 0 && <p className="note">{t('steering.report.empty')}</p>}
      {chosen.map((s) => (
        <IndicatorCard key={s.indicator.id} series={s} threshold={threshold} words={words(s.indicator)} report />
      ))}
      {result && (
        <section className="report-notes" aria-labelledby={`${id}-notes`}>
          <h3 id={`${id}-notes`}>{t('steering.report.notesTitle')}</h3>
          <ul>
            <li>{t('steering.report.statusNote')}</li>
            <li>{t('steering.report.voorlopigNote')}</li>
            <li>{t('steering.report.suppressionNote', { threshold })}</li>
            <li>
              {closed.length === 0
                ? t('steering.report.noClosed')
                : t('steering.report.closed', {
                    months: closed.map((m) => `${monthLabel(m.month, lang)} (${t('steering.months.batches').toLowerCase()} ${m.batchIds.map((b) => `#${b}`).join(', ')})`).join('; '),
                  })}
            </li>
          </ul>
        </section>
      )}
    </section>
  );
}
