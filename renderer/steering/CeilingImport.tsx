// Budget or contract ceilings per provider and year (CSV: provider AGB; year; ceiling in euro), imported through
// analysis/import-budget: a re-import replaces the years it holds. The file is read here and sent as bytes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { TableFilePicker } from '../tables/TableFilePicker.js';

export function CeilingImport({ api, onImported }: { api: SpiegelApi; onImported: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="case-list ceiling-import">
      <summary>{t('steering.delivery.importCeilings')}</summary>
      <p className="hint">{t('steering.delivery.importHelp')}</p>
      <TableFilePicker
        chosen={chosen}
        onPick={(picked) => {
          setChosen({ name: picked.name, size: picked.file.size });
          setStatus('');
          void picked.file.arrayBuffer().then(async (buffer) => {
            const r = await api.invoke('analysis/import-budget', { file: { name: picked.name, bytes: new Uint8Array(buffer) } });
            if (!r.ok) return setError(r.error.message);
            setError(r.value.errors.length ? r.value.errors.map((e) => t('steering.delivery.lineError', e)).join(' ') : null);
            setStatus(t('steering.delivery.imported', { rows: r.value.rows, years: r.value.years.join(', ') }));
            onImported();
          });
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="status" role="status">
        {status}
      </p>
    </details>
  );
}
