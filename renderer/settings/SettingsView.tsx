// Instellingen: the settings an analyst makes for their region and laptop, each with what it does
// (issue 11). Threshold and peildatum are stored in the database (settings/set); language in the window.
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { DataFolder } from './DataFolder.js';
import { EraseData } from './EraseData.js';
import { LanguageSetting } from './LanguageSetting.js';
import { PeildatumSetting } from './PeildatumSetting.js';
import { ReferenceTables } from './ReferenceTables.js';
import { ThresholdSetting } from './ThresholdSetting.js';
import { useSettings } from './useSettings.js';
import './settings.css';

interface Props {
  api: SpiegelApi;
  version: number;
  onDataChanged: () => void;
}

export function SettingsView({ api, version, onDataChanged }: Props) {
  const { t } = useTranslation();
  const { state, set } = useSettings(api, version);
  return (
    <section className="settings-view" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p className="note">{t('settings.intro')}</p>
      <LanguageSetting />
      {state.status === 'loading' && <p className="note">{t('app.loading')}</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t('app.error', { message: state.message })}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <ThresholdSetting value={state.value.suppressionThreshold} onSave={(suppressionThreshold) => set({ suppressionThreshold })} />
          <PeildatumSetting peildatum={state.value.peildatum} onSave={(peildatum) => set({ peildatum })} />
          <ReferenceTables api={api} version={version} />
          <DataFolder api={api} settings={state.value} onMoved={onDataChanged} />
          <EraseData api={api} settings={state.value} onDone={onDataChanged} />
        </>
      )}
    </section>
  );
}
