import { Trans, useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../core/contract/api.js';
import { Header } from './Header.js';
import { PivotView } from './pivot/PivotView.js';
import { useDataVersion, useMeta } from './useMeta.js';

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
  const version = useDataVersion(api);
  const meta = useMeta(api, version);
  return (
    <>
      <Header peildatum={meta.status === 'ready' ? meta.meta.peildatum : undefined} synthetic={meta.status === 'ready' && meta.meta.dataset.synthetic} />
      <main>
        {meta.status === 'loading' && <p className="note">{t('app.loading')}</p>}
        {meta.status === 'error' && (
          <p className="error" role="alert">
            {t('app.error', { message: meta.message })}
          </p>
        )}
        {meta.status === 'ready' &&
          (meta.meta.counts.messages === 0 ? (
            <section className="empty" aria-label={t('empty.title')}>
              <p className="empty-text">
                <Trans i18nKey="empty.text" components={{ code: <code /> }} />
              </p>
            </section>
          ) : (
            <PivotView api={api} meta={meta.meta} version={version} />
          ))}
      </main>
    </>
  );
}
