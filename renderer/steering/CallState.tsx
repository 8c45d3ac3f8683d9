// What every analysis section shows while its call is on its way or has failed, and the engine's notes.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/registry.js';

export function CallState({ error, busy, notes }: { error: string | null; busy: boolean; notes?: { nl: string; en: string }[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {busy && <p className="busy">{t('workbench.busy')}</p>}
      {notes?.map((n, i) => (
        <p key={i} className="note">
          {n[lang]}
        </p>
      ))}
    </>
  );
}
