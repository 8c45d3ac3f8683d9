import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { TableListResult } from '../../core/contract/tables.js';
import { formatDateTime, formatNumber } from '../format.js';

export function TablesList({ api, version }: { api: SpiegelApi; version: number }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ tables: TableListResult['tables'] } | { error: string } | null>(null);
  useEffect(() => {
    let stale = false;
    void api.invoke('tables/list', {}).then((r) => {
      if (!stale) setState(r.ok ? { tables: r.value.tables } : { error: r.error.message });
    });
    return () => {
      stale = true;
    };
  }, [api, version]);

  if (!state) return <p className="note">{t('app.loading')}</p>;
  if ('error' in state) return <p className="error" role="alert">{t('app.error', { message: state.error })}</p>;
  if (state.tables.length === 0) return <p className="note">{t('tables.list.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data tables-list">
        <thead>
          <tr>
            <th scope="col">{t('tables.list.kind')}</th>
            <th scope="col">{t('tables.list.source')}</th>
            <th scope="col" className="num">{t('tables.list.rows')}</th>
            <th scope="col">{t('tables.list.periods')}</th>
            <th scope="col">{t('tables.list.file')}</th>
            <th scope="col">{t('tables.list.importedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {state.tables.map((tb) => (
            <tr key={`${tb.kind}/${tb.source}`} data-kind={tb.kind}>
              <th scope="row">{t(`tables.kind.${tb.kind}`)}</th>
              <td>{tb.source}</td>
              <td className="num">{formatNumber(tb.rows)}</td>
              <td>{periodsText(tb.periods)}</td>
              <td>{tb.file}</td>
              <td className="when">{formatDateTime(tb.importedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** 1996, 1997, …, 2024 reads as 1996–2024; a short list is shown as it is. */
function periodsText(periods: string[]): string {
  if (periods.length <= 3) return periods.join(', ');
  return `${periods[0]}–${periods[periods.length - 1]} (${periods.length})`;
}
