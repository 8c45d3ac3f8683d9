import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../core/contract/imports.js';
import { formatDateTime, formatNumber } from '../format.js';

interface Props {
  batches: BatchSummary[];
  shownId: number | null;
  busy: boolean;
  onReport: (id: number) => void;
  onUndo: (batch: BatchSummary) => void;
}

/** Newest first: the batch just imported is the one the analyst looks for. */
export function HistoryTable({ batches, shownId, busy, onReport, onUndo }: Props) {
  const { t } = useTranslation();
  if (batches.length === 0) return <p className="note empty-history">{t('history.empty')}</p>;
  const sorted = [...batches].sort((a, b) => b.id - a.id);
  const n = formatNumber;
  return (
    <div className="table-wrap">
      <table className="data history">
        <thead>
          <tr>
            <th scope="col">{t('history.date')}</th>
            <th scope="col">{t('history.source')}</th>
            <th scope="col" className="num">{t('history.files')}</th>
            <th scope="col" className="num">{t('history.messages')}</th>
            <th scope="col" className="num">{t('history.rejected')}</th>
            <th scope="col" className="num">{t('history.warnings')}</th>
            <th scope="col">{t('history.status')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {sorted.map((b) => (
            <HistoryRow key={b.id} batch={b} shown={b.id === shownId} busy={busy} n={n} onReport={onReport} onUndo={onUndo} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  batch: BatchSummary;
  shown: boolean;
  busy: boolean;
  n: (v: number) => string;
  onReport: (id: number) => void;
  onUndo: (batch: BatchSummary) => void;
}

function HistoryRow({ batch: b, shown, busy, n, onReport, onUndo }: RowProps) {
  const { t } = useTranslation();
  const when = formatDateTime(b.startedAt);
  return (
    <tr data-batch={b.id} className={b.undoneAt ? 'undone' : undefined} aria-current={shown ? 'true' : undefined}>
      <th scope="row">{when}</th>
      <td>{b.source ?? ''}</td>
      <td className="num">{n(b.files)}</td>
      <td className="num">{n(b.messages)}</td>
      <td className="num">{n(b.rejected)}</td>
      <td className="num">{n(b.warnings)}</td>
      <td className="status">
        {b.undoneAt ? (
          <>
            {t('history.undone')}{' '}
            <span className="when">{t('history.undoneOn', { date: formatDateTime(b.undoneAt) })}</span>
          </>
        ) : (
          t(b.finishedAt ? 'history.done' : 'history.running')
        )}
      </td>
      <td className="actions">
        <div className="row-buttons">
          <button type="button" className="secondary" onClick={() => onReport(b.id)} aria-label={t('history.reportOf', { id: b.id, date: when })}>
            {t('history.report')}
          </button>
          {!b.undoneAt && b.finishedAt && (
            <button type="button" className="secondary" disabled={busy} onClick={() => onUndo(b)} aria-label={t('history.undoOf', { id: b.id, date: when })}>
              {t('history.undo')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
