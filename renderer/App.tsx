import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../core/contract/api.js';
import { Header } from './Header.js';
import { ImportView } from './import/ImportView.js';
import { useImportRun } from './import/useImportRun.js';
import { FlowsView } from './flows/FlowsView.js';
import { PivotView } from './pivot/PivotView.js';
import { StackingView } from './stacking/StackingView.js';
import { TablesView } from './tables/TablesView.js';
import { useDataVersion, useMeta } from './useMeta.js';
import { useView } from './useView.js';

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

function Connected({ api }: { api: SpiegelApi }) {
  const { t } = useTranslation();
  const view = useView();
  // data/changed from the data process, plus a local bump after this tab's own import or undo, so the
  // views refresh even if the event arrives late or not at all.
  const [local, setLocal] = useState(0);
  const version = useDataVersion(api) + local;
  const onDataChanged = useCallback(() => setLocal((n) => n + 1), []);
  const run = useImportRun(api, onDataChanged);
  const meta = useMeta(api, version);
  const analysis = view === 'pivot' || view === 'flows' || view === 'stacking';
  return (
    <>
      <Header
        peildatum={meta.status === 'ready' ? meta.meta.peildatum : undefined}
        synthetic={meta.status === 'ready' && meta.meta.dataset.synthetic}
        view={view}
      />
      <main>
        {view === 'import' && <ImportView api={api} version={version} run={run} onDataChanged={onDataChanged} />}
        {view === 'tables' && <TablesView api={api} version={version} onDataChanged={onDataChanged} />}
        {/* The pivot and the flows share the loading, error and empty states: both need imported data. */}
        {analysis && meta.status === 'loading' && <p className="note">{t('app.loading')}</p>}
        {analysis && meta.status === 'error' && (
          <p className="error" role="alert">
            {t('app.error', { message: meta.message })}
          </p>
        )}
        {analysis &&
          meta.status === 'ready' &&
          (meta.meta.counts.messages === 0 ? (
            <section className="empty" aria-label={t('empty.title')}>
              <p className="empty-text">
                <Trans i18nKey="empty.text" components={{ code: <code /> }} />
              </p>
              <p>
                <Trans i18nKey="empty.orImport" components={{ tab: <a href="#import" /> }} />
              </p>
            </section>
          ) : view === 'flows' ? (
            <FlowsView api={api} meta={meta.meta} version={version} />
          ) : view === 'stacking' ? (
            <StackingView api={api} meta={meta.meta} version={version} />
          ) : (
            <PivotView api={api} meta={meta.meta} version={version} />
          ))}
      </main>
    </>
  );
}
