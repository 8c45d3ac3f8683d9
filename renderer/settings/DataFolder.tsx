// Where everything is kept (docs/PRIVACY.md §2). The desktop app can move to another folder (main shows
// the OS dialog and restarts the data process there); the browser host is started on one with --home.
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { SettingsResult } from '../../core/contract/settings.js';
import { Section } from './Section.js';

interface Props {
  api: SpiegelApi;
  settings: SettingsResult;
  onMoved: () => void;
}

export function DataFolder({ api, settings, onMoved }: Props) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const l = settings.locations;
  const choose = async () => {
    const r = await api.invoke('settings/choose-folder', {});
    if (!r.ok) setMessage({ ok: false, text: t('app.error', { message: r.error.message }) });
    else if (r.value.home !== null) {
      setMessage({ ok: true, text: t('settings.folder.moved', { folder: r.value.home }) });
      onMoved();
    }
  };
  return (
    <Section id="folder" title={t('settings.folder.title')} help={<p>{t('settings.folder.help')}</p>}>
      <dl className="locations">
        <dt>{t('settings.folder.home')}</dt>
        <dd><code>{l.home}</code></dd>
        <dt>{t('settings.folder.database')}</dt>
        <dd>
          <code>{l.database}</code>
          {l.demo && <> — {t('settings.folder.demo')}</>}
        </dd>
        <dt>{t('settings.folder.backups')}</dt>
        <dd>
          <code>{l.backups}</code> — {t('settings.folder.backupCount', { count: settings.backups.length })}
        </dd>
        <dt>{t('settings.folder.key')}</dt>
        <dd>
          <code>{l.key}</code> — {l.keyProtectedByOs ? t('settings.folder.keyOs') : t('settings.folder.keyFile')}
        </dd>
      </dl>
      {settings.desktop ? (
        <p>
          <button type="button" className="secondary" onClick={() => void choose()}>
            {t('settings.folder.choose')}
          </button>{' '}
          {t('settings.folder.chooseHelp')}
        </p>
      ) : (
        <p className="note">
          <Trans i18nKey="settings.folder.browser" components={{ code: <code /> }} />
        </p>
      )}
      {message && (
        <p className={message.ok ? 'setting-saved' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </Section>
  );
}
