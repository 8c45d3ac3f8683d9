import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchReport } from '../../core/contract/imports.js';
import { formatDateTime, formatNumber } from '../format.js';
import { CodeLabel } from './CodeLabel.js';
import { RejectedTable, WarningsTable } from './ReportTables.js';

/** The validation report of one batch: what came in per message type, what was refused and where, and
 *  what looked suspicious. */
export function ReportPanel({ report, onClose, focus }: { report: BatchReport; onClose?: () => void; focus?: boolean }) {
  const { t } = useTranslation();
  // Opened from the history below it: move focus (and the view) to the report, for keyboard users too.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus, report.batch.id]);
  const b = report.batch;
  const n = formatNumber;
  return (
    <section className="report" aria-labelledby="report-title">
      <div className="report-head">
        <h3 id="report-title" ref={heading} tabIndex={-1}>{t('report.title', { id: b.id, date: formatDateTime(b.startedAt) })}</h3>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {t('report.close')}
          </button>
        )}
      </div>
      <p className="report-summary">
        {b.source && <span className="source">{b.source} · </span>}
        {t('report.summary', { files: n(b.files), messages: n(b.messages), skipped: n(b.skipped), rejected: n(b.rejected), warnings: n(b.warnings) })}
      </p>
      {b.undoneAt && <p className="note undone">{t('report.undone', { date: formatDateTime(b.undoneAt) })}</p>}

      <h4>{t('report.types')}</h4>
      {report.types.length === 0 ? (
        <p className="note">{t('report.noTypes')}</p>
      ) : (
        <table className="data report-types">
          <thead>
            <tr>
              <th scope="col">{t('report.type')}</th>
              <th scope="col" className="num">{t('report.files')}</th>
              <th scope="col" className="num">{t('report.messages')}</th>
              <th scope="col" className="num" title={t('report.recordsHelp')}>{t('report.records')}</th>
            </tr>
          </thead>
          <tbody>
            {report.types.map((row) => (
              <tr key={row.code} data-code={row.code}>
                <th scope="row">
                  <CodeLabel group="messageType" code={row.code} />
                </th>
                <td className="num">{n(row.files)}</td>
                <td className="num">{n(row.messages)}</td>
                <td className="num">{n(row.records)}</td>
              </tr>
            ))}
          </tbody>
          {report.types.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">{t('report.total')}</th>
                <td className="num">{n(report.types.reduce((s, r) => s + r.files, 0))}</td>
                <td className="num">{n(report.types.reduce((s, r) => s + r.messages, 0))}</td>
                <td className="num">{n(report.types.reduce((s, r) => s + r.records, 0))}</td>
              </tr>
            </tfoot>
          )}
        </table>
      )}

      <h4>{t('report.rejected')}</h4>
      <RejectedTable rejected={report.rejected} />

      <h4>{t('report.warnings')}</h4>
      <WarningsTable warnings={report.warnings} />
    </section>
  );
}
