// "Erase all data" (two steps: what goes, then a last confirmation) and "restore the last backup" (when one
// exists). Both end the data process's hold on the store; the desktop app (electron/main.ts) and the browser host
// (data/worker-restart.ts) start a fresh one on the next call, so the view carries on with the new store.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { RESTORE_CONFIRMATION, type SettingsResult } from '../../core/contract/settings.js';
import { ERASE_CONFIRMATION } from '../../core/contract/system.js';
import { formatDateTime } from '../format.js';
import { ConfirmDialog } from '../import/ConfirmDialog.js';
import { Section } from './Section.js';

type Step = 'idle' | 'erase-1' | 'erase-2' | 'restore';
type Outcome = { kind: 'erased'; removed: string[] } | { kind: 'restored'; at: string; kept: string | null } | { kind: 'failed'; message: string };

interface Props {
  api: SpiegelApi;
  settings: SettingsResult;
  onDone: () => void;
}

export function EraseData({ api, settings, onDone }: Props) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('idle');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const latest = settings.backups[0];
  const erase = async () => {
    setStep('idle');
    const r = await api.invoke('system/erase', { confirm: ERASE_CONFIRMATION });
    setOutcome(r.ok ? { kind: 'erased', removed: r.value.removed } : { kind: 'failed', message: r.error.message });
    // The next call is answered by a fresh data process: the views refetch from the new store.
    if (r.ok) onDone();
  };
  const restore = async () => {
    setStep('idle');
    const r = await api.invoke('settings/restore-backup', { confirm: RESTORE_CONFIRMATION });
    setOutcome(r.ok ? { kind: 'restored', at: r.value.restoredFrom, kept: r.value.previousKeptAt } : { kind: 'failed', message: r.error.message });
    if (r.ok) onDone();
  };

  if (outcome && outcome.kind !== 'failed') {
    return (
      <Section id="erase" title={t('settings.erase.title')} help={null}>
        <div className="outcome" role="status">
          {outcome.kind === 'erased' ? (
            <>
              <p>{t('settings.erase.done', { count: outcome.removed.length })}</p>
              <ul className="removed-list">
                {outcome.removed.map((p) => (
                  <li key={p}><code>{p}</code></li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('settings.restore.done', { date: formatDateTime(outcome.at) })} {outcome.kept && t('settings.restore.kept', { file: outcome.kept })}</p>
          )}
          {/* The desktop app opens the demo region again while the real store is empty (data/demo.ts chooseDatabase);
              the browser host goes on with the real, empty store (docs/PRIVACY.md §3). */}
          <p className="continues">
            {outcome.kind === 'restored' ? t('settings.restore.continues') : settings.desktop ? t('settings.erase.restartDesktop') : t('settings.erase.continues')}
          </p>
          {settings.desktop && (
            <button type="button" onClick={() => location.reload()}>
              {t('settings.erase.reload')}
            </button>
          )}
        </div>
      </Section>
    );
  }
  return (
    <Section id="erase" title={t('settings.erase.title')} help={<p>{t('settings.erase.help')}</p>}>
      {latest && (
        <p>
          <button type="button" className="secondary" onClick={() => setStep('restore')}>
            {t('settings.restore.button')}
          </button>{' '}
          {t('settings.restore.latest', { date: formatDateTime(latest.at) })}
        </p>
      )}
      {!latest && <p className="note">{t('settings.restore.none')}</p>}
      <p>
        <button type="button" className="danger" onClick={() => setStep('erase-1')}>
          {t('settings.erase.button')}
        </button>
      </p>
      {outcome?.kind === 'failed' && (
        <p className="error" role="alert">
          {t('app.error', { message: outcome.message })}
        </p>
      )}
      {step === 'erase-1' && (
        <ConfirmDialog title={t('settings.erase.step1Title')} confirmLabel={t('settings.erase.step1Confirm')} cancelLabel={t('settings.cancel')} onConfirm={() => setStep('erase-2')} onCancel={() => setStep('idle')}>
          <p>{t('settings.erase.step1Text')}</p>
          <ul>
            <li><code>{settings.locations.database}</code> {t('settings.erase.withWal')}</li>
            <li><code>{settings.locations.backups}</code></li>
            <li><code>{settings.locations.key}</code></li>
          </ul>
        </ConfirmDialog>
      )}
      {step === 'erase-2' && (
        <ConfirmDialog title={t('settings.erase.step2Title')} confirmLabel={t('settings.erase.step2Confirm')} cancelLabel={t('settings.cancel')} onConfirm={() => void erase()} onCancel={() => setStep('idle')}>
          <p>{t('settings.erase.step2Text')}</p>
        </ConfirmDialog>
      )}
      {step === 'restore' && latest && (
        <ConfirmDialog title={t('settings.restore.confirmTitle')} confirmLabel={t('settings.restore.confirm')} cancelLabel={t('settings.cancel')} onConfirm={() => void restore()} onCancel={() => setStep('idle')}>
          <p>{t('settings.restore.confirmText', { date: formatDateTime(latest.at) })}</p>
        </ConfirmDialog>
      )}
    </Section>
  );
}
