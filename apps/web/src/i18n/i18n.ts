import { UI_LANGUAGES, type UiLanguage } from '@vitrina/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translations } from './resources';

const STORAGE_KEY = 'vitrina.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The saved choice, else the browser's first supported language, else Russian. */
export function initialLanguage(saved: string | null, browser: readonly string[]): UiLanguage {
  if (isUiLanguage(saved)) return saved;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'ru';
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function setUiLanguage(language: UiLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: translations.en }, ru: { translation: translations.ru } },
  lng: initialLanguage(readSaved(), typeof navigator === 'undefined' ? [] : navigator.languages),
  fallbackLng: 'ru',
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export default i18n;
