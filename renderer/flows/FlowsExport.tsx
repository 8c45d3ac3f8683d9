// Export of the stock-flow table as CSV (Dutch Excel) or XLSX through export/flows, which always suppresses
// small counts whatever the screen shows. The children behind a band are never part of an export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { FlowsQueryInput } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { downloadBytes } from '../pivot/workbench/download.js';
import { exportFailure } from '../work/Cancelled.js';

export function FlowsExport({ api, query }: { api: SpiegelApi; query: FlowsQueryInput }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const file = async (format: 'csv' | 'xlsx') => {
    const r = await api.invoke('export/flows', { query, format, lang });
    if (!r.ok) return setStatus(exportFailure(t, r.error));
    downloadBytes(r.value.bytes, r.value.fileName, r.value.mime);
    setStatus({ text: t('workbench.export.saved', { file: r.value.fileName }), error: false });
  };

  return (
    <details className="menu export-menu">
      <summary>{t('workbench.export.title')}</summary>
      <div className="menu-body">
        <p className="hint">{t('flows.export.note')}</p>
        <div className="menu-buttons">
          <button type="button" onClick={() => void file('csv')}>
            {t('workbench.export.csv')}
          </button>
          <button type="button" onClick={() => void file('xlsx')}>
            {t('workbench.export.xlsx')}
          </button>
        </div>
        <p className={status?.error ? 'error' : 'status'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </p>
      </div>
    </details>
  );
}
