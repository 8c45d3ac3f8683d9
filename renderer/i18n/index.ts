// Dutch first: the analysts work in Dutch; English is there for colleagues and reviewers.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import nl from './nl.json';

export type Lang = 'nl' | 'en';
const LANG_KEY = 'spiegel.lang';

function savedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'nl';
}

export function setLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export async function initI18n(): Promise<void> {
  const lng = savedLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    fallbackLng: 'nl',
    // React escapes what it renders; i18next escaping on top would double-escape.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
