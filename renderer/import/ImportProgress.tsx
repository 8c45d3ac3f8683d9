import { useTranslation } from 'react-i18next';
import { formatDuration, formatNumber } from '../format.js';
import type { Lang } from '../i18n/index.js';
import type { RunState } from './useImportRun.js';

interface Props {
  state: Extract<RunState, { kind: 'reading' | 'running' }>;
  onCancel: () => void;
}

/** The bar follows bytes (files differ in size by orders of magnitude); the line under it counts files. */
export function ImportProgress({ state, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  let percent: number | null = null;
  let title: string;
  let detail = '';
  if (state.kind === 'reading') {
    percent = state.total > 0 ? (100 * state.done) / state.total : 0;
    title = t('import.progress.reading');
    detail = t('import.progress.files', { done: formatNumber(state.done), total: formatNumber(state.total) });
  } else if (!state.status?.running) {
    title = t(state.own ? 'import.progress.sending' : 'import.progress.waiting');
  } else {
    const s = state.status;
    percent = s.bytesTotal > 0 ? (100 * s.bytesDone) / s.bytesTotal : 0;
    title = t(`import.phase.${s.phase}`, { defaultValue: s.phase });
    const eta = s.etaMs === null ? t('import.progress.etaUnknown') : t('import.progress.eta', { time: formatDuration(s.etaMs, i18n.language as Lang) });
    detail = [
      t('import.progress.files', { done: formatNumber(s.filesDone), total: formatNumber(s.filesTotal) }),
      t('import.progress.messages', { count: s.messages, n: formatNumber(s.messages) }),
      s.rejected > 0 ? t('import.progress.rejected', { count: s.rejected, n: formatNumber(s.rejected) }) : null,
      eta,
    ]
      .filter(Boolean)
      .join(' · ');
  }
  const rounded = percent === null ? null : Math.min(100, Math.round(percent));
  const cancelling = state.kind === 'running' && state.cancelling;

  return (
    <section className="import-progress" aria-labelledby="import-progress-title">
      <h3 id="import-progress-title">{title}</h3>
      <div
        className={`progress${rounded === null ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby="import-progress-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded ?? undefined}
        aria-valuetext={detail || title}
      >
        <div className="progress-fill" style={rounded === null ? undefined : { width: `${rounded}%` }} />
      </div>
      <p className="progress-detail">
        {detail}
      </p>
      <button type="button" className="secondary" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('import.progress.cancelling') : t('import.progress.cancel')}
      </button>
      <p className="note">{t('import.progress.cancelNote')}</p>
    </section>
  );
}
