import { useTranslation } from 'react-i18next';
import type { TableImportResult } from '../../core/contract/tables.js';
import { formatNumber } from '../format.js';

const SHOWN_ERRORS = 100;

export function TableResult({ result }: { result: TableImportResult }) {
  const { t } = useTranslation();
  const n = formatNumber;
  return (
    <section className="table-result" aria-labelledby="table-result-title">
      <h3 id="table-result-title">
        {result.status === 'imported' ? t('tables.result.imported', { file: result.file }) : t('tables.result.rejected', { file: result.file })}
      </h3>
      {result.status === 'imported' ? (
        <p className="outcome" role="status">
          {t('tables.result.counts', { lines: n(result.lines), rows: n(result.rows), replaced: n(result.replaced), source: result.source })}
        </p>
      ) : (
        <p className="error" role="alert">
          {t('tables.result.nothingStored', { count: result.errors.length, n: n(result.errors.length) })}
        </p>
      )}
      {result.errors.length > 0 && (
        <table className="data table-errors">
          <thead>
            <tr>
              <th scope="col" className="num">{t('tables.result.line')}</th>
              <th scope="col">{t('tables.result.column')}</th>
              <th scope="col">{t('tables.result.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <tr key={i}>
                <td className="num">{e.line === null ? '' : n(e.line)}</td>
                <td>{e.column ?? e.field ?? ''}</td>
                <td className="reason">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.errors.length > SHOWN_ERRORS && <p className="note">{t('tables.result.moreErrors', { n: n(result.errors.length - SHOWN_ERRORS) })}</p>}
      {result.warnings.length > 0 && (
        <>
          <h4>{t('report.warnings')}</h4>
          <ul className="notes">
            {result.warnings.map((w, i) => (
              <li key={i}>
                <code>{w.code}</code> {w.detail}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
