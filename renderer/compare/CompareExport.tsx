// Export of the open tab's table as CSV (Dutch Excel) or XLSX. The data process always suppresses exports
// (export/compare and the schools and benchmark exports), whatever the screen shows; the menu says so.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/registry.js';
import { downloadBytes } from '../pivot/workbench/download.js';
import { exportFailure } from '../work/Cancelled.js';

type Outcome = { ok: true; value: { bytes: Uint8Array; fileName: string; mime: string } } | { ok: false; error: { code: string; message: string } };

interface Props {
  /** Runs the export call for one format; null: nothing to export on this tab yet. */
  run: ((format: 'csv' | 'xlsx', lang: Lang) => Promise<Outcome>) | null;
  label?: string;
}

export function CompareExport({ run, label }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const file = async (format: 'csv' | 'xlsx') => {
    if (!run) return;
    const r = await run(format, lang);
    if (!r.ok) return setStatus(exportFailure(t, r.error));
    downloadBytes(r.value.bytes, r.value.fileName, r.value.mime);
    setStatus({ text: t('workbench.export.saved', { file: r.value.fileName }), error: false });
  };

  return (
    <details className="menu export-menu">
      <summary>{label ?? t('workbench.export.title')}</summary>
      <div className="menu-body">
        <p className="hint">{t('compare.export.note')}</p>
        <div className="menu-buttons">
          <button type="button" disabled={!run} onClick={() => void file('csv')}>
            {t('workbench.export.csv')}
          </button>
          <button type="button" disabled={!run} onClick={() => void file('xlsx')}>
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
