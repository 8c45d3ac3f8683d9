// The language of the screens, exports' default and the help. Kept in this window (localStorage), like the
// NL/EN switch in the header; the same choice, explained.
import { useTranslation } from 'react-i18next';
import { setLang, type Lang } from '../i18n/index.js';
import { Section } from './Section.js';

const LANGS: { id: Lang; name: string }[] = [
  { id: 'nl', name: 'Nederlands' },
  { id: 'en', name: 'English' },
];

export function LanguageSetting() {
  const { t, i18n } = useTranslation();
  return (
    <Section id="language" title={t('settings.language.title')} help={<p>{t('settings.language.help')}</p>}>
      <fieldset className="setting-row">
        <legend className="visually-hidden">{t('settings.language.title')}</legend>
        {LANGS.map((l) => (
          <label key={l.id} lang={l.id}>
            <input type="radio" name="settings-language" value={l.id} checked={i18n.language === l.id} onChange={() => setLang(l.id)} /> {l.name}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
