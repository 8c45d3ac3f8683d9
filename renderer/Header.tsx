import { useTranslation } from 'react-i18next';
import { formatDate } from './format.js';
import { useGuide } from './help/Guide.js';
import { setLang, type Lang } from './i18n/index.js';
import { VIEWS, type View } from './useView.js';

const LANGS: { id: Lang; label: string; name: string }[] = [
  { id: 'nl', label: 'NL', name: 'Nederlands' },
  { id: 'en', label: 'EN', name: 'English' },
];

interface Props {
  peildatum?: string | null;
  synthetic?: boolean;
  /** The open view; without it (no connection) there is nothing to navigate to. */
  view?: View;
}

export function Header({ peildatum, synthetic, view }: Props) {
  const { t, i18n } = useTranslation();
  const guide = useGuide();
  return (
    <header className="app-header">
      <div className="brand">
        <h1>Spiegel</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
        {synthetic && (
          <span className="synthetic" role="status" title={t('app.syntheticHelp')}>
            {t('app.synthetic')}
          </span>
        )}
      </div>
      {view && (
        // Plain links: Tab and Enter work without extra key handling, and the hash survives a reload.
        <nav className="views" aria-label={t('nav.label')}>
          {VIEWS.map((v) => (
            <a key={v} href={`#${v}`} aria-current={v === view ? 'page' : undefined}>
              {t(`nav.${v}`)}
            </a>
          ))}
        </nav>
      )}
      <div className="header-side">
        {peildatum && (
          <p className="peildatum">
            {t('app.peildatum')}: <strong>{formatDate(peildatum)}</strong>
          </p>
        )}
        {guide && (
          <button type="button" className="help-button" aria-haspopup="dialog" onClick={guide.openHelp}>
            {t('help.button')}
          </button>
        )}
        <div className="lang" role="group" aria-label={t('app.language')}>
          {LANGS.map((l) => (
            <button key={l.id} type="button" lang={l.id} title={l.name} aria-pressed={i18n.language === l.id} onClick={() => setLang(l.id)}>
              {l.label}
            </button>
          ))}
        </div>
      </div>
    </header>
  );
}
