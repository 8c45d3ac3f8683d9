import { useTranslation } from 'react-i18next';
import type { TablePreview } from '../../core/contract/tables.js';
import { formatNumber } from '../format.js';

/** What was detected (so a wrong encoding or delimiter is visible before anything is stored) and the
 *  first rows as read. */
export function PreviewPanel({ preview }: { preview: TablePreview }) {
  const { t } = useTranslation();
  const facts = [
    t('tables.preview.format', { format: preview.format.toUpperCase() }),
    preview.encoding && t('tables.preview.encoding', { encoding: t(`tables.encoding.${preview.encoding}`) }),
    preview.delimiter && t('tables.preview.delimiter', { delimiter: t(`tables.delimiter.${preview.delimiter === '\t' ? 'tab' : preview.delimiter === ';' ? 'semicolon' : 'comma'}`) }),
    preview.sheet && t('tables.preview.sheet', { sheet: preview.sheet }),
    t('tables.preview.rows', { count: preview.rowCount, n: formatNumber(preview.rowCount) }),
  ].filter(Boolean);
  return (
    <section className="table-preview" aria-labelledby="table-preview-title">
      <h3 id="table-preview-title">{t('tables.preview.title', { file: preview.file })}</h3>
      <ul className="facts">
        {facts.map((f) => (
          <li key={f as string}>{f}</li>
        ))}
      </ul>
      {preview.wide && (
        <p className="note">{t('tables.preview.wide', { n: formatNumber(preview.wide.columns.length), first: preview.wide.columns[0] ?? '', last: preview.wide.columns.at(-1) ?? '' })}</p>
      )}
      <div className="table-wrap">
        <table className="data preview-rows">
          <caption>{t('tables.preview.firstRows', { n: formatNumber(preview.rows.length) })}</caption>
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={i} scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
