import { useTranslation } from 'react-i18next';
import type { BatchReport } from '../../core/contract/imports.js';
import { formatNumber } from '../format.js';
import { CodeLabel } from './CodeLabel.js';

/** One row per error, so a file with three problems shows three places to look. */
export function RejectedTable({ rejected }: { rejected: BatchReport['rejected'] }) {
  const { t } = useTranslation();
  if (rejected.length === 0) return <p className="note">{t('report.noRejected')}</p>;
  return (
    <table className="data report-rejected">
      <thead>
        <tr>
          <th scope="col">{t('report.file')}</th>
          <th scope="col" className="num">{t('report.line')}</th>
          <th scope="col">{t('report.element')}</th>
          <th scope="col">{t('report.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {rejected.flatMap((f) =>
          (f.errors.length > 0 ? f.errors : [{ line: null, element: null, reason: '' }]).map((e, i) => (
            <tr key={`${f.file}-${i}`} data-file={f.file}>
              <th scope="row" className="file">{f.file}</th>
              <td className="num">{e.line === null ? '' : formatNumber(e.line)}</td>
              <td>{e.element && <code>{e.element}</code>}</td>
              <td className="reason">{e.reason}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

export function WarningsTable({ warnings }: { warnings: BatchReport['warnings'] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return <p className="note">{t('report.noWarnings')}</p>;
  return (
    <table className="data report-warnings">
      <thead>
        <tr>
          <th scope="col">{t('report.warning')}</th>
          <th scope="col" className="num">{t('report.count')}</th>
          <th scope="col">{t('report.examples')}</th>
        </tr>
      </thead>
      <tbody>
        {warnings.map((w) => (
          <tr key={w.code} data-code={w.code}>
            <th scope="row">
              <CodeLabel group="warning" code={w.code} />
            </th>
            <td className="num">{formatNumber(w.count)}</td>
            <td>
              {w.examples.length > 0 && (
                <ul className="examples">
                  {w.examples.map((ex, i) => (
                    <li key={i}>{ex}</li>
                  ))}
                </ul>
              )}
              {w.count > w.examples.length && w.examples.length > 0 && (
                <span className="note">{t('report.moreExamples', { n: formatNumber(w.count - w.examples.length) })}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
