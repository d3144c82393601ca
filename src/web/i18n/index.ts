// i18next set-up: Vietnamese by default, English beside it; the choice persists in localStorage
// and the <html lang> attribute follows it.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { vi, type Messages } from './vi';
import { en } from './en';

export type Lang = 'vi' | 'en';
export const LANG_STORAGE_KEY = 'dv.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const initial = storedLang();
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lng);
  } catch {
    // storage may be unavailable (private mode); the choice then lasts for this page only
  }
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** The current language and a setter, for components that show bilingual labels from src/common. */
export function useLang(): [Lang, (lang: Lang) => void] {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'vi';
  return [lang, (next) => void inst.changeLanguage(next)];
}

export default i18n;
