import { useCallback, useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../core/contract/api.js';
import { Header } from './Header.js';
import { EmptyState } from './help/EmptyState.js';
import { Guide } from './help/Guide.js';
import { ImportView } from './import/ImportView.js';
import { useImportRun } from './import/useImportRun.js';
import { CompareView } from './compare/CompareView.js';
import { FlowsView } from './flows/FlowsView.js';
import { PivotView } from './pivot/PivotView.js';
import { SettingsView } from './settings/SettingsView.js';
import { StackingView } from './stacking/StackingView.js';
import { SteeringView } from './steering/SteeringView.js';
import { TablesView } from './tables/TablesView.js';
import { useDataVersion, useMeta } from './useMeta.js';
import { useView } from './useView.js';
import { Cancelled, wasCancelled } from './work/Cancelled.js';
import { trackCalls } from './work/trackCalls.js';
import { WorkProgress } from './work/WorkProgress.js';

export function App({ api }: { api: SpiegelApi | null }) {
  if (!api) {
    return (
      <>
        <Header />
        <main>
          <p className="empty">
            <Trans i18nKey="app.noConnection" components={{ code: <code /> }} />
          </p>
        </main>
      </>
    );
  }
  return <Connected api={api} />;
}

function Connected({ api: bare }: { api: SpiegelApi }) {
  // Every call counted, so one strip can show the progress of long work and cancel it (renderer/work/).
  const tracker = useMemo(() => trackCalls(bare), [bare]);
  const api = tracker.api;
  const { t } = useTranslation();
  const view = useView();
  // data/changed from the data process, plus a local bump after this tab's own import or undo, so the
  // views refresh even if the event arrives late or not at all.
  const [local, setLocal] = useState(0);
  const version = useDataVersion(api) + local;
  const onDataChanged = useCallback(() => setLocal((n) => n + 1), []);
  const run = useImportRun(api, onDataChanged);
  const meta = useMeta(api, version);
  const analysis = view === 'pivot' || view === 'flows' || view === 'stacking' || view === 'steering' || view === 'compare';
  return (
    <Guide view={view} demo={meta.status === 'ready' && meta.meta.dataset.synthetic}>
      <Header
        peildatum={meta.status === 'ready' ? meta.meta.peildatum : undefined}
        synthetic={meta.status === 'ready' && meta.meta.dataset.synthetic}
        view={view}
      />
      <WorkProgress api={bare} tracker={tracker} />
      <main>
        {view === 'import' && <ImportView api={api} version={version} run={run} onDataChanged={onDataChanged} />}
        {view === 'tables' && <TablesView api={api} version={version} onDataChanged={onDataChanged} />}
        {view === 'settings' && <SettingsView api={api} version={version} onDataChanged={onDataChanged} />}
        {/* The analysis views share the loading and error states; each says in its own empty state what it needs. */}
        {analysis && meta.status === 'loading' && <p className="note">{t('app.loading')}</p>}
        {analysis && meta.status === 'error' && wasCancelled(meta) && <Cancelled onRetry={onDataChanged} />}
        {analysis && meta.status === 'error' && !wasCancelled(meta) && (
          <p className="error" role="alert">
            {t('app.error', { message: meta.message })}
          </p>
        )}
        {analysis &&
          meta.status === 'ready' &&
          (meta.meta.counts.messages === 0 ? (
            <EmptyState view={view} />
          ) : view === 'flows' ? (
            <FlowsView api={api} meta={meta.meta} version={version} />
          ) : view === 'stacking' ? (
            <StackingView api={api} meta={meta.meta} version={version} />
          ) : view === 'compare' ? (
            <CompareView api={api} meta={meta.meta} version={version} />
          ) : view === 'steering' ? (
            <SteeringView api={api} meta={meta.meta} version={version} />
          ) : (
            <PivotView api={api} meta={meta.meta} version={version} />
          ))}
      </main>
    </Guide>
  );
}
