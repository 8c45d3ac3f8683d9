import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { BatchSummary, UndoResult } from '../../core/contract/imports.js';
import { FilePicker } from './FilePicker.js';
import { HistoryTable } from './HistoryTable.js';
import { ImportProgress } from './ImportProgress.js';
import { ReportPanel } from './ReportPanel.js';
import { RunOutcome } from './RunOutcome.js';
import { UndoDialog, UndoOutcome } from './UndoDialog.js';
import { useBatchReport, useHistory } from './useImportData.js';
import type { ImportRun } from './useImportRun.js';
import './import.css';

interface Props {
  api: SpiegelApi;
  version: number;
  run: ImportRun;
  onDataChanged: () => void;
}

export function ImportView({ api, version, run, onDataChanged }: Props) {
  const { t } = useTranslation();
  const refresh = version + run.finished;
  const history = useHistory(api, refresh);
  const [shownId, setShownId] = useState<number | null>(null);
  const [fromHistory, setFromHistory] = useState(false);
  const report = useBatchReport(api, shownId, refresh);
  const [undoing, setUndoing] = useState<BatchSummary | null>(null);
  const [undone, setUndone] = useState<{ ok: true; value: UndoResult } | { ok: false; message: string } | null>(null);

  const undo = async (batch: BatchSummary) => {
    setUndoing(null);
    const r = await api.invoke('import/undo', { batchId: batch.id });
    setUndone(r.ok ? r : { ok: false, message: r.error.message });
    onDataChanged();
  };

  const showFromHistory = (id: number) => {
    setShownId(id);
    setFromHistory(true);
  };

  // A new import hides the report shown before it; a finished one shows its own.
  const s = run.state;
  const busy = s.kind === 'reading' || s.kind === 'running';
  const finishedBatch = s.kind === 'done' ? s.report.batchId : null;
  useEffect(() => {
    if (busy) setShownId(null);
  }, [busy]);
  useEffect(() => {
    if (finishedBatch !== null) {
      setShownId(finishedBatch);
      setFromHistory(false);
    }
  }, [finishedBatch]);

  return (
    <section className="import-view" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="note">
        <Trans i18nKey="import.intro" components={{ code: <code /> }} />
      </p>

      {busy ? <ImportProgress state={s} onCancel={run.cancel} /> : <FilePicker disabled={busy} onImport={run.start} />}
      {(s.kind === 'done' || s.kind === 'cancelled' || s.kind === 'failed') && <RunOutcome state={s} />}

      {report?.status === 'loading' && <p className="note">{t('app.loading')}</p>}
      {report?.status === 'error' && <p className="error" role="alert">{t('app.error', { message: report.message })}</p>}
      {report?.status === 'ready' && <ReportPanel report={report.value} onClose={() => setShownId(null)} focus={fromHistory} />}

      <section className="history-section" aria-labelledby="history-title">
        <h3 id="history-title">{t('history.title')}</h3>
        {undone && <UndoOutcome result={undone} />}
        {history.status === 'loading' && <p className="note">{t('app.loading')}</p>}
        {history.status === 'error' && <p className="error" role="alert">{t('app.error', { message: history.message })}</p>}
        {history.status === 'ready' && (
          <HistoryTable batches={history.value} shownId={shownId} busy={busy} onReport={showFromHistory} onUndo={setUndoing} />
        )}
      </section>

      {undoing && <UndoDialog batch={undoing} onConfirm={() => void undo(undoing)} onCancel={() => setUndoing(null)} />}
    </section>
  );
}
