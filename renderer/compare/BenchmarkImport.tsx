// Import of a CBS StatLine table (CSV as downloaded from StatLine, e.g. 85099NED) for the benchmark, and the
// list of tables already imported. The file is read in the browser and sent as bytes; nothing leaves the app.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { formatDateTime } from '../format.js';
import { useCall } from '../flows/useCall.js';
import { wasCancelled } from '../work/Cancelled.js';
import { valueText } from './cells.js';

export function BenchmarkImport({ api, version, onImported }: { api: SpiegelApi; version: number; onImported: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [local, setLocal] = useState(0);
  const { result } = useCall(api, 'benchmark/list', {}, version + local);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const r = await api.invoke('benchmark/import', { file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
    setBusy(false);
    if (!r.ok && wasCancelled(r.error)) return setStatus({ text: t('work.benchmarkCancelled'), error: false });
    if (!r.ok) return setStatus({ text: t('app.error', { message: r.error.message }), error: true });
    const v = r.value;
    if (v.status === 'rejected') return setStatus({ text: t('compare.benchmark.rejected', { file: v.file, reason: v.errors[0]?.reason ?? '' }), error: true });
    setStatus({ text: t('compare.benchmark.imported', { file: v.file, table: v.table ?? '', stored: valueText(v.stored, 'count'), years: v.years.join(', ') }), error: false });
    setLocal((n) => n + 1);
    onImported();
  };

  return (
    <details className="menu benchmark-import" open={result !== null && result.tables.length === 0}>
      <summary>{t('compare.benchmark.importTitle')}</summary>
      <div className="menu-body">
        <p className="hint">{t('compare.benchmark.importHelp')}</p>
        <label htmlFor={`${id}-file`}>{t('compare.benchmark.file')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void pick(e.target.files?.[0])} />
        <p className={status?.error ? 'error' : 'status'} role={status?.error ? 'alert' : 'status'}>
          {busy ? t('workbench.busy') : status?.text}
        </p>
        {result && result.tables.length > 0 && (
          <ul className="benchmark-tables">
            {result.tables.map((x) => (
              <li key={x.table} data-table={x.table}>
                {t('compare.benchmark.tableLine', { table: x.table, file: x.file, years: x.years.join(', '), at: formatDateTime(x.importedAt) })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
