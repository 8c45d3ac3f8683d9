import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { TABLE_KINDS, type ColumnMapping, type TableImportResult, type TableKind } from '../../core/contract/tables.js';
import { MAX_SEND_BYTES } from '../import/useImportRun.js';
import { formatBytes } from '../format.js';
import { MappingEditor } from './MappingEditor.js';
import { PreviewPanel } from './PreviewPanel.js';
import { TableFilePicker } from './TableFilePicker.js';
import { TableResult } from './TableResult.js';
import { TablesList } from './TablesList.js';
import { useTablePreview, type TableFile } from './useTablePreview.js';
import './tables.css';

interface Props {
  api: SpiegelApi;
  version: number;
  onDataChanged: () => void;
}

/** Reference tables from flat extracts: choose a kind and a file, check the preview and the column
 *  mapping (suggested from the headers, or the one saved for this source), import. */
export function TablesView({ api, version, onDataChanged }: Props) {
  const { t } = useTranslation();
  const ids = { kind: useId(), source: useId(), sheet: useId(), year: useId() };
  const [kind, setKind] = useState<TableKind>('codebook');
  const [file, setFile] = useState<TableFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [sourceText, setSourceText] = useState('');
  const [source, setSource] = useState(''); // committed on blur: it selects the saved mapping
  const [sheet, setSheet] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [year, setYear] = useState('');
  const [result, setResult] = useState<TableImportResult | { error: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const preview = useTablePreview(api, file, kind, source, sheet);

  // A new preview brings its own mapping: the source's saved one, else the suggestion.
  const ready = preview.status === 'ready' ? preview.preview : null;
  useEffect(() => {
    if (!ready) return;
    setMapping(ready.saved ?? ready.suggested);
    setSourceText((s) => s || ready.source);
    setYear((y) => y || (ready.year === null ? '' : String(ready.year)));
  }, [ready]);

  const pick = async (p: { name: string; file: File }) => {
    setResult(null);
    if (p.file.size > MAX_SEND_BYTES) {
      setFileError(t('picker.tooLarge', { size: formatBytes(p.file.size), max: formatBytes(MAX_SEND_BYTES) }));
      return;
    }
    setFileError(null);
    setSourceText('');
    setSource('');
    setSheet('');
    setYear('');
    setFile({ name: p.name, bytes: new Uint8Array(await p.file.arrayBuffer()) });
  };

  const needsYear = ready?.fields.some((f) => f.type === 'year' && !mapping[f.id] && ready.wide?.field !== f.id) ?? false;
  const doImport = async () => {
    if (!file || !ready) return;
    setImporting(true);
    const y = Number(year);
    const r = await api.invoke('tables/import', {
      file, kind, source: sourceText.trim() || ready.source, mapping,
      ...(needsYear && Number.isInteger(y) && year ? { year: y } : {}),
      ...(sheet.trim() ? { sheet: sheet.trim() } : {}),
    });
    setImporting(false);
    setResult(r.ok ? r.value : { error: r.error.message });
    if (r.ok && r.value.status === 'imported') onDataChanged();
  };

  return (
    <section className="tables-view" aria-labelledby="tables-title">
      <h2 id="tables-title">{t('tables.title')}</h2>
      <p className="note">{t('tables.intro')}</p>
      <div className="table-choice">
        <div className="control">
          <label htmlFor={ids.kind}>{t('tables.kindLabel')}</label>
          <select id={ids.kind} value={kind} onChange={(e) => { setKind(e.target.value as TableKind); setResult(null); }}>
            {TABLE_KINDS.map((k) => (
              <option key={k} value={k}>{t(`tables.kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <TableFilePicker chosen={file ? { name: file.name, size: file.bytes.length } : null} onPick={(p) => void pick(p)} />
      </div>
      {fileError && <p className="error" role="alert">{fileError}</p>}

      {preview.status === 'loading' && <p className="note">{t('app.loading')}</p>}
      {preview.status === 'error' && <p className="error" role="alert">{t('tables.previewFailed', { message: preview.message })}</p>}
      {ready && (
        <>
          <PreviewPanel preview={ready} />
          <div className="table-options">
            <div className="control">
              <label htmlFor={ids.source}>{t('tables.source')}</label>
              <input id={ids.source} type="text" value={sourceText} maxLength={200} onChange={(e) => setSourceText(e.target.value)} onBlur={() => setSource(sourceText)} />
            </div>
            {ready.format === 'xlsx' && (
              <div className="control">
                <label htmlFor={ids.sheet}>{t('tables.sheet')}</label>
                <input id={ids.sheet} type="text" defaultValue={ready.sheet ?? ''} onBlur={(e) => setSheet(e.target.value)} />
              </div>
            )}
            {needsYear && (
              <div className="control">
                <label htmlFor={ids.year}>{t('tables.year')}</label>
                <input id={ids.year} type="number" min={1900} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
              </div>
            )}
          </div>
          <MappingEditor preview={ready} mapping={mapping} onChange={setMapping} />
          <div className="picker-buttons">
            <button type="button" className="primary" disabled={importing} onClick={() => void doImport()}>
              {importing ? t('tables.importing') : t('tables.import')}
            </button>
          </div>
        </>
      )}
      {result && ('error' in result ? <p className="error" role="alert">{t('tables.importFailed', { message: result.error })}</p> : <TableResult result={result} />)}

      <section className="tables-list-section" aria-labelledby="tables-list-title">
        <h3 id="tables-list-title">{t('tables.list.title')}</h3>
        <TablesList api={api} version={version} />
      </section>
    </section>
  );
}
