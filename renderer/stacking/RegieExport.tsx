// Export of the regie-op-drie list. It is a case list with exact figures, so the export asks first: a dialog
// with a checkbox confirming it is the municipality's own case list; only then is export/regie-op-drie called,
// with confirmOwnCaseList: true (the data process refuses it otherwise). A native <dialog>: focus stays inside
// and Esc closes it.
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { RegieArgs } from '../../core/contract/stacking.js';
import type { Lang } from '../../core/registry.js';
import { downloadBytes } from '../pivot/workbench/download.js';
import { exportFailure } from '../work/Cancelled.js';

export function RegieExport({ api, query }: { api: SpiegelApi; query: RegieArgs }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  const open = () => {
    setConfirmed(false);
    setStatus(null);
    dialog.current?.showModal();
  };
  const file = async (format: 'csv' | 'xlsx') => {
    if (!confirmed) return;
    const r = await api.invoke('export/regie-op-drie', { query, format, lang, confirmOwnCaseList: true });
    if (!r.ok) return setStatus(exportFailure(t, r.error));
    downloadBytes(r.value.bytes, r.value.fileName, r.value.mime);
    setStatus({ text: t('workbench.export.saved', { file: r.value.fileName }), error: false });
  };

  return (
    <>
      <button type="button" className="regie-export" onClick={open}>
        {t('stacking.regie.export')}
      </button>
      <dialog ref={dialog} className="regie-dialog" aria-labelledby={`${id}-title`}>
        <h4 id={`${id}-title`}>{t('stacking.regie.exportTitle')}</h4>
        <p>{t('stacking.regie.exportHelp')}</p>
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          {t('stacking.regie.confirm')}
        </label>
        <div className="menu-buttons">
          <button type="button" disabled={!confirmed} onClick={() => void file('csv')}>
            {t('workbench.export.csv')}
          </button>
          <button type="button" disabled={!confirmed} onClick={() => void file('xlsx')}>
            {t('workbench.export.xlsx')}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('grid.close')}
          </button>
        </div>
        <p className={status?.error ? 'error' : 'status'} role={status?.error ? 'alert' : 'status'}>
          {status?.text}
        </p>
      </dialog>
    </>
  );
}
