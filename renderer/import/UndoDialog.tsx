import { useTranslation } from 'react-i18next';
import type { BatchSummary, UndoResult } from '../../core/contract/imports.js';
import { formatDateTime, formatNumber } from '../format.js';
import { ConfirmDialog } from './ConfirmDialog.js';

/** Says exactly what undo does before it happens: a message goes only when no other batch still holds it. */
export function UndoDialog({ batch, onConfirm, onCancel }: { batch: BatchSummary; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const name = batch.source ? `${formatDateTime(batch.startedAt)} (${batch.source})` : formatDateTime(batch.startedAt);
  return (
    <ConfirmDialog
      title={t('undo.title', { name })}
      confirmLabel={t('undo.confirm')}
      cancelLabel={t('undo.cancel')}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('undo.what', { held: formatNumber(batch.held) })}</p>
      <p>{t('undo.kept')}</p>
      <p>{t('undo.history')}</p>
    </ConfirmDialog>
  );
}

export function UndoOutcome({ result }: { result: { ok: true; value: UndoResult } | { ok: false; message: string } }) {
  const { t } = useTranslation();
  if (!result.ok) return <p className="error" role="alert">{t('undo.failed', { message: result.message })}</p>;
  const r = result.value;
  return (
    <div className="outcome" role="status">
      <p>{t('undo.done', { id: r.batchId, removed: formatNumber(r.messagesRemoved), kept: formatNumber(r.messagesKept) })}</p>
      {r.notes.length > 0 && (
        <ul className="notes">
          {r.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
