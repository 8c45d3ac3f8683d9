import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../core/contract/methods.js';
import { formatNumber } from '../format.js';
import { RejectedTable } from './ReportTables.js';
import type { RunState } from './useImportRun.js';

const STATUSES = ['imported', 'duplicate', 'rejected', 'unsupported'] as const;

/** One line on how the last import ended. The full report of its batch follows below it; an import that
 *  made no batch (nothing to store) shows its refused files here instead. */
export function RunOutcome({ state }: { state: Extract<RunState, { kind: 'done' | 'cancelled' | 'failed' }> }) {
  const { t } = useTranslation();
  if (state.kind === 'cancelled') return <p className="outcome cancelled" role="status">{t('outcome.cancelled')}</p>;
  if (state.kind === 'failed') {
    const text = state.code === 'busy' ? t('outcome.busy') : t('outcome.failed', { message: state.message });
    return <p className="error" role="alert">{text}</p>;
  }
  const report: ImportReport = state.report;
  const counts = STATUSES.map((s) => ({ s, n: report.files.filter((f) => f.status === s).length })).filter((c) => c.n > 0);
  return (
    <div className="outcome" role="status">
      <p>
        {t('outcome.done', { count: report.files.length, n: formatNumber(report.files.length) })}{' '}
        {counts.map((c) => t(`outcome.status.${c.s}`, { n: formatNumber(c.n) })).join(', ')}.
      </p>
      {state.cancelTooLate && <p className="note">{t('outcome.cancelTooLate')}</p>}
      {report.batchId === null && (
        <RejectedTable
          rejected={report.files.filter((f) => f.errors.length > 0).map((f) => ({ file: f.name, errors: f.errors }))}
        />
      )}
    </div>
  );
}
